// Reading what a price is for, or a packaging: "le kg", "500 g", "75 cl", "colis de 5 kg",
// "barquette 250g", "caisse de 6 bouteilles", "lot de 3", "douzaine", "pot"...
//
// Grammar, on accent- and case-folded tokens:
//   text      := filler* term [filler* (container | piece word)] filler*   ("500 g le sachet")
//   term      := [numbers] [demi] unit-word [inner] | numbers              (bare number: inside only)
//   numbers   := number (("x" | "*" | "×") number)*                         ("6 x 75 cl")
//   inner     := [de | d' | x] term          after a container or piece word ("colis de 5 kg")
//              | [de | d'] piece-word        after a dozen ("douzaine d'œufs")
// A number has "," or "." as decimal point; "(s)" after a word is an optional plural. Fillers
// are what French price lists put around a unit: le, la, les, l', au, aux, à, par, pour, prix,
// €, eur, ht, ttc, "/". Anything else is an error, never a guess: "1 kg 500", "environ 2 kg",
// "1/2 douzaine" and "1 000 g" are refused.
#include "model/units.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "model/normalize.hpp"
#include "recolte/sdk/text.hpp"

namespace recolte::model::units {

namespace {

constexpr __int128 kMaxMagnitude = static_cast<__int128>(1) << 100;  // far beyond any real quantity

__int128 gcd(__int128 a, __int128 b) {
    if (a < 0) a = -a;
    if (b < 0) b = -b;
    while (b != 0) {
        const __int128 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

std::optional<Ratio> reduced(__int128 num, __int128 den) {
    if (den == 0) return std::nullopt;
    const __int128 g = gcd(num, den);
    if (g > 1) {
        num /= g;
        den /= g;
    }
    if (num > kMaxMagnitude || den > kMaxMagnitude) return std::nullopt;
    return Ratio{num, den};
}

}  // namespace

std::optional<Ratio> multiply(Ratio a, Ratio b) {
    // Cross-reduce first so that exact results stay small.
    const __int128 g1 = gcd(a.num, b.den);
    const __int128 g2 = gcd(b.num, a.den);
    if (g1 > 1) a.num /= g1, b.den /= g1;
    if (g2 > 1) b.num /= g2, a.den /= g2;
    __int128 num = 0, den = 0;
    if (__builtin_mul_overflow(a.num, b.num, &num)) return std::nullopt;
    if (__builtin_mul_overflow(a.den, b.den, &den)) return std::nullopt;
    return reduced(num, den);
}

std::optional<Ratio> divide(Ratio a, Ratio b) {
    if (b.num == 0) return std::nullopt;
    return multiply(a, Ratio{b.den, b.num});
}

std::optional<int64_t> toDecimalRaw(Ratio r) {
    __int128 scaled = 0;
    if (__builtin_mul_overflow(r.num, static_cast<__int128>(sdk::Decimal::kOne), &scaled)) return std::nullopt;
    const bool negative = (scaled < 0) != (r.den < 0);
    __int128 n = scaled < 0 ? -scaled : scaled;
    const __int128 d = r.den < 0 ? -r.den : r.den;
    __int128 q = n / d;
    if ((n % d) * 2 >= d) ++q;  // half away from zero
    if (q > static_cast<__int128>(INT64_MAX)) return std::nullopt;
    return static_cast<int64_t>(negative ? -q : q);
}

namespace {

// ---- The unit words ---------------------------------------------------------------------------

enum class WordKind { Measure, Dozen, Piece, Container, Pack };

struct UnitWord {
    const char* word;
    WordKind kind;
    BaseUnit unit;
    int64_t num;  // the word's quantity in the base unit, as num/den
    int64_t den;
};

// Singular forms; a trailing plural "s" or "x" is tried off when a word is not found.
constexpr std::array kUnitWords = {
    // Mass, in kg.
    UnitWord{"kg", WordKind::Measure, BaseUnit::Kg, 1, 1},
    UnitWord{"kilo", WordKind::Measure, BaseUnit::Kg, 1, 1},
    UnitWord{"kilogramme", WordKind::Measure, BaseUnit::Kg, 1, 1},
    UnitWord{"kilogram", WordKind::Measure, BaseUnit::Kg, 1, 1},
    UnitWord{"g", WordKind::Measure, BaseUnit::Kg, 1, 1000},
    UnitWord{"gr", WordKind::Measure, BaseUnit::Kg, 1, 1000},
    UnitWord{"gramme", WordKind::Measure, BaseUnit::Kg, 1, 1000},
    UnitWord{"gram", WordKind::Measure, BaseUnit::Kg, 1, 1000},
    UnitWord{"mg", WordKind::Measure, BaseUnit::Kg, 1, 1000000},
    UnitWord{"milligramme", WordKind::Measure, BaseUnit::Kg, 1, 1000000},
    UnitWord{"tonne", WordKind::Measure, BaseUnit::Kg, 1000, 1},
    // Volume, in litres.
    UnitWord{"l", WordKind::Measure, BaseUnit::L, 1, 1},
    UnitWord{"litre", WordKind::Measure, BaseUnit::L, 1, 1},
    UnitWord{"liter", WordKind::Measure, BaseUnit::L, 1, 1},
    UnitWord{"dl", WordKind::Measure, BaseUnit::L, 1, 10},
    UnitWord{"decilitre", WordKind::Measure, BaseUnit::L, 1, 10},
    UnitWord{"cl", WordKind::Measure, BaseUnit::L, 1, 100},
    UnitWord{"centilitre", WordKind::Measure, BaseUnit::L, 1, 100},
    UnitWord{"ml", WordKind::Measure, BaseUnit::L, 1, 1000},
    UnitWord{"millilitre", WordKind::Measure, BaseUnit::L, 1, 1000},
    UnitWord{"hl", WordKind::Measure, BaseUnit::L, 100, 1},
    UnitWord{"hectolitre", WordKind::Measure, BaseUnit::L, 100, 1},
    // Counts.
    UnitWord{"douzaine", WordKind::Dozen, BaseUnit::Piece, 12, 1},
    UnitWord{"dozen", WordKind::Dozen, BaseUnit::Piece, 12, 1},
    UnitWord{"piece", WordKind::Piece, BaseUnit::Piece, 1, 1},
    UnitWord{"pce", WordKind::Piece, BaseUnit::Piece, 1, 1},
    UnitWord{"pc", WordKind::Piece, BaseUnit::Piece, 1, 1},
    UnitWord{"u", WordKind::Piece, BaseUnit::Piece, 1, 1},
    UnitWord{"unite", WordKind::Piece, BaseUnit::Piece, 1, 1},
    UnitWord{"unit", WordKind::Piece, BaseUnit::Piece, 1, 1},
    UnitWord{"each", WordKind::Piece, BaseUnit::Piece, 1, 1},
    UnitWord{"botte", WordKind::Piece, BaseUnit::Piece, 1, 1},  // a bunch counts as one piece
    UnitWord{"bouquet", WordKind::Piece, BaseUnit::Piece, 1, 1},
    UnitWord{"bunch", WordKind::Piece, BaseUnit::Piece, 1, 1},
    UnitWord{"tete", WordKind::Piece, BaseUnit::Piece, 1, 1},
    UnitWord{"part", WordKind::Piece, BaseUnit::Piece, 1, 1},
    UnitWord{"tranche", WordKind::Piece, BaseUnit::Piece, 1, 1},
    UnitWord{"portion", WordKind::Piece, BaseUnit::Piece, 1, 1},
    UnitWord{"oeuf", WordKind::Piece, BaseUnit::Piece, 1, 1},  // eggs are sold by count: "boîte de 6 œufs"
    // Containers sold as one piece.
    UnitWord{"pot", WordKind::Container, BaseUnit::Piece, 1, 1},
    UnitWord{"bocal", WordKind::Container, BaseUnit::Piece, 1, 1},
    UnitWord{"bocaux", WordKind::Container, BaseUnit::Piece, 1, 1},  // the one plural not in -s/-x
    UnitWord{"barquette", WordKind::Container, BaseUnit::Piece, 1, 1},
    UnitWord{"sachet", WordKind::Container, BaseUnit::Piece, 1, 1},
    UnitWord{"sac", WordKind::Container, BaseUnit::Piece, 1, 1},
    UnitWord{"bouteille", WordKind::Container, BaseUnit::Piece, 1, 1},
    UnitWord{"filet", WordKind::Container, BaseUnit::Piece, 1, 1},
    UnitWord{"boite", WordKind::Container, BaseUnit::Piece, 1, 1},
    UnitWord{"brique", WordKind::Container, BaseUnit::Piece, 1, 1},
    UnitWord{"canette", WordKind::Container, BaseUnit::Piece, 1, 1},
    UnitWord{"flacon", WordKind::Container, BaseUnit::Piece, 1, 1},
    UnitWord{"seau", WordKind::Container, BaseUnit::Piece, 1, 1},
    UnitWord{"bidon", WordKind::Container, BaseUnit::Piece, 1, 1},
    UnitWord{"paquet", WordKind::Container, BaseUnit::Piece, 1, 1},
    UnitWord{"panier", WordKind::Container, BaseUnit::Piece, 1, 1},
    UnitWord{"bourriche", WordKind::Container, BaseUnit::Piece, 1, 1},
    UnitWord{"verrine", WordKind::Container, BaseUnit::Piece, 1, 1},
    UnitWord{"plaquette", WordKind::Container, BaseUnit::Piece, 1, 1},  // butter
    UnitWord{"tablette", WordKind::Container, BaseUnit::Piece, 1, 1},   // chocolate
    // Packs: containers that group pieces, where a colisage (pieces per pack) makes sense.
    UnitWord{"colis", WordKind::Pack, BaseUnit::Piece, 1, 1},
    UnitWord{"caisse", WordKind::Pack, BaseUnit::Piece, 1, 1},
    UnitWord{"cagette", WordKind::Pack, BaseUnit::Piece, 1, 1},
    UnitWord{"cageot", WordKind::Pack, BaseUnit::Piece, 1, 1},
    UnitWord{"carton", WordKind::Pack, BaseUnit::Piece, 1, 1},
    UnitWord{"plateau", WordKind::Pack, BaseUnit::Piece, 1, 1},
    UnitWord{"lot", WordKind::Pack, BaseUnit::Piece, 1, 1},
    UnitWord{"pack", WordKind::Pack, BaseUnit::Piece, 1, 1},
    UnitWord{"fardeau", WordKind::Pack, BaseUnit::Piece, 1, 1},
};

constexpr std::array kFillers = {"le", "la", "les", "au", "aux", "a", "par", "pour", "prix", "eur",
                                 "euro", "ht", "ttc", "the", "per", "en"};

const UnitWord* findExact(std::string_view w) {
    for (const auto& u : kUnitWords) {
        if (w == u.word) return &u;
    }
    return nullptr;
}

const UnitWord* findUnitWord(std::string_view w) {
    if (const auto* u = findExact(w)) return u;
    // "colis" ends in s but is singular: it was found above. Try plurals off.
    if (w.size() > 1 && (w.back() == 's' || w.back() == 'x')) return findExact(w.substr(0, w.size() - 1));
    return nullptr;
}

bool isFillerWord(std::string_view w) {
    if (w == "euros") return true;
    return std::find(kFillers.begin(), kFillers.end(), w) != kFillers.end();
}

// ---- Tokens -----------------------------------------------------------------------------------

enum class TokKind { Word, Number, Apostrophe, Slash, Times };

struct Token {
    TokKind kind;
    std::string text;
    Ratio number;
};

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLetter(char c) { return c >= 'a' && c <= 'z'; }

// Splits folded text; "500g" gives 500 and g, "6x75cl" gives 6, x, 75, cl.
Failure tokenize(const std::string& s, std::vector<Token>& out) {
    size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (isDigit(c)) {
            __int128 num = 0, den = 1;
            int digits = 0;
            while (i < s.size() && isDigit(s[i])) {
                num = num * 10 + (s[i] - '0');
                if (++digits > 15) return Failure::OutOfRange;
                ++i;
            }
            if (i + 1 < s.size() && (s[i] == ',' || s[i] == '.') && isDigit(s[i + 1])) {
                ++i;
                int decimals = 0;
                while (i < s.size() && isDigit(s[i])) {
                    num = num * 10 + (s[i] - '0');
                    den *= 10;
                    if (++decimals > 6) return Failure::OutOfRange;
                    ++i;
                }
            }
            auto r = reduced(num, den);
            if (!r) return Failure::OutOfRange;
            out.push_back({TokKind::Number, {}, *r});
            continue;
        }
        if (isLetter(c)) {
            const size_t start = i;
            while (i < s.size() && isLetter(s[i])) ++i;
            std::string w = s.substr(start, i - start);
            // "x" glued to numbers or alone is a multiplier: "6x75cl", "2 x 500 g".
            if (w == "x") {
                out.push_back({TokKind::Times, w, {}});
            } else {
                out.push_back({TokKind::Word, std::move(w), {}});
            }
            continue;
        }
        if (static_cast<unsigned char>(c) >= 0x80) {
            // "€" and "×" are the only symbols outside ASCII that belong in a unit text.
            if (s.compare(i, 3, "\xE2\x82\xAC") == 0) {
                out.push_back({TokKind::Word, "eur", {}});
                i += 3;
                continue;
            }
            if (s.compare(i, 2, "\xC3\x97") == 0) {
                out.push_back({TokKind::Times, "x", {}});
                i += 2;
                continue;
            }
            const size_t start = i;
            while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x80) ++i;
            out.push_back({TokKind::Word, s.substr(start, i - start), {}});  // never a unit: reported
            continue;
        }
        if (c == '-' && i + 1 < s.size() && isDigit(s[i + 1]) && (i == 0 || s[i - 1] == ' ')) {
            return Failure::Negative;
        }
        if (c == '(' && (s.compare(i, 3, "(s)") == 0 || s.compare(i, 3, "(x)") == 0)) {
            i += 3;  // "pièce(s)": an optional plural, not a word
            continue;
        }
        if (c == '\'') out.push_back({TokKind::Apostrophe, "'", {}});
        if (c == '/') out.push_back({TokKind::Slash, "/", {}});
        if (c == '*') out.push_back({TokKind::Times, "*", {}});
        ++i;  // spaces, dots, dashes, parentheses... separate tokens
    }
    return Failure::None;
}

// ---- Parser -----------------------------------------------------------------------------------

class Parser {
public:
    explicit Parser(std::vector<Token> tokens) : t_(std::move(tokens)) {}

