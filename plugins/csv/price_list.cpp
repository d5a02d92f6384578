#include "price_list.hpp"

#include <algorithm>

#include "row_mapper.hpp"

namespace recolte::csv_connector {

namespace {

constexpr int kHeaderSearchRows = 10;
constexpr int64_t kProgressEveryRows = 8192;

// Spaces, tabs, line breaks and no-break spaces only; checked without allocating (every row
// goes through here).
bool isBlank(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            ++i;
            continue;
        }
        return false;
    }
    return true;
}

bool allEmpty(const std::vector<std::string>& fields) {
    return std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return isBlank(f); });
}

std::string quoteList(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "« " : ", « ") + i + " »";
    return out.empty() ? "(aucun)" : out;
}

const char* requiredLabel(Field f) {
    switch (f) {
        case Field::Name: return "nom du produit";
        case Field::Price: return "prix";
        case Field::PriceUnit: return "unité de prix";
        default: return infoOf(f).key;
    }
}

std::string delimiterName(char d) {
    switch (d) {
        case ';': return "point-virgule";
        case ',': return "virgule";
        case '\t': return "tabulation";
        default: return std::string(1, d);
    }
}

std::vector<Field> missingRequired(const ColumnMap& columns, const Settings& settings) {
    std::vector<Field> missing;
    for (Field f : settings.requiredFields())
        if (!columns.has(f)) missing.push_back(f);
    return missing;
}

sdk::Error missingColumnsError(const std::vector<Field>& missing, const ColumnMap& columns, const std::string& file,
                               int64_t line, const Settings& settings) {
    std::string msg = missing.size() == 1 ? "colonne obligatoire absente : " : "colonnes obligatoires absentes : ";
    for (size_t k = 0; k < missing.size(); ++k) {
        const size_t f = static_cast<size_t>(missing[k]);
        msg += (k ? " ; " : "") + std::string(requiredLabel(missing[k])) + " (en-têtes reconnus : " +
               quoteList(settings.aliases.shown[f]) + ")";
    }
    msg += ". En-têtes trouvés";
    if (line > 0) msg += " ligne " + std::to_string(line);
    msg += " : " + quoteList(columns.headers()) + ". Indiquez l'en-tête à utiliser dans l'option columns, par exemple columns: {" +
           std::string(infoOf(missing.front()).key) + ": \"Mon en-tête\"}";
    if (missing.front() == Field::PriceUnit || (missing.size() > 1 && missing.back() == Field::PriceUnit))
        msg += ", ou une unité commune à tout le fichier dans default_price_unit";
    msg += ".";
    return sdk::configError(std::move(msg), file);
}

}  // namespace

void decode(const sdk::Blob& blob, const Settings& settings, DecodedText& out) {
    const std::string_view bytes = blob.bytes;
    const bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF";
    // A BOM is unambiguous: it wins over the option.
    out.encoding = bom ? sdk::Encoding::Utf8Bom : settings.encoding ? *settings.encoding : sdk::detectEncoding(bytes);
    out.storage.clear();
    out.invalid_rows = false;
    if (out.encoding != sdk::Encoding::Windows1252 && sdk::isValidUtf8(bom ? bytes.substr(3) : bytes)) {
        out.text = bom ? bytes.substr(3) : bytes;  // no copy for the common case
    } else if (!bom && !settings.encoding && sdk::isMostlyUtf8(bytes)) {
        // A UTF-8 file with a corrupted row: read as Windows-1252, its every accent would be
        // garbled (headers included). Kept as UTF-8; the rows holding bad bytes are rejected.
        out.encoding = sdk::Encoding::Utf8;
        out.invalid_rows = true;
        out.text = bytes;
    } else {
        out.storage = sdk::toUtf8(bytes, out.encoding);
        out.text = out.storage;
    }
    out.delimiter = settings.delimiter ? settings.delimiter : sdk::detectDelimiter(out.text);
}

