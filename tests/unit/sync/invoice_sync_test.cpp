// The invoice side of the store, through real syncs of the test connector (tests/plugins/
// test_invoices.cpp describes the invoices it emits) into a fresh store on each engine.
#include <gtest/gtest.h>

#include "config/config.hpp"
#include "model/invoice_record_json.hpp"
#include "registry/plugin_registry.hpp"
#include "store/store.hpp"
#include "support/store_engines.hpp"
#include "support/temp_dir.hpp"
#include "sync/sync_engine.hpp"

namespace recolte::sync {
namespace {

class InvoiceSyncTest : public ::testing::TestWithParam<testing::StoreEngine> {
protected:
    void SetUp() override {
        ASSERT_TRUE(registry_.loadFile(std::string(RECOLTE_TEST_BAD_PLUGIN_DIR) + "/libtest_good.so").ok());
        RECOLTE_REQUIRE_STORE(location_);
        store_ = store::openStore(location_.options());
    }

    model::SyncRun sync(const std::string& name, const std::string& options) {
        auto r = config::loadConfigFromString("store: {sqlite: x.db}\nsources:\n  - {name: " + name +
                                                  ", connector: test_good, path: p, count: 0, " + options + "}\n",
                                              dir_.file("c.yaml"));
        EXPECT_TRUE(r.errors.empty());
        SyncEngine engine(*store_, registry_);
        return engine.syncSource(r.config.sources.at(0));
    }

    store::Page invoices(store::InvoiceQuery q = {}) {
        q.limit = 1000;
        return store_->invoices(q);
    }

