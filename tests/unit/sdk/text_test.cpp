// Text helpers: encodings, UTF-8 validity, trimming, folding, lists, dates, excerpts, hashes.
#include <gtest/gtest.h>

#include "recolte/sdk/text.hpp"

namespace recolte::sdk {
namespace {

TEST(Encoding, DetectsBomValidUtf8AndWindows1252) {
    EXPECT_EQ(detectEncoding("\xEF\xBB\xBFProduit;Prix"), Encoding::Utf8Bom);
    EXPECT_EQ(detectEncoding("Produit;Prix"), Encoding::Utf8);
    EXPECT_EQ(detectEncoding("Libell\xC3\xA9"), Encoding::Utf8);
    EXPECT_EQ(detectEncoding("Libell\xE9"), Encoding::Windows1252);  // é in Windows-1252
    EXPECT_EQ(detectEncoding(""), Encoding::Utf8);
    EXPECT_STREQ(toString(Encoding::Windows1252), "windows-1252");
    EXPECT_STREQ(toString(Encoding::Utf8), "utf-8");
    EXPECT_STREQ(toString(Encoding::Utf8Bom), "utf-8-bom");
}

TEST(Encoding, Windows1252MapsTheWholeHighHalf) {
    // The 0x80..0x9F range is not Latin-1: € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ.
    EXPECT_EQ(toUtf8("\x80\x82\x83\x84\x85\x86\x87\x88\x89\x8A\x8B\x8C\x8E", Encoding::Windows1252),
              "€‚ƒ„…†‡ˆ‰Š‹ŒŽ");
    EXPECT_EQ(toUtf8("\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9A\x9B\x9C\x9E\x9F", Encoding::Windows1252),
              "‘’“”•–—˜™š›œžŸ");
    // Undefined positions become U+FFFD, not control characters.
    EXPECT_EQ(toUtf8("\x81\x8D\x8F\x90\x9D", Encoding::Windows1252), "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD");
    // 0xA0..0xFF are Latin-1.
    EXPECT_EQ(toUtf8("\xA0\xAB\xB0\xBB\xC0\xC9\xE7\xE9\xEF\xF4\xFF", Encoding::Windows1252), "\u00A0«°»ÀÉçéïôÿ");
    EXPECT_EQ(toUtf8("B\x9C" "uf \xE0 2,50 \x80", Encoding::Windows1252), "Bœuf à 2,50 €");
}

TEST(Encoding, Utf8OutputHasNoBomAndInvalidBytesAreReplaced) {
    EXPECT_EQ(toUtf8("\xEF\xBB\xBFPrix", Encoding::Utf8Bom), "Prix");
    EXPECT_EQ(toUtf8("\xEF\xBB\xBFPrix", Encoding::Utf8), "Prix");
    EXPECT_EQ(toUtf8("Prix", Encoding::Utf8Bom), "Prix");
    EXPECT_EQ(toUtf8("caf\xE9!", Encoding::Utf8), "caf\uFFFD!");
    EXPECT_TRUE(isValidUtf8(toUtf8("\xC0\xAF\xED\xA0\x80z", Encoding::Utf8)));
}

TEST(Utf8, ValidityRejectsOverlongsSurrogatesAndTruncation) {
    EXPECT_TRUE(isValidUtf8(""));
    EXPECT_TRUE(isValidUtf8("plain ASCII text that is longer than eight bytes"));
    EXPECT_TRUE(isValidUtf8("é€𝄞 œ"));
    EXPECT_TRUE(isValidUtf8("\xF4\x8F\xBF\xBF"));       // U+10FFFF
    EXPECT_FALSE(isValidUtf8("\xC0\xAF"));              // overlong '/'
    EXPECT_FALSE(isValidUtf8("\xE0\x80\xAF"));          // overlong 3 bytes
    EXPECT_FALSE(isValidUtf8("\xF0\x80\x80\xAF"));      // overlong 4 bytes
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));          // surrogate U+D800
    EXPECT_FALSE(isValidUtf8("\xED\xBF\xBF"));          // surrogate U+DFFF
    EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80"));      // beyond U+10FFFF
    EXPECT_FALSE(isValidUtf8("abc\xC3"));               // truncated
    EXPECT_FALSE(isValidUtf8("\x80"));                  // lone continuation
    EXPECT_FALSE(isValidUtf8("\xFF"));
    EXPECT_FALSE(isValidUtf8("12345678\xE9 after the fast path"));
}

