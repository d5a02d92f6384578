// Which column of a Socleo catalogue export holds which field. Headers are compared after folding
// (case, accents, punctuation), against Socleo's own headers or the `columns` option.
#pragma once

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "recolte/sdk/expected.hpp"

namespace recolte::mangerbio {

enum class Field {
    SourceId,           // Référence
    ProducerCode,       // Code Producteur
    ProducerName,       // Libellé Producteur
    ProductType,        // Type produit
    Family,             // Famille
    AgricultureCode,    // Code Agriculture
    AgricultureLabel,   // Libellé Agriculture
    Name,               // Désignation
    Price,              // Prix
    PriceUnit,          // Unité de prix (U / K)
    Vat,                // TVA (a rate code)
    Ean,                // Référence EAN 13
    HandlingUnit,       // Unité de gestion
    PackSize,           // Colisage
    LeadTimeDays,       // Délai de commande (jours)
    QuantityAvailable,  // Quantité disponible
    Logos,              // Logos ("[EU]", "[AB]"...)
    Origin,             // Origine production
    Description,
    ProducerSiret,  // optional columns some exports carry
    ProducerStreet,
    ProducerPostcode,
    ProducerCity,
    Count_,  // number of fields, not a field
};

constexpr size_t kFieldCount = static_cast<size_t>(Field::Count_);

struct FieldInfo {
    Field field;
    const char* key;                   // the key in the `columns` option
    bool required;
    const char* label;                 // what French error messages call it
    std::vector<const char*> headers;  // Socleo's header first, then accepted variants
};

// Every field, in declaration order.
const std::vector<FieldInfo>& fieldTable();
const FieldInfo& infoOf(Field f);

// "Délai de commande (jours)" -> "delai de commande jours": folded, anything but ASCII letters
// and digits is one space.
std::string foldHeader(std::string_view header);

// Header spellings accepted per field: Socleo's, replaced field by field by the `columns` option
// (a value may list several spellings separated by '|').
struct HeaderSpellings {
    std::array<std::vector<std::string>, kFieldCount> folded;  // what is compared
    std::array<std::vector<std::string>, kFieldCount> shown;   // what error messages show
    std::array<bool, kFieldCount> overridden{};
};
// An unknown field key in `columns` is a config error listing the valid ones.
sdk::Expected<HeaderSpellings> buildSpellings(const std::map<std::string, std::string>& columns);

// Column index of each field in one header row (-1 = absent).
class ColumnMap {
public:
    ColumnMap() { index_.fill(-1); }
    ColumnMap(const std::vector<std::string>& headerRow, const HeaderSpellings& spellings);

    int index(Field f) const { return index_[static_cast<size_t>(f)]; }
    bool has(Field f) const { return index(f) >= 0; }
    // The header as written in the file ("" when the field has no column).
    const std::string& headerOf(Field f) const;
    const std::string& headerAt(size_t column) const;
    const std::vector<std::string>& headers() const { return headers_; }
    std::vector<std::string> unusedHeaders() const;  // as written, empty headers left out
    std::vector<Field> missingRequired() const;

private:
    std::array<int, kFieldCount> index_{};
    std::vector<std::string> headers_;
};

}  // namespace recolte::mangerbio
