// Pieces several pages share: the offers table (catalogue, offer, producer and need pages), form
// fields, the pager, label badges, availability and address texts. Each returns HTML with every
// text already escaped.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "publish/doc.hpp"
#include "publish/html.hpp"

namespace recolte::publish {

struct OfferTableOptions {
    std::string caption;                // visible table caption (plain text)
    bool showProducer = true;
    std::string sameDepartement;        // when set, offers of this département get a badge
};
// `docs`: offers as the store returns them.
std::string offerTable(const std::vector<std::string>& docs, const OfferTableOptions& options);

using Choice = std::pair<std::string, std::string>;  // value, French text
// <label> + <select>; the first option is `anyText` with an empty value.
std::string selectField(const std::string& name, const std::string& label, const std::vector<Choice>& choices,
                        const std::string& selected, const std::string& anyText);
// <label> + <input>; `type` is "search", "date"...
std::string inputField(const std::string& name, const std::string& label, const std::string& type,
                       const std::string& value, const std::string& hint = {});

// "Page 2 sur 7" with previous/next links keeping `filters`.
std::string pager(const std::string& path, const QueryPairs& filters, int64_t page, int64_t pageSize, int64_t total);
int64_t pageCount(int64_t total, int64_t pageSize);

std::string labelBadges(const std::vector<std::string>& codes);
// "Du 1er mai 2026 au 30 juin 2026", "À partir du…", "Jusqu’au…", "Sans limite de dates".
std::string availabilityText(const std::string& from, const std::string& to);
// "12,5 kg" from a {value, unit} quantity object; "" when absent.
std::string quantityText(const JsonValue& obj, std::string_view key);
// "Le Bourg, 09200 Saint-Girons" from an address object; "" when it has nothing.
std::string addressText(const JsonValue& address);
// "18,50 € HT / kg" from an offer's price object.
std::string priceAsSold(const JsonValue& offer);
// "18,50 €/kg" from an offer's unit_price object.
std::string unitPriceText(const JsonValue& offer);

// <a href="/x/id">text</a> with the id percent-encoded.
std::string link(const std::string& prefix, const std::string& id, const std::string& text);
// A <p> for "nothing here", so empty lists say so.
std::string emptyNote(const std::string& text);

}  // namespace recolte::publish
