// Which header of a price list holds which record field. Headers are compared after folding
// (case, accents, punctuation), against French aliases or the `columns` option.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "recolte/sdk/expected.hpp"

namespace recolte::csv_connector {

enum class Field {
    Name,
    Price,
    PriceUnit,
    Packaging,
    ProducerName,
    ProducerSiret,
    ProducerKey,
    ProducerStreet,
    ProducerPostcode,
    ProducerCity,
    ProducerDepartement,
    ProducerEmail,
    ProducerPhone,
    SourceId,
    ProductType,
    Family,
    Labels,
    Vat,
    AvailableFrom,
    AvailableTo,
    QuantityAvailable,
    MinimumOrder,
    LeadTimeDays,
    PiecesPerPack,
    Description,
    Origin,
    Ean,
    Count_,  // number of fields, not a field
};

constexpr size_t kFieldCount = static_cast<size_t>(Field::Count_);

struct FieldInfo {
    Field field;
    const char* key;                    // the key in the `columns` option
    std::vector<const char*> aliases;   // default headers, in order of preference
};

// Every field, in declaration order.
const std::vector<FieldInfo>& fieldTable();
const FieldInfo& infoOf(Field f);

// "Prix unitaire HT (€)" -> "prix unitaire ht": folded, anything but letters and digits is a space,
// spaces collapsed.
std::string normalizeHeader(std::string_view header);

// Header spellings accepted per field: the defaults, replaced field by field by the `columns`
// option (a value may list several spellings separated by '|').
struct AliasTable {
    std::array<std::vector<std::string>, kFieldCount> normalized;  // what is compared
    std::array<std::vector<std::string>, kFieldCount> shown;       // what error messages show
    std::array<bool, kFieldCount> overridden{};                    // set by `columns`
};
// Unknown field keys in `columns` are a config error listing the valid ones.
sdk::Expected<AliasTable> buildAliases(const std::map<std::string, std::string>& columns);

// Column index of each field in one header row (-1 = absent).
class ColumnMap {
public:
    ColumnMap() { index_.fill(-1); }
    ColumnMap(const std::vector<std::string>& headerRow, const AliasTable& aliases);

    int index(Field f) const { return index_[static_cast<size_t>(f)]; }
    bool has(Field f) const { return index(f) >= 0; }
    // The header as written in the file, for rejects ("" when the field has no column).
    const std::string& headerOf(Field f) const;
    const std::string& headerAt(size_t column) const;
    const std::vector<std::string>& headers() const { return headers_; }
    // Headers that no field uses, as written.
    std::vector<std::string> unusedHeaders() const;

private:
    std::array<int, kFieldCount> index_{};
    std::vector<std::string> headers_;
};

}  // namespace recolte::csv_connector
