// Addresses and contacts use the public writers (absent parts as null, read back as "").
// Decimals are written as JSON numbers with every digit they hold (up to 4 decimals) and read back
// through sdk::json, which keeps number literals as text: no binary float on the way.
#include "model/invoice_record_json.hpp"

#include "model/json_writer.hpp"
#include "recolte/sdk/json.hpp"

namespace recolte::model {

namespace {

using sdk::Decimal;
using sdk::json::Value;

void optDecimal(Obj& o, std::string_view k, const std::optional<Decimal>& v) { o.decimalOrNull(k, v, 0); }

void appendStrings(std::string& out, const std::vector<std::string>& v) { appendArray(out, v, appendStringItem); }

void appendParty(std::string& out, const sdk::InvoiceParty& p) {
    Obj o(out);
    o.str("name", p.name);
    o.str("trading_name", p.trading_name);
    o.str("legal_id", p.legal_id);
    o.str("legal_id_scheme", p.legal_id_scheme);
    o.str("siret", p.siret);
    o.str("party_id", p.party_id);
    o.str("party_id_scheme", p.party_id_scheme);
    o.str("vat_id", p.vat_id);
    o.str("tax_registration_id", p.tax_registration_id);
    o.str("electronic_address", p.electronic_address);
    o.str("electronic_address_scheme", p.electronic_address_scheme);
    o.str("legal_form", p.legal_form);
    appendAddress(o.key("address"), p.address);
    o.str("address_line2", p.address_line2);
    o.str("country_subdivision", p.country_subdivision);
    appendContact(o.key("contact"), p.contact);
}

void appendAllowanceCharge(std::string& out, const sdk::AllowanceCharge& a) {
    Obj o(out);
    o.boolean("charge", a.charge);
    o.decimal("amount", a.amount, 0);
    optDecimal(o, "base_amount", a.base_amount);
    optDecimal(o, "percent", a.percent);
    o.str("vat_category", a.vat_category);
    optDecimal(o, "vat_rate", a.vat_rate);
    o.str("reason", a.reason);
    o.str("reason_code", a.reason_code);
}

void appendVat(std::string& out, const sdk::VatBreakdown& v) {
    Obj o(out);
    o.str("category", v.category);
    optDecimal(o, "rate", v.rate);
    o.decimal("taxable_amount", v.taxable_amount, 0);
    o.decimal("tax_amount", v.tax_amount, 0);
    o.str("exemption_reason", v.exemption_reason);
    o.str("exemption_reason_code", v.exemption_reason_code);
}

void appendTotals(std::string& out, const sdk::InvoiceTotals& t) {
    Obj o(out);
    o.decimal("line_net", t.line_net, 0);
    optDecimal(o, "allowances", t.allowances);
    optDecimal(o, "charges", t.charges);
    o.decimal("tax_exclusive", t.tax_exclusive, 0);
    optDecimal(o, "tax", t.tax);
    optDecimal(o, "tax_accounting", t.tax_accounting);
    o.decimal("tax_inclusive", t.tax_inclusive, 0);
    optDecimal(o, "prepaid", t.prepaid);
    optDecimal(o, "rounding", t.rounding);
    o.decimal("payable", t.payable, 0);
}

void appendLine(std::string& out, const sdk::InvoiceLine& l) {
    Obj o(out);
    o.str("id", l.id);
    o.str("note", l.note);
    o.str("object_id", l.object_id);
    o.decimal("quantity", l.quantity, 0);
    o.str("unit_code", l.unit_code);
    o.decimal("net_amount", l.net_amount, 0);
    o.str("order_line_reference", l.order_line_reference);
    o.str("accounting_reference", l.accounting_reference);
    o.str("period_start", l.period_start);
    o.str("period_end", l.period_end);
    appendArray(o.key("allowances_charges"), l.allowances_charges, appendAllowanceCharge);
    o.decimal("net_price", l.net_price, 0);
    optDecimal(o, "price_discount", l.price_discount);
    optDecimal(o, "gross_price", l.gross_price);
    optDecimal(o, "base_quantity", l.base_quantity);
    o.str("base_quantity_unit", l.base_quantity_unit);
    o.str("vat_category", l.vat_category);
    optDecimal(o, "vat_rate", l.vat_rate);
    o.str("name", l.name);
    o.str("description", l.description);
    o.str("seller_item_id", l.seller_item_id);
    o.str("buyer_item_id", l.buyer_item_id);
    o.str("standard_item_id", l.standard_item_id);
    o.str("standard_item_scheme", l.standard_item_scheme);
    appendStrings(o.key("classification_codes"), l.classification_codes);
    o.str("origin_country", l.origin_country);
}

void appendEvent(std::string& out, const sdk::InvoiceStatusEvent& e) {
    Obj o(out);
    o.str("status", e.status);
    o.str("at", e.at);
    o.str("comment", e.comment);
}

void appendLocation(std::string& out, const sdk::Location& w) {
    Obj o(out);
    o.str("file", w.file);
    o.str("url", w.url);
    o.integer("line", w.line);
    o.str("column", w.column);
    o.str("element", w.element);
}

void appendQuantity(Obj& o, std::string_view k, const std::optional<sdk::Quantity>& q) {
    if (!q) {
        o.key(k) += "null";
        return;
    }
    Obj e(o.key(k));
    e.decimal("value", q->value, 0);
    e.str("unit", q->unit);
}

void appendProducerRecord(std::string& out, const sdk::ProducerRecord& p) {
    Obj o(out);
    o.str("source_key", p.source_key);
    o.str("siret", p.siret);
    o.str("name", p.name);
    appendAddress(o.key("address"), p.address);
    appendArray(o.key("contacts"), p.contacts, appendContact);
    appendArray(o.key("points_of_sale"), p.points_of_sale, [](std::string& s, const sdk::PointOfSale& pos) {
        Obj e(s);
        e.str("name", pos.name);
        e.str("kind", pos.kind);
        appendAddress(e.key("address"), pos.address);
        e.str("opening_hours", pos.opening_hours);
    });
    appendLocation(o.key("where"), p.where);
}

// Reading back: a missing or mistyped member is an error naming it (the stored form is ours, so
// that is a bug or a damaged database, never something to guess around).
class Reader {
public:
    std::string error;
    std::string what = "facture enregistrée";  // what the document is, for the message