TEST(Trim, RemovesAsciiAndNoBreakSpaces) {
    EXPECT_EQ(trim("  kg \t\r\n"), "kg");
    EXPECT_EQ(trim("\xC2\xA0" "500 g\xC2\xA0"), "500 g");
    EXPECT_EQ(trim("\xE2\x80\xAF" "x"), "x");
    EXPECT_EQ(trim("   "), "");
    EXPECT_EQ(trim(""), "");
    EXPECT_EQ(trim("é"), "é");
    EXPECT_EQ(trim(" a b "), "a b");
}

TEST(FoldForSearch, LowersAndStripsFrenchAccents) {
    EXPECT_EQ(foldForSearch("Pièce Élevée"), "piece elevee");
    EXPECT_EQ(foldForSearch("ŒUFS, Bœuf, Æther, Cœur"), "oeufs, boeuf, aether, coeur");
    EXPECT_EQ(foldForSearch("Façon Ça À Â Ä Ç È É Ê Ë Î Ï Ô Ö Ù Û Ü Ÿ"), "facon ca a a a c e e e e i i o o u u u y");
    EXPECT_EQ(foldForSearch("àâäçèéêëîïôöùûüÿ"), "aaaceeeeiioouuuy");
    EXPECT_EQ(foldForSearch("Ñandú Straße Øre Łódź"), "nandu strasse ore lodz");
    EXPECT_EQ(foldForSearch("Prix (€) : 12,50 !"), "prix (€) : 12,50 !") << "punctuation kept";
    EXPECT_EQ(foldForSearch("Pe\xCC\x81rigord"), "perigord") << "decomposed accents too";
    EXPECT_EQ(foldForSearch("l’unité"), "l'unite");
    EXPECT_EQ(foldForSearch("Ελλάδα"), "Ελλάδα") << "non-Latin letters are left alone";
}

TEST(FoldForSearch, LatinLettersComeOutAsAscii) {
    // Every letter of Latin-1 and Latin Extended-A folds to ASCII (× and ÷ are not letters).
    for (char32_t cp = 0xC0; cp <= 0x17F; ++cp) {
        if (cp == 0xD7 || cp == 0xF7) continue;
        std::string utf8;
        utf8 += static_cast<char>(0xC0 | (cp >> 6));
        utf8 += static_cast<char>(0x80 | (cp & 0x3F));
        const std::string folded = foldForSearch(utf8);
        ASSERT_FALSE(folded.empty()) << std::hex << static_cast<unsigned>(cp);
        for (char c : folded) EXPECT_TRUE(c >= 'a' && c <= 'z') << std::hex << static_cast<unsigned>(cp) << " -> " << folded;
    }
}

