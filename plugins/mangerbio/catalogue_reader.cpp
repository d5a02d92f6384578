#include "catalogue_reader.hpp"

#include <algorithm>

#include "recolte/sdk/csv.hpp"
#include "recolte/sdk/text.hpp"
#include "row_mapper.hpp"

namespace recolte::mangerbio {

namespace {

constexpr int64_t kProgressEveryRows = 8192;

// A file's text in UTF-8, with what was detected.
struct Decoded {
    std::string storage;    // only when the bytes had to be converted
    std::string_view text;  // UTF-8 without BOM: into storage or into the blob's bytes
    sdk::Encoding encoding = sdk::Encoding::Utf8;
    char delimiter = ';';
    bool invalid_rows = false;  // UTF-8 with a few invalid bytes (not Windows-1252): those rows are rejected
};

void decode(const sdk::Blob& blob, const Settings& settings, Decoded& out) {
    const std::string_view bytes = blob.bytes;
    const bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF";
    out.encoding = bom ? sdk::Encoding::Utf8Bom : settings.encoding ? *settings.encoding : sdk::detectEncoding(bytes);
    const std::string_view body = bom ? bytes.substr(3) : bytes;
    if (out.encoding != sdk::Encoding::Windows1252 && sdk::isValidUtf8(body)) {
        out.text = body;  // no copy for the common case
    } else if (!bom && !settings.encoding && sdk::isMostlyUtf8(bytes)) {
        // A UTF-8 file with a corrupted row: read as Windows-1252, its every accent would be
        // garbled (headers included). Kept as UTF-8; the rows holding bad bytes are rejected.
        out.encoding = sdk::Encoding::Utf8;
        out.invalid_rows = true;
        out.text = body;
    } else {
        out.storage = sdk::toUtf8(bytes, out.encoding);
        out.text = out.storage;
    }
    out.delimiter = settings.delimiter ? settings.delimiter : sdk::detectDelimiter(out.text);
}

bool isBlank(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            ++i;
            continue;
        }
        return false;
    }
    return true;
}

bool allBlank(const std::vector<std::string>& fields) {
    return std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return isBlank(f); });
}

// Fields up to the last non-blank one: Socleo ends every line with ';'.
size_t usedCount(const std::vector<std::string>& fields, size_t atLeast) {
    size_t n = fields.size();
    while (n > atLeast && isBlank(fields[n - 1])) --n;
    return n;
}

std::string quoteList(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "« " : ", « ") + i + " »";
    return out.empty() ? "(aucun)" : out;
}

std::string delimiterName(char d) {
    switch (d) {
        case ';': return "point-virgule";
        case ',': return "virgule";
        case '\t': return "tabulation";
        default: return std::string(1, d);
    }
}

std::string at(const std::string& file, int64_t line) { return file + ":" + std::to_string(line); }

// Where a record comes from: a URL goes in `url`, a path in `file`.
sdk::Location locationOf(const sdk::Blob& blob, int64_t line, std::string column = {}) {
    sdk::Location where;
    const bool url = blob.name.rfind("http://", 0) == 0 || blob.name.rfind("https://", 0) == 0;
    (url ? where.url : where.file) = blob.name;
    where.line = line;
    where.column = std::move(column);
    return where;
}

// Excel's "Texte Unicode" and some exports write UTF-16, which no CSV reader here understands:
// better one clear error than a "missing column" about garbled headers.
bool isUtf16(std::string_view bytes) {
    return bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF" ||
           (bytes.size() >= 4 && (bytes[1] == '\0' || bytes[0] == '\0') && (bytes[3] == '\0' || bytes[2] == '\0'));
}

