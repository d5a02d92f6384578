// The Atom writer: required elements, and every text escaped (a hostile name stays text).
#include <gtest/gtest.h>

#include "publish/atom_feed.hpp"

namespace recolte::publish {
namespace {

AtomFeed sample() {
    AtomFeed f;
    f.id = "tag:recolte,2026:feed?departement=09";
    f.title = "Récolte";
    f.updated = "2026-11-26T10:00:00Z";
    f.self = "http://hub/feed.atom?departement=09&source=a";
    f.alternate = "http://hub/?departement=09";
    f.author = "Récolte";
    AtomEntry e;
    e.id = "tag:recolte,2026:change/7";
    e.title = "Nouvelle offre : <script>alert(1)</script>";
    e.updated = "2026-11-26T10:00:00Z";
    e.link = "http://hub/offres/abc";
    e.summary = "<img src=x onerror=alert(1)> & \"co\"\x01";
    e.category = "added";
    e.category_label = "Ajoutée";
    f.entries.push_back(e);
    return f;
}

TEST(AtomFeed, WritesTheElementsRfc4287Requires) {
    const std::string xml = renderAtom(sample());
    EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"", 0), 0u);
    EXPECT_NE(xml.find("<id>tag:recolte,2026:feed?departement=09</id>"), std::string::npos);
    EXPECT_NE(xml.find("<updated>2026-11-26T10:00:00Z</updated>"), std::string::npos);
    EXPECT_NE(xml.find("<link rel=\"self\" type=\"application/atom+xml\" href=\"http://hub/feed.atom?departement=09&amp;source=a\"/>"),
              std::string::npos);
    EXPECT_NE(xml.find("<author>\n    <name>Récolte</name>\n  </author>"), std::string::npos);
    EXPECT_NE(xml.find("<id>tag:recolte,2026:change/7</id>"), std::string::npos);
    EXPECT_NE(xml.find("<link rel=\"alternate\" type=\"text/html\" href=\"http://hub/offres/abc\"/>"), std::string::npos);
}

TEST(AtomFeed, EscapesEveryText) {
    const std::string xml = renderAtom(sample());
    EXPECT_EQ(xml.find("<script>"), std::string::npos);
    EXPECT_EQ(xml.find("<img"), std::string::npos);
    EXPECT_NE(xml.find("Nouvelle offre : &lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(xml.find("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;co&quot;</content>"), std::string::npos);
    EXPECT_EQ(xml.find('\x01'), std::string::npos);  // not allowed in XML 1.0
}

TEST(AtomFeed, AnEntryWithoutPageHasNoLinkButKeepsItsContent) {
    AtomFeed f = sample();
    f.entries[0].link.clear();
    const std::string xml = renderAtom(f);
    EXPECT_EQ(xml.find("rel=\"alternate\" type=\"text/html\" href=\"http://hub/offres"), std::string::npos);
    EXPECT_NE(xml.find("<content type=\"text\">"), std::string::npos);
}

}  // namespace
}  // namespace recolte::publish
