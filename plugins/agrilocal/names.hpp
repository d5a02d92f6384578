// The element and attribute names of an Agrilocal export, by logical name. The defaults are the
// French names FORMAT.md documents; the `elements` option replaces any of them, so that a
// partner's real export reads without new code ({consultation: "appel", quantity: "qte"}).
#pragma once

#include <array>
#include <map>
#include <string>

#include "recolte/sdk/expected.hpp"

namespace recolte::agrilocal {

enum class Name {
    // The document
    Export,
    Site,
    GeneratedAt,
    Consultations,
    Suppliers,
    // A consultation
    Consultation,
    ConsultationId,
    Title,
    Description,
    Buyer,
    BuyerName,
    BuyerSiret,
    BuyerKind,
    Product,
    ProductId,
    ProductName,
    ProductType,
    Quantity,
    Unit,
    Delivery,
    Start,
    End,
    Place,
    AnswerDeadline,
    Criteria,
    Criterion,
    Weight,
    ContractType,
    Status,
    StatusReason,
    // A supplier
    Supplier,
    SupplierId,
    SupplierSiret,
    SupplierName,
    Address,
    Street,
    Postcode,
    City,
    Contact,
    ContactName,
    Email,
    Phone,
    PointsOfSale,
    PointOfSale,
    PointOfSaleName,
    PointOfSaleKind,
    OpeningHours,
    Products,
    Period,
    Price,
    Vat,
    Packaging,
    Labels,
    Label,
    Count_,  // number of names, not a name
};

constexpr size_t kNameCount = static_cast<size_t>(Name::Count_);

struct NameInfo {
    Name name;
    const char* key;           // the key in the `elements` option
    const char* default_name;  // as the documented export writes it
};

// Every logical name, in declaration order.
const std::array<NameInfo, kNameCount>& nameTable();

// The names one source uses.
class Names {
public:
    Names();  // the defaults
    const std::string& operator[](Name n) const { return names_[static_cast<size_t>(n)]; }
    // "consultation=appel;quantity=qte": the overrides, for the bookmark.
    std::string fingerprint() const;

private:
    friend sdk::Expected<Names> namesFrom(const std::map<std::string, std::string>& overrides);
    std::array<std::string, kNameCount> names_;
};

// Applies the `elements` option. An unknown logical name (listing the valid ones) or a value that
// is not an XML name is a config error.
sdk::Expected<Names> namesFrom(const std::map<std::string, std::string>& overrides);

}  // namespace recolte::agrilocal
