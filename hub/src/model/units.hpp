// Internal to the model: the exact parse of a quantity or unit text, richer than BaseQuantity so
// that the unit-price rule can tell a pack ("colis") from a piece ("pot") and a whole pack's
// weight ("colis de 5 kg") from one piece's ("250 g"). Quantities are exact fractions: 1 mg is
// 0.000001 kg, below Decimal's 4 decimals, and a unit price must not inherit that rounding.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/catalog.hpp"

namespace recolte::model::units {

// An exact non-negative fraction. Operations report overflow instead of wrapping.
struct Ratio {
    __int128 num = 0;
    __int128 den = 1;

    static Ratio of(int64_t n, int64_t d = 1) { return {n, d}; }
    bool isZero() const { return num == 0; }
};
std::optional<Ratio> multiply(Ratio a, Ratio b);
std::optional<Ratio> divide(Ratio a, Ratio b);  // b must not be zero
// value * 10^4 rounded half away from zero, when it fits a Decimal.
std::optional<int64_t> toDecimalRaw(Ratio r);

enum class Kind { Measure, Count };

struct ParsedQuantity {
    Kind kind = Kind::Count;
    BaseUnit unit = BaseUnit::Piece;  // Kg or L for a measure, Piece for a count
    Ratio amount;                     // kg, l or pieces: the whole quantity the text names
    Ratio pieces;                     // a measure's explicit piece count ("6 x 75 cl" -> 6), else 0
    bool container = false;           // a count of containers ("pot", "6 bouteilles", "lot de 3")
    bool pack = false;                // the outer word is a pack of pieces: colis, caisse, carton...
    bool bare = false;                // a container or piece word without contents ("colis", "2 colis", "pot")
};

enum class Failure {
    None,
    Empty,       // nothing but blanks and fillers ("le", "€", "/")
    Unknown,     // a word that is no unit ("brouette")
    Illegible,   // words are known but do not make one quantity ("1 kg 500", "3")
    Zero,        // "0 kg"
    Negative,    // "-2 kg"
    OutOfRange,  // numbers too long or too large for an exact computation
};

struct ParseResult {
    ParsedQuantity value;
    Failure failure = Failure::None;
    std::string word;  // the unknown word, for Failure::Unknown
    bool ok() const { return failure == Failure::None; }
};

// Accent and case insensitive. See normalize.hpp parseQuantityUnit for the accepted texts.
ParseResult parse(std::string_view text);

}  // namespace recolte::model::units
