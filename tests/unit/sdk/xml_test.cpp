// sdk::xml: the element tree (names, attributes, text, lines, paths), streaming, and the safety
// rules: no entity expansion (XXE, billion laughs), no network, errors with their line and never on
// stderr, libxml2's limits kept.
#include <gtest/gtest.h>
#include <libxml/xmlerror.h>

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "recolte/sdk/xml.hpp"
#include "support/temp_dir.hpp"

namespace recolte::sdk::xml {
namespace {

const char* const kExport =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                     // 1
    "<export site=\"09\" genere-le=\"2026-11-20\">\n"                   // 2
    "  <consultations>\n"                                               // 3
    "    <consultation id=\"C1\"><quantite unite=\"kg\">120</quantite></consultation>\n"  // 4
    "    <consultation id=\"C2\">\n"                                    // 5
    "      <quantite unite=\"kg\">80</quantite>\n"                      // 6
    "    </consultation>\n"                                             // 7
    "    <consultation id=\"C3\">\n"                                    // 8
    "      <intitule>Pommes &amp; poires d'Ari&#232;ge</intitule>\n"    // 9
    "      <critere>Prix</critere>\n"                                   // 10
    "      <critere><![CDATA[Qualité <bio>]]></critere>\n"              // 11
    "      <quantite\n"                                                 // 12
    "         unite=\"pi&#232;ce\" note=\"a &amp; b &#38; c &quot;d&quot;\">300</quantite>\n"  // 13
    "    </consultation>\n"                                             // 14
    "  </consultations>\n"                                              // 15
    "</export>\n";                                                      // 16

TEST(XmlParse, BuildsTheTreeWithNamesAttributesTextLinesAndPaths) {
    auto doc = parse(kExport, {"export.xml", ""});
    ASSERT_TRUE(doc.ok()) << doc.error().describe();
    const Element& root = *doc;
    EXPECT_EQ(root.name(), "export");
    EXPECT_EQ(root.path(), "/export");
    EXPECT_EQ(root.line(), 2);
    ASSERT_NE(root.attribute("site"), nullptr);
    EXPECT_EQ(*root.attribute("site"), "09");
    EXPECT_EQ(*root.attribute("genere-le"), "2026-11-20");
    EXPECT_EQ(root.attribute("absent"), nullptr);

    const Element* list = root.child("consultations");
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(list->path(), "/export/consultations") << "no position when the element has no same-name sibling";
    const auto consultations = list->childrenNamed("consultation");
    ASSERT_EQ(consultations.size(), 3u);
    EXPECT_EQ(consultations[0]->path(), "/export/consultations/consultation[1]");
    EXPECT_EQ(consultations[0]->line(), 4);
    EXPECT_EQ(consultations[1]->line(), 5);
    EXPECT_EQ(consultations[2]->line(), 8);

    const Element& third = *consultations[2];
    const Element* quantity = third.child("quantite");
    ASSERT_NE(quantity, nullptr);
    EXPECT_EQ(quantity->path(), "/export/consultations/consultation[3]/quantite");
    EXPECT_EQ(quantity->line(), 13) << "the line where the start tag ends, as xmlGetLineNo counts it";
    EXPECT_EQ(quantity->text(), "300");
    EXPECT_EQ(*quantity->attribute("unite"), "pièce") << "character references resolved";
    EXPECT_EQ(*quantity->attribute("note"), "a & b & c \"d\"") << "predefined entities resolved in attributes";

    EXPECT_EQ(third.child("intitule")->text(), "Pommes & poires d'Ariège");
    const auto criteria = third.childrenNamed("critere");
    ASSERT_EQ(criteria.size(), 2u);
    EXPECT_EQ(criteria[0]->path(), "/export/consultations/consultation[3]/critere[1]");
    EXPECT_EQ(criteria[1]->path(), "/export/consultations/consultation[3]/critere[2]");
    EXPECT_EQ(criteria[1]->text(), "Qualité <bio>") << "CDATA is text";
    EXPECT_EQ(third.child("absent"), nullptr);
}

TEST(XmlParse, KeepsPrefixesLocalNamesAndNamespaces) {
    const char* ubl =
        "<Invoice xmlns=\"urn:inv\" xmlns:cbc=\"urn:cbc\" xmlns:x=\"urn:x\">"
        "<cbc:ID x:kind=\"main\">F-1</cbc:ID><Note>n</Note></Invoice>";
    auto doc = parse(ubl);
    ASSERT_TRUE(doc.ok()) << doc.error().describe();
    EXPECT_EQ(doc->localName(), "Invoice");
    EXPECT_EQ(doc->ns(), "urn:inv");
    const Element* id = doc->child("ID", "urn:cbc");
    ASSERT_NE(id, nullptr);
    EXPECT_EQ(id->name(), "cbc:ID");
    EXPECT_EQ(id->text(), "F-1");
    EXPECT_EQ(id->path(), "/Invoice/cbc:ID");
    ASSERT_EQ(id->attributes().size(), 1u);
    EXPECT_EQ(id->attributes()[0].name, "x:kind");
    EXPECT_EQ(id->attributes()[0].local_name, "kind");
    EXPECT_EQ(id->attributes()[0].ns, "urn:x");
    EXPECT_EQ(*id->attribute("x:kind"), "main");
    EXPECT_EQ(doc->child("Note", "urn:inv")->text(), "n") << "the default namespace applies to unprefixed children";
    EXPECT_EQ(doc->child("ID", "urn:other"), nullptr);
}

TEST(XmlParse, IgnoresAttributeDefaultsDeclaredInTheDtd) {
    auto doc = parse("<!DOCTYPE a [<!ATTLIST a x CDATA \"defaut\">]><a y=\"1\"/>");
    ASSERT_TRUE(doc.ok()) << doc.error().describe();
    EXPECT_EQ(doc->attribute("x"), nullptr) << "only what the document writes";
    ASSERT_NE(doc->attribute("y"), nullptr);
}

// Records what stream() hands over.
struct Recorder : StreamHandler {
    std::vector<std::string> opened, closed, paths, ids;
    std::vector<int64_t> lines;
    int failAt = 0;  // 1-based record number whose record() fails; 0 = never