    ParseResult run() {
        ParseResult r;
        skipFillers();
        if (atEnd()) return fail(Failure::Empty);
        if (!term(false, r.value)) return failure();
        skipFillers();
        // "500 g le sachet": a trailing container or piece word names what the quantity is of.
        if (!atEnd() && t_[i_].kind == TokKind::Word) {
            if (const auto* u = findUnitWord(t_[i_].text);
                u && u->kind != WordKind::Measure && u->kind != WordKind::Dozen && r.value.kind == Kind::Measure) {
                ++i_;
                skipFillers();
            }
        }
        if (!atEnd()) {
            if (t_[i_].kind == TokKind::Word && !findUnitWord(t_[i_].text)) return unknown(t_[i_].text);
            return fail(Failure::Illegible);
        }
        if (r.value.amount.isZero()) return fail(Failure::Zero);
        return r;
    }

private:
    bool atEnd() const { return i_ >= t_.size(); }
    bool isWord(std::string_view w) const { return !atEnd() && t_[i_].kind == TokKind::Word && t_[i_].text == w; }
    bool followedByApostrophe() const { return i_ + 1 < t_.size() && t_[i_ + 1].kind == TokKind::Apostrophe; }

    void skipFillers() {
        while (!atEnd()) {
            const Token& tok = t_[i_];
            if (tok.kind == TokKind::Slash || tok.kind == TokKind::Apostrophe) {
                ++i_;
            } else if (tok.kind == TokKind::Word && tok.text == "l" && followedByApostrophe()) {
                i_ += 2;  // l'unité
            } else if (tok.kind == TokKind::Word && isFillerWord(tok.text)) {
                ++i_;
            } else {
                break;
            }
        }
    }

