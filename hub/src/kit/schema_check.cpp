#include "kit/schema_check.hpp"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/Exception.h>
#include <Poco/StreamCopier.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "kit/embedded_validator.hpp"
#include "recolte/sdk/text.hpp"
#include "publish/embedded_files.hpp"

namespace recolte::kit {

namespace fs = std::filesystem;

std::string schemaFileOfStream(const std::string& stream) {
    for (auto s : {sdk::Stream::Offers, sdk::Stream::Producers, sdk::Stream::Needs, sdk::Stream::Invoices})
        if (stream == sdk::toString(s)) return sdk::schemaFileOf(s);
    return stream + ".schema.json";
}

namespace {

void writeFile(const fs::path& p, std::string_view content) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
}

// Runs the validator; returns its exit code and everything it printed.
sdk::Expected<std::pair<int, std::string>> runValidator(const std::string& python, const std::vector<std::string>& args) {
    try {
        Poco::Pipe out;
        Poco::ProcessHandle ph = Poco::Process::launch(python, args, nullptr, &out, &out);
        Poco::PipeInputStream in(out);
        std::string text;
        Poco::StreamCopier::copyToString(in, text);
        return std::make_pair(ph.wait(), text);
    } catch (const Poco::Exception& e) {
        return sdk::systemError("cannot run the JSON Schema validator: " + e.displayText() +
                                    " (install python3 and python3-jsonschema)",
                                python);
    }
}

}  // namespace

std::string writeEmbeddedSchemas(const std::string& dir) {
    for (const auto& f : publish::schemaFiles()) writeFile(fs::path(dir) / std::string(f.name), f.content);
    return dir;
}

sdk::Expected<std::vector<std::string>> validateRecords(const std::vector<CapturedRecord>& records,
                                                        const std::string& schemaDir, const std::string& workDir,
                                                        const std::string& python) {
    const fs::path validator = fs::path(workDir) / "validate_json.py";
    for (const auto& f : validatorFiles())
        if (f.name == "validate_json.py") writeFile(validator, f.content);
    std::map<std::string, std::vector<std::string>> filesByStream;
    std::map<std::string, std::string> keyOfFile;
    for (size_t i = 0; i < records.size(); ++i) {
        const fs::path p = fs::path(workDir) / "records" / (std::to_string(i) + ".json");
        writeFile(p, records[i].json);
        filesByStream[records[i].stream].push_back(p.string());
        keyOfFile[p.string()] = records[i].key;
    }
    std::vector<std::string> problems;
    for (const auto& [stream, files] : filesByStream) {
        const std::string schema = schemaFileOfStream(stream);
        if (!fs::exists(fs::path(schemaDir) / schema))
            return sdk::configError("schema " + schema + " is missing: the " + stream + " records cannot be validated",
                                    schemaDir);
        std::vector<std::string> args{validator.string(), schemaDir, schema};
        args.insert(args.end(), files.begin(), files.end());
        auto run = runValidator(python, args);
        if (!run) return run.error();
        auto [code, text] = run.value();
        if (code == 0) continue;
        if (code != 1) return sdk::systemError("the JSON Schema validator failed (exit " + std::to_string(code) + "): " + text);
        // "FILE: $.path: message" -> "offers/ID: $.path: message"
        size_t start = 0;
        while (start < text.size()) {
            size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            std::string line = text.substr(start, end - start);
            start = end + 1;
            if (line.empty()) continue;
            auto colon = line.find(": ");
            auto key = colon == std::string::npos ? keyOfFile.end() : keyOfFile.find(line.substr(0, colon));
            std::string problem = key == keyOfFile.end() ? line : key->second + line.substr(colon);
            // jsonschema quotes the whole instance in some messages: keep the start, which names it.
            if (problem.size() > 300) problem = sdk::excerpt(problem, 300) + "...";
            problems.push_back(std::move(problem));
        }
    }
    return problems;
}

}  // namespace recolte::kit
