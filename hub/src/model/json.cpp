// Hand-written JSON for the common schema: one pass of std::string appends, exact decimals, every key
// always written (the schemas require them all, so consumers never probe for missing keys).
//
// Absent values. The model keeps "unknown" as an empty string, 0 or an empty optional; the JSON says
// null wherever the schema makes the field nullable:
//   - null when empty: offer producer.siret, departement, product_type, family, packaging,
//     available_from, available_to, origin, ean; producer siret; every address, contact and
//     point-of-sale part; need buyer.siret, buyer.kind, product_type, delivery_from, delivery_to,
//     answer_deadline, contract_type, status_reason; reject file, url, column, element; sync-run error.
//   - null when 0: reject line (lines are 1-based; 0 means "not line-based").
//   - null when the optional is empty: vat_rate, pieces_per_pack, quantities, lead_time_days, lat, lon.
//   - always a string, "" kept: ids, names, titles, description, criteria, excerpt, reason, price and
//     quantity units, status, outcome, currency and timestamps. An empty one where the schema wants a
//     date-time or an enum then fails validation on purpose: it is a bug upstream, not an absence.
// Numbers: money as Decimal::toString(2) ("12.50"), rates and quantities with no forced decimals
// ("5.5", "3"); never through a binary float. Coordinates use the shortest round-trip form,
// duration_seconds fixed 3 decimals; a non-finite double becomes null.
#include "model/json.hpp"
#include "model/json_writer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>

namespace recolte::model {

namespace {

constexpr char kHex[] = "0123456789abcdef";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

void appendUnicodeEscape(std::string& out, unsigned code) {
    out += "\\u";
    out += kHex[(code >> 12) & 0xF];
    out += kHex[(code >> 8) & 0xF];
    out += kHex[(code >> 4) & 0xF];
    out += kHex[code & 0xF];
}

// Length of the well-formed UTF-8 sequence (RFC 3629: no overlongs, no surrogates, <= U+10FFFF)
// starting at s[i], or 0 with `bad` = how many bytes form the maximal ill-formed subpart to replace
// by one U+FFFD (the Unicode "substitution of maximal subparts" practice, as browsers do).
size_t utf8Sequence(std::string_view s, size_t i, size_t& bad) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the first continuation byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        need = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        need = 2;
        if (lead == 0xE0) lo = 0xA0;  // overlong
        if (lead == 0xED) hi = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        need = 3;
        if (lead == 0xF0) lo = 0x90;  // overlong
        if (lead == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
        bad = 1;  // stray continuation byte, C0/C1 overlong lead, F5..FF
        return 0;
    }
    for (size_t k = 1; k <= need; ++k) {
        const bool ok = i + k < s.size() && byte(i + k) >= (k == 1 ? lo : 0x80) && byte(i + k) <= (k == 1 ? hi : 0xBF);
        if (!ok) {
            bad = k;
            return 0;
        }
    }
    return need + 1;
}

// Bytes that leave the fast path: controls, quote, backslash, HTML specials, non-ASCII.
constexpr std::array<bool, 256> kNeedsCare = [] {
    std::array<bool, 256> table{};
    for (unsigned c = 0; c < 256; ++c) {
        table[c] = c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c >= 0x80;
    }
    return table;
}();

bool needsCare(unsigned char c) { return kNeedsCare[c]; }


void appendQuantity(std::string& out, const std::optional<sdk::Quantity>& q) {
    if (!q) {
        out += "null";
        return;
    }
    Obj o(out);
    o.decimal("value", q->value, kPlainDecimals);
    o.str("unit", q->unit);
}


void appendPointOfSale(std::string& out, const sdk::PointOfSale& p) {
    Obj o(out);
    o.strOrNull("name", p.name);
    o.strOrNull("kind", p.kind);
    appendAddress(o.key("address"), p.address);
    o.strOrNull("opening_hours", p.opening_hours);
}


}  // namespace

void appendDouble(std::string& out, double value, std::optional<int> fixedDecimals) {
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    char buf[64];
    const auto res = fixedDecimals ? std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, *fixedDecimals)
                                   : std::to_chars(buf, buf + sizeof buf, value);
    if (res.ec != std::errc()) {
        out += "null";
        return;
    }
    out.append(buf, res.ptr);
}

void appendAddress(std::string& out, const sdk::Address& a) {
    Obj o(out);
    o.strOrNull("street", a.street);
    o.strOrNull("postcode", a.postcode);
    o.strOrNull("city", a.city);
    o.strOrNull("departement", a.departement);
    o.strOrNull("country", a.country);
    o.doubleOrNull("lat", a.lat);
    o.doubleOrNull("lon", a.lon);
}

void appendContact(std::string& out, const sdk::Contact& c) {
    Obj o(out);
    o.strOrNull("name", c.name);
    o.strOrNull("email", c.email);
    o.strOrNull("phone", c.phone);
    o.strOrNull("website", c.website);
}

void appendStringItem(std::string& out, const std::string& s) { appendJsonString(out, s); }

void appendJsonString(std::string& out, std::string_view s) {
    out += '"';
    size_t i = 0;
    while (i < s.size()) {
        // Copy the run of bytes that need nothing in one append.
        size_t run = i;
        while (run < s.size() && !needsCare(static_cast<unsigned char>(s[run]))) ++run;
        if (run > i) {
            out.append(s.data() + i, run - i);
            i = run;
            if (i == s.size()) break;
        }
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            switch (c) {
                case '"': out += "\\\""; break;
                case '\\': out += "\\\\"; break;
                case '\b': out += "\\b"; break;
                case '\f': out += "\\f"; break;
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                default: appendUnicodeEscape(out, c); break;  // other controls, '<', '>', '&'
            }
            ++i;
            continue;
        }
        size_t bad = 0;
        const size_t len = utf8Sequence(s, i, bad);
        if (len == 0) {
            out += kReplacement;
            i += bad;
            continue;
        }
        // U+2028/U+2029 are valid JSON but end a line in JavaScript (<script> embedding).
        if (len == 3 && c == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
            appendUnicodeEscape(out, static_cast<unsigned char>(s[i + 2]) == 0xA8 ? 0x2028 : 0x2029);
        } else {
            out.append(s.data() + i, len);
        }
        i += len;
    }
    out += '"';
}