    testing::TempDir dir_;
    registry::PluginRegistry registry_;
    testing::StoreLocation location_{GetParam()};  // before the store: dropped after it
    std::unique_ptr<store::Store> store_;
};

TEST_P(InvoiceSyncTest, InvoicesAreStoredDiffedAndNeverInTheChangeLog) {
    auto first = sync("chorus", "invoices: 4");
    ASSERT_EQ(first.outcome, "ok") << first.error;
    EXPECT_EQ(first.counts.read, 4);
    EXPECT_EQ(first.counts.accepted, 4);
    EXPECT_EQ(first.counts.added, 4);
    EXPECT_EQ(invoices().total, 4);
    EXPECT_TRUE(store_->changes(0, 100).empty()) << "invoices never reach the change log (nor the feed)";
    EXPECT_EQ(store_->offerCount(), 0);

    auto second = sync("chorus", "invoices: 4");
    EXPECT_EQ(second.counts.unchanged, 4);
    EXPECT_EQ(second.counts.added, 0);
    auto third = sync("chorus", "invoices: 2");
    EXPECT_EQ(third.counts.removed, 2);
    EXPECT_EQ(invoices().total, 2);
    EXPECT_TRUE(store_->changes(0, 100).empty());
}

TEST_P(InvoiceSyncTest, FiltersBySellerBuyerServiceCodeStatusAndDates) {
    ASSERT_EQ(sync("chorus", "invoices: 6").outcome, "ok");
    auto total = [&](auto set) {
        store::InvoiceQuery q;
        set(q);
        return invoices(q).total;
    };
    EXPECT_EQ(total([](auto& q) { q.seller = "81234567600017"; }), 3);    // even i
    EXPECT_EQ(total([](auto& q) { q.seller = "812 345 676 00017"; }), 3);
    EXPECT_EQ(total([](auto& q) { q.seller = "maraicher gers"; }), 2);    // i % 4 == 1: 1 and 5
    EXPECT_EQ(total([](auto& q) { q.buyer = "CCAS Foix"; }), 6);
    EXPECT_EQ(total([](auto& q) { q.buyer = "Pamiers"; }), 0);
    EXPECT_EQ(total([](auto& q) { q.service_code = "SERVICE-1"; }), 3);
    EXPECT_EQ(total([](auto& q) { q.status = "MISE_A_DISPOSITION"; }), 6);
    EXPECT_EQ(total([](auto& q) { q.from = "2026-06-01"; }), 3);          // odd i: June
    EXPECT_EQ(total([](auto& q) { q.to = "2026-05-12"; }), 2);            // May 10 and May 12
    EXPECT_EQ(total([](auto& q) { q.from = "2026-05-12", q.to = "2026-05-14"; }), 2);
    store::InvoiceQuery page;
    page.limit = 2;
    page.offset = 5;
    auto p = store_->invoices(page);
    EXPECT_EQ(p.total, 6);
    EXPECT_EQ(p.items.size(), 1u);
}

TEST_P(InvoiceSyncTest, StatusReportsOfAnotherSourceApplyByChorusIdOrSiretAndNumber) {
    ASSERT_EQ(sync("chorus", "invoices: 4").outcome, "ok");
    auto reports = sync("liste", "invoice_statuses: 3");  // CPP-0, FA-2026-001 by SIRET, CPP-2
    ASSERT_EQ(reports.outcome, "ok") << reports.error;
    EXPECT_EQ(reports.counts.accepted, 3);
    store::InvoiceQuery mandated;
    mandated.status = "MANDATEE";
    EXPECT_EQ(invoices(mandated).total, 3);
    const auto page = invoices(mandated);
    for (const auto& doc : page.items) {
        EXPECT_NE(doc.find("\"status\":\"MANDATEE\""), std::string::npos) << doc;
        EXPECT_NE(doc.find("{\"status\":\"MISE_A_DISPOSITION\""), std::string::npos) << "history kept: " << doc;
    }
    // The invoices' own source syncs again: the reports still apply.
    EXPECT_EQ(sync("chorus", "invoices: 4").counts.unchanged, 4);
    EXPECT_EQ(invoices(mandated).total, 3);
    // The list no longer reports them: back to the files' own status.
    ASSERT_EQ(sync("liste", "invoice_statuses: 1").outcome, "ok");
    EXPECT_EQ(invoices(mandated).total, 1);
}

TEST_P(InvoiceSyncTest, InvoicesWithoutNumberAreRejectedTheRestGoesOn) {
    auto run = sync("chorus", "invoices: 2, bad_invoices: true");
    ASSERT_EQ(run.outcome, "ok") << run.error;
    EXPECT_EQ(run.counts.read, 4);
    EXPECT_EQ(run.counts.read, run.counts.accepted + run.counts.rejected);
    EXPECT_GE(run.counts.rejected, 1);
    store::RejectQuery rq;
    rq.source = "chorus";
    auto rejects = store_->rejects(rq);
    ASSERT_GE(rejects.total, 1);
    EXPECT_NE(rejects.items[0].find("numéro de facture absent (BT-1, règle BR-02)"), std::string::npos)
        << rejects.items[0];
    EXPECT_NE(rejects.items[0].find("sans-numero.xml"), std::string::npos) << rejects.items[0];
}

TEST_P(InvoiceSyncTest, TheStoredFormGivesBackTheWholeRecord) {
    ASSERT_EQ(sync("chorus", "invoices: 1").outcome, "ok");
    auto page = invoices();
    ASSERT_EQ(page.items.size(), 1u);
    const std::string& doc = page.items[0];
    const auto idAt = doc.find("\"id\":\"") + 6;
    const std::string id = doc.substr(idAt, doc.find('"', idAt) - idAt);
    auto stored = store_->storedInvoice(id);
    ASSERT_TRUE(stored.has_value());
    auto inv = model::invoiceFromStoredJson(*stored);
    ASSERT_TRUE(inv) << inv.error().describe();
    EXPECT_EQ(inv->record.number, "FA-2026-000");
    EXPECT_EQ(inv->record.customization_id, "urn:cen.eu:en16931:2017");
    ASSERT_EQ(inv->record.lines.size(), 2u);
    EXPECT_EQ(inv->record.lines[0].net_amount.toString(2), "25.00");
    EXPECT_EQ(inv->record.totals.payable.toString(2), "32.71");
    EXPECT_EQ(store_->invoice(id).value(), doc);
    EXPECT_FALSE(store_->invoice("nope").has_value());
}

INSTANTIATE_TEST_SUITE_P(Engines, InvoiceSyncTest, ::testing::ValuesIn(testing::storeEngines()), testing::storeEngineName);

}  // namespace
}  // namespace recolte::sync
