// The pages' one escaping helper and URL building: hostile text stays text.
#include "publish/html.hpp"

#include <gtest/gtest.h>

namespace {

using namespace recolte::publish;

TEST(HtmlEscape, EscapesTheFiveSpecialCharacters) {
    EXPECT_EQ(esc("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
    EXPECT_EQ(esc("<img src=x onerror=alert(2)>"), "&lt;img src=x onerror=alert(2)&gt;");
    EXPECT_EQ(esc("\"a\" & 'b'"), "&quot;a&quot; &amp; &#39;b&#39;");
    EXPECT_EQ(esc("Pièce élevée — 2,50 €"), "Pièce élevée — 2,50 €");
}

TEST(HtmlEscape, ReplacesInvalidUtf8AndDropsControls) {
    EXPECT_EQ(esc(std::string("a\xC3(b")), "a\xEF\xBF\xBD(b");      // truncated sequence
    EXPECT_EQ(esc(std::string("\xE0\x80\xAF")), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
    EXPECT_EQ(esc(std::string("a\x01\x1B" "b\r\n\tc", 8)), "ab\n\tc");
    EXPECT_EQ(esc(std::string("x\0y", 3)), "xy");
}

TEST(HtmlUrl, EncodesQueryValuesAndSkipsEmptyOnes) {
    EXPECT_EQ(urlEncode("légumes & fruits"), "l%C3%A9gumes%20%26%20fruits");
    EXPECT_EQ(queryString({{"q", "pommes"}, {"label", ""}, {"departement", "09"}}), "?q=pommes&departement=09");
    EXPECT_EQ(queryString({{"q", ""}}), "");
}

TEST(HtmlUrl, OnlyHttpLinksAreClickable) {
    EXPECT_EQ(safeExternalUrl("https://ferme.example/"), "https://ferme.example/");
    EXPECT_EQ(safeExternalUrl("HTTP://ferme.example"), "HTTP://ferme.example");
    EXPECT_EQ(safeExternalUrl("javascript:alert(1)"), "");
    EXPECT_EQ(safeExternalUrl("https://a.example/\" onmouseover=\"x"), "");
    EXPECT_EQ(safeExternalUrl("//evil.example"), "");
}

TEST(HtmlPage, LayoutHasOneH1LanguageSkipLinkAndNoInlineScript) {
    const std::string page = renderPage({"Titre <b>", "producteurs", "/feed.atom?departement=09&source=a"},
                                        "<h1>Titre</h1>");
    EXPECT_NE(page.find("<html lang=\"fr\">"), std::string::npos);
    EXPECT_NE(page.find("<title>Titre &lt;b&gt; · Récolte</title>"), std::string::npos);
    EXPECT_NE(page.find("href=\"#contenu\""), std::string::npos);
    EXPECT_NE(page.find("<main id=\"contenu\""), std::string::npos);
    EXPECT_NE(page.find("<a href=\"/producteurs\" aria-current=\"page\">"), std::string::npos);
    EXPECT_NE(page.find("href=\"/feed.atom?departement=09&amp;source=a\""), std::string::npos);
    size_t h1 = 0;
    for (size_t pos = 0; (pos = page.find("<h1", pos)) != std::string::npos; ++pos) ++h1;
    EXPECT_EQ(h1, 1u);
    // Scripts only by src (the CSP allows no inline script), styles only from the stylesheet.
    for (size_t pos = 0; (pos = page.find("<script", pos)) != std::string::npos; ++pos)
        EXPECT_EQ(page.compare(pos, 13, "<script src=\""), 0);
    EXPECT_EQ(page.find("style="), std::string::npos);
    EXPECT_EQ(page.find("<style"), std::string::npos);
}

}  // namespace