    Visit open(const Element& e, int depth) override {
        opened.push_back(std::to_string(depth) + ":" + e.path());
        if (e.name() == "consultation" || e.name() == "fournisseur") return Visit::Capture;
        if (e.name() == "ignore") return Visit::Skip;
        return Visit::Descend;
    }
    Status record(const Element& e) override {
        paths.push_back(e.path());
        lines.push_back(e.line());
        ids.push_back(e.attribute("id") ? *e.attribute("id") : "");
        for (const auto& c : e.children()) paths.push_back(c.path());
        if (failAt > 0 && static_cast<int>(ids.size()) == failAt) return dataError("refusé par le test", e.path());
        return Status::success();
    }
    void close(const Element& e, int depth) override { closed.push_back(std::to_string(depth) + ":" + e.path()); }
};

TEST(XmlStream, HandsOverEachCapturedRecordWithItsPositionAndLine) {
    const std::string doc =
        "<export>\n"
        "  <consultations>\n"
        "    <consultation id=\"A\"><q>1</q></consultation>\n"
        "    <ignore><consultation id=\"hidden\"/></ignore>\n"
        "    <consultation id=\"B\"><q>2</q><q>3</q></consultation>\n"
        "  </consultations>\n"
        "  <fournisseurs><fournisseur id=\"F\"/></fournisseurs>\n"
        "  <consultations><consultation id=\"C\"/></consultations>\n"
        "</export>\n";
    Recorder r;
    Status status = stream(doc, r, {"flux.xml", ""});
    ASSERT_TRUE(status.ok()) << status.error().describe();
    EXPECT_EQ(r.ids, (std::vector<std::string>{"A", "B", "F", "C"})) << "skipped subtrees are not read";
    EXPECT_EQ(r.lines, (std::vector<int64_t>{3, 5, 7, 8}));
    EXPECT_EQ(r.paths, (std::vector<std::string>{
                           "/export/consultations/consultation[1]",
                           "/export/consultations/consultation[1]/q",
                           "/export/consultations/consultation[2]",
                           "/export/consultations/consultation[2]/q[1]",
                           "/export/consultations/consultation[2]/q[2]",
                           "/export/fournisseurs/fournisseur[1]",
                           "/export/consultations[2]/consultation[1]",
                       }));
    EXPECT_EQ(r.opened, (std::vector<std::string>{
                            "0:/export", "1:/export/consultations", "2:/export/consultations/consultation",
                            "2:/export/consultations/ignore", "2:/export/consultations/consultation[2]",
                            "1:/export/fournisseurs", "2:/export/fournisseurs/fournisseur", "1:/export/consultations[2]",
                            "2:/export/consultations[2]/consultation"}))
        << "open() sees the position among the siblings read so far";
    EXPECT_EQ(r.closed, (std::vector<std::string>{"1:/export/consultations", "1:/export/fournisseurs",
                                                   "1:/export/consultations[2]", "0:/export"}));
}

TEST(XmlStream, AFailedRecordStopsTheParseAndIsReturned) {
    Recorder r;
    r.failAt = 2;
    Status status = stream("<e><consultation id=\"1\"/><consultation id=\"2\"/><consultation id=\"3\"/></e>", r);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().message, "refusé par le test");
    EXPECT_EQ(r.ids, (std::vector<std::string>{"1", "2"})) << "nothing after the failure";
}

TEST(XmlErrors, TruncatedDocumentFailsWithTheLineAndLibxml2sMessage) {
    const std::string doc =
        "<export>\n"
        "  <consultations>\n"
        "    <consultation id=\"A\"/>\n"
        "    <consultation id=\"B\">\n"
        "      <quantite unite=\"kg\">12";
    Recorder r;
    Status status = stream(doc, r, {"tronque.xml", ""});
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().kind, ErrorKind::Data);
    EXPECT_EQ(status.error().where, "tronque.xml:5");
    EXPECT_NE(status.error().message.find("ligne 5"), std::string::npos) << status.error().message;
    EXPECT_NE(status.error().message.find("Premature end of data"), std::string::npos) << status.error().message;
    EXPECT_NE(status.error().message.find("tronqué"), std::string::npos) << status.error().message;
    EXPECT_EQ(r.ids, (std::vector<std::string>{"A"})) << "records before the break were handed over";