    // null stands for "" (addresses and contacts are written by the public writers, with nulls).
    std::string str(const Value& obj, std::string_view key) {
        auto v = obj.get(key);
        if (v && v->isNull()) return {};
        if (!v || !v->isString()) return fail(obj, key, "texte"), std::string();
        return std::string(v->text());
    }
    bool boolean(const Value& obj, std::string_view key) {
        auto v = obj.get(key);
        if (!v || !v->isBool()) return fail(obj, key, "booléen"), false;
        return v->boolean();
    }
    Decimal dec(const Value& obj, std::string_view key) {
        auto v = obj.get(key);
        auto d = v ? v->decimal() : std::nullopt;
        if (!d) return fail(obj, key, "nombre"), Decimal();
        return *d;
    }
    std::optional<Decimal> optDec(const Value& obj, std::string_view key) {
        auto v = obj.get(key);
        if (v && v->isNull()) return std::nullopt;
        return dec(obj, key);
    }
    std::optional<double> optDouble(const Value& obj, std::string_view key) {
        auto v = obj.get(key);
        if (v && v->isNull()) return std::nullopt;
        if (!v || !v->isNumber()) return fail(obj, key, "nombre"), std::nullopt;
        try {
            return std::stod(std::string(v->text()));
        } catch (const std::exception&) {
            return fail(obj, key, "nombre"), std::nullopt;
        }
    }
    int64_t integer(const Value& obj, std::string_view key) {
        auto v = obj.get(key);
        auto i = v ? v->integer() : std::nullopt;
        if (!i) return fail(obj, key, "entier"), 0;
        return *i;
    }
    std::optional<Value> object(const Value& obj, std::string_view key) {
        auto v = obj.get(key);
        if (v && v->isObject()) return v;
        return fail(obj, key, "objet"), std::nullopt;
    }
    template <typename T, typename F>
    std::vector<T> list(const Value& obj, std::string_view key, F readItem) {
        std::vector<T> out;
        auto v = obj.get(key);
        if (!v || !v->isArray()) return fail(obj, key, "tableau"), out;
        for (size_t i = 0; i < v->size(); ++i) out.push_back(readItem(v->at(i)));
        return out;
    }
    std::vector<std::string> strings(const Value& obj, std::string_view key) {
        return list<std::string>(obj, key, [&](const Value& v) {
            if (!v.isString()) fail(v, "", "texte");
            return std::string(v.text());
        });
    }

