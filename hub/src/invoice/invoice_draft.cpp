// The short invoice description (docs/invoices.md) read from YAML or JSON. Both are first turned
// into one tree of sdk::ConfigValue (each value knows its line and key path), so the two formats
// share every check and every French message: "facture.yaml:12: lines[1].unit_price: ...".
#include "invoice/invoice_draft.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>

#include "invoice/invoice_amounts.hpp"
#include "invoice/invoice_units.hpp"
#include "model/dates.hpp"
#include "model/normalize.hpp"
#include "recolte/sdk/json.hpp"
#include "recolte/sdk/options.hpp"

namespace recolte::invoice {

namespace {

using sdk::ConfigValue;
using sdk::Decimal;

// --- YAML and JSON to one tree ---------------------------------------------------------------

ConfigValue fromYaml(const YAML::Node& node, const std::string& path) {
    ConfigValue v;
    v.line = node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
    v.path = path;
    if (!node || node.IsNull()) return v;
    if (node.IsScalar()) {
        v.kind = ConfigValue::Kind::Scalar;
        v.scalar = node.Scalar();
    } else if (node.IsSequence()) {
        v.kind = ConfigValue::Kind::List;
        size_t i = 0;
        for (const auto& item : node) v.list.push_back(fromYaml(item, path + "[" + std::to_string(i++) + "]"));
    } else if (node.IsMap()) {
        v.kind = ConfigValue::Kind::Map;
        for (const auto& kv : node) {
            const std::string key = kv.first.Scalar();
            ConfigValue child = fromYaml(kv.second, path.empty() ? key : path + "." + key);
            if (child.line == 0) child.line = kv.first.Mark().line + 1;
            v.map.emplace_back(key, std::move(child));
        }
    }
    return v;
}

ConfigValue fromJson(const sdk::json::Value& value, const std::string& path) {
    ConfigValue v;
    v.line = static_cast<int>(value.line());
    v.path = path;
    switch (value.type()) {
        case sdk::json::Type::Null: break;
        case sdk::json::Type::Boolean:
        case sdk::json::Type::Number:
        case sdk::json::Type::String:
            v.kind = ConfigValue::Kind::Scalar;
            v.scalar = std::string(value.text());
            break;
        case sdk::json::Type::Array:
            v.kind = ConfigValue::Kind::List;
            for (size_t i = 0; i < value.size(); ++i)
                v.list.push_back(fromJson(value.at(i), path + "[" + std::to_string(i) + "]"));
            break;
        case sdk::json::Type::Object:
            v.kind = ConfigValue::Kind::Map;
            for (size_t i = 0; i < value.size(); ++i) {
                const auto child = value.at(i);
                const std::string key(child.key());
                v.map.emplace_back(key, fromJson(child, path.empty() ? key : path + "." + key));
            }
            break;
    }
    return v;
}

// --- reading the tree, collecting every problem -----------------------------------------------

class Reader {
public:
    explicit Reader(std::string where) : where_(std::move(where)) {}

    void error(const ConfigValue& at, const std::string& reason) {
        std::string msg = where_;
        if (at.line > 0) msg += ":" + std::to_string(at.line);
        msg += ": " + (at.path.empty() ? std::string("(document)") : at.path) + ": " + reason;
        errors_.push_back(msg);
    }
    const std::vector<std::string>& errors() const { return errors_; }

    // The map's keys must be among `valid`: an unknown key is a typo the producer wants to hear about.
    bool map(const ConfigValue& v, const std::vector<std::string>& valid) {
        if (v.kind != ConfigValue::Kind::Map) {
            error(v, "un objet (des clés et leurs valeurs) est attendu ici");
            return false;
        }
        for (const auto& [key, child] : v.map) {
            if (std::find(valid.begin(), valid.end(), key) != valid.end()) continue;
            std::string list;
            for (const auto& k : valid) list += (list.empty() ? "" : ", ") + k;
            error(child, "clé inconnue ; les clés possibles sont : " + list);
        }
        return true;
    }