    // Reads "6", "6 x 75"; lead = product of all but the last number, last = the last one.
    bool numbers(bool& has, Ratio& lead, Ratio& last) {
        has = false;
        lead = Ratio::of(1);
        if (atEnd() || t_[i_].kind != TokKind::Number) return true;
        has = true;
        last = t_[i_++].number;
        while (!atEnd() && t_[i_].kind == TokKind::Times) {
            if (i_ + 1 >= t_.size() || t_[i_ + 1].kind != TokKind::Number) return setFail(Failure::Illegible);
            auto l = multiply(lead, last);
            if (!l) return setFail(Failure::OutOfRange);
            lead = *l;
            last = t_[i_ + 1].number;
            i_ += 2;
        }
        return true;
    }

    bool term(bool nested, ParsedQuantity& out) {
        bool has = false;
        Ratio lead, last;
        if (!numbers(has, lead, last)) return false;
        const bool multiplied = !(lead.num == 1 && lead.den == 1);
        bool half = false;
        if (isWord("demi")) {
            half = true;
            ++i_;
        }
        if (atEnd() || t_[i_].kind != TokKind::Word) {
            // "lot de 3": a bare number counts pieces, but only inside a container.
            if (!has || half || !nested) return setFail(Failure::Illegible);
            auto n = multiply(lead, last);
            if (!n) return setFail(Failure::OutOfRange);
            out = ParsedQuantity{Kind::Count, BaseUnit::Piece, *n, *n, false, false, false};
            return true;
        }
        const std::string& w = t_[i_].text;
        const UnitWord* u = findUnitWord(w);
        if (!u) return setUnknown(w);
        ++i_;
        if (half && u->kind != WordKind::Measure && u->kind != WordKind::Dozen) return setFail(Failure::Illegible);

        Ratio count = has ? last : Ratio::of(1);
        auto scaled = multiply(count, Ratio::of(u->num, u->den));
        if (half && scaled) scaled = multiply(*scaled, Ratio::of(1, 2));
        if (scaled) scaled = multiply(*scaled, lead);
        if (!scaled) return setFail(Failure::OutOfRange);

        switch (u->kind) {
            case WordKind::Measure:
                out = ParsedQuantity{Kind::Measure, u->unit, *scaled, multiplied ? lead : Ratio{}, false, false, false};
                return true;
            case WordKind::Dozen:
                out = ParsedQuantity{Kind::Count, BaseUnit::Piece, *scaled, *scaled, false, false, false};
                skipCountedPieces();
                return true;
            case WordKind::Piece:
            case WordKind::Container:
            case WordKind::Pack:
                break;
        }
        const bool container = u->kind != WordKind::Piece;
        const bool pack = u->kind == WordKind::Pack;
        out = ParsedQuantity{Kind::Count, BaseUnit::Piece, *scaled, *scaled, container, pack, true};
        return contents(out, has);
    }