std::string jsonString(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    appendJsonString(out, s);
    return out;
}

std::string toJson(const Offer& offer) {
    std::string out;
    out.reserve(1024 + offer.description.size() + offer.name.size());
    {
        Obj o(out);
        o.str("id", offer.id);
        o.str("source", offer.source);
        o.str("source_id", offer.source_id);
        o.str("name", offer.name);
        o.str("description", offer.description);
        {
            Obj p(o.key("producer"));
            p.str("id", offer.producer.id);
            p.strOrNull("siret", offer.producer.siret);
            p.str("name", offer.producer.name);
        }
        o.strOrNull("departement", offer.departement);
        o.strOrNull("product_type", offer.product_type);
        o.strOrNull("family", offer.family);
        appendArray(o.key("labels"), offer.labels, appendStringItem);
        {
            Obj p(o.key("price"));
            p.decimal("amount", offer.price.amount, kMoneyDecimals);
            p.str("currency", offer.price.currency);
            p.decimalOrNull("vat_rate", offer.price.vat_rate, kPlainDecimals);
            p.str("unit", offer.price.unit);
        }
        o.strOrNull("packaging", offer.packaging);
        o.intOrNull("pieces_per_pack", offer.pieces_per_pack);
        {
            Obj u(o.key("unit_price"));
            u.decimal("amount", offer.unit_price.amount, kMoneyDecimals);
            u.str("unit", toString(offer.unit_price.unit));
        }
        o.strOrNull("available_from", offer.available_from);
        o.strOrNull("available_to", offer.available_to);
        appendQuantity(o.key("quantity_available"), offer.quantity_available);
        appendQuantity(o.key("minimum_order"), offer.minimum_order);
        o.intOrNull("lead_time_days", offer.lead_time_days);
        o.strOrNull("origin", offer.origin);
        o.strOrNull("ean", offer.ean);
        o.str("updated_at", offer.updated_at);
    }
    return out;
}

std::string toJson(const Producer& producer) {
    std::string out;
    out.reserve(512 + 256 * (producer.contacts.size() + producer.points_of_sale.size()));
    {
        Obj o(out);
        o.str("id", producer.id);
        o.strOrNull("siret", producer.siret);
        o.boolean("siret_missing", producer.siret_missing);
        o.str("name", producer.name);
        appendAddress(o.key("address"), producer.address);
        appendArray(o.key("contacts"), producer.contacts, appendContact);
        appendArray(o.key("points_of_sale"), producer.points_of_sale, appendPointOfSale);
        appendArray(o.key("sources"), producer.sources, appendStringItem);
    }
    return out;
}

std::string toJson(const Need& need) {
    std::string out;
    out.reserve(1024 + need.description.size() + need.criteria.size());
    {
        Obj o(out);
        o.str("id", need.id);
        o.str("source", need.source);
        o.str("source_id", need.source_id);
        o.str("title", need.title);
        o.str("description", need.description);
        {
            Obj b(o.key("buyer"));
            b.str("name", need.buyer_name);
            b.strOrNull("siret", need.buyer_siret);
            b.strOrNull("kind", need.buyer_kind);
        }
        o.strOrNull("product_type", need.product_type);
        appendQuantity(o.key("quantity"), need.quantity);
        o.strOrNull("delivery_from", need.delivery_from);
        o.strOrNull("delivery_to", need.delivery_to);
        o.strOrNull("answer_deadline", need.answer_deadline);
        o.str("criteria", need.criteria);
        o.strOrNull("contract_type", need.contract_type);
        appendAddress(o.key("place"), need.place);
        o.str("status", need.status);
        o.strOrNull("status_reason", need.status_reason);
        o.str("updated_at", need.updated_at);
    }
    return out;
}

std::string toJson(const StoredReject& reject) {
    std::string out;
    out.reserve(256 + reject.reason.size() + reject.excerpt.size() * 2);
    {
        Obj o(out);
        o.str("source", reject.source);
        o.strOrNull("file", reject.file);
        o.strOrNull("url", reject.url);
        o.intOrNull("line", reject.line > 0 ? std::optional<int64_t>(reject.line) : std::nullopt);
        o.strOrNull("column", reject.column);
        o.strOrNull("element", reject.element);
        o.str("reason", reject.reason);
        o.str("excerpt", reject.excerpt);
        o.str("at", reject.at);
    }
    return out;
}

std::string toJson(const SyncRun& run) {
    std::string out;
    out.reserve(384 + run.error.size());
    {
        Obj o(out);
        o.str("source", run.source);
        o.str("connector", run.connector);
        o.str("started", run.started);
        o.str("finished", run.finished);
        o.str("outcome", run.outcome);
        o.integer("read", run.counts.read);
        o.integer("accepted", run.counts.accepted);
        o.integer("rejected", run.counts.rejected);
        o.integer("added", run.counts.added);
        o.integer("changed", run.counts.changed);
        o.integer("removed", run.counts.removed);
        o.integer("unchanged", run.counts.unchanged);
        appendDouble(o.key("duration_seconds"), run.duration_seconds, 3);
        o.strOrNull("error", run.error);
    }
    return out;
}

}  // namespace recolte::model