    static const ConfigValue* find(const ConfigValue& map, const std::string& key) {
        for (const auto& [k, v] : map.map)
            if (k == key) return &v;
        return nullptr;
    }

    // A missing key is reported at the map that should hold it.
    const ConfigValue* require(const ConfigValue& map, const std::string& key) {
        const ConfigValue* v = find(map, key);
        if (!v || v->kind == ConfigValue::Kind::Null) {
            ConfigValue at;
            at.line = map.line;
            at.path = map.path.empty() ? key : map.path + "." + key;
            error(at, "clé obligatoire manquante");
            return nullptr;
        }
        return v;
    }

    std::string text(const ConfigValue& map, const std::string& key, bool required) {
        const ConfigValue* v = required ? require(map, key) : find(map, key);
        if (!v || v->kind == ConfigValue::Kind::Null) return {};
        if (v->kind != ConfigValue::Kind::Scalar) {
            error(*v, "un texte est attendu ici");
            return {};
        }
        std::string s = v->scalar;
        s.erase(0, s.find_first_not_of(" \t"));
        s.erase(s.find_last_not_of(" \t") + 1);
        if (required && s.empty()) error(*v, "ne doit pas être vide");
        return s;
    }

    std::optional<Decimal> number(const ConfigValue& map, const std::string& key) {
        const ConfigValue* v = require(map, key);
        if (!v) return std::nullopt;
        const auto d = v->kind == ConfigValue::Kind::Scalar ? Decimal::parse(v->scalar) : std::nullopt;
        if (!d) error(*v, "un nombre est attendu (par exemple 12.50), pas « " + v->scalar + " »");
        return d;
    }

    bool flag(const ConfigValue& map, const std::string& key) {
        const ConfigValue* v = find(map, key);
        if (!v || v->kind == ConfigValue::Kind::Null) return false;
        if (v->kind == ConfigValue::Kind::Scalar && (v->scalar == "true" || v->scalar == "oui")) return true;
        if (v->kind == ConfigValue::Kind::Scalar && (v->scalar == "false" || v->scalar == "non")) return false;
        error(*v, "true ou false est attendu");
        return false;
    }