    // "douzaine d'œufs": what a dozen counts, when it is a piece word, adds nothing to the count.
    void skipCountedPieces() {
        size_t j = i_;
        if (isWord("de")) {
            j = i_ + 1;
        } else if (isWord("d") && followedByApostrophe()) {
            j = i_ + 2;
        } else {
            return;
        }
        if (j < t_.size() && t_[j].kind == TokKind::Word) {
            const UnitWord* u = findUnitWord(t_[j].text);
            if (u && u->kind == WordKind::Piece) i_ = j + 1;
        }
    }

    // What a piece or container holds: "de 5 kg", "de 6 bouteilles", "250g", "x 12", "de 3".
    bool contents(ParsedQuantity& outer, bool counted) {
        const size_t save = i_;
        bool introduced = false;
        if (isWord("de") || (!atEnd() && t_[i_].kind == TokKind::Times)) {
            ++i_;
            introduced = true;
        } else if (isWord("d") && followedByApostrophe()) {
            i_ += 2;
            introduced = true;
        }
        const bool startsTerm = !atEnd() && (t_[i_].kind == TokKind::Number || isWord("demi") ||
                                             (introduced && t_[i_].kind == TokKind::Word));
        if (!startsTerm) {
            if (introduced) return setFail(Failure::Illegible);
            i_ = save;
            return true;
        }
        ParsedQuantity inner;
        if (!term(true, inner)) return false;
        // `outer.amount` is how many of the outer word there are (1 for "colis", 6 for "6 bouteilles").
        auto total = multiply(outer.amount, inner.amount);
        if (!total) return setFail(Failure::OutOfRange);
        if (inner.kind == Kind::Measure) {
            // "6 bouteilles de 75 cl" is 4.5 l in 6 pieces; "colis de 5 kg" is 5 kg in an unknown count.
            Ratio pieces = counted ? outer.amount : inner.pieces;
            if (counted && !inner.pieces.isZero()) {
                auto p = multiply(outer.amount, inner.pieces);
                if (!p) return setFail(Failure::OutOfRange);
                pieces = *p;
            }
            outer = ParsedQuantity{Kind::Measure, inner.unit, *total, pieces, false, outer.pack, false};
        } else {
            outer = ParsedQuantity{Kind::Count, BaseUnit::Piece, *total, *total, true, outer.pack, false};
        }
        return true;
    }

