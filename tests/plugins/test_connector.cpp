// A tiny connector for loader and sync tests. Compile-time switches turn it into the broken
// variants the loader must refuse (see CMakeLists.txt).
#include "recolte/sdk/sdk.hpp"
#include "recolte/sdk/export.hpp"
#include "test_invoices.hpp"

#ifdef RECOLTE_TEST_MISSING_SYMBOL
extern "C" int recolte_test_symbol_that_does_not_exist(void);
#endif

namespace {

using namespace recolte::sdk;

class TestConnector : public Connector {
public:
    const ConnectorDescription& describe() const override {
        static const ConnectorDescription d{
            RECOLTE_TEST_CONNECTOR_NAME, "0.0.1", "Test connector emitting `count` offers",
            {
                {"count", OptionType::Integer, "3", false, false, "How many offers to emit", {}},
                {"fail_after", OptionType::Integer, "-1", false, false,
                 "Return a system error after this many offers (-1: never)", {}},
                {"token", OptionType::String, "", false, true, "A secret, never printed", {}},
                {"needs", OptionType::Integer, "0", false, false, "How many needs to emit", {}},
                {"invoices", OptionType::Integer, "0", false, false, "How many invoices to emit (test_invoices.cpp)", {}},
                {"invoice_statuses", OptionType::Integer, "0", false, false,
                 "How many status reports to emit, for the first invoices", {}},
                {"bad_invoices", OptionType::Boolean, "false", false, false,
                 "Also emit an invoice without number and one whose totals do not add up", {}},
            },
            {{Stream::Offers, "Generated offers"}, {Stream::Needs, "Generated needs"}, {Stream::Invoices, "Generated invoices"}}};
        return d;
    }
    Status check(Context&) override { return Status::success(); }
    Expected<std::vector<StreamInfo>> discover(Context&) override { return describe().streams; }
    Expected<ReadResult> read(Context& ctx, RecordSink& sink) override {
#ifdef RECOLTE_TEST_MISSING_SYMBOL
        if (recolte_test_symbol_that_does_not_exist() == 42) return ReadResult{};
#endif
        const int64_t count = ctx.options.getInt("count", 3);
        const int64_t failAfter = ctx.options.getInt("fail_after", -1);
        for (int64_t i = 0; i < count; ++i) {
            if (i == failAfter) return systemError("simulated failure after " + std::to_string(i) + " offers");
            OfferRecord o;
            o.source_id = "T" + std::to_string(i);
            o.name = "Produit " + std::to_string(i);
            o.producer.source_key = "P1";
            o.producer.name = "Ferme de test";
            o.producer.address.postcode = "09000";
            o.price = Decimal::fromInt(1 + i);
            o.price_unit = "kg";
            o.where.file = ctx.source.location;
            o.where.line = i + 2;
            sink.offer(std::move(o));
        }
        const int64_t needs = ctx.options.getInt("needs", 0);
        for (int64_t i = 0; i < needs; ++i) {
            NeedRecord n;
            n.source_id = "N" + std::to_string(i);
            n.title = "Besoin " + std::to_string(i);
            n.buyer_name = "CCAS de Foix";
            n.product_type = "légumes";
            n.place.postcode = i % 2 ? "31000" : "09000";
            n.answer_deadline = i % 2 ? "2026-12-01" : "2027-01-15";
            n.status = i == 2 ? "sans suite" : "open";
            n.where.element = "/export/consultation[" + std::to_string(i + 1) + "]";
            sink.need(std::move(n));
        }
        recolte::testplugin::emitInvoices(sink, ctx.source.location, ctx.options.getInt("invoices", 0));
        if (ctx.options.getBool("bad_invoices", false)) recolte::testplugin::emitBadInvoices(sink, ctx.source.location);
        recolte::testplugin::emitInvoiceStatuses(sink, ctx.source.location, ctx.options.getInt("invoice_statuses", 0));
        return ReadResult{false, "count=" + std::to_string(count)};
    }
};

}  // namespace

#ifdef RECOLTE_TEST_NO_PROBE
POCO_BEGIN_MANIFEST(recolte::sdk::Connector)
POCO_EXPORT_INTERFACE(TestConnector, "Connector")
POCO_END_MANIFEST
#else
RECOLTE_CONNECTOR(TestConnector, RECOLTE_TEST_CONNECTOR_NAME, "0.0.1")
#endif
