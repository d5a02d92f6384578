// The csv connector: a producer's price list ("mercuriale") as people write it in a spreadsheet.
// See FORMAT.md for what it reads and how each column maps to the common schema.
#include <algorithm>
#include <map>
#include <utility>

#include "price_list.hpp"
#include "recolte/sdk/export.hpp"
#include "recolte/sdk/sdk.hpp"
#include "settings.hpp"

#define RECOLTE_CSV_CONNECTOR_VERSION "1.0.0"

namespace recolte::csv_connector {

namespace {

using namespace recolte::sdk;

// The content of every file with its name, and the options: a changed mapping must re-read
// unchanged files.
std::string contentHash(const std::vector<Blob>& blobs, const Settings& settings) {
    std::string manifest = "csv " RECOLTE_CSV_CONNECTOR_VERSION "\n" + settings.fingerprint;
    for (const auto& b : blobs) manifest += b.name + "\n" + sha256Hex(b.bytes) + "\n" + longLinesDigest(b);
    return "sha256:" + sha256Hex(manifest);
}

// A row is one line or a few: a longer line than kMaxLineBytes is never loaded (FORMAT.md).
FetchOptions lineBounded() {
    FetchOptions o;
    o.max_line_bytes = kMaxLineBytes;
    return o;
}

// The bookmark: the content hash on the first line; then, for files fetched over HTTP, the
// options' hash and each URL's validators, so that an unchanged URL costs one 304 next time.
//   sha256:<content>\nsettings:<options>\n<url>\t<etag>\t<last-modified>\n...
struct Bookmark {
    std::string content;
    std::string settings;
    std::map<std::string, std::pair<std::string, std::string>> validators;  // url -> (etag, last-modified)
};

Bookmark parseBookmark(const std::string& text) {
    Bookmark b;
    size_t start = 0;
    for (int n = 0; start <= text.size(); ++n) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        if (n == 0) b.content = line;
        else if (line.rfind("settings:", 0) == 0) b.settings = line.substr(9);
        else if (auto tab = line.find('\t'); tab != std::string::npos) {
            auto tab2 = line.find('\t', tab + 1);
            if (tab2 == std::string::npos) continue;
            b.validators[line.substr(0, tab)] = {line.substr(tab + 1, tab2 - tab - 1), line.substr(tab2 + 1)};
        }
    }
    return b;
}

std::string bookmarkOf(const std::string& content, const std::vector<Blob>& blobs, const Settings& settings) {
    std::string out = content;
    std::string validators;
    for (const auto& b : blobs)
        if (!b.etag.empty() || !b.last_modified.empty()) validators += "\n" + b.name + "\t" + b.etag + "\t" + b.last_modified;
    if (!validators.empty()) out += "\nsettings:" + sha256Hex(settings.fingerprint) + validators;
    return out;
}

class CsvConnector : public Connector {
public:
    const ConnectorDescription& describe() const override {
        static const ConnectorDescription d{
            "csv",
            RECOLTE_CSV_CONNECTOR_VERSION,
            "A producer's price list (mercuriale) in CSV: ; , or tab, UTF-8 or Windows-1252, decimal comma, "
            "French headers mapped to offers",
            optionSpecs(),
            {{Stream::Offers, "One offer per row, with its producer"}}};
        return d;
    }

    Status check(Context& ctx) override {
        auto settings = settingsFrom(ctx.options);
        if (!settings) return settings.error();
        auto files = listSourceFiles(ctx, settings->pattern);
        if (!files) return files.error();
        for (const auto& file : *files) {
            auto blob = ctx.transport.fetch(file, lineBounded());
            if (!blob) return blob.error();
            DecodedText decoded;
            decode(*blob, *settings, decoded);
            CsvReader reader(decoded.text, decoded.delimiter);
            auto header = readHeader(reader, blob->name, *settings);
            if (!header) return header.error();
        }
        return Status::success();
    }

    Expected<std::vector<StreamInfo>> discover(Context& ctx) override {
        auto settings = settingsFrom(ctx.options);
        if (!settings) return settings.error();
        return describe().streams;
    }

    Expected<ReadResult> read(Context& ctx, RecordSink& sink) override {
        auto settings = settingsFrom(ctx.options);
        if (!settings) return settings.error();
        auto files = listSourceFiles(ctx, settings->pattern);
        if (!files) return files.error();

        // Everything is fetched first: the bookmark covers all files, and an unchanged source emits
        // nothing at all. URLs are fetched with the validators of the last read (same options only).
        const Bookmark previous = parseBookmark(ctx.bookmark);
        const bool sameSettings = !previous.settings.empty() && previous.settings == sha256Hex(settings->fingerprint);
        std::vector<Blob> blobs;
        bool allNotModified = true;
        for (const auto& file : *files) {
            FetchOptions conditional = lineBounded();
            auto known = previous.validators.find(file);
            if (sameSettings && known != previous.validators.end()) {
                conditional.if_none_match = known->second.first;
                conditional.if_modified_since = known->second.second;
            }
            auto blob = ctx.transport.fetch(file, conditional);
            if (!blob) return blob.error();
            allNotModified = allNotModified && blob->not_modified;
            blobs.push_back(std::move(blob.value()));
        }
        if (allNotModified) {
            ctx.log.info("sources inchangées depuis la dernière lecture (HTTP 304)");
            return ReadResult{true, ctx.bookmark};
        }
        // Some files changed, others answered 304: the full read needs the bytes of all of them.
        uint64_t total = 0;
        for (size_t i = 0; i < blobs.size(); ++i) {
            if (blobs[i].not_modified) {
                auto again = ctx.transport.fetch((*files)[i], lineBounded());
                if (!again) return again.error();
                blobs[i] = std::move(again.value());
            }
            total += blobs[i].bytes.size();
        }
        const std::string content = contentHash(blobs, *settings);
        const std::string bookmark = bookmarkOf(content, blobs, *settings);
        if (!ctx.bookmark.empty() && previous.content == content) {
            ctx.log.info("sources inchangées depuis la dernière lecture");
            return ReadResult{true, bookmark};
        }

        PriceListReader reader(*settings, sink, ctx.log, total);
        for (const auto& blob : blobs) {
            auto status = reader.readFile(blob);
            if (!status) return status.error();
        }
        ctx.log.info(std::to_string(blobs.size()) + " fichier(s), " + std::to_string(reader.rows()) + " ligne(s) lue(s) : " +
                     std::to_string(reader.offers()) + " offre(s), " + std::to_string(reader.rejects()) + " rejet(s)");
        return ReadResult{false, bookmark};
    }
};

}  // namespace

}  // namespace recolte::csv_connector

using recolte::csv_connector::CsvConnector;
RECOLTE_CONNECTOR(CsvConnector, "csv", RECOLTE_CSV_CONNECTOR_VERSION)
