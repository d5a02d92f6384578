// What the feed says about each change, in French, from the change log and the record's document.
#include <gtest/gtest.h>

#include "model/json.hpp"
#include "publish/feed_entries.hpp"

namespace recolte::publish {
namespace {

std::string yaourt(int64_t priceRaw) {
    model::Offer o;
    o.id = "of1";
    o.source = "ferme";
    o.source_id = "FC-002";
    o.producer = {"p1", "81234567600017", "Ferme du Couserans"};
    o.departement = "09";
    o.name = "Yaourt nature";
    o.labels = {"BIO"};
    o.price.amount = sdk::Decimal::fromRaw(priceRaw);
    o.price.unit = "pot";
    o.unit_price = {sdk::Decimal::fromRaw(priceRaw * 8), model::BaseUnit::Kg};
    o.updated_at = "2026-11-26T10:00:00Z";
    return model::toJson(o);
}

store::ChangeEntry change(const std::string& kind, const std::string& what, int64_t oldRaw = 0, int64_t newRaw = 0) {
    store::ChangeEntry c;
    c.seq = 42;
    c.at = "2026-11-26T10:00:00Z";
    c.source = "ferme";
    c.kind = kind;
    c.record_id = kind == "need" ? "n1" : "of1";
    c.change = what;
    c.name = kind == "need" ? "Pommes de terre" : "Yaourt nature";
    c.old_price_raw = oldRaw;
    c.new_price_raw = newRaw;
    return c;
}

const std::string kNbsp = "\xC2\xA0";

TEST(FeedEntries, IdsAreStableTagUris) {
    EXPECT_EQ(changeEntryId(42), "tag:recolte,2026:change/42");
    const auto e = feedEntry(change("offer", "added"), yaourt(8500), "http://hub");
    EXPECT_EQ(e.id, "tag:recolte,2026:change/42");
    EXPECT_EQ(e.updated, "2026-11-26T10:00:00Z");
    EXPECT_EQ(e.category, "added");
}

TEST(FeedEntries, ANewOfferSaysWhoSellsItAtWhichPrice) {
    const auto e = feedEntry(change("offer", "added"), yaourt(8500), "http://hub");
    EXPECT_EQ(e.title, "Nouvelle offre : Yaourt nature");
    EXPECT_EQ(e.link, "http://hub/offres/of1");
    EXPECT_NE(e.summary.find("Ferme du Couserans (09 · Ariège) propose"), std::string::npos) << e.summary;
    EXPECT_NE(e.summary.find("0,85" + kNbsp + "€ HT / pot, soit 6,80" + kNbsp + "€/kg"), std::string::npos) << e.summary;
    EXPECT_NE(e.summary.find("Plateforme : ferme."), std::string::npos);
}

TEST(FeedEntries, APriceChangeGivesTheOldAndNewPrice) {
    const auto e = feedEntry(change("offer", "price_changed", 8000, 8500), yaourt(8500), "http://hub");
    EXPECT_EQ(e.title, "Prix modifié : Yaourt nature");
    EXPECT_NE(e.summary.find("le prix passe de 0,80" + kNbsp + "€ à 0,85" + kNbsp + "€ HT / pot (+6,3" + kNbsp + "%)"),
              std::string::npos)
        << e.summary;
    EXPECT_NE(e.summary.find("soit 6,80"), std::string::npos);
    // An older change: today's unit price belongs to a later price, so it is not quoted.
    const auto older = feedEntry(change("offer", "price_changed", 9000, 8000), yaourt(8500), "http://hub");
    EXPECT_NE(older.summary.find("de 0,90" + kNbsp + "€ à 0,80" + kNbsp + "€ HT / pot (-11,1" + kNbsp + "%)"),
              std::string::npos)
        << older.summary;
    EXPECT_EQ(older.summary.find("soit"), std::string::npos);
}

TEST(FeedEntries, ARemovedOfferHasNoLink) {
    const auto e = feedEntry(change("offer", "removed"), std::nullopt, "http://hub");
    EXPECT_EQ(e.title, "Offre retirée : Yaourt nature");
    EXPECT_TRUE(e.link.empty());
}

TEST(FeedEntries, ANewNeedSaysWhoWantsWhatAndUntilWhen) {
    model::Need n;
    n.id = "n1";
    n.source = "agrilocal";
    n.source_id = "C1";
    n.title = "Pommes de terre";
    n.buyer_name = "CCAS de Foix";
    n.quantity = sdk::Quantity{sdk::Decimal::fromInt(400), "kg"};
    n.delivery_from = "2026-12-01";
    n.delivery_to = "2027-02-26";
    n.answer_deadline = "2026-11-30T12:00";  // no offset: French local time, shown as written
    n.place.city = "Foix";
    n.place.departement = "09";
    n.status = "open";
    n.updated_at = "2026-11-26T10:00:00Z";
    const auto e = feedEntry(change("need", "added"), model::toJson(n), "http://hub");
    EXPECT_EQ(e.title, "Nouveau besoin : Pommes de terre");
    EXPECT_EQ(e.link, "http://hub/besoins/n1");
    EXPECT_NE(e.summary.find("CCAS de Foix (Foix, 09 · Ariège) cherche"), std::string::npos) << e.summary;
    EXPECT_NE(e.summary.find(" : 400 kg."), std::string::npos) << e.summary;
    EXPECT_NE(e.summary.find("Livraison du 1er décembre 2026 au 26 février 2027."), std::string::npos) << e.summary;
    EXPECT_NE(e.summary.find("avant le 30 novembre 2026 à 12" + kNbsp + "h" + kNbsp + "00."), std::string::npos)
        << e.summary;
}

}  // namespace
}  // namespace recolte::publish