    sdk::Address address(const Value& v) {
        sdk::Address a;
        a.street = str(v, "street");
        a.postcode = str(v, "postcode");
        a.city = str(v, "city");
        a.departement = str(v, "departement");
        a.country = str(v, "country");
        a.lat = optDouble(v, "lat");
        a.lon = optDouble(v, "lon");
        return a;
    }
    sdk::Contact contact(const Value& v) {
        return {str(v, "name"), str(v, "email"), str(v, "phone"), str(v, "website")};
    }
    sdk::InvoiceParty party(const Value& v) {
        sdk::InvoiceParty p;
        p.name = str(v, "name");
        p.trading_name = str(v, "trading_name");
        p.legal_id = str(v, "legal_id");
        p.legal_id_scheme = str(v, "legal_id_scheme");
        p.siret = str(v, "siret");
        p.party_id = str(v, "party_id");
        p.party_id_scheme = str(v, "party_id_scheme");
        p.vat_id = str(v, "vat_id");
        p.tax_registration_id = str(v, "tax_registration_id");
        p.electronic_address = str(v, "electronic_address");
        p.electronic_address_scheme = str(v, "electronic_address_scheme");
        p.legal_form = str(v, "legal_form");
        if (auto a = object(v, "address")) p.address = address(*a);
        p.address_line2 = str(v, "address_line2");
        p.country_subdivision = str(v, "country_subdivision");
        if (auto c = object(v, "contact")) p.contact = contact(*c);
        return p;
    }
    sdk::AllowanceCharge allowanceCharge(const Value& v) {
        sdk::AllowanceCharge a;
        a.charge = boolean(v, "charge");
        a.amount = dec(v, "amount");
        a.base_amount = optDec(v, "base_amount");
        a.percent = optDec(v, "percent");
        a.vat_category = str(v, "vat_category");
        a.vat_rate = optDec(v, "vat_rate");
        a.reason = str(v, "reason");
        a.reason_code = str(v, "reason_code");
        return a;
    }
    sdk::VatBreakdown vat(const Value& v) {
        sdk::VatBreakdown b;
        b.category = str(v, "category");
        b.rate = optDec(v, "rate");
        b.taxable_amount = dec(v, "taxable_amount");
        b.tax_amount = dec(v, "tax_amount");
        b.exemption_reason = str(v, "exemption_reason");
        b.exemption_reason_code = str(v, "exemption_reason_code");
        return b;
    }
    sdk::InvoiceTotals totals(const Value& v) {
        sdk::InvoiceTotals t;
        t.line_net = dec(v, "line_net");
        t.allowances = optDec(v, "allowances");
        t.charges = optDec(v, "charges");
        t.tax_exclusive = dec(v, "tax_exclusive");
        t.tax = optDec(v, "tax");
        t.tax_accounting = optDec(v, "tax_accounting");
        t.tax_inclusive = dec(v, "tax_inclusive");
        t.prepaid = optDec(v, "prepaid");
        t.rounding = optDec(v, "rounding");
        t.payable = dec(v, "payable");
        return t;
    }
    sdk::InvoiceLine line(const Value& v) {
        sdk::InvoiceLine l;
        l.id = str(v, "id");
        l.note = str(v, "note");
        l.object_id = str(v, "object_id");
        l.quantity = dec(v, "quantity");
        l.unit_code = str(v, "unit_code");
        l.net_amount = dec(v, "net_amount");
        l.order_line_reference = str(v, "order_line_reference");
        l.accounting_reference = str(v, "accounting_reference");
        l.period_start = str(v, "period_start");
        l.period_end = str(v, "period_end");
        l.allowances_charges = list<sdk::AllowanceCharge>(v, "allowances_charges", [&](const Value& x) { return allowanceCharge(x); });
        l.net_price = dec(v, "net_price");
        l.price_discount = optDec(v, "price_discount");
        l.gross_price = optDec(v, "gross_price");
        l.base_quantity = optDec(v, "base_quantity");
        l.base_quantity_unit = str(v, "base_quantity_unit");
        l.vat_category = str(v, "vat_category");
        l.vat_rate = optDec(v, "vat_rate");
        l.name = str(v, "name");
        l.description = str(v, "description");
        l.seller_item_id = str(v, "seller_item_id");
        l.buyer_item_id = str(v, "buyer_item_id");
        l.standard_item_id = str(v, "standard_item_id");
        l.standard_item_scheme = str(v, "standard_item_scheme");
        l.classification_codes = strings(v, "classification_codes");
        l.origin_country = str(v, "origin_country");
        return l;
    }
    sdk::InvoiceStatusEvent event(const Value& v) { return {str(v, "status"), str(v, "at"), str(v, "comment")}; }
    std::vector<sdk::InvoiceStatusEvent> events(const Value& obj, std::string_view key) {
        return list<sdk::InvoiceStatusEvent>(obj, key, [&](const Value& x) { return event(x); });
    }
    sdk::Location location(const Value& v) {
        sdk::Location w;
        w.file = str(v, "file");
        w.url = str(v, "url");
        w.line = integer(v, "line");
        w.column = str(v, "column");
        w.element = str(v, "element");
        return w;
    }

