#include "publish/feed_entries.hpp"

#include <cstdlib>

#include "publish/doc.hpp"
#include "publish/format_fr.hpp"
#include "publish/html.hpp"
#include "publish/vocabulary_fr.hpp"

namespace recolte::publish {

namespace {

using sdk::Decimal;

// « name », with French quotes and no-break spaces.
std::string quoted(const std::string& text) { return "«\xC2\xA0" + text + "\xC2\xA0»"; }

// "0,85 € HT / pot": the price as the platform sells it.
std::string priceAsSold(Decimal amount, const std::string& unit) {
    return euros(amount) + " HT" + (unit.empty() ? "" : " / " + unit);
}

// "+12 %", "-3,5 %": the change relative to the old price, to a tenth of a percent.
std::string percentChange(int64_t oldRaw, int64_t newRaw) {
    if (oldRaw <= 0) return {};
    const __int128 delta = static_cast<__int128>(newRaw - oldRaw) * 1000;
    const int64_t tenths = static_cast<int64_t>((delta + (delta >= 0 ? oldRaw / 2 : -oldRaw / 2)) / oldRaw);
    const std::string sign = tenths > 0 ? "+" : tenths < 0 ? "-" : "";
    const Decimal value = Decimal::fromRaw(std::llabs(tenths) * (Decimal::kOne / 10));
    return sign + percent(value);
}

std::string place(const std::string& city, const std::string& departement) {
    if (departement.empty()) return city;
    return city.empty() ? departementLabel(departement) : city + ", " + departementLabel(departement);
}

// An answer deadline as the source wrote it: a bare date, a time with an offset (shown in Paris
// time), or a time without offset, which is already French local time.
std::string deadlineText(const std::string& iso) {
    if (iso.size() <= 10) return frenchDate(iso);
    if (iso.size() < 16) return iso;
    if (iso.find_first_of("Z+-", 16) != std::string::npos) return frenchDateTime(iso);
    const std::string hour = iso.substr(11, 2), minute = iso.substr(14, 2);
    return frenchDate(iso.substr(0, 10)) + " à " + (hour[0] == '0' ? hour.substr(1) : hour) + "\xC2\xA0h\xC2\xA0" + minute;
}

std::string offerLink(const std::string& base, const std::string& id) { return base + "/offres/" + urlEncode(id); }
std::string needLink(const std::string& base, const std::string& id) { return base + "/besoins/" + urlEncode(id); }

void describeOffer(const store::ChangeEntry& c, const std::optional<std::string>& doc, const std::string& base,
                   AtomEntry& e) {
    std::string name = c.name, producer, departement = c.departement, unit, unitPriceText, labels;
    std::optional<Decimal> currentPrice;
    if (doc) {
        auto d = parseDoc(*doc);
        const auto root = d.root();
        name = str(root, "name");
        if (auto p = member(root, "producer")) producer = str(*p, "name");
        departement = str(root, "departement");
        if (auto p = member(root, "price")) {
            unit = str(*p, "unit");
            currentPrice = decimal(*p, "amount");
        }
        if (auto u = member(root, "unit_price")) {
            if (auto amount = decimal(*u, "amount")) unitPriceText = unitPrice(*amount, str(*u, "unit"));
        }
        for (const auto& code : strings(root, "labels")) labels += (labels.empty() ? "" : ", ") + labelName(code);
        e.link = offerLink(base, c.record_id);
    }
    const std::string who = producer.empty() ? std::string() : producer + (departement.empty() ? "" : " (" +
                                                                 departementLabel(departement) + ")");
    const std::string platform = " Plateforme : " + c.source + ".";
    if (c.change == "added") {
        e.title = "Nouvelle offre : " + name;
        e.summary = (who.empty() ? "Nouvelle offre " : who + " propose ") + quoted(name);
        if (currentPrice) e.summary += " à " + priceAsSold(*currentPrice, unit);
        if (!unitPriceText.empty()) e.summary += ", soit " + unitPriceText;
        e.summary += ".";
        if (!labels.empty()) e.summary += " Labels : " + labels + ".";
        e.summary += platform;
    } else if (c.change == "price_changed") {
        e.title = "Prix modifié : " + name;
        const std::string pct = percentChange(c.old_price_raw, c.new_price_raw);
        e.summary = quoted(name) + (who.empty() ? "" : " de " + who) + " : le prix passe de " +
                    euros(Decimal::fromRaw(c.old_price_raw)) + " à " +
                    priceAsSold(Decimal::fromRaw(c.new_price_raw), unit) + (pct.empty() ? "" : " (" + pct + ")");
        // The unit price is today's: say it only when today's price is the one this change set.
        if (!unitPriceText.empty() && currentPrice && currentPrice->raw() == c.new_price_raw)
            e.summary += ", soit " + unitPriceText;
        e.summary += "." + platform;
    } else if (c.change == "removed") {
        e.title = "Offre retirée : " + name;
        e.summary = "L’offre " + quoted(name) + " n’est plus proposée." + platform;
    } else {
        e.title = "Offre modifiée : " + name;
        e.summary = "L’offre " + quoted(name) + " a changé." + platform;
    }
}

void describeNeed(const store::ChangeEntry& c, const std::optional<std::string>& doc, const std::string& base,
                  AtomEntry& e) {
    std::string title = c.name, buyer, where, quantity, from, to, deadline;
    if (doc) {
        auto d = parseDoc(*doc);
        const auto root = d.root();
        title = str(root, "title");
        if (auto b = member(root, "buyer")) buyer = str(*b, "name");
        if (auto p = member(root, "place")) where = place(str(*p, "city"), str(*p, "departement"));
        if (auto q = member(root, "quantity")) {
            if (auto value = decimal(*q, "value")) quantity = frenchNumber(*value) + " " + str(*q, "unit");
        }
        from = str(root, "delivery_from");
        to = str(root, "delivery_to");
        deadline = str(root, "answer_deadline");
        e.link = needLink(base, c.record_id);
    }
    const std::string platform = " Plateforme : " + c.source + ".";
    if (c.change == "removed") {
        e.title = "Besoin retiré : " + title;
        e.summary = "Le besoin " + quoted(title) + " n’est plus publié." + platform;
        return;
    }
    e.title = (c.change == "added" ? "Nouveau besoin : " : "Besoin modifié : ") + title;
    e.summary = (buyer.empty() ? std::string("Un acheteur") : buyer) + (where.empty() ? "" : " (" + where + ")") +
                " cherche " + quoted(title) + (quantity.empty() ? "" : " : " + quantity) + ".";
    if (!from.empty() && !to.empty())
        e.summary += " Livraison du " + frenchDate(from) + " au " + frenchDate(to) + ".";
    else if (!from.empty())
        e.summary += " Livraison à partir du " + frenchDate(from) + ".";
    else if (!to.empty())
        e.summary += " Livraison jusqu’au " + frenchDate(to) + ".";
    if (!deadline.empty()) e.summary += " Réponse attendue avant le " + deadlineText(deadline) + ".";
    e.summary += platform;
}

}  // namespace

std::string changeEntryId(int64_t seq) { return "tag:recolte,2026:change/" + std::to_string(seq); }

AtomEntry feedEntry(const store::ChangeEntry& change, const std::optional<std::string>& doc, const std::string& base) {
    AtomEntry e;
    e.id = changeEntryId(change.seq);
    e.updated = change.at;
    e.category = change.change;
    e.category_label = changeName(change.change);
    if (change.kind == "need")
        describeNeed(change, doc, base, e);
    else
        describeOffer(change, doc, base, e);
    return e;
}

}  // namespace recolte::publish
