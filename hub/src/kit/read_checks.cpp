// Checks on full reads: the records equal the expected file, a second read gives the same records,
// broken samples give rejects (or a named error) and never a crash.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "kit/kit_checks.hpp"
#include "recolte/sdk/text.hpp"

namespace recolte::kit {

namespace fs = std::filesystem;

std::string describeError(const sdk::Error& e) {
    return std::string(sdk::toString(e.kind)) + " error: " + e.describe();
}

std::string firstOf(const std::vector<std::string>& items, size_t max, std::string_view sep) {
    if (items.size() <= max) return sdk::join(items, sep);
    return sdk::join(std::vector<std::string>(items.begin(), items.begin() + max), sep) + std::string(sep) + "... (" +
           std::to_string(items.size()) + " in all)";
}

namespace {

std::string expectedText(const std::vector<CapturedRecord>& records) {
    std::string out;
    for (const auto& r : records) out += toJsonLine(r) + "\n";
    return out;
}

// key -> line, from the expected file's text.
std::map<std::string, std::string> linesByKey(const std::string& text) {
    std::map<std::string, std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        auto at = line.find("\"key\":\"");
        std::string key = at == std::string::npos ? line : line.substr(at + 7, line.find('"', at + 7) - at - 7);
        out[key] = line;
    }
    return out;
}

std::string listOf(const std::vector<std::string>& keys) { return firstOf(keys, 5, ", "); }

}  // namespace

CheckResult checkExpected(const AcceptanceConfig& cfg, const ReadRun& first, bool write) {
    if (cfg.expected.empty()) return fail("expected", "acceptance.yaml names no expected-records file (expected:)");
    const std::string actual = expectedText(first.sink.records());
    if (write) {
        fs::create_directories(fs::path(cfg.expected).parent_path());
        std::ofstream(cfg.expected, std::ios::binary | std::ios::trunc) << actual;
        return pass("expected", "written: " + cfg.expected + " (" + std::to_string(first.sink.records().size()) +
                                    " records); review it, then commit it");
    }
    std::ifstream in(cfg.expected, std::ios::binary);
    if (!in) return fail("expected", cfg.expected + ": cannot read it (create it with --write-expected, then review it)");
    std::ostringstream ss;
    ss << in.rdbuf();
    if (ss.str() == actual) return pass("expected", std::to_string(first.sink.records().size()) + " records as in " + cfg.expected);
    const auto want = linesByKey(ss.str()), got = linesByKey(actual);
    std::vector<std::string> missing, extra, differ;
    for (const auto& [k, line] : want) {
        auto it = got.find(k);
        if (it == got.end()) missing.push_back(k);
        else if (it->second != line) differ.push_back(k);
    }
    for (const auto& [k, line] : got)
        if (!want.count(k)) extra.push_back(k);
    std::string detail = cfg.expected + " differs:";
    if (!missing.empty()) detail += " missing " + listOf(missing) + ";";
    if (!extra.empty()) detail += " not expected " + listOf(extra) + ";";
    if (!differ.empty()) detail += " different " + listOf(differ) + " (first: " + got.at(differ.front()) + ");";
    if (missing.empty() && extra.empty() && differ.empty()) detail += " same records, other order or spacing;";
    return fail("expected", detail);
}

CheckResult checkRepeatable(KitContext& kit, const AcceptanceConfig& cfg, const ReadRun& first) {
    auto second = kit.read(cfg.source, "");
    if (!second->result) return fail("repeatable", "the second read failed: " + describeError(second->result.error()));
    if (expectedText(second->sink.records()) != expectedText(first.sink.records()))
        return fail("repeatable", "two full reads of the same sample gave different records");
    if (second->sink.rejects().size() != first.sink.rejects().size())
        return fail("repeatable", "two full reads gave " + std::to_string(first.sink.rejects().size()) + " and " +
                                      std::to_string(second->sink.rejects().size()) + " rejects");
    return pass("repeatable", std::to_string(first.sink.records().size()) + " records twice");
}

CheckResult checkBroken(KitContext& kit, const AcceptanceConfig& cfg) {
    if (cfg.broken.empty()) return fail("broken", "acceptance.yaml lists no broken sample (broken:)");
    std::vector<std::string> problems, seen;
    for (const auto& sample : cfg.broken) {
        const std::string name = fs::path(sample.source.location).filename().string();
        auto run = kit.read(sample.source, "");
        if (!sample.error.empty()) {
            if (run->result) problems.push_back(name + ": read succeeded, expected a " + sample.error + " error");
            else if (sdk::toString(run->result.error().kind) != sample.error)
                problems.push_back(name + ": expected a " + sample.error + " error, got " + describeError(run->result.error()));
            else if (run->result.error().where.empty())
                problems.push_back(name + ": the error does not say where: " + run->result.error().message);
            else seen.push_back(name + ": " + describeError(run->result.error()));
            continue;
        }
        if (!run->result) {
            problems.push_back(name + ": the read failed instead of rejecting: " + describeError(run->result.error()));
            continue;
        }
        const auto& rejects = run->sink.rejects();
        if (rejects.empty()) problems.push_back(name + ": no reject");
        else if (sample.rejects && int64_t(rejects.size()) != *sample.rejects)
            problems.push_back(name + ": " + std::to_string(rejects.size()) + " rejects, expected " + std::to_string(*sample.rejects));
        for (const auto& r : rejects) {
            const auto& w = r.where;
            if (r.reason.empty()) problems.push_back(name + ": a reject without a reason");
            else if (w.file.empty() && w.url.empty() && w.element.empty() && w.line == 0)
                problems.push_back(name + ": a reject that does not say where: " + r.reason);
        }
        seen.push_back(name + ": " + std::to_string(rejects.size()) + " rejects, " +
                       std::to_string(run->sink.records().size()) + " records");
    }
    if (!problems.empty()) return fail("broken", sdk::join(problems, "; "));
    return pass("broken", sdk::join(seen, "; "));
}

}  // namespace recolte::kit
