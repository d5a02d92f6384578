// The hand-written JSON writer: string escaping, invalid UTF-8, and every record type read back with
// Poco's parser (an independent reader), plus the exact text of decimals.
#include "model/json.hpp"

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <string>

#include "unit/model/json_fixtures.hpp"

namespace {

using namespace recolte;
using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr parseObject(const std::string& json) {
    Poco::JSON::Parser parser;
    return parser.parse(json).extract<Object::Ptr>();
}

std::string parseString(const std::string& jsonLiteral) {
    Poco::JSON::Parser parser;
    return parser.parse("[" + jsonLiteral + "]").extract<Array::Ptr>()->getElement<std::string>(0);
}

// The key is there and its value is JSON null (Poco's isNull alone is also true for a missing key).
::testing::AssertionResult isNullField(const Object::Ptr& obj, const std::string& key) {
    if (!obj->has(key)) return ::testing::AssertionFailure() << "no key \"" << key << "\"";
    if (!obj->isNull(key)) return ::testing::AssertionFailure() << "\"" << key << "\" is not null";
    return ::testing::AssertionSuccess();
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// ---- strings ------------------------------------------------------------------------------------

TEST(JsonString, EscapesQuotesBackslashAndShortControls) {
    EXPECT_EQ(model::jsonString("a\"b\\c"), R"("a\"b\\c")");
    EXPECT_EQ(model::jsonString("\b\f\n\r\t"), R"("\b\f\n\r\t")");
}

TEST(JsonString, EscapesOtherControlCharsAsUnicode) {
    EXPECT_EQ(model::jsonString(std::string("\x01\x1f", 2)), R"("\u0001\u001f")");
    EXPECT_EQ(model::jsonString(std::string("a\0b", 3)), R"("a\u0000b")");
}

TEST(JsonString, EscapesHtmlSpecialsSoJsonCanSitInAScriptTag) {
    const std::string out = model::jsonString("</script><b>&amp;");
    EXPECT_EQ(out, R"("\u003c/script\u003e\u003cb\u003e\u0026amp;")");
    EXPECT_FALSE(contains(out, "<"));
    EXPECT_FALSE(contains(out, ">"));
    EXPECT_FALSE(contains(out, "&"));
}

TEST(JsonString, EscapesJavascriptLineSeparators) {
    EXPECT_EQ(model::jsonString("a\xE2\x80\xA8" "b\xE2\x80\xA9"), R"("a\u2028b\u2029")");
}

TEST(JsonString, KeepsValidUtf8AsIs) {
    const std::string text = "Pêches d'Ariège 5 € \xF0\x9F\x8D\x91";  // 2-, 3- and 4-byte sequences
    EXPECT_EQ(model::jsonString(text), "\"" + text + "\"");
}

TEST(JsonString, RoundTripsThroughAnIndependentParser) {
    const std::string text = std::string("q\"b\\s/\x01\x7f<>&\n\té€\xE2\x80\xA8");
    EXPECT_EQ(parseString(model::jsonString(text)), text);
}

TEST(JsonString, AppendsToWhatIsThere) {
    std::string out = "[1,";
    model::appendJsonString(out, "x");
    EXPECT_EQ(out, R"([1,"x")");
}

TEST(JsonString, EmptyStringIsTwoQuotes) { EXPECT_EQ(model::jsonString(""), R"("")"); }

// ---- invalid UTF-8: each maximal ill-formed subpart becomes one U+FFFD ----------------------------

const std::string kFffd = "\xEF\xBF\xBD";

TEST(JsonInvalidUtf8, Windows1252ByteBecomesReplacementChar) {
    EXPECT_EQ(model::jsonString("caf\xE9"), "\"caf" + kFffd + "\"");
}

TEST(JsonInvalidUtf8, StrayContinuationAndImpossibleBytes) {
    EXPECT_EQ(model::jsonString("a\x80z"), "\"a" + kFffd + "z\"");
    EXPECT_EQ(model::jsonString("\xFF\xFE"), "\"" + kFffd + kFffd + "\"");
}

TEST(JsonInvalidUtf8, OverlongEncodingsAreRejected) {
    // "/" as C0 AF: C0 can never start a sequence, AF is a stray continuation.
    EXPECT_EQ(model::jsonString("\xC0\xAF"), "\"" + kFffd + kFffd + "\"");
    // E0 80 80 would be an overlong U+0000: E0 needs A0..BF next.
    EXPECT_EQ(model::jsonString("\xE0\x80\x80"), "\"" + kFffd + kFffd + kFffd + "\"");
}

TEST(JsonInvalidUtf8, SurrogatesAndAboveMaxCodePointAreRejected) {
    EXPECT_EQ(model::jsonString("\xED\xA0\x80"), "\"" + kFffd + kFffd + kFffd + "\"");
    EXPECT_EQ(model::jsonString("\xF4\x90\x80\x80"), "\"" + kFffd + kFffd + kFffd + kFffd + "\"");
}

TEST(JsonInvalidUtf8, TruncatedSequenceIsOneReplacementThenGoesOn) {
    EXPECT_EQ(model::jsonString("\xE2\x82z"), "\"" + kFffd + "z\"");  // € cut after 2 of 3 bytes
    EXPECT_EQ(model::jsonString("ab\xC3"), "\"ab" + kFffd + "\"");     // cut at the end of the text
    EXPECT_EQ(model::jsonString("\xF0\x9F\x8D"), "\"" + kFffd + "\"");
}

TEST(JsonInvalidUtf8, OutputParsesAndKeepsTheValidParts) {
    EXPECT_EQ(parseString(model::jsonString("\xE9t\xE9 \xC3\xA9t\xC3\xA9")), kFffd + "t" + kFffd + " été");
}

// ---- decimals -------------------------------------------------------------------------------------

TEST(JsonDecimal, SumsOfDecimalsPrintExactly) {
    const std::string json = model::toJson(test::fullOffer());  // price = 0.1 + 0.2
    EXPECT_TRUE(contains(json, R"("price":{"amount":0.30,)")) << json;
    EXPECT_DOUBLE_EQ(parseObject(json)->getObject("price")->getValue<double>("amount"), 0.3);
}

TEST(JsonDecimal, LargeAndSmallValuesKeepEveryDigit) {
    model::Offer o = test::minimalOffer();
    o.price.amount = test::dec("123456789012.3456");
    o.unit_price.amount = test::dec("0.0001");
    o.quantity_available = sdk::Quantity{test::dec("-0.5"), "kg"};
    const std::string json = model::toJson(o);
    EXPECT_TRUE(contains(json, R"("amount":123456789012.3456,)")) << json;
    EXPECT_TRUE(contains(json, R"("unit_price":{"amount":0.0001,)")) << json;
    EXPECT_TRUE(contains(json, R"("quantity_available":{"value":-0.5,)")) << json;
}

TEST(JsonDecimal, RatesAndQuantitiesHaveNoForcedDecimals) {
    const std::string json = model::toJson(test::fullOffer());
    EXPECT_TRUE(contains(json, R"("vat_rate":5.5,)")) << json;
    EXPECT_TRUE(contains(json, R"("quantity_available":{"value":1234.5678,"unit":"kg"})")) << json;
    EXPECT_TRUE(contains(json, R"("minimum_order":{"value":0.001,"unit":"kg"})")) << json;
    EXPECT_TRUE(contains(model::toJson(test::fullNeed()), R"("quantity":{"value":250,"unit":"kg"})"));
}

// ---- records --------------------------------------------------------------------------------------

TEST(JsonOffer, FullRecordReadsBackFieldByField) {
    const model::Offer offer = test::fullOffer();
    const Object::Ptr o = parseObject(model::toJson(offer));
    EXPECT_EQ(o->size(), 22u);
    EXPECT_EQ(o->getValue<std::string>("id"), offer.id);
    EXPECT_EQ(o->getValue<std::string>("source"), offer.source);
    EXPECT_EQ(o->getValue<std::string>("source_id"), offer.source_id);
    EXPECT_EQ(o->getValue<std::string>("name"), offer.name);
    EXPECT_EQ(o->getValue<std::string>("description"), offer.description);
    const Object::Ptr producer = o->getObject("producer");
    ASSERT_TRUE(producer);
    EXPECT_EQ(producer->getValue<std::string>("id"), offer.producer.id);
    EXPECT_EQ(producer->getValue<std::string>("siret"), offer.producer.siret);
    EXPECT_EQ(producer->getValue<std::string>("name"), offer.producer.name);
    EXPECT_EQ(o->getValue<std::string>("departement"), offer.departement);
    EXPECT_EQ(o->getValue<std::string>("product_type"), offer.product_type);
    EXPECT_EQ(o->getValue<std::string>("family"), offer.family);
    const Array::Ptr labels = o->getArray("labels");
    ASSERT_TRUE(labels);
    ASSERT_EQ(labels->size(), offer.labels.size());
    for (size_t i = 0; i < offer.labels.size(); ++i) EXPECT_EQ(labels->getElement<std::string>(i), offer.labels[i]);
    const Object::Ptr price = o->getObject("price");
    ASSERT_TRUE(price);
    EXPECT_EQ(price->getValue<std::string>("currency"), "EUR");
    EXPECT_DOUBLE_EQ(price->getValue<double>("vat_rate"), 5.5);
    EXPECT_EQ(price->getValue<std::string>("unit"), offer.price.unit);
    EXPECT_EQ(o->getValue<std::string>("packaging"), offer.packaging);
    EXPECT_EQ(o->getValue<int64_t>("pieces_per_pack"), *offer.pieces_per_pack);
    const Object::Ptr unitPrice = o->getObject("unit_price");
    ASSERT_TRUE(unitPrice);
    EXPECT_DOUBLE_EQ(unitPrice->getValue<double>("amount"), 0.6);
    EXPECT_EQ(unitPrice->getValue<std::string>("unit"), "kg");
    EXPECT_EQ(o->getValue<std::string>("available_from"), offer.available_from);
    EXPECT_EQ(o->getValue<std::string>("available_to"), offer.available_to);
    const Object::Ptr available = o->getObject("quantity_available");
    ASSERT_TRUE(available);
    EXPECT_DOUBLE_EQ(available->getValue<double>("value"), 1234.5678);
    EXPECT_EQ(available->getValue<std::string>("unit"), "kg");
    ASSERT_TRUE(o->getObject("minimum_order"));
    EXPECT_EQ(o->getValue<int64_t>("lead_time_days"), *offer.lead_time_days);
    EXPECT_EQ(o->getValue<std::string>("origin"), offer.origin);
    EXPECT_EQ(o->getValue<std::string>("ean"), offer.ean);
    EXPECT_EQ(o->getValue<std::string>("updated_at"), offer.updated_at);
}

TEST(JsonOffer, MinimalRecordWritesNullsNotEmptyStrings) {
    const Object::Ptr o = parseObject(model::toJson(test::minimalOffer()));
    EXPECT_EQ(o->size(), 22u);
    EXPECT_EQ(o->getValue<std::string>("description"), "");  // free text stays a string
    EXPECT_TRUE(isNullField(o->getObject("producer"), "siret"));
    EXPECT_EQ(o->getObject("producer")->getValue<std::string>("name"), "");
    for (const char* key : {"departement", "product_type", "family", "packaging", "pieces_per_pack", "available_from",
                            "available_to", "quantity_available", "minimum_order", "lead_time_days", "origin", "ean"}) {
        EXPECT_TRUE(isNullField(o, key));
    }
    EXPECT_TRUE(isNullField(o->getObject("price"), "vat_rate"));
    EXPECT_EQ(o->getArray("labels")->size(), 0u);
    EXPECT_EQ(o->getObject("unit_price")->getValue<std::string>("unit"), "piece");
}

TEST(JsonOffer, EveryBaseUnitHasItsSchemaName) {
    model::Offer o = test::minimalOffer();
    const std::pair<model::BaseUnit, const char*> cases[] = {
        {model::BaseUnit::Kg, "kg"}, {model::BaseUnit::L, "l"}, {model::BaseUnit::Piece, "piece"}};
    for (const auto& [unit, name] : cases) {
        o.unit_price.unit = unit;
        EXPECT_EQ(parseObject(model::toJson(o))->getObject("unit_price")->getValue<std::string>("unit"), name);
    }
}

TEST(JsonProducer, FullRecordReadsBackFieldByField) {
    const model::Producer producer = test::fullProducer();
    const Object::Ptr o = parseObject(model::toJson(producer));
    EXPECT_EQ(o->size(), 8u);
    EXPECT_EQ(o->getValue<std::string>("id"), producer.id);
    EXPECT_EQ(o->getValue<std::string>("siret"), producer.siret);
    EXPECT_FALSE(o->getValue<bool>("siret_missing"));
    EXPECT_EQ(o->getValue<std::string>("name"), producer.name);
    const Object::Ptr address = o->getObject("address");
    ASSERT_TRUE(address);
    EXPECT_EQ(address->getValue<std::string>("street"), producer.address.street);
    EXPECT_EQ(address->getValue<std::string>("postcode"), "09100");
    EXPECT_EQ(address->getValue<std::string>("city"), "Pamiers");
    EXPECT_EQ(address->getValue<std::string>("departement"), "09");
    EXPECT_EQ(address->getValue<std::string>("country"), "FR");
    EXPECT_DOUBLE_EQ(address->getValue<double>("lat"), *producer.address.lat);
    EXPECT_DOUBLE_EQ(address->getValue<double>("lon"), *producer.address.lon);
    const Array::Ptr contacts = o->getArray("contacts");
    ASSERT_TRUE(contacts);
    ASSERT_EQ(contacts->size(), 1u);
    const Object::Ptr contact = contacts->getObject(0);
    EXPECT_EQ(contact->getValue<std::string>("name"), producer.contacts[0].name);
    EXPECT_EQ(contact->getValue<std::string>("email"), producer.contacts[0].email);
    EXPECT_EQ(contact->getValue<std::string>("phone"), producer.contacts[0].phone);
    EXPECT_EQ(contact->getValue<std::string>("website"), producer.contacts[0].website);
    const Array::Ptr points = o->getArray("points_of_sale");
    ASSERT_TRUE(points);
    ASSERT_EQ(points->size(), 2u);
    EXPECT_EQ(points->getObject(0)->getValue<std::string>("name"), producer.points_of_sale[0].name);
    EXPECT_EQ(points->getObject(0)->getValue<std::string>("kind"), "farm_shop");
    EXPECT_EQ(points->getObject(0)->getValue<std::string>("opening_hours"), producer.points_of_sale[0].opening_hours);
    EXPECT_EQ(points->getObject(0)->getObject("address")->getValue<std::string>("city"), "Pamiers");
    const Object::Ptr marketAddress = points->getObject(1)->getObject("address");
    EXPECT_EQ(marketAddress->getValue<std::string>("city"), "Foix");
    EXPECT_TRUE(isNullField(marketAddress, "street"));
    EXPECT_TRUE(isNullField(marketAddress, "lat"));
    EXPECT_TRUE(isNullField(points->getObject(1), "opening_hours"));
    const Array::Ptr sources = o->getArray("sources");
    ASSERT_TRUE(sources);
    ASSERT_EQ(sources->size(), 2u);
    EXPECT_EQ(sources->getElement<std::string>(1), "agrilocal-09");
}

TEST(JsonProducer, MinimalRecordWritesNullsAndEmptyLists) {
    const Object::Ptr o = parseObject(model::toJson(test::minimalProducer()));
    EXPECT_EQ(o->size(), 8u);
    EXPECT_TRUE(isNullField(o, "siret"));
    EXPECT_TRUE(o->getValue<bool>("siret_missing"));
    const Object::Ptr address = o->getObject("address");
    ASSERT_TRUE(address);
    for (const char* key : {"street", "postcode", "city", "departement", "country", "lat", "lon"}) {
        EXPECT_TRUE(isNullField(address, key));
    }
    EXPECT_EQ(o->getArray("contacts")->size(), 0u);
    EXPECT_EQ(o->getArray("points_of_sale")->size(), 0u);
    EXPECT_EQ(o->getArray("sources")->size(), 1u);
}

TEST(JsonProducer, NonFiniteCoordinatesBecomeNull) {
    model::Producer p = test::minimalProducer();
    p.address.lat = std::nan("");
    p.address.lon = HUGE_VAL;
    const Object::Ptr address = parseObject(model::toJson(p))->getObject("address");
    EXPECT_TRUE(isNullField(address, "lat"));
    EXPECT_TRUE(isNullField(address, "lon"));
}

TEST(JsonNeed, FullRecordReadsBackFieldByField) {
    const model::Need need = test::fullNeed();
    const Object::Ptr o = parseObject(model::toJson(need));
    EXPECT_EQ(o->size(), 17u);
    EXPECT_EQ(o->getValue<std::string>("id"), need.id);
    EXPECT_EQ(o->getValue<std::string>("source"), need.source);
    EXPECT_EQ(o->getValue<std::string>("source_id"), need.source_id);
    EXPECT_EQ(o->getValue<std::string>("title"), need.title);
    EXPECT_EQ(o->getValue<std::string>("description"), need.description);
    const Object::Ptr buyer = o->getObject("buyer");
    ASSERT_TRUE(buyer);
    EXPECT_EQ(buyer->getValue<std::string>("name"), need.buyer_name);
    EXPECT_EQ(buyer->getValue<std::string>("siret"), need.buyer_siret);
    EXPECT_EQ(buyer->getValue<std::string>("kind"), need.buyer_kind);
    EXPECT_EQ(o->getValue<std::string>("product_type"), need.product_type);
    EXPECT_DOUBLE_EQ(o->getObject("quantity")->getValue<double>("value"), 250);
    EXPECT_EQ(o->getObject("quantity")->getValue<std::string>("unit"), "kg");
    EXPECT_EQ(o->getValue<std::string>("delivery_from"), need.delivery_from);
    EXPECT_EQ(o->getValue<std::string>("delivery_to"), need.delivery_to);
    EXPECT_EQ(o->getValue<std::string>("answer_deadline"), need.answer_deadline);
    EXPECT_EQ(o->getValue<std::string>("criteria"), need.criteria);
    EXPECT_EQ(o->getValue<std::string>("contract_type"), need.contract_type);
    EXPECT_EQ(o->getObject("place")->getValue<std::string>("city"), need.place.city);
    EXPECT_EQ(o->getValue<std::string>("status"), "closed");
    EXPECT_EQ(o->getValue<std::string>("status_reason"), "sans suite");
    EXPECT_EQ(o->getValue<std::string>("updated_at"), need.updated_at);
}

TEST(JsonNeed, MinimalRecordWritesNulls) {
    const Object::Ptr o = parseObject(model::toJson(test::minimalNeed()));
    EXPECT_EQ(o->size(), 17u);
    EXPECT_EQ(o->getValue<std::string>("description"), "");
    EXPECT_EQ(o->getValue<std::string>("criteria"), "");
    EXPECT_TRUE(isNullField(o->getObject("buyer"), "siret"));
    EXPECT_TRUE(isNullField(o->getObject("buyer"), "kind"));
    for (const char* key : {"product_type", "quantity", "delivery_from", "delivery_to", "answer_deadline",
                            "contract_type", "status_reason"}) {
        EXPECT_TRUE(isNullField(o, key));
    }
    EXPECT_TRUE(isNullField(o->getObject("place"), "city"));
    EXPECT_EQ(o->getValue<std::string>("status"), "open");
}

TEST(JsonReject, FullRecordReadsBackFieldByField) {
    const model::StoredReject reject = test::fullReject();
    const Object::Ptr o = parseObject(model::toJson(reject));
    EXPECT_EQ(o->size(), 9u);
    EXPECT_EQ(o->getValue<std::string>("source"), reject.source);
    EXPECT_EQ(o->getValue<std::string>("file"), reject.file);
    EXPECT_EQ(o->getValue<std::string>("url"), reject.url);
    EXPECT_EQ(o->getValue<int64_t>("line"), 12);
    EXPECT_EQ(o->getValue<std::string>("column"), reject.column);
    EXPECT_EQ(o->getValue<std::string>("element"), reject.element);
    EXPECT_EQ(o->getValue<std::string>("reason"), reject.reason);
    // The raw excerpt keeps its text; the control byte is escaped, the Latin-1 bytes replaced.
    EXPECT_EQ(o->getValue<std::string>("excerpt"), "REF-1;Tomates;douze\x01;" + kFffd + "t" + kFffd);
    EXPECT_EQ(o->getValue<std::string>("at"), reject.at);
}

TEST(JsonReject, MinimalRecordWritesNullLocation) {
    const Object::Ptr o = parseObject(model::toJson(test::minimalReject()));
    EXPECT_EQ(o->size(), 9u);
    for (const char* key : {"file", "url", "line", "column", "element"}) EXPECT_TRUE(isNullField(o, key));
    EXPECT_EQ(o->getValue<std::string>("excerpt"), "");
    EXPECT_EQ(o->getValue<std::string>("reason"), "Fichier vide");
}

TEST(JsonSyncRun, SuccessfulRunReadsBackFieldByField) {
    const model::SyncRun run = test::okRun();
    const std::string json = model::toJson(run);
    const Object::Ptr o = parseObject(json);
    EXPECT_EQ(o->size(), 14u);
    EXPECT_EQ(o->getValue<std::string>("source"), run.source);
    EXPECT_EQ(o->getValue<std::string>("connector"), run.connector);
    EXPECT_EQ(o->getValue<std::string>("started"), run.started);
    EXPECT_EQ(o->getValue<std::string>("finished"), run.finished);
    EXPECT_EQ(o->getValue<std::string>("outcome"), "ok");
    EXPECT_EQ(o->getValue<int64_t>("read"), run.counts.read);
    EXPECT_EQ(o->getValue<int64_t>("accepted"), run.counts.accepted);
    EXPECT_EQ(o->getValue<int64_t>("rejected"), run.counts.rejected);
    EXPECT_EQ(o->getValue<int64_t>("added"), run.counts.added);
    EXPECT_EQ(o->getValue<int64_t>("changed"), run.counts.changed);
    EXPECT_EQ(o->getValue<int64_t>("removed"), run.counts.removed);
    EXPECT_EQ(o->getValue<int64_t>("unchanged"), run.counts.unchanged);
    EXPECT_TRUE(contains(json, R"("duration_seconds":1.234,)") || contains(json, R"("duration_seconds":1.235,)"))
        << json;  // milliseconds are enough for a duration
    EXPECT_TRUE(isNullField(o, "error"));
}

TEST(JsonSyncRun, FailedRunCarriesItsError) {
    const model::SyncRun run = test::failedRun();
    const Object::Ptr o = parseObject(model::toJson(run));
    EXPECT_EQ(o->getValue<std::string>("outcome"), "failed");
    EXPECT_EQ(o->getValue<std::string>("error"), run.error);
    EXPECT_EQ(o->getValue<int64_t>("read"), 0);
    EXPECT_DOUBLE_EQ(o->getValue<double>("duration_seconds"), 0.0);
}

}  // namespace