TEST(Lists, JoinAndSplit) {
    EXPECT_EQ(join({"AB", "HVE", "Label Rouge"}, ", "), "AB, HVE, Label Rouge");
    EXPECT_EQ(join({}, ", "), "");
    EXPECT_EQ(splitList("AB, Label Rouge ;HVE| IGP / AOP"),
              (std::vector<std::string>{"AB", "Label Rouge", "HVE", "IGP", "AOP"}));
    EXPECT_EQ(splitList(" , ;; "), std::vector<std::string>{});
    EXPECT_EQ(splitList("a+b", "+"), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(splitList("Label Rouge"), std::vector<std::string>{"Label Rouge"});
}

TEST(ParseDate, AcceptsTheDocumentedForms) {
    EXPECT_EQ(parseDate("2025-03-01"), "2025-03-01");
    EXPECT_EQ(parseDate("01/03/2025"), "2025-03-01");
    EXPECT_EQ(parseDate("1/3/2025"), "2025-03-01");
    EXPECT_EQ(parseDate("01/03/25"), "2025-03-01");
    EXPECT_EQ(parseDate("01-03-2025"), "2025-03-01");
    EXPECT_EQ(parseDate("01.03.2025"), "2025-03-01");
    EXPECT_EQ(parseDate(" 29/02/2024 "), "2024-02-29");
    EXPECT_EQ(parseDate("01/03/2025 00:00:00"), "2025-03-01") << "spreadsheet date-time cell";
    EXPECT_EQ(parseDate("2025-03-01T08:30:00Z"), "2025-03-01");
}

TEST(ParseDate, RefusesImpossibleDatesAndOtherShapes) {
    for (const char* bad : {"", "31/02/2025", "29/02/2025", "29/02/1900", "00/01/2025", "01/13/2025", "32/01/2025",
                            "2025-02-30", "2025/03/01", "01/03/025", "01-03-25", "1 mars 2025", "01/03/2025 midi",
                            "01/03-2025", "2025-3-1", "demain"}) {
        EXPECT_EQ(parseDate(bad), "") << "\"" << bad << "\"";
    }
    EXPECT_EQ(parseDate("29/02/2000"), "2000-02-29");
}

TEST(Excerpt, CutsWithoutSplittingASequence) {
    EXPECT_EQ(excerpt("court"), "court");
    EXPECT_EQ(excerpt("abcdef", 3), "abc");
    EXPECT_EQ(excerpt("aé", 2), "a") << "é is two bytes: it does not fit";
    EXPECT_EQ(excerpt("aé", 3), "aé");
    EXPECT_EQ(excerpt("€€", 5), "€");
    EXPECT_EQ(excerpt("x", 0), "");
    const std::string longRow(500, 'x');
    EXPECT_EQ(excerpt(longRow).size(), 200u);
    for (size_t max = 0; max < 12; ++max) EXPECT_TRUE(isValidUtf8(excerpt("Œufs élevés", max))) << max;
}

TEST(Excerpt, BytesThatAreNotUtf8BecomeReplacementCharacters) {
    EXPECT_EQ(excerpt("a\xff\xc3(b"), "a\uFFFD\uFFFD(b");
    EXPECT_TRUE(isValidUtf8(excerpt(std::string(300, '\x80'))));
}

TEST(Utf8, MostlyUtf8TellsACorruptedRowFromWindows1252) {
    EXPECT_TRUE(isMostlyUtf8("Pâté;Crème brûlée;\xff\n"));       // 5 good sequences, 1 bad byte
    EXPECT_FALSE(isMostlyUtf8("P\xe2t\xe9;Cr\xe8me br\xfbl\xe9" "e\n"));  // Windows-1252: no valid sequence
    EXPECT_FALSE(isMostlyUtf8("ascii only \xff"));
    EXPECT_FALSE(isMostlyUtf8("é\xff\xfe"));
}

TEST(Sha256, MatchesKnownVectors) {
    EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_NE(sha256Hex("prix;1,80"), sha256Hex("prix;1,81"));
}

}  // namespace
}  // namespace recolte::sdk

namespace recolte::sdk {
namespace {

TEST(FoldWords, PunctuationRunsBecomeOneSpaceAndAccentsGo) {
    EXPECT_EQ(foldWords("Prix HT (€)"), "prix ht");
    EXPECT_EQ(foldWords("  Délai de commande (jours) "), "delai de commande jours");
    EXPECT_EQ(foldWords("N° SIRET"), "n siret");
    EXPECT_EQ(foldWords("code_producteur"), "code producteur");
    EXPECT_EQ(foldWords("[EU]"), "eu");
    EXPECT_EQ(foldWords("€ °"), "");
}

}  // namespace
}  // namespace recolte::sdk
