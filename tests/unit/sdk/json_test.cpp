// sdk::json: the strict parser, the value tree, paths, positions, exact numbers, and every kind of
// malformed input with its French message and position.
#include <gtest/gtest.h>

#include <string>

#include "recolte/sdk/json.hpp"

namespace recolte::sdk::json {
namespace {

Document parseOk(std::string text) {
    auto doc = Document::parse(std::move(text), {"test.json"});
    EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.error().describe());
    if (!doc.ok()) return std::move(Document::parse("null").value());
    return std::move(doc.value());
}

// The error message of a document that must not parse.
std::string parseError(std::string text, ParseOptions options = {"catalogue.jsonld"}) {
    auto doc = Document::parse(std::move(text), options);
    EXPECT_FALSE(doc.ok()) << "parsed although malformed";
    if (doc.ok()) return "";
    EXPECT_EQ(doc.error().kind, ErrorKind::Data);
    EXPECT_EQ(doc.error().where, options.name);
    return doc.error().message;
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

TEST(Json, ReadsEveryKindOfValue) {
    const auto doc = parseOk(R"({"s": "texte", "n": -12.50, "t": true, "f": false, "z": null, "a": [1, "deux", {}], "o": {"k": []}})");
    const Value root = doc.root();
    ASSERT_TRUE(root.isObject());
    EXPECT_EQ(root.size(), 7u);
    EXPECT_EQ(root.get("s")->text(), "texte");
    EXPECT_TRUE(root.get("n")->isNumber());
    EXPECT_EQ(root.get("n")->text(), "-12.50") << "numbers keep their literal";
    EXPECT_TRUE(root.get("t")->boolean());
    EXPECT_EQ(root.get("t")->text(), "true");
    EXPECT_FALSE(root.get("f")->boolean());
    EXPECT_TRUE(root.get("z")->isNull());
    const Value a = *root.get("a");
    ASSERT_TRUE(a.isArray());
    ASSERT_EQ(a.size(), 3u);
    EXPECT_EQ(a.at(1).text(), "deux");
    EXPECT_TRUE(a.at(2).isObject());
    EXPECT_EQ(a.at(2).size(), 0u);
    EXPECT_EQ(root.get("o")->get("k")->size(), 0u);
    EXPECT_FALSE(root.get("absent").has_value());
    EXPECT_FALSE(a.get("s").has_value()) << "get on an array";
    EXPECT_EQ(root.at(1).key(), "n");
    EXPECT_EQ(root.at(1).index(), 1u);
    EXPECT_EQ(a.at(2).parent()->key(), "a");
    EXPECT_FALSE(root.parent().has_value());
    EXPECT_EQ(doc.valueCount(), 12u);
}

TEST(Json, KeepsMemberOrderAndScalarRoots) {
    const auto doc = parseOk(R"({"b": 1, "a": 2, "c": 3})");
    EXPECT_EQ(doc.root().at(0).key(), "b");
    EXPECT_EQ(doc.root().at(2).key(), "c");
    EXPECT_EQ(parseOk(" \"seul\" ").root().text(), "seul");
    EXPECT_EQ(parseOk("42").root().integer(), 42);
    EXPECT_TRUE(parseOk("\xEF\xBB\xBF[]").root().isArray()) << "a UTF-8 BOM is skipped";
}

TEST(Json, UnescapesStrings) {
    const auto doc = parseOk(R"(["a\"b\\c\/d", "\n\t\r\b\f", "\u00e9t\u00E9", "\ud83e\udd55 carotte", "\u0000x", "Pêche"])");
    const Value a = doc.root();
    EXPECT_EQ(a.at(0).text(), "a\"b\\c/d");
    EXPECT_EQ(a.at(1).text(), "\n\t\r\b\f");
    EXPECT_EQ(a.at(2).text(), "été");
    EXPECT_EQ(a.at(3).text(), "\xF0\x9F\xA5\x95 carotte") << "surrogate pair";
    EXPECT_EQ(a.at(4).text(), std::string("\0x", 2));
    EXPECT_EQ(a.at(5).text(), "Pêche") << "raw UTF-8 passes through";
    EXPECT_EQ(a.at(2).raw(), R"("\u00e9t\u00E9")") << "raw keeps the source bytes";
}

TEST(Json, EscapedKeysAreFoundByTheirText) {
    const auto doc = parseOk(R"({"pr\u00e9nom": "Jeanne", "nom": "Garonne"})");
    ASSERT_TRUE(doc.root().get("prénom").has_value());
    EXPECT_EQ(doc.root().get("prénom")->text(), "Jeanne");
    EXPECT_EQ(doc.root().at(0).key(), "prénom");
}

TEST(Json, NumbersBecomeExactDecimals) {
    const auto doc = parseOk(R"([19.99, "2.40", 0.1, 1e3, 1.5E-2, -0, 12345678.123456, 2.5e-5, "douze", true, 1e99, 0e99, 120, 1.20e2])");
    const Value a = doc.root();
    EXPECT_EQ(a.at(0).decimal(), Decimal::parse("19.99"));
    EXPECT_EQ(a.at(1).decimal(), Decimal::parse("2.40")) << "DFC writers often quote numbers";
    EXPECT_EQ(a.at(2).decimal()->raw(), 1000) << "0.1 is exact, never a binary float";
    EXPECT_EQ(a.at(3).decimal(), Decimal::fromInt(1000));
    EXPECT_EQ(a.at(4).decimal(), Decimal::parse("0.015"));
    EXPECT_EQ(a.at(5).decimal(), Decimal::fromInt(0));
    EXPECT_EQ(a.at(6).decimal(), Decimal::parse("12345678.1235")) << "rounded half away from zero beyond 4 decimals";
    EXPECT_EQ(a.at(7).decimal(), Decimal::parse("0")) << "0.000025 rounds to 0.0000";
    EXPECT_FALSE(a.at(8).decimal().has_value());
    EXPECT_FALSE(a.at(9).decimal().has_value());
    EXPECT_FALSE(a.at(10).decimal().has_value()) << "out of Decimal's range";
    EXPECT_EQ(a.at(11).decimal(), Decimal::fromInt(0));
    EXPECT_EQ(a.at(12).integer(), 120);
    EXPECT_EQ(a.at(13).integer(), 120);
    EXPECT_FALSE(a.at(0).integer().has_value());
    EXPECT_FALSE(a.at(7).integer().has_value()) << "a fraction rounded away is still a fraction";
}

TEST(Json, PathsNameEveryValue) {
    const auto doc = parseOk(R"({"@graph": [{"@id": "a"}, {"dfc-b:hasPrice": {"dfc-b:value": 2}, "https://x.org/o.owl#name": ["n"]}]})");
    const Value graph = *doc.root().get("@graph");
    EXPECT_EQ(doc.root().path(), "");
    EXPECT_EQ(graph.path(), "@graph");
    EXPECT_EQ(graph.at(1).path(), "@graph[1]");
    const Value value = *graph.at(1).get("dfc-b:hasPrice")->get("dfc-b:value");
    EXPECT_EQ(value.path(), "@graph[1].dfc-b:hasPrice.dfc-b:value");
    const Value name = graph.at(1).get("https://x.org/o.owl#name")->at(0);
    EXPECT_EQ(name.path(), R"(@graph[1]["https://x.org/o.owl#name"][0])") << "keys with dots are bracketed";
    EXPECT_EQ(parseOk("[[1, [2]]]").root().at(0).at(1).at(0).path(), "[0][1][0]");
}

TEST(Json, PositionsAreLinesAndCharacterColumns) {
    const std::string text = "{\n  \"nom\": \"Pêche\",\n  \"prix\": 3.5\n}\n";
    const auto doc = parseOk(text);
    const Value prix = *doc.root().get("prix");
    EXPECT_EQ(prix.line(), 3);
    EXPECT_EQ(prix.column(), 11);
    EXPECT_EQ(prix.offset(), text.find("3.5"));
    EXPECT_EQ(prix.raw(), "3.5");
    EXPECT_EQ(doc.root().line(), 1);
    EXPECT_EQ(doc.root().raw(), text.substr(0, text.size() - 1));
    // Columns count characters, not bytes: "é" is one column.
    const auto accented = parseOk("{\"é\": \"à\", \"x\": 1}");
    EXPECT_EQ(accented.root().get("x")->column(), 17);
}

TEST(Json, ValuesOutliveAMoveOfTheirDocument) {
    auto doc = parseOk(R"({"a": {"b": "c"}})");
    const Value b = *doc.root().get("a")->get("b");
    Document moved = std::move(doc);
    EXPECT_EQ(b.text(), "c");
    EXPECT_EQ(b.path(), "a.b");
    EXPECT_EQ(moved.root().get("a")->get("b")->text(), "c");
}

TEST(Json, MalformedDocumentsAreRefusedWithLineAndColumn) {
    std::string m = parseError("{\n  \"nom\": \"Carottes\"\n  \"prix\": 2\n}");
    EXPECT_TRUE(contains(m, "virgule ou « } » attendue après la valeur de « nom »")) << m;
    EXPECT_TRUE(contains(m, "ligne 3, colonne 3")) << m;

    m = parseError("[1, 2,]");
    EXPECT_TRUE(contains(m, "virgule en trop")) << m;
    m = parseError("{\"a\": 1,}");
    EXPECT_TRUE(contains(m, "virgule en trop")) << m;
    m = parseError("{'a': 1}");
    EXPECT_TRUE(contains(m, "clé entre guillemets attendue")) << m;
    m = parseError("{\"a\" 1}");
    EXPECT_TRUE(contains(m, "« : » attendu après la clé « a »")) << m;
    m = parseError("[NaN]");
    EXPECT_TRUE(contains(m, "valeur attendue")) << m;
    m = parseError("// commentaire\n{}");
    EXPECT_TRUE(contains(m, "ligne 1, colonne 1")) << m;
    m = parseError("{} {}");
    EXPECT_TRUE(contains(m, "contenu après la fin")) << m;
    EXPECT_TRUE(contains(m, "colonne 4")) << m;
    m = parseError("");
    EXPECT_TRUE(contains(m, "document vide")) << m;
    m = parseError("  \n ");
    EXPECT_TRUE(contains(m, "document vide")) << m;
    m = parseError("[tru]");
    EXPECT_TRUE(contains(m, "valeur attendue")) << m;
}

TEST(Json, NumbersFollowTheGrammar) {
    for (const char* bad : {"[01]", "[1.]", "[.5]", "[+1]", "[1e]", "[-]", "[1.e5]", "[0x10]", "[1E+]"}) {
        auto doc = Document::parse(bad);
        EXPECT_FALSE(doc.ok()) << bad;
    }
    for (const char* good : {"[0]", "[-0.5]", "[1E+2]", "[1e-2]", "[123456789012345678901234567890]"}) {
        auto doc = Document::parse(good);
        EXPECT_TRUE(doc.ok()) << good << ": " << (doc.ok() ? "" : doc.error().message);
    }
}

TEST(Json, TruncatedDocumentsSaySo) {
    const std::string full = R"({"@graph": [{"@id": "x", "dfc-b:name": "Pommes", "dfc-b:value": 12.5, "ok": true}]})";
    // Every strict prefix of a valid document is an error; those cut inside a value or between
    // tokens name a truncation.
    int truncations = 0;
    for (size_t cut = 1; cut < full.size(); ++cut) {
        auto doc = Document::parse(full.substr(0, cut));
        ASSERT_FALSE(doc.ok()) << "prefix of " << cut << " bytes parsed";
        if (contains(doc.error().message, "tronqué")) ++truncations;
    }
    EXPECT_GT(truncations, static_cast<int>(full.size()) / 2);
    const std::string m = parseError(R"({"dfc-b:name": "Pom)");
    EXPECT_TRUE(contains(m, "texte jamais fermé")) << m;
    EXPECT_TRUE(contains(m, "colonne 16")) << m;
}

TEST(Json, StringsMustBeCleanUtf8) {
    std::string m = parseError("[\"caf\xE9\"]");  // Windows-1252 "café"
    EXPECT_TRUE(contains(m, "UTF-8")) << m;
    EXPECT_TRUE(contains(m, "colonne 6")) << m;
    m = parseError("[\"a\tb\"]");
    EXPECT_TRUE(contains(m, "caractère de contrôle 9")) << m;
    m = parseError("[\"a\nb\"]");
    EXPECT_TRUE(contains(m, "retour à la ligne")) << m;
    m = parseError(R"(["\x"])");
    EXPECT_TRUE(contains(m, "échappement invalide")) << m;
    m = parseError(R"(["\u12G4"])");
    EXPECT_TRUE(contains(m, "hexadécimaux")) << m;
    m = parseError(R"(["\udc00"])");
    EXPECT_TRUE(contains(m, "surrogate")) << m;
    m = parseError(R"(["\ud83e rien"])");
    EXPECT_TRUE(contains(m, "surrogate")) << m;
    m = parseError("[\"\xED\xA0\x80\"]");  // an encoded surrogate is not UTF-8
    EXPECT_TRUE(contains(m, "UTF-8")) << m;
    m = parseError("[\xC3\xA9]");
    EXPECT_TRUE(contains(m, "« é »")) << m;
}

TEST(Json, DuplicateKeysAreRefused) {
    std::string m = parseError("{\"a\": 1, \"b\": 2, \"a\": 3}");
    EXPECT_TRUE(contains(m, "clé « a » en double")) << m;
    EXPECT_TRUE(contains(m, "colonne 18")) << m;
    // Big objects use a set: same answer.
    std::string big = "{";
    for (int i = 0; i < 40; ++i) big += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
    m = parseError(big + "\"k7\": 0}");
    EXPECT_TRUE(contains(m, "clé « k7 » en double")) << m;
    EXPECT_TRUE(Document::parse(big + "\"k40\": {\"k1\": 1}}").ok()) << "same key in a nested object is fine";
    // An escaped spelling of the same key is the same key.
    m = parseError(R"({"nom": 1, "n\u006fm": 2})");
    EXPECT_TRUE(contains(m, "en double")) << m;
}

TEST(Json, DepthIsLimited) {
    const std::string deep = std::string(300, '[') + std::string(300, ']');
    std::string m = parseError(deep);
    EXPECT_TRUE(contains(m, "imbrication trop profonde : plus de 256 niveaux")) << m;
    ParseOptions shallow{"x.json", 3};
    EXPECT_TRUE(Document::parse("[[[1]]]", shallow).ok());
    m = parseError("[[[[1]]]]", shallow);
    EXPECT_TRUE(contains(m, "plus de 3 niveaux")) << m;
    m = parseError("{\"a\": {\"b\": {\"c\": {}}}}", shallow);
    EXPECT_TRUE(contains(m, "plus de 3 niveaux")) << m;
    // A huge limit is capped: a million brackets never blow the stack.
    ParseOptions reckless{"x.json", 100'000'000};
    const std::string bomb(1'000'000, '[');
    auto doc = Document::parse(bomb, reckless);
    ASSERT_FALSE(doc.ok());
    EXPECT_TRUE(contains(doc.error().message, "imbrication trop profonde")) << doc.error().message;
}

TEST(Json, TypeNamesAreFrench) {
    EXPECT_STREQ(toString(Type::Object), "objet");
    EXPECT_STREQ(toString(Type::Array), "tableau");
    EXPECT_STREQ(toString(Type::String), "texte");
    EXPECT_STREQ(toString(Type::Number), "nombre");
}

}  // namespace
}  // namespace recolte::sdk::json