    std::optional<int64_t> optInt(const Value& obj, std::string_view key) {
        auto v = obj.get(key);
        if (v && v->isNull()) return std::nullopt;
        return integer(obj, key);
    }
    std::optional<sdk::Quantity> optQuantity(const Value& obj, std::string_view key) {
        auto v = obj.get(key);
        if (v && v->isNull()) return std::nullopt;
        auto q = object(obj, key);
        if (!q) return std::nullopt;
        return sdk::Quantity{dec(*q, "value"), str(*q, "unit")};
    }
    sdk::ProducerRecord producer(const Value& v) {
        sdk::ProducerRecord p;
        p.source_key = str(v, "source_key");
        p.siret = str(v, "siret");
        p.name = str(v, "name");
        if (auto a = object(v, "address")) p.address = address(*a);
        p.contacts = list<sdk::Contact>(v, "contacts", [&](const Value& x) { return contact(x); });
        p.points_of_sale = list<sdk::PointOfSale>(v, "points_of_sale", [&](const Value& x) {
            sdk::PointOfSale s;
            s.name = str(x, "name");
            s.kind = str(x, "kind");
            if (auto a = object(x, "address")) s.address = address(*a);
            s.opening_hours = str(x, "opening_hours");
            return s;
        });
        if (auto w = object(v, "where")) p.where = location(*w);
        return p;
    }
    sdk::OfferRecord offer(const Value& v) {
        sdk::OfferRecord o;
        o.source_id = str(v, "source_id");
        if (auto p = object(v, "producer")) o.producer = producer(*p);
        o.name = str(v, "name");
        o.description = str(v, "description");
        o.product_type = str(v, "product_type");
        o.family = str(v, "family");
        o.labels = strings(v, "labels");
        o.price = optDec(v, "price");
        o.currency = str(v, "currency");
        o.vat_rate = optDec(v, "vat_rate");
        o.price_unit = str(v, "price_unit");
        o.packaging = str(v, "packaging");
        o.pieces_per_pack = optInt(v, "pieces_per_pack");
        o.available_from = str(v, "available_from");
        o.available_to = str(v, "available_to");
        o.quantity_available = optQuantity(v, "quantity_available");
        o.minimum_order = optQuantity(v, "minimum_order");
        o.lead_time_days = optInt(v, "lead_time_days");
        o.origin = str(v, "origin");
        o.ean = str(v, "ean");
        o.updated_at = str(v, "updated_at");
        if (auto w = object(v, "where")) o.where = location(*w);
        return o;
    }
    sdk::NeedRecord need(const Value& v) {
        sdk::NeedRecord n;
        n.source_id = str(v, "source_id");
        n.title = str(v, "title");
        n.description = str(v, "description");
        n.buyer_name = str(v, "buyer_name");
        n.buyer_siret = str(v, "buyer_siret");
        n.buyer_kind = str(v, "buyer_kind");
        n.product_type = str(v, "product_type");
        n.quantity = optQuantity(v, "quantity");
        n.delivery_from = str(v, "delivery_from");
        n.delivery_to = str(v, "delivery_to");
        n.answer_deadline = str(v, "answer_deadline");
        n.criteria = str(v, "criteria");
        n.contract_type = str(v, "contract_type");
        if (auto a = object(v, "place")) n.place = address(*a);
        n.status = str(v, "status");
        n.status_reason = str(v, "status_reason");
        n.updated_at = str(v, "updated_at");
        if (auto w = object(v, "where")) n.where = location(*w);
        return n;
    }

