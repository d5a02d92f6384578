// Text helpers every parser needs: encodings, trimming, accent folding, dates.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace recolte::sdk {

enum class Encoding { Utf8, Utf8Bom, Windows1252 };
const char* toString(Encoding e);

// BOM -> Utf8Bom; valid UTF-8 -> Utf8; otherwise Windows1252 (what French spreadsheets write).
Encoding detectEncoding(std::string_view bytes);
// Returns UTF-8 text without BOM.
std::string toUtf8(std::string_view bytes, Encoding from);
bool isValidUtf8(std::string_view bytes);
// UTF-8 but for a few bad sequences (a corrupted row), as opposed to a Windows-1252 file: more valid
// multi-byte sequences than invalid bytes. Line-based readers then reject the rows holding them.
bool isMostlyUtf8(std::string_view bytes);

std::string trim(std::string_view s);
// Lower case, accents removed, punctuation kept: "Pièce Élevée" -> "piece elevee".
std::string foldForSearch(std::string_view utf8);
// foldForSearch, then every run of non-alphanumerics ("°", "€", "(", "_", spaces) becomes one space,
// trimmed: how headers and codes are compared ("Prix HT (€)" -> "prix ht").
std::string foldWords(std::string_view utf8);
// Joins with a separator.
std::string join(const std::vector<std::string>& parts, std::string_view sep);
// Splits on any of the separators, trims each part, drops empty ones.
std::vector<std::string> splitList(std::string_view s, std::string_view separators = ",;|/");

// Accepts YYYY-MM-DD, DD/MM/YYYY, DD/MM/YY, DD-MM-YYYY, DD.MM.YYYY; returns YYYY-MM-DD or "" when
// not a valid calendar date.
std::string parseDate(std::string_view text);

// Cuts a raw excerpt to at most `max` bytes without splitting a UTF-8 sequence; invalid UTF-8 in
// it becomes U+FFFD (so the result may be a few bytes longer).
std::string excerpt(std::string_view raw, size_t max = 200);

// Hex SHA-256 of bytes, for bookmarks and content hashes.
std::string sha256Hex(std::string_view bytes);

}  // namespace recolte::sdk
