// Bookmarks: resuming from the last read's bookmark returns nothing when nothing changed, exactly
// the declared changes when the sample was edited, and nothing for a bookmark from the future.
#include <algorithm>
#include <filesystem>
#include <map>

#include "kit/kit_checks.hpp"
#include "kit/work_dir.hpp"
#include "recolte/sdk/text.hpp"

namespace recolte::kit {

namespace fs = std::filesystem;

namespace {

std::string joined(std::vector<std::string> keys) {
    std::sort(keys.begin(), keys.end());
    return "[" + sdk::join(keys, ", ") + "]";
}

std::string emittedSummary(const ReadRun& run) {
    return std::to_string(run.sink.records().size()) + " records, " + std::to_string(run.sink.rejects().size()) + " rejects";
}

}  // namespace

CheckResult checkResume(KitContext& kit, const AcceptanceConfig& cfg, const ReadRun& first) {
    const std::string& bookmark = first.result->bookmark;
    if (bookmark.empty())
        return fail("bookmark-resume", "the read returned no bookmark: every sync is a full read; if the source "
                                       "cannot tell what changed, say so in acceptance.yaml (skip:)");
    auto again = kit.read(cfg.source, bookmark);
    if (!again->result) return fail("bookmark-resume", "the resumed read failed: " + describeError(again->result.error()));
    if (again->sink.emitted() != 0)
        return fail("bookmark-resume", "nothing changed, yet the resumed read emitted " + emittedSummary(*again));
    return pass("bookmark-resume", std::string("nothing emitted") + (again->result->unchanged ? " (unchanged)" : ""));
}

CheckResult checkChange(KitContext& kit, const AcceptanceConfig& cfg, const ReadRun& first, const std::string& workDir) {
    if (!cfg.bookmark || cfg.bookmark->edits.empty())
        return fail("bookmark-change", "acceptance.yaml gives no bookmark.edits to change the sample with");
    if (cfg.source.is_url) return fail("bookmark-change", "the source is a URL: the kit edits a copy of a file or folder");
    // The copy keeps the file name: connectors may name records after it.
    const std::string copyDir = (fs::path(workDir) / "changed").string();
    fs::create_directories(copyDir);
    auto copy = copyInto(cfg.source.location, copyDir);
    if (!copy) return fail("bookmark-change", describeError(copy.error()));
    const bool isFile = !fs::is_directory(*copy);
    for (const auto& e : cfg.bookmark->edits) {
        const fs::path target = isFile ? fs::path(*copy).parent_path() / e.file : fs::path(*copy) / e.file;
        auto edited = editFile(target.string(), e.replace, e.with);
        if (!edited) return fail("bookmark-change", "bookmark.edits: " + describeError(edited.error()));
    }
    config::SourceConfig changed = cfg.source;
    changed.location = *copy;
    auto resumed = kit.read(changed, first.result->bookmark);
    if (!resumed->result) return fail("bookmark-change", "the resumed read failed: " + describeError(resumed->result.error()));
    if (resumed->result->unchanged)
        return fail("bookmark-change", "the sample was edited, yet the resumed read says unchanged");
    // A read that is not `unchanged` replaces the source's records: the change is the difference.
    std::map<std::string, std::string> before, after;
    for (const auto& r : first.sink.records()) before[r.key] = r.json;
    for (const auto& r : resumed->sink.records()) after[r.key] = r.json;
    std::vector<std::string> added, changedKeys, removed;
    for (const auto& [k, json] : after) {
        auto it = before.find(k);
        if (it == before.end()) added.push_back(k);
        else if (it->second != json) changedKeys.push_back(k);
    }
    for (const auto& [k, json] : before)
        if (!after.count(k)) removed.push_back(k);
    const auto& plan = *cfg.bookmark;
    const std::string seen = "added " + joined(added) + ", changed " + joined(changedKeys) + ", removed " + joined(removed);
    if (joined(added) != joined(plan.added) || joined(changedKeys) != joined(plan.changed) || joined(removed) != joined(plan.removed))
        return fail("bookmark-change", "expected added " + joined(plan.added) + ", changed " + joined(plan.changed) +
                                           ", removed " + joined(plan.removed) + "; got " + seen);
    return pass("bookmark-change", seen);
}

CheckResult checkFuture(KitContext& kit, const AcceptanceConfig& cfg) {
    if (!cfg.bookmark || !cfg.bookmark->future)
        return fail("bookmark-future", "acceptance.yaml gives no bookmark.future, and no skip reason");
    auto run = kit.read(cfg.source, *cfg.bookmark->future);
    if (!run->result) return fail("bookmark-future", "the read failed: " + describeError(run->result.error()));
    if (run->sink.emitted() != 0) return fail("bookmark-future", "a bookmark from the future, yet " + emittedSummary(*run));
    return pass("bookmark-future", "nothing emitted");
}

}  // namespace recolte::kit