// Reads the first non-blank row as the header.
sdk::Expected<ColumnMap> readHeader(sdk::CsvReader& reader, const std::string& file, const Settings& settings,
                                    int64_t& headerLine) {
    sdk::CsvRow row;
    while (reader.next(row)) {
        if (!row.unterminated_quote && allBlank(row.fields)) continue;
        headerLine = row.line;
        row.fields.resize(usedCount(row.fields, 0));
        ColumnMap columns(row.fields, settings.spellings);
        const auto missing = columns.missingRequired();
        if (missing.empty()) return columns;

        std::string msg = missing.size() == 1 ? "colonne obligatoire absente : " : "colonnes obligatoires absentes : ";
        for (size_t k = 0; k < missing.size(); ++k) {
            const auto f = static_cast<size_t>(missing[k]);
            msg += (k ? " ; " : "") + std::string(infoOf(missing[k]).label) + " (en-têtes reconnus : " +
                   quoteList(settings.spellings.shown[f]) + ")";
        }
        msg += ". En-têtes trouvés ligne " + std::to_string(row.line) + " : " + quoteList(columns.headers()) +
               ". Indiquez l'en-tête à utiliser dans l'option columns, par exemple columns: {" +
               infoOf(missing.front()).key + ": \"Mon en-tête\"}.";
        return sdk::configError(std::move(msg), file);
    }
    return sdk::dataError("fichier vide : aucune ligne d'en-tête (export Socleo attendu)", file);
}

}  // namespace

sdk::Status checkBytes(const sdk::Blob& blob) {
    if (isUtf16(blob.bytes))
        return sdk::dataError("fichier encodé en UTF-16 (« Texte Unicode ») : exportez-le de nouveau en CSV "
                              "séparateur point-virgule (Windows-1252 ou UTF-8)",
                              blob.name);
    return sdk::Status::success();
}

sdk::Expected<ColumnMap> readHeaderOf(const sdk::Blob& blob, const Settings& settings) {
    if (auto ok = checkBytes(blob); !ok) return ok.error();
    Decoded decoded;
    decode(blob, settings, decoded);
    sdk::CsvReader reader(decoded.text, decoded.delimiter);
    int64_t line = 0;
    return readHeader(reader, blob.name, settings, line);
}

CatalogueReader::CatalogueReader(const Settings& settings, sdk::RecordSink& sink, sdk::Log& log, uint64_t totalBytes)
    : settings_(settings), sink_(sink), log_(log), total_bytes_(totalBytes) {}

