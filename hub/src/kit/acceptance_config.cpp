#include "kit/acceptance_config.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>

#include "recolte/sdk/text.hpp"

namespace recolte::kit {

namespace fs = std::filesystem;

const std::vector<std::string>& checkNames() {
    static const std::vector<std::string> names{
        "options",         "unknown-option", "check-good",      "check-bad",      "discover",
        "schema",          "expected",       "repeatable",      "bookmark-resume", "bookmark-change",
        "bookmark-future", "broken",         "abi"};
    return names;
}

namespace {

class Reader {
public:
    Reader(std::string file, std::string connector) : file_(std::move(file)), connector_(std::move(connector)) {}

    std::string where(const YAML::Node& node, const std::string& key) const {
        return file_ + ":" + std::to_string(node.Mark().line + 1) + ": " + key;
    }
    void fail(const YAML::Node& node, const std::string& key, const std::string& reason) {
        errors_.push_back(where(node, key) + ": " + reason);
    }
    const std::vector<std::string>& errors() const { return errors_; }

    void knownKeys(const YAML::Node& map, const std::string& prefix, const std::vector<std::string>& valid) {
        for (const auto& kv : map) {
            const std::string key = kv.first.Scalar();
            if (std::find(valid.begin(), valid.end(), key) != valid.end()) continue;
            fail(kv.first, prefix + key, "unknown key; valid keys are: " + sdk::join(valid, ", "));
        }
    }

    // A source map without name and connector: the kit adds them.
    std::optional<config::SourceConfig> source(YAML::Node node, const std::string& key) {
        if (!node.IsMap()) {
            fail(node, key, "expected a source map (path or url, and the connector's options)");
            return std::nullopt;
        }
        for (const char* own : {"name", "connector"})
            if (node[own]) fail(node[own], key + "." + own, "set by the kit; remove it");
        node["name"] = kSourceName;
        node["connector"] = connector_;
        auto parsed = config::parseSourceNode(node, key, file_);
        for (auto& e : parsed.errors) errors_.push_back(std::move(e));
        return parsed.source;
    }

    std::string scalar(const YAML::Node& node, const std::string& key) {
        if (!node.IsScalar()) {
            fail(node, key, "expected a plain value");
            return {};
        }
        return node.Scalar();
    }

    std::vector<std::string> list(const YAML::Node& node, const std::string& key) {
        std::vector<std::string> out;
        if (!node.IsSequence()) {
            fail(node, key, "expected a list, e.g. [offers/ID]");
            return out;
        }
        for (size_t i = 0; i < node.size(); ++i) out.push_back(scalar(node[i], key + "[" + std::to_string(i) + "]"));
        return out;
    }

    std::string path(const YAML::Node& node, const std::string& key) {
        std::string p = scalar(node, key);
        if (p.empty()) return p;
        return (fs::path(file_).parent_path() / p).lexically_normal().string();
    }

    BookmarkPlan bookmark(const YAML::Node& node) {
        BookmarkPlan plan;
        if (!node.IsMap()) {
            fail(node, "bookmark", "expected a map with edits, added, changed, removed, future");
            return plan;
        }
        knownKeys(node, "bookmark.", {"edits", "added", "changed", "removed", "future"});
        if (const auto edits = node["edits"]) {
            if (!edits.IsSequence()) fail(edits, "bookmark.edits", "expected a list of {file, replace, with}");
            for (size_t i = 0; edits.IsSequence() && i < edits.size(); ++i) {
                const std::string key = "bookmark.edits[" + std::to_string(i) + "]";
                const YAML::Node e = edits[i];
                if (!e.IsMap() || !e["file"] || !e["replace"] || !e["with"]) {
                    fail(e, key, "expected {file, replace, with}");
                    continue;
                }
                knownKeys(e, key + ".", {"file", "replace", "with"});
                plan.edits.push_back({scalar(e["file"], key + ".file"), scalar(e["replace"], key + ".replace"),
                                      scalar(e["with"], key + ".with")});
            }
        }
        if (node["added"]) plan.added = list(node["added"], "bookmark.added");
        if (node["changed"]) plan.changed = list(node["changed"], "bookmark.changed");
        if (node["removed"]) plan.removed = list(node["removed"], "bookmark.removed");
        if (node["future"]) plan.future = scalar(node["future"], "bookmark.future");
        return plan;
    }

private:
    std::string file_;
    std::string connector_;
    std::vector<std::string> errors_;
};

}  // namespace

sdk::Expected<AcceptanceConfig> loadAcceptanceConfig(const std::string& path, const std::string& connector) {
    AcceptanceConfig cfg;
    cfg.file = fs::absolute(path).lexically_normal().string();
    YAML::Node root;
    try {
        root = YAML::LoadFile(cfg.file);
    } catch (const YAML::BadFile&) {
        return sdk::configError("cannot read the acceptance file", path);
    } catch (const YAML::Exception& e) {
        return sdk::configError("not valid YAML: line " + std::to_string(e.mark.line + 1) + ": " + e.msg, path);
    }
    if (!root.IsMap()) return sdk::configError("expected a map with source, expected, bad_config, broken, bookmark, skip", path);
    Reader r(cfg.file, connector);
    r.knownKeys(root, "", {"source", "expected", "bad_config", "broken", "bookmark", "skip"});
    if (!root["source"]) return sdk::configError("missing source: the sample the kit reads", path);
    if (auto s = r.source(root["source"], "source")) cfg.source = std::move(*s);
    if (root["expected"]) cfg.expected = r.path(root["expected"], "expected");
    if (root["bad_config"]) cfg.bad_config = r.source(root["bad_config"], "bad_config");
    if (const auto broken = root["broken"]) {
        if (!broken.IsSequence()) r.fail(broken, "broken", "expected a list of sources");
        for (size_t i = 0; broken.IsSequence() && i < broken.size(); ++i) {
            const std::string key = "broken[" + std::to_string(i) + "]";
            YAML::Node node = broken[i];
            BrokenSample sample;
            // rejects/error belong to the kit, not to the source: read and removed before parsing.
            if (node.IsMap() && node["rejects"]) {
                try {
                    sample.rejects = node["rejects"].as<int64_t>();
                } catch (const YAML::Exception&) {
                    r.fail(node["rejects"], key + ".rejects", "expected a number of rejects");
                }
                node.remove("rejects");
            }
            if (node.IsMap() && node["error"]) {
                sample.error = r.scalar(node["error"], key + ".error");
                static const std::vector<std::string> kinds{"config", "transient", "data", "system"};
                if (std::find(kinds.begin(), kinds.end(), sample.error) == kinds.end())
                    r.fail(node["error"], key + ".error", "expected config, transient, data or system");
                node.remove("error");
            }
            if (auto s = r.source(node, key)) sample.source = std::move(*s);
            cfg.broken.push_back(std::move(sample));
        }
    }
    if (root["bookmark"]) cfg.bookmark = r.bookmark(root["bookmark"]);
    if (const auto skip = root["skip"]) {
        if (!skip.IsMap()) r.fail(skip, "skip", "expected a map {check: why it does not apply}");
        else {
            r.knownKeys(skip, "skip.", checkNames());
            for (const auto& kv : skip) {
                std::string why = r.scalar(kv.second, "skip." + kv.first.Scalar());
                if (why.empty()) r.fail(kv.second, "skip." + kv.first.Scalar(), "say why this check does not apply");
                cfg.skip[kv.first.Scalar()] = why;
            }
        }
    }
    if (!r.errors().empty()) return sdk::configError(sdk::join(r.errors(), "\n"));
    return cfg;
}

}  // namespace recolte::kit