    bool setFail(Failure f) {
        failure_ = f;
        return false;
    }
    bool setUnknown(const std::string& w) {
        word_ = w;
        return setFail(Failure::Unknown);
    }
    ParseResult fail(Failure f) {
        ParseResult r;
        r.failure = f;
        return r;
    }
    ParseResult unknown(const std::string& w) {
        ParseResult r;
        r.failure = Failure::Unknown;
        r.word = w;
        return r;
    }
    ParseResult failure() {
        ParseResult r;
        r.failure = failure_;
        r.word = word_;
        return r;
    }

    std::vector<Token> t_;
    size_t i_ = 0;
    Failure failure_ = Failure::Illegible;
    std::string word_;
};

}  // namespace

ParseResult parse(std::string_view text) {
    std::vector<Token> tokens;
    const Failure f = tokenize(sdk::foldForSearch(text), tokens);
    if (f != Failure::None) {
        ParseResult r;
        r.failure = f;
        return r;
    }
    return Parser(std::move(tokens)).run();
}

}  // namespace recolte::model::units

namespace recolte::model {

namespace {
std::string quotedText(std::string_view s) { return "\"" + std::string(s) + "\""; }
}  // namespace

using units::Failure;
using units::Kind;

sdk::Expected<BaseQuantity> parseQuantityUnit(std::string_view text) {
    const std::string t = sdk::trim(text);
    if (t.empty()) return sdk::dataError("unité manquante");
    const units::ParseResult r = units::parse(t);
    switch (r.failure) {
        case Failure::None: break;
        case Failure::Empty:
        case Failure::Unknown: return sdk::dataError("unité inconnue : " + quotedText(t));
        case Failure::Illegible: return sdk::dataError("quantité illisible : " + quotedText(t));
        case Failure::Zero: return sdk::dataError("quantité nulle : " + quotedText(t));
        case Failure::Negative: return sdk::dataError("quantité négative : " + quotedText(t));
        case Failure::OutOfRange: return sdk::dataError("quantité hors limites : " + quotedText(t));
    }
    const auto raw = units::toDecimalRaw(r.value.amount);
    if (!raw) return sdk::dataError("quantité hors limites : " + quotedText(t));
    BaseQuantity q;
    q.amount = Decimal::fromRaw(*raw);
    q.unit = r.value.unit;
    q.container = r.value.kind == Kind::Count && r.value.container;
    return q;
}

}  // namespace recolte::model
