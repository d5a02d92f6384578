#include "names.hpp"

#include <cctype>

#include "recolte/sdk/text.hpp"

namespace recolte::agrilocal {

namespace {

constexpr std::array<NameInfo, kNameCount> kNames = {{
    {Name::Export, "export", "export"},
    {Name::Site, "site", "site"},
    {Name::GeneratedAt, "generated_at", "genere-le"},
    {Name::Consultations, "consultations", "consultations"},
    {Name::Suppliers, "suppliers", "fournisseurs"},
    {Name::Consultation, "consultation", "consultation"},
    {Name::ConsultationId, "consultation_id", "id"},
    {Name::Title, "title", "intitule"},
    {Name::Description, "description", "description"},
    {Name::Buyer, "buyer", "acheteur"},
    {Name::BuyerName, "buyer_name", "nom"},
    {Name::BuyerSiret, "buyer_siret", "siret"},
    {Name::BuyerKind, "buyer_kind", "type"},
    {Name::Product, "product", "produit"},
    {Name::ProductId, "product_id", "id"},
    {Name::ProductName, "product_name", "designation"},
    {Name::ProductType, "product_type", "type"},
    {Name::Quantity, "quantity", "quantite"},
    {Name::Unit, "unit", "unite"},
    {Name::Delivery, "delivery", "livraison"},
    {Name::Start, "start", "debut"},
    {Name::End, "end", "fin"},
    {Name::Place, "place", "lieu"},
    {Name::AnswerDeadline, "answer_deadline", "date-limite"},
    {Name::Criteria, "criteria", "criteres"},
    {Name::Criterion, "criterion", "critere"},
    {Name::Weight, "weight", "poids"},
    {Name::ContractType, "contract_type", "contrat"},
    {Name::Status, "status", "statut"},
    {Name::StatusReason, "status_reason", "motif"},
    {Name::Supplier, "supplier", "fournisseur"},
    {Name::SupplierId, "supplier_id", "id"},
    {Name::SupplierSiret, "supplier_siret", "siret"},
    {Name::SupplierName, "supplier_name", "nom"},
    {Name::Address, "address", "adresse"},
    {Name::Street, "street", "rue"},
    {Name::Postcode, "postcode", "code-postal"},
    {Name::City, "city", "commune"},
    {Name::Contact, "contact", "contact"},
    {Name::ContactName, "contact_name", "nom"},
    {Name::Email, "email", "email"},
    {Name::Phone, "phone", "telephone"},
    {Name::PointsOfSale, "points_of_sale", "points-de-vente"},
    {Name::PointOfSale, "point_of_sale", "point-de-vente"},
    {Name::PointOfSaleName, "point_of_sale_name", "nom"},
    {Name::PointOfSaleKind, "point_of_sale_kind", "type"},
    {Name::OpeningHours, "opening_hours", "horaires"},
    {Name::Products, "products", "produits"},
    {Name::Period, "period", "periode"},
    {Name::Price, "price", "prix"},
    {Name::Vat, "vat", "tva"},
    {Name::Packaging, "packaging", "conditionnement"},
    {Name::Labels, "labels", "labels"},
    {Name::Label, "label", "label"},
}};

// An XML name as exports write them: a letter or '_' first, then letters, digits, '-', '_', '.'
// and ':' (a prefix). Non-ASCII letters are let through: libxml2 judges the document anyway.
bool isXmlName(const std::string& s) {
    if (s.empty()) return false;
    const unsigned char first = static_cast<unsigned char>(s[0]);
    if (!(std::isalpha(first) || first == '_' || first >= 0x80)) return false;
    for (unsigned char c : s) {
        if (!(std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == ':' || c >= 0x80)) return false;
    }
    return true;
}

}  // namespace

const std::array<NameInfo, kNameCount>& nameTable() {
    static_assert(kNames.size() == kNameCount);
    return kNames;
}

Names::Names() {
    for (size_t i = 0; i < kNameCount; ++i) names_[i] = kNames[i].default_name;
}

std::string Names::fingerprint() const {
    std::string out;
    for (size_t i = 0; i < kNameCount; ++i) {
        if (names_[i] != kNames[i].default_name) out += std::string(kNames[i].key) + "=" + names_[i] + ";";
    }
    return out;
}

sdk::Expected<Names> namesFrom(const std::map<std::string, std::string>& overrides) {
    Names names;
    for (const auto& [key, value] : overrides) {
        size_t found = kNameCount;
        for (size_t i = 0; i < kNameCount; ++i) {
            if (key == kNames[i].key) found = i;
        }
        if (found == kNameCount) {
            std::string valid;
            for (const auto& info : kNames) valid += (valid.empty() ? "" : ", ") + std::string(info.key);
            return sdk::configError("nom logique inconnu « " + key + " » dans l'option elements ; noms possibles : " + valid,
                                    "elements." + key);
        }
        const std::string name = sdk::trim(value);
        if (!isXmlName(name)) {
            return sdk::configError("« " + value + " » n'est pas un nom d'élément ou d'attribut XML (option elements." + key +
                                        ")",
                                    "elements." + key);
        }
        names.names_[found] = name;
    }
    return names;
}

}  // namespace recolte::agrilocal