sdk::Status CatalogueReader::readFile(const sdk::Blob& blob) {
    if (auto ok = checkBytes(blob); !ok) return ok;
    Decoded decoded;
    decode(blob, settings_, decoded);
    sdk::CsvReader reader(decoded.text, decoded.delimiter);
    int64_t headerLine = 0;
    auto header = readHeader(reader, blob.name, settings_, headerLine);
    if (!header) return header.error();
    const ColumnMap& columns = *header;
    const size_t headerCount = columns.headers().size();

    std::string info = blob.name + " : encodage " + sdk::toString(decoded.encoding) + ", séparateur " +
                       delimiterName(decoded.delimiter);
    if (const auto unused = columns.unusedHeaders(); !unused.empty()) info += ", colonnes ignorées : " + quoteList(unused);
    log_.info(info);
    rejects_ += sdk::rejectLongLines(blob, sdk::kMaxLineBytes, sink_);
    for (const auto& fieldInfo : fieldTable()) {
        const auto f = static_cast<size_t>(fieldInfo.field);
        if (settings_.spellings.overridden[f] && !columns.has(fieldInfo.field))
            sink_.warning(locationOf(blob, headerLine),
                          "colonne " + quoteList(settings_.spellings.shown[f]) + " (columns." + fieldInfo.key +
                              ") introuvable dans l'en-tête");
    }

    const bool endsWithNewline = !decoded.text.empty() && (decoded.text.back() == '\n' || decoded.text.back() == '\r');
    const char* textEnd = decoded.text.data() + decoded.text.size();
    auto reject = [&](const sdk::CsvRow& row, const std::string& column, std::string reason) {
        sdk::Reject r;
        r.where = locationOf(blob, row.line, column);
        r.reason = std::move(reason);
        r.excerpt = sdk::excerpt(row.raw);
        sink_.reject(std::move(r));
        ++rejects_;
    };

    sdk::CsvRow row;
    int64_t fileRows = 0;
    while (reader.next(row)) {
        if (!row.unterminated_quote && allBlank(row.fields)) continue;
        ++rows_;
        ++fileRows;
        if (rows_ % kProgressEveryRows == 0) {
            const auto done = static_cast<uint64_t>(row.raw.data() + row.raw.size() - decoded.text.data());
            // Converted text is longer than the bytes (Windows-1252): scale back to the file's bytes.
            const uint64_t scaled = decoded.text.empty() ? 0 : done * blob.bytes.size() / decoded.text.size();
            sink_.progress(bytes_before_ + std::min<uint64_t>(scaled, blob.bytes.size()), total_bytes_);
        }

        // A file cut short must not pass for a smaller catalogue: the offers after the cut would be
        // removed. The whole sync fails instead and keeps the previous catalogue.
        if (row.unterminated_quote) {
            const std::string column = columns.headerAt(row.fields.empty() ? 0 : row.fields.size() - 1);
            return sdk::dataError("fichier tronqué : le guillemet ouvert ligne " + std::to_string(row.line) +
                                      " (colonne « " + column +
                                      " ») n'est jamais refermé, le fichier s'arrête au milieu d'un champ. "
                                      "Synchronisation annulée, le catalogue précédent est gardé",
                                  at(blob.name, row.line));
        }
        const size_t count = usedCount(row.fields, headerCount);
        const bool lastRow = row.raw.data() + row.raw.size() == textEnd;
        if (count < headerCount && lastRow && !endsWithNewline) {
            return sdk::dataError("fichier tronqué : la dernière ligne (" + std::to_string(row.line) + ") a " +
                                      std::to_string(count) + " champ(s) sur " + std::to_string(headerCount) +
                                      " et aucun retour à la ligne final. Synchronisation annulée, le catalogue "
                                      "précédent est gardé",
                                  at(blob.name, row.line));
        }
        if (decoded.invalid_rows && !sdk::isValidUtf8(row.raw)) {
            const int bad = sdk::firstInvalidUtf8Field(row);
            reject(row, bad < 0 ? std::string() : columns.headerAt(static_cast<size_t>(bad)), sdk::kInvalidUtf8RowReason);
            continue;
        }
        if (count < headerCount) {
            reject(row, columns.headerAt(count),
                   "la ligne a " + std::to_string(count) + " champ(s) alors que l'en-tête en a " +
                       std::to_string(headerCount) + " : il manque des colonnes à partir de « " +
                       columns.headerAt(count) + " »");
            continue;
        }
        if (count > headerCount) {
            reject(row, std::to_string(headerCount + 1),
                   "la ligne a " + std::to_string(count) + " champs alors que l'en-tête en a " +
                       std::to_string(headerCount) + " : un " + delimiterName(decoded.delimiter) +
                       " dans une valeur non entourée de guillemets ?");
            continue;
        }

        auto mapped = mapRow(row.fields, columns, settings_);
        if (!mapped) {
            reject(row, mapped.error().where, mapped.error().message);
            continue;
        }
        sdk::OfferRecord& offer = mapped->offer;
        offer.where = locationOf(blob, row.line);
        offer.producer.where = offer.where;
        for (const auto& [column, message] : mapped->warnings)
            sink_.warning(locationOf(blob, row.line, column), message);
        if (!offer.producer.source_key.empty()) producer_codes_.insert(offer.producer.source_key);
        sink_.offer(std::move(offer));
        ++offers_;
    }
    if (fileRows == 0)
        sink_.warning(locationOf(blob, headerLine), "aucun produit sous la ligne d'en-tête");
    bytes_before_ += blob.bytes.size();
    sink_.progress(bytes_before_, total_bytes_);
    return sdk::Status::success();
}

void CatalogueReader::finish(const std::string& location) {
    for (const auto& [code, siret] : settings_.producer_sirets) {
        if (producer_codes_.count(code)) continue;
        sink_.warning(sdk::Location{location, {}, 0, {}, {}},
                      "producer_sirets : aucun produit du code producteur « " + code + " » (SIRET " + siret +
                          ") dans le catalogue ; code mal orthographié ?");
    }
}

}  // namespace recolte::mangerbio