sdk::Expected<Header> readHeader(sdk::CsvReader& reader, const std::string& file, const Settings& settings) {
    sdk::CsvRow row;
    Header first;  // the first non-empty row, reported when no row qualifies
    bool haveFirst = false;
    int64_t seen = 0;
    while (reader.next(row)) {
        if (allEmpty(row.fields)) continue;
        Header candidate;
        candidate.columns = ColumnMap(row.fields, settings.aliases);
        candidate.line = row.line;
        candidate.skipped_rows = seen;
        candidate.first_skipped_line = haveFirst ? first.line : 0;
        if (!haveFirst) {
            first = candidate;
            haveFirst = true;
        }
        ++seen;
        if (settings.header_line > 0) {
            if (row.line < settings.header_line) continue;
            const auto missing = missingRequired(candidate.columns, settings);
            if (!missing.empty()) return missingColumnsError(missing, candidate.columns, file, candidate.line, settings);
            return candidate;
        }
        if (missingRequired(candidate.columns, settings).empty()) return candidate;
        if (seen >= kHeaderSearchRows) break;
    }
    if (!haveFirst) return sdk::configError("fichier vide : aucune ligne d'en-tête", file);
    if (settings.header_line > 0)
        return sdk::configError("ligne d'en-tête " + std::to_string(settings.header_line) +
                                    " introuvable : le fichier s'arrête avant (option header_line)",
                                file);
    return missingColumnsError(missingRequired(first.columns, settings), first.columns, file, first.line, settings);
}

PriceListReader::PriceListReader(const Settings& settings, sdk::RecordSink& sink, sdk::Log& log, uint64_t totalBytes)
    : settings_(settings), sink_(sink), log_(log), total_bytes_(totalBytes) {}

void PriceListReader::reject(const sdk::Blob& blob, const sdk::CsvRow& row, const std::string& column,
                             std::string reason) {
    sdk::Reject r;
    r.where.file = blob.name;
    r.where.line = row.line;
    r.where.column = column;
    r.reason = std::move(reason);
    r.excerpt = sdk::excerpt(row.raw);
    sink_.reject(std::move(r));
    ++rejects_;
}

void PriceListReader::reportProgress(uint64_t fileBytes, size_t textDone, size_t textSize, bool force) {
    if (!force && rows_ % kProgressEveryRows != 0) return;
    // Converted text is longer than the bytes (Windows-1252): scale back to the file's bytes.
    const uint64_t done = textSize ? static_cast<uint64_t>(static_cast<double>(textDone) / textSize * fileBytes) : fileBytes;
    sink_.progress(bytes_before_ + std::min(done, fileBytes), total_bytes_);
}