    auto whole = parse(doc, {"tronque.xml", ""});
    ASSERT_FALSE(whole.ok());
    EXPECT_EQ(whole.error().where, "tronque.xml:5");
}

TEST(XmlErrors, MismatchedTagNamesTheLine) {
    auto doc = parse("<a>\n<b>\n</c>\n</a>\n");
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.error().where, "ligne 3");
    EXPECT_NE(doc.error().message.find("mismatch"), std::string::npos) << doc.error().message;
}

TEST(XmlErrors, EmptyInputAndUndefinedEntityAreErrors) {
    auto empty = parse("", {"vide.xml", ""});
    ASSERT_FALSE(empty.ok());
    EXPECT_NE(empty.error().message.find("vide"), std::string::npos);

    auto blank = parse("  \n", {"blanc.xml", ""});
    ASSERT_FALSE(blank.ok());

    auto nbsp = parse("<a>\n<b>prix&nbsp;HT</b></a>");
    ASSERT_FALSE(nbsp.ok());
    EXPECT_EQ(nbsp.error().where, "ligne 2");
    EXPECT_NE(nbsp.error().message.find("nbsp"), std::string::npos) << nbsp.error().message;
}

TEST(XmlErrors, WrongEncodingFailsUnlessDeclaredOrForced) {
    const std::string latin1 = "<a>\n<b>Ari\xE8ge</b>\n</a>\n";  // ISO-8859-1 bytes, no declaration
    auto undeclared = parse(latin1, {"latin1.xml", ""});
    ASSERT_FALSE(undeclared.ok());
    EXPECT_EQ(undeclared.error().where, "latin1.xml:2");
    EXPECT_NE(undeclared.error().message.find("encodage"), std::string::npos) << undeclared.error().message;

    auto forced = parse(latin1, {"latin1.xml", "ISO-8859-1"});
    ASSERT_TRUE(forced.ok()) << forced.error().describe();
    EXPECT_EQ(forced->child("b")->text(), "Ariège");

    auto declared = parse("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + latin1);
    ASSERT_TRUE(declared.ok()) << declared.error().describe();
    EXPECT_EQ(declared->child("b")->text(), "Ariège");

    // The option wins over a wrong declaration.
    auto overridden = parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + latin1, {"", "windows-1252"});
    ASSERT_TRUE(overridden.ok()) << overridden.error().describe();
    EXPECT_EQ(overridden->child("b")->text(), "Ariège");

    auto unknown = parse(latin1, {"", "klingon-8"});
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().kind, ErrorKind::Config);
}