    sdk::InvoiceRecord record(const Value& v) {
        sdk::InvoiceRecord r;
        r.source_id = str(v, "source_id");
        r.source_format = str(v, "source_format");
        r.customization_id = str(v, "customization_id");
        r.profile_id = str(v, "profile_id");
        r.number = str(v, "number");
        r.type_code = str(v, "type_code");
        r.issue_date = str(v, "issue_date");
        r.due_date = str(v, "due_date");
        r.tax_point_date = str(v, "tax_point_date");
        r.currency = str(v, "currency");
        r.tax_currency = str(v, "tax_currency");
        r.buyer_reference = str(v, "buyer_reference");
        r.project_reference = str(v, "project_reference");
        r.contract_reference = str(v, "contract_reference");
        r.order_reference = str(v, "order_reference");
        r.sales_order_reference = str(v, "sales_order_reference");
        r.receiving_advice_reference = str(v, "receiving_advice_reference");
        r.despatch_advice_reference = str(v, "despatch_advice_reference");
        r.preceding_invoice = str(v, "preceding_invoice");
        r.preceding_invoice_date = str(v, "preceding_invoice_date");
        r.buyer_accounting_reference = str(v, "buyer_accounting_reference");
        r.notes = strings(v, "notes");
        if (auto p = object(v, "seller")) r.seller = party(*p);
        if (auto p = object(v, "buyer")) r.buyer = party(*p);
        if (auto p = v.get("payee"); p && !p->isNull()) {
            if (auto o = object(v, "payee")) r.payee = party(*o);
        }
        r.invoice_period_start = str(v, "invoice_period_start");
        r.invoice_period_end = str(v, "invoice_period_end");
        r.delivery_date = str(v, "delivery_date");
        r.deliver_to_name = str(v, "deliver_to_name");
        if (auto d = v.get("delivery_address"); d && !d->isNull()) {
            if (auto o = object(v, "delivery_address")) r.delivery_address = address(*o);
        }
        r.payment_means_code = str(v, "payment_means_code");
        r.payment_id = str(v, "payment_id");
        r.iban = str(v, "iban");
        r.bic = str(v, "bic");
        r.payment_terms = str(v, "payment_terms");
        r.allowances_charges = list<sdk::AllowanceCharge>(v, "allowances_charges", [&](const Value& x) { return allowanceCharge(x); });
        r.vat_breakdown = list<sdk::VatBreakdown>(v, "vat_breakdown", [&](const Value& x) { return vat(x); });
        if (auto t = object(v, "totals")) r.totals = totals(*t);
        r.lines = list<sdk::InvoiceLine>(v, "lines", [&](const Value& x) { return line(x); });
        r.chorus_id = str(v, "chorus_id");
        r.status = str(v, "status");
        r.status_history = events(v, "status_history");
        r.warnings = strings(v, "warnings");
        if (auto w = object(v, "where")) r.where = location(*w);
        // What the file said as written (presence of empty groups, every VAT total, the tax
        // representative): the EN 16931 rules read them. Absent in forms stored before they existed.
        if (v.get("issue_date_text")) r.issue_date_text = str(v, "issue_date_text");
        if (v.get("seller_address_given")) r.seller_address_given = boolean(v, "seller_address_given");
        if (v.get("buyer_address_given")) r.buyer_address_given = boolean(v, "buyer_address_given");
        if (v.get("payment_means_given")) r.payment_means_given = boolean(v, "payment_means_given");
        if (v.get("preceding_invoice_given")) r.preceding_invoice_given = boolean(v, "preceding_invoice_given");
        if (v.get("tax_totals"))
            r.tax_totals = list<sdk::TaxTotalAmount>(v, "tax_totals", [&](const Value& x) {
                return sdk::TaxTotalAmount{dec(x, "amount"), str(x, "currency")};
            });
        if (auto t = v.get("tax_representative"); t && !t->isNull()) {
            if (auto o = object(v, "tax_representative")) r.tax_representative = party(*o);
        }
        return r;
    }

private:
    void fail(const Value& at, std::string_view key, const char* expected) {
        if (!error.empty()) return;
        const std::string path = at.path();
        error = what + " illisible : " + (path.empty() ? std::string() : path + ".") + std::string(key) +
                " devrait être un(e) " + expected;
    }
};

template <typename T, typename F>
sdk::Expected<T> readDocument(const std::string& json, F read, const char* what = "facture enregistrée") {
    auto doc = sdk::json::Document::parse(json, {what});
    if (!doc) return doc.error();
    Reader r;
    r.what = what;
    T out = read(r, doc->root());
    if (!r.error.empty()) return sdk::dataError(r.error);
    return out;
}

}  // namespace

std::string invoiceRecordToJson(const sdk::InvoiceRecord& r) {
    std::string out;
    out.reserve(4096 + 1024 * r.lines.size());
    Obj o(out);
    o.str("source_id", r.source_id);
    o.str("source_format", r.source_format);
    o.str("customization_id", r.customization_id);
    o.str("profile_id", r.profile_id);
    o.str("number", r.number);
    o.str("type_code", r.type_code);
    o.str("issue_date", r.issue_date);
    o.str("due_date", r.due_date);
    o.str("tax_point_date", r.tax_point_date);
    o.str("currency", r.currency);
    o.str("tax_currency", r.tax_currency);
    o.str("buyer_reference", r.buyer_reference);
    o.str("project_reference", r.project_reference);
    o.str("contract_reference", r.contract_reference);
    o.str("order_reference", r.order_reference);
    o.str("sales_order_reference", r.sales_order_reference);
    o.str("receiving_advice_reference", r.receiving_advice_reference);
    o.str("despatch_advice_reference", r.despatch_advice_reference);
    o.str("preceding_invoice", r.preceding_invoice);
    o.str("preceding_invoice_date", r.preceding_invoice_date);
    o.str("buyer_accounting_reference", r.buyer_accounting_reference);
    appendStrings(o.key("notes"), r.notes);
    appendParty(o.key("seller"), r.seller);
    appendParty(o.key("buyer"), r.buyer);
    if (r.payee) appendParty(o.key("payee"), *r.payee);
    else o.key("payee") += "null";
    o.str("invoice_period_start", r.invoice_period_start);
    o.str("invoice_period_end", r.invoice_period_end);
    o.str("delivery_date", r.delivery_date);
    o.str("deliver_to_name", r.deliver_to_name);
    if (r.delivery_address) appendAddress(o.key("delivery_address"), *r.delivery_address);
    else o.key("delivery_address") += "null";
    o.str("payment_means_code", r.payment_means_code);
    o.str("payment_id", r.payment_id);
    o.str("iban", r.iban);
    o.str("bic", r.bic);
    o.str("payment_terms", r.payment_terms);
    appendArray(o.key("allowances_charges"), r.allowances_charges, appendAllowanceCharge);
    appendArray(o.key("vat_breakdown"), r.vat_breakdown, appendVat);
    appendTotals(o.key("totals"), r.totals);
    appendArray(o.key("lines"), r.lines, appendLine);
    o.str("chorus_id", r.chorus_id);
    o.str("status", r.status);
    appendArray(o.key("status_history"), r.status_history, appendEvent);
    appendStrings(o.key("warnings"), r.warnings);
    appendLocation(o.key("where"), r.where);
    o.str("issue_date_text", r.issue_date_text);
    o.boolean("seller_address_given", r.seller_address_given);
    o.boolean("buyer_address_given", r.buyer_address_given);
    o.boolean("payment_means_given", r.payment_means_given);
    o.boolean("preceding_invoice_given", r.preceding_invoice_given);
    appendArray(o.key("tax_totals"), r.tax_totals, [](std::string& out, const sdk::TaxTotalAmount& t) {
        Obj e(out);
        e.decimal("amount", t.amount, 0);
        e.str("currency", t.currency);
    });
    if (r.tax_representative) appendParty(o.key("tax_representative"), *r.tax_representative);
    else o.key("tax_representative") += "null";
    return out;
}

sdk::Expected<sdk::InvoiceRecord> invoiceRecordFromJson(const std::string& json) {
    return readDocument<sdk::InvoiceRecord>(json, [](Reader& r, const Value& root) { return r.record(root); });
}

std::string statusRecordToJson(const sdk::InvoiceStatusRecord& r) {
    std::string out;
    Obj o(out);
    o.str("source_id", r.source_id);
    o.str("chorus_id", r.chorus_id);
    o.str("number", r.number);
    o.str("seller_siret", r.seller_siret);
    o.str("seller_name", r.seller_name);
    o.str("buyer_siret", r.buyer_siret);
    o.str("buyer_name", r.buyer_name);
    o.str("service_code", r.service_code);
    o.str("order_reference", r.order_reference);
    o.str("contract_reference", r.contract_reference);
    o.str("issue_date", r.issue_date);
    o.str("currency", r.currency);
    optDecimal(o, "tax_exclusive", r.tax_exclusive);
    optDecimal(o, "tax_inclusive", r.tax_inclusive);
    optDecimal(o, "payable", r.payable);
    o.str("status", r.status);
    appendArray(o.key("history"), r.history, appendEvent);
    appendLocation(o.key("where"), r.where);
    return out;
}

sdk::Expected<sdk::InvoiceStatusRecord> statusRecordFromJson(const std::string& json) {
    return readDocument<sdk::InvoiceStatusRecord>(json, [](Reader& r, const Value& v) {
        sdk::InvoiceStatusRecord s;
        s.source_id = r.str(v, "source_id");
        s.chorus_id = r.str(v, "chorus_id");
        s.number = r.str(v, "number");
        s.seller_siret = r.str(v, "seller_siret");
        s.seller_name = r.str(v, "seller_name");
        s.buyer_siret = r.str(v, "buyer_siret");
        s.buyer_name = r.str(v, "buyer_name");
        s.service_code = r.str(v, "service_code");
        s.order_reference = r.str(v, "order_reference");
        s.contract_reference = r.str(v, "contract_reference");
        s.issue_date = r.str(v, "issue_date");
        s.currency = r.str(v, "currency");
        s.tax_exclusive = r.optDec(v, "tax_exclusive");
        s.tax_inclusive = r.optDec(v, "tax_inclusive");
        s.payable = r.optDec(v, "payable");
        s.status = r.str(v, "status");
        s.history = r.events(v, "history");
        if (auto w = r.object(v, "where")) s.where = r.location(*w);
        return s;
    });
}

std::string invoiceToStoredJson(const Invoice& inv) {
    std::string out;
    Obj o(out);
    o.str("id", inv.id);
    o.str("source", inv.source);
    o.key("record") += invoiceRecordToJson(inv.record);
    o.str("seller_producer_id", inv.seller_producer_id);
    appendArray(o.key("line_classes"), inv.line_classes, [](std::string& s, const InvoiceLineClass& c) {
        Obj l(s);
        l.str("product_type", c.product_type);
        appendStrings(l.key("labels"), c.labels);
    });
    appendStrings(o.key("warnings"), inv.warnings);
    o.str("status", inv.status);
    appendArray(o.key("status_history"), inv.status_history, appendEvent);
    return out;
}

sdk::Expected<Invoice> invoiceFromStoredJson(const std::string& json) {
    return readDocument<Invoice>(json, [](Reader& r, const Value& root) {
        Invoice inv;
        inv.id = r.str(root, "id");
        inv.source = r.str(root, "source");
        if (auto rec = r.object(root, "record")) inv.record = r.record(*rec);
        inv.seller_producer_id = r.str(root, "seller_producer_id");
        inv.line_classes = r.list<InvoiceLineClass>(root, "line_classes", [&](const Value& v) {
            return InvoiceLineClass{r.str(v, "product_type"), r.strings(v, "labels")};
        });
        inv.warnings = r.strings(root, "warnings");
        inv.status = r.str(root, "status");
        inv.status_history = r.events(root, "status_history");
        return inv;
    });
}

// The other records a connector emits, as the isolated worker sends them (sync/worker_protocol).

std::string producerRecordToJson(const sdk::ProducerRecord& record) {
    std::string out;
    appendProducerRecord(out, record);
    return out;
}

sdk::Expected<sdk::ProducerRecord> producerRecordFromJson(const std::string& json) {
    return readDocument<sdk::ProducerRecord>(json, [](Reader& r, const Value& v) { return r.producer(v); }, "producteur");
}

std::string offerRecordToJson(const sdk::OfferRecord& r) {
    std::string out;
    out.reserve(1024);
    Obj o(out);
    o.str("source_id", r.source_id);
    appendProducerRecord(o.key("producer"), r.producer);
    o.str("name", r.name);
    o.str("description", r.description);
    o.str("product_type", r.product_type);
    o.str("family", r.family);
    appendStrings(o.key("labels"), r.labels);
    optDecimal(o, "price", r.price);
    o.str("currency", r.currency);
    optDecimal(o, "vat_rate", r.vat_rate);
    o.str("price_unit", r.price_unit);
    o.str("packaging", r.packaging);
    o.intOrNull("pieces_per_pack", r.pieces_per_pack);
    o.str("available_from", r.available_from);
    o.str("available_to", r.available_to);
    appendQuantity(o, "quantity_available", r.quantity_available);
    appendQuantity(o, "minimum_order", r.minimum_order);
    o.intOrNull("lead_time_days", r.lead_time_days);
    o.str("origin", r.origin);
    o.str("ean", r.ean);
    o.str("updated_at", r.updated_at);
    appendLocation(o.key("where"), r.where);
    return out;
}

sdk::Expected<sdk::OfferRecord> offerRecordFromJson(const std::string& json) {
    return readDocument<sdk::OfferRecord>(json, [](Reader& r, const Value& v) { return r.offer(v); }, "offre");
}

std::string needRecordToJson(const sdk::NeedRecord& r) {
    std::string out;
    Obj o(out);
    o.str("source_id", r.source_id);
    o.str("title", r.title);
    o.str("description", r.description);
    o.str("buyer_name", r.buyer_name);
    o.str("buyer_siret", r.buyer_siret);
    o.str("buyer_kind", r.buyer_kind);
    o.str("product_type", r.product_type);
    appendQuantity(o, "quantity", r.quantity);
    o.str("delivery_from", r.delivery_from);
    o.str("delivery_to", r.delivery_to);
    o.str("answer_deadline", r.answer_deadline);
    o.str("criteria", r.criteria);
    o.str("contract_type", r.contract_type);
    appendAddress(o.key("place"), r.place);
    o.str("status", r.status);
    o.str("status_reason", r.status_reason);
    o.str("updated_at", r.updated_at);
    appendLocation(o.key("where"), r.where);
    return out;
}

sdk::Expected<sdk::NeedRecord> needRecordFromJson(const std::string& json) {
    return readDocument<sdk::NeedRecord>(json, [](Reader& r, const Value& v) { return r.need(v); }, "besoin");
}

std::string rejectToJson(const sdk::Reject& r) {
    std::string out;
    Obj o(out);
    appendLocation(o.key("where"), r.where);
    o.str("reason", r.reason);
    o.str("excerpt", r.excerpt);
    return out;
}

sdk::Expected<sdk::Reject> rejectFromJson(const std::string& json) {
    return readDocument<sdk::Reject>(json, [](Reader& r, const Value& v) {
        sdk::Reject out;
        if (auto w = r.object(v, "where")) out.where = r.location(*w);
        out.reason = r.str(v, "reason");
        out.excerpt = r.str(v, "excerpt");
        return out;
    }, "rejet");
}

std::string warningToJson(const sdk::Location& where, const std::string& message) {
    std::string out;
    Obj o(out);
    appendLocation(o.key("where"), where);
    o.str("message", message);
    return out;
}

sdk::Expected<std::pair<sdk::Location, std::string>> warningFromJson(const std::string& json) {
    return readDocument<std::pair<sdk::Location, std::string>>(json, [](Reader& r, const Value& v) {
        std::pair<sdk::Location, std::string> out;
        if (auto w = r.object(v, "where")) out.first = r.location(*w);
        out.second = r.str(v, "message");
        return out;
    }, "avertissement");
}

}  // namespace recolte::model