sdk::Status PriceListReader::readFile(const sdk::Blob& blob) {
    const uint32_t fileIndex = static_cast<uint32_t>(files_.size());
    files_.push_back(blob.name);

    DecodedText decoded;
    decode(blob, settings_, decoded);
    sdk::CsvReader reader(decoded.text, decoded.delimiter);
    auto header = readHeader(reader, blob.name, settings_);
    if (!header) return header.error();
    const ColumnMap& columns = header->columns;
    const size_t headerCount = columns.headers().size();

    std::string info = blob.name + " : encodage " + sdk::toString(decoded.encoding) + ", séparateur " +
                       delimiterName(decoded.delimiter) + ", en-tête ligne " + std::to_string(header->line);
    if (const auto unused = columns.unusedHeaders(); !unused.empty()) info += ", colonnes ignorées : " + quoteList(unused);
    log_.info(info);
    rejects_ += sdk::rejectLongLines(blob, sdk::kMaxLineBytes, sink_);

    if (header->skipped_rows > 0) {
        sdk::Location at{blob.name, {}, header->first_skipped_line, {}, {}};
        sink_.warning(at, std::to_string(header->skipped_rows) + " ligne(s) au-dessus de l'en-tête (ligne " +
                              std::to_string(header->line) + ") ignorée(s)");
    }
    for (const auto& fieldInfo : fieldTable()) {
        const size_t f = static_cast<size_t>(fieldInfo.field);
        if (settings_.aliases.overridden[f] && !columns.has(fieldInfo.field)) {
            sdk::Location at{blob.name, {}, header->line, {}, {}};
            sink_.warning(at, "colonne " + quoteList(settings_.aliases.shown[f]) + " (columns." + fieldInfo.key +
                                  ") introuvable dans l'en-tête");
        }
    }

    const size_t textSize = decoded.text.size();
    seen_ids_.reserve(seen_ids_.size() + textSize / 64);  // about one id per row; avoids rehashing big files
    sdk::CsvRow row;
    int64_t fileRows = 0;
    while (reader.next(row)) {
        if (!row.unterminated_quote && allEmpty(row.fields)) continue;  // spreadsheet filler ";;;;"
        ++rows_;
        ++fileRows;
        reportProgress(blob.bytes.size(), static_cast<size_t>(row.raw.data() - decoded.text.data()) + row.raw.size(),
                       textSize, false);

        if (decoded.invalid_rows && !sdk::isValidUtf8(row.raw)) {
            const int bad = sdk::firstInvalidUtf8Field(row);
            reject(blob, row, bad < 0 ? std::string() : columns.headerAt(static_cast<size_t>(bad)),
                   sdk::kInvalidUtf8RowReason);
            continue;
        }
        if (row.unterminated_quote) {
            reject(blob, row, columns.headerAt(row.fields.size() - 1),
                   "guillemet ouvert jamais refermé : le fichier se termine dans ce champ (fichier tronqué ?)");
            continue;
        }
        size_t count = row.fields.size();
        // Trailing empty cells past the header are spreadsheet filler, not data.
        while (count > headerCount && isBlank(row.fields[count - 1])) --count;
        if (count < headerCount) {
            reject(blob, row, columns.headerAt(count),
                   "la ligne a " + std::to_string(count) + " champ(s) alors que l'en-tête en a " +
                       std::to_string(headerCount) + " : il manque des colonnes à partir de « " +
                       columns.headerAt(count) + " »");
            continue;
        }
        if (count > headerCount) {
            reject(blob, row, std::to_string(headerCount + 1),
                   "la ligne a " + std::to_string(count) + " champs alors que l'en-tête en a " +
                       std::to_string(headerCount) + " : un " + delimiterName(decoded.delimiter) +
                       " dans une valeur non entourée de guillemets ?");
            continue;
        }

        auto offer = mapRow(row.fields, columns, settings_);
        if (!offer) {
            reject(blob, row, offer.error().where, offer.error().message);
            continue;
        }
        const auto [it, inserted] = seen_ids_.try_emplace(offer->source_id, Seen{fileIndex, row.line});
        if (!inserted) {
            const std::string first = files_[it->second.file] + ":" + std::to_string(it->second.line);
            if (columns.has(Field::SourceId) && !isBlank(row.fields[static_cast<size_t>(columns.index(Field::SourceId))])) {
                reject(blob, row, columns.headerOf(Field::SourceId),
                       "référence en double « " + offer->source_id + " » : déjà utilisée à " + first);
            } else {
                reject(blob, row, columns.headerOf(Field::Name),
                       "référence en double : même producteur, même produit et même unité de prix qu'à " + first);
            }
            continue;
        }
        offer->where.file = blob.name;
        offer->where.line = row.line;
        offer->producer.where = offer->where;
        sink_.offer(std::move(*offer));
        ++offers_;
    }
    if (fileRows == 0) sink_.warning(sdk::Location{blob.name, {}, header->line, {}, {}}, "aucune ligne de produit sous l'en-tête");
    bytes_before_ += blob.bytes.size();
    sink_.progress(bytes_before_, total_bytes_);
    return sdk::Status::success();
}

}  // namespace recolte::csv_connector