TEST(XmlErrors, NothingIsWrittenToStderr) {
    ::testing::internal::CaptureStderr();
    auto a = parse("<a><b></a>");
    auto b = parse("<a>&undefined;</a>");
    auto c = parse("<a>\xFF\xFE</a>");
    auto d = parse("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>");
    const std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_FALSE(a.ok() || b.ok() || c.ok() || d.ok());
    EXPECT_EQ(err, "");
}

int callerErrors = 0;
void callerHandler(void*, xmlErrorPtr) { ++callerErrors; }

TEST(XmlErrors, TheCallersOwnLibxml2ErrorHandlerIsRestoredUntouched) {
    xmlSetStructuredErrorFunc(nullptr, callerHandler);
    callerErrors = 0;
    auto bad = parse("<a><b></a>");
    EXPECT_FALSE(bad.ok());
    EXPECT_EQ(callerErrors, 0) << "the parse's errors are its own";
    EXPECT_EQ(xmlStructuredError, &callerHandler);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
}

// --- Entities: never expanded, never loaded ---------------------------------------------------

TEST(XmlSafety, ExternalFileEntityIsRefusedAndNeverRead) {
    testing::TempDir dir;
    const std::string secret = dir.write("secret.txt", "SECRET-MARQUEUR-4242");
    for (const std::string& target : {std::string("file:///etc/passwd"), "file://" + secret, secret}) {
        const std::string doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE export [\n  <!ENTITY xxe SYSTEM \"" + target +
                                "\">\n]>\n<export><nom>&xxe;</nom></export>\n";
        Recorder r;
        Status streamed = stream(doc, r, {"xxe.xml", ""});
        auto whole = parse(doc, {"xxe.xml", ""});
        ASSERT_FALSE(streamed.ok());
        ASSERT_FALSE(whole.ok());
        for (const Error& e : {streamed.error(), whole.error()}) {
            EXPECT_EQ(e.kind, ErrorKind::Data);
            EXPECT_EQ(e.where, "xxe.xml:3") << "the line of the declaration";
            EXPECT_NE(e.message.find("xxe"), std::string::npos) << e.message;
            EXPECT_NE(e.message.find("refusé"), std::string::npos) << e.message;
            EXPECT_EQ(e.message.find("root:"), std::string::npos) << e.message;
            EXPECT_EQ(e.message.find("SECRET-MARQUEUR"), std::string::npos) << e.message;
        }
        EXPECT_TRUE(r.ids.empty());
    }
}

TEST(XmlSafety, ParameterEntitiesAreRefusedToo) {
    const std::string doc =
        "<!DOCTYPE export [\n<!ENTITY % p SYSTEM \"file:///etc/passwd\">\n%p;\n]>\n<export/>";
    auto whole = parse(doc);
    ASSERT_FALSE(whole.ok());
    EXPECT_NE(whole.error().message.find("%p"), std::string::npos) << whole.error().message;
    EXPECT_EQ(whole.error().message.find("root:"), std::string::npos);
}

TEST(XmlSafety, BillionLaughsFailsFastWithoutExpanding) {
    std::string doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i) {
        doc += " <!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) doc += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
        doc += "\">\n";
    }
    doc += "]>\n<lolz>&lol9;</lolz>\n";
    const auto start = std::chrono::steady_clock::now();
    auto whole = parse(doc);
    Recorder r;
    Status streamed = stream(doc, r);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(whole.ok());
    ASSERT_FALSE(streamed.ok());
    EXPECT_NE(whole.error().message.find("lol"), std::string::npos) << whole.error().message;
    EXPECT_EQ(whole.error().where, "ligne 3");
    EXPECT_LT(elapsed, std::chrono::seconds(1)) << "a billion laughs must not be expanded";
}

// A loopback listener that counts connections and answers anything with a marker.
class Listener {
public:
    Listener() : socket_(Poco::Net::SocketAddress("127.0.0.1", 0)), thread_([this] { serve(); }) {}
    ~Listener() {
        stop_ = true;
        thread_.join();
    }
    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(socket_.address().port()) + path;
    }
    int connections() const { return connections_; }