    std::string date(const ConfigValue& map, const std::string& key, bool required) {
        const std::string s = text(map, key, required);
        if (!s.empty() && !model::isIsoDate(s)) error(*find(map, key), "date attendue sous la forme AAAA-MM-JJ, pas « " + s + " »");
        return s;
    }

private:
    std::string where_;
    std::vector<std::string> errors_;
};

sdk::Address readAddress(Reader& r, const ConfigValue& party) {
    sdk::Address a;
    const ConfigValue* v = r.require(party, "address");
    if (!v || !r.map(*v, {"street", "postcode", "city", "country"})) return a;
    a.street = r.text(*v, "street", true);
    a.postcode = r.text(*v, "postcode", true);
    a.city = r.text(*v, "city", true);
    a.country = r.text(*v, "country", false);
    if (a.country.empty()) a.country = "FR";
    if (a.country.size() != 2) r.error(*Reader::find(*v, "country"), "code pays ISO à 2 lettres attendu (FR)");
    return a;
}

// The SIRET as written, spaces removed; its validity is Chorus Pro's rule (checkChorusPro), so
// that a wrong key is refused with a rule id like any other problem.
std::string readSiret(Reader& r, const ConfigValue& party) { return model::compactSiret(r.text(party, "siret", false)); }

void readSeller(Reader& r, const ConfigValue& root, sdk::InvoiceRecord& inv) {
    const ConfigValue* v = r.require(root, "seller");
    if (!v || !r.map(*v, {"name", "siret", "vat_id", "address", "iban", "bic", "email", "phone"})) return;
    auto& s = inv.seller;
    s.name = r.text(*v, "name", true);
    s.siret = readSiret(r, *v);
    if (!s.siret.empty()) {
        s.legal_id = s.siret;
        s.legal_id_scheme = "0009";
    }
    s.vat_id = r.text(*v, "vat_id", false);
    s.address = readAddress(r, *v);
    s.contact.email = r.text(*v, "email", false);
    s.contact.phone = r.text(*v, "phone", false);
    inv.iban = r.text(*v, "iban", false);
    inv.iban.erase(std::remove(inv.iban.begin(), inv.iban.end(), ' '), inv.iban.end());
    inv.bic = r.text(*v, "bic", false);
    if (!inv.iban.empty()) inv.payment_means_code = "30";  // credit transfer to the seller's account
}

void readBuyer(Reader& r, const ConfigValue& root, Draft& draft) {
    const ConfigValue* v = r.require(root, "buyer");
    if (!v || !r.map(*v, {"name", "siret", "vat_id", "service_code", "engagement_number", "requires_service_code",
                          "requires_engagement_number", "address"}))
        return;
    auto& inv = draft.invoice;
    inv.buyer.name = r.text(*v, "name", true);
    inv.buyer.siret = readSiret(r, *v);
    if (!inv.buyer.siret.empty()) {
        inv.buyer.legal_id = inv.buyer.siret;
        inv.buyer.legal_id_scheme = "0009";
    }
    inv.buyer.vat_id = r.text(*v, "vat_id", false);
    inv.buyer.address = readAddress(r, *v);
    inv.buyer_reference = r.text(*v, "service_code", false);
    inv.order_reference = r.text(*v, "engagement_number", false);
    draft.buyer_requires.service_code = r.flag(*v, "requires_service_code");
    draft.buyer_requires.engagement_number = r.flag(*v, "requires_engagement_number");
}

void readLines(Reader& r, const ConfigValue& root, sdk::InvoiceRecord& inv) {
    const ConfigValue* v = r.require(root, "lines");
    if (!v) return;
    if (v->kind != ConfigValue::Kind::List || v->list.empty()) {
        r.error(*v, "une liste d'au moins une ligne est attendue");
        return;
    }
    for (size_t i = 0; i < v->list.size(); ++i) {
        const ConfigValue& item = v->list[i];
        if (!r.map(item, {"description", "quantity", "unit", "unit_price", "vat_rate", "note"})) continue;
        sdk::InvoiceLine l;
        l.id = std::to_string(i + 1);
        l.name = r.text(item, "description", true);
        l.note = r.text(item, "note", false);
        const auto quantity = r.number(item, "quantity");
        const auto price = r.number(item, "unit_price");
        const auto rate = r.number(item, "vat_rate");
        const std::string unit = r.text(item, "unit", true);
        if (!unit.empty()) {
            l.unit_code = rec20UnitCode(unit);
            if (l.unit_code.empty())
                r.error(*Reader::find(item, "unit"), "unité « " + unit + " » inconnue : kg, g, l, cl, piece, "
                                                     "douzaine, heure ou un code de la recommandation 20 de l'ONU/CEE (KGM, LTR, H87...)");
        }
        if (quantity && quantity->isZero()) r.error(*Reader::find(item, "quantity"), "la quantité ne peut pas être 0");
        if (price && price->isNegative())
            r.error(*Reader::find(item, "unit_price"), "le prix unitaire ne peut pas être négatif (un avoir se fait avec type: 381)");
        if (rate && (rate->isNegative() || *rate >= Decimal::fromInt(100)))
            r.error(*Reader::find(item, "vat_rate"), "taux de TVA en pourcentage attendu (20, 10, 5.5, 2.1 ou 0)");
        if (!quantity || !price || !rate) continue;
        l.quantity = *quantity;
        l.net_price = *price;
        l.net_amount = multiply(*quantity, *price, 2);
        l.vat_rate = *rate;
        l.vat_category = rate->isZero() ? "Z" : "S";
        inv.lines.push_back(std::move(l));
    }
}

void readPreceding(Reader& r, const ConfigValue& root, sdk::InvoiceRecord& inv) {
    const ConfigValue* v = Reader::find(root, "preceding_invoice");
    if (!v || v->kind == ConfigValue::Kind::Null || !r.map(*v, {"number", "issue_date"})) return;
    inv.preceding_invoice = r.text(*v, "number", true);
    inv.preceding_invoice_date = r.date(*v, "issue_date", false);
}

Draft emptyDraft() {
    Draft d;
    d.invoice.source_format = "draft";
    d.invoice.customization_id = "urn:cen.eu:en16931:2017";
    return d;
}

sdk::Expected<Draft> fromTree(const ConfigValue& root, const std::string& where) {
    Reader r(where);
    Draft draft = emptyDraft();
    auto& inv = draft.invoice;
    if (r.map(root, {"number", "issue_date", "due_date", "type", "currency", "seller", "buyer", "contract",
                     "payment_terms", "note", "preceding_invoice", "lines"})) {
        inv.number = r.text(root, "number", true);
        inv.issue_date = r.date(root, "issue_date", true);
        inv.due_date = r.date(root, "due_date", false);
        inv.type_code = r.text(root, "type", false);
        if (inv.type_code.empty()) inv.type_code = "380";
        inv.currency = r.text(root, "currency", false);
        if (inv.currency.empty()) inv.currency = "EUR";
        inv.contract_reference = r.text(root, "contract", false);
        inv.payment_terms = r.text(root, "payment_terms", false);
        if (const std::string note = r.text(root, "note", false); !note.empty()) inv.notes.push_back(note);
        readSeller(r, root, inv);
        readBuyer(r, root, draft);
        readPreceding(r, root, inv);
        readLines(r, root, inv);
    }
    if (!r.errors().empty()) {
        std::string message;
        for (const auto& e : r.errors()) message += (message.empty() ? "" : "\n") + e;
        return sdk::dataError(message);
    }
    computeTotals(inv);
    inv.source_id = "draft:" + inv.number;
    return draft;
}

}  // namespace

void computeTotals(sdk::InvoiceRecord& inv) {
    // One VAT breakdown per (category, rate), in the order the lines first use them.
    std::vector<sdk::VatBreakdown> breakdown;
    Decimal lineNet;
    for (const auto& l : inv.lines) {
        lineNet = lineNet + l.net_amount;
        auto it = std::find_if(breakdown.begin(), breakdown.end(), [&](const sdk::VatBreakdown& b) {
            return b.category == l.vat_category && b.rate == l.vat_rate;
        });
        if (it == breakdown.end()) {
            sdk::VatBreakdown b;
            b.category = l.vat_category;
            b.rate = l.vat_rate;
            breakdown.push_back(b);
            it = breakdown.end() - 1;
        }
        it->taxable_amount = it->taxable_amount + l.net_amount;
    }
    Decimal tax;
    for (auto& b : breakdown) {
        b.tax_amount = percentOf(b.taxable_amount, b.rate.value_or(Decimal()));
        tax = tax + b.tax_amount;
    }
    inv.vat_breakdown = std::move(breakdown);
    inv.totals = {};
    inv.totals.line_net = lineNet;
    inv.totals.tax_exclusive = lineNet;
    inv.totals.tax = tax;
    inv.totals.tax_inclusive = lineNet + tax;
    inv.totals.payable = inv.totals.tax_inclusive;
}

sdk::Expected<Draft> draftFromYaml(const std::string& text, const std::string& where) {
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        return sdk::dataError(where + ":" + std::to_string(e.mark.line + 1) + ": YAML illisible : " + e.msg);
    }
    return fromTree(fromYaml(root, ""), where);
}

sdk::Expected<Draft> draftFromJson(const std::string& text, const std::string& where) {
    sdk::json::ParseOptions options;
    options.name = where;
    auto doc = sdk::json::Document::parse(text, options);
    if (!doc) return sdk::dataError(where + ": JSON illisible : " + doc.error().message);
    return fromTree(fromJson(doc->root(), ""), where);
}

}  // namespace recolte::invoice