private:
    void serve() {
        while (!stop_) {
            if (!socket_.poll(Poco::Timespan(0, 20000), Poco::Net::Socket::SELECT_READ)) continue;
            Poco::Net::StreamSocket client = socket_.acceptConnection();
            ++connections_;
            const std::string reply = "HTTP/1.0 200 OK\r\nContent-Length: 12\r\n\r\nFUITE-RESEAU";
            client.sendBytes(reply.data(), static_cast<int>(reply.size()));
            client.close();
        }
    }
    Poco::Net::ServerSocket socket_;
    std::atomic<bool> stop_{false};
    std::atomic<int> connections_{0};
    std::thread thread_;
};

TEST(XmlSafety, NetworkEntitiesAndExternalDtdsAreNeverFetched) {
    Listener server;
    const std::string entity = "<!DOCTYPE export [<!ENTITY net SYSTEM \"" + server.url("/entite") +
                               "\">]>\n<export><nom>&net;</nom></export>";
    auto refused = parse(entity);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().message.find("FUITE-RESEAU"), std::string::npos);

    // An external subset alone is harmless: it is not loaded, the document reads fine.
    const std::string dtd = "<!DOCTYPE export SYSTEM \"" + server.url("/export.dtd") +
                            "\">\n<export a=\"1\"><nom>Ferme</nom></export>";
    auto read = parse(dtd);
    ASSERT_TRUE(read.ok()) << read.error().describe();
    EXPECT_EQ(read->child("nom")->text(), "Ferme");

    const std::string pub = "<!DOCTYPE export PUBLIC \"-//X//DTD Export//FR\" \"" + server.url("/p.dtd") +
                            "\">\n<export/>";
    EXPECT_TRUE(parse(pub).ok());

    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_EQ(server.connections(), 0) << "nothing may be fetched over the network";
}

// --- Limits ------------------------------------------------------------------------------------

TEST(XmlLimits, LineNumbersAreRightPast65535) {
    std::string doc = "<export>\n";
    for (int i = 0; i < 70000; ++i) doc += "<l/>\n";
    doc += "<dernier/>\n</export>\n";  // line 70,002
    struct Last : StreamHandler {
        int64_t line = 0;
        Visit open(const Element& e, int depth) override { return depth == 0 ? Visit::Descend : Visit::Capture; }
        Status record(const Element& e) override {
            line = e.line();
            return Status::success();
        }
    } last;
    ASSERT_TRUE(stream(doc, last).ok());
    EXPECT_EQ(last.line, 70002);
    // And errors far down the file too.
    auto broken = parse(doc.substr(0, doc.size() - 4));
    ASSERT_FALSE(broken.ok());
    EXPECT_EQ(broken.error().where, "ligne 70003");
}

TEST(XmlLimits, ExcessiveDepthIsRefusedByLibxml2sDefaultLimit) {
    std::string doc;
    for (int i = 0; i < 400; ++i) doc += "<d>";
    for (int i = 0; i < 400; ++i) doc += "</d>";
    auto deep = parse(doc);
    ASSERT_FALSE(deep.ok()) << "XML_PARSE_HUGE is off: depth stays bounded";
    EXPECT_NE(deep.error().message.find("depth"), std::string::npos) << deep.error().message;

    std::string fine;
    for (int i = 0; i < 100; ++i) fine += "<d>";
    for (int i = 0; i < 100; ++i) fine += "</d>";
    EXPECT_TRUE(parse(fine).ok());
}

// --- Excerpts -----------------------------------------------------------------------------------

TEST(XmlExcerpt, WritesCompactEscapedXmlCutAtTheLimit) {
    auto doc = parse("<consultation id=\"C&amp;1\">\n  <produit type=\"légumes\">Carottes &lt;bio&gt;</produit>\n"
                     "  <quantite unite=\"kg\">  400  </quantite>\n  <vide/>\n</consultation>");
    ASSERT_TRUE(doc.ok()) << doc.error().describe();
    EXPECT_EQ(excerptOf(*doc, 500),
              "<consultation id=\"C&amp;1\"><produit type=\"légumes\">Carottes &lt;bio&gt;</produit>"
              "<quantite unite=\"kg\">400</quantite><vide/></consultation>");
    const std::string cut = excerptOf(*doc, 40);
    EXPECT_LE(cut.size(), 40u);
    EXPECT_EQ(cut.substr(cut.size() - 3), "\xE2\x80\xA6") << "a cut excerpt ends with an ellipsis";
    EXPECT_EQ(cut.rfind("<consultation id=\"C&amp;1\"><produit", 0), 0u);
}

}  // namespace
}  // namespace recolte::sdk::xml
