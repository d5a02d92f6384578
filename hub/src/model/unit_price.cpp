// The normalized unit price: EUR/kg, EUR/L or EUR/piece, exact, rounded half away from zero to
// 4 decimals once, at the end.
//
// Rule, from what the price is for (price unit) and the packaging:
//  1. A measured price unit ("kg", "500 g", "colis de 5 kg", "75 cl") gives price / quantity.
//  2. A count ("pièce", "botte", "douzaine", "pot", "caisse de 6 bouteilles", "lot de 3") has n
//     pieces. When the price unit is a pack word without contents ("colis", "2 cartons"), the
//     colisage (piecesPerPack) gives the pieces per pack; a count in the packaging ("12 pots",
//     "colis de 12") gives it when there is no colisage. The colisage never multiplies a piece
//     or a piece container ("pièce", "pot"): the price is for one, and the colisage is only how
//     they are shipped (Socleo's "Colisage" beside a price per unit).
//  3. A measured packaging then turns the count into a weight or volume:
//     - a packaging for one piece ("250 g", "pot de 250 g") weighs n times that;
//     - a packaging for a whole pack ("colis de 5 kg", "6 x 250 g") is the quantity itself when
//       the price is for that pack, else it is shared: by its own piece count ("6 x 250 g" is
//       250 g a piece) or by the colisage ("colis de 5 kg" of 10 pieces is 500 g a piece).
//     Without a usable packaging the price stays per piece: price / n.
#include "model/unit_price.hpp"

#include <string>

#include "model/normalize.hpp"
#include "model/units.hpp"
#include "recolte/sdk/text.hpp"

namespace recolte::model {

namespace {

using units::Failure;
using units::Kind;
using units::Ratio;

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

sdk::Error priceUnitError(const units::ParseResult& r, const std::string& text) {
    switch (r.failure) {
        case Failure::Zero: return sdk::dataError("quantité nulle dans l'unité de prix : " + quoted(text));
        case Failure::Negative: return sdk::dataError("quantité négative dans l'unité de prix : " + quoted(text));
        case Failure::OutOfRange: return sdk::dataError("quantité hors limites dans l'unité de prix : " + quoted(text));
        case Failure::Illegible: return sdk::dataError("unité de prix illisible : " + quoted(text));
        case Failure::Empty:
        case Failure::Unknown:
        case Failure::None: break;
    }
    return sdk::dataError("unité de prix inconnue : " + quoted(text));
}

sdk::Expected<UnitPriceOutcome> divided(Decimal price, std::optional<Ratio> quantity, BaseUnit unit, bool unread) {
    if (!quantity || quantity->isZero()) return sdk::dataError("quantité hors limites pour le prix unitaire");
    const auto perUnit = units::divide(Ratio::of(price.raw(), Decimal::kOne), *quantity);
    const auto raw = perUnit ? units::toDecimalRaw(*perUnit) : std::nullopt;
    if (!raw) return sdk::dataError("prix unitaire hors limites : " + price.toString(2, ',') + " €");
    return UnitPriceOutcome{UnitPrice{Decimal::fromRaw(*raw), unit}, unread};
}

}  // namespace

sdk::Expected<UnitPriceOutcome> computeUnitPriceDetailed(Decimal price, std::string_view priceUnit,
                                                         std::string_view packaging,
                                                         std::optional<int64_t> piecesPerPack) {
    const std::string unitText = sdk::trim(priceUnit);
    if (unitText.empty()) return sdk::dataError("unité de prix manquante");
    if (piecesPerPack && *piecesPerPack <= 0) {
        return sdk::dataError("colisage invalide : " + std::to_string(*piecesPerPack) +
                              " (nombre de pièces par colis attendu)");
    }
    const units::ParseResult pu = units::parse(unitText);
    if (!pu.ok()) return priceUnitError(pu, unitText);
    const units::ParsedQuantity& u = pu.value;

    if (u.kind == Kind::Measure) return divided(price, u.amount, u.unit, false);

    const bool barePack = u.pack && u.bare;
    Ratio pieces = u.amount;
    const auto packs = [&](Ratio perPack) { return units::multiply(u.amount, perPack); };  // "2 colis"
    if (barePack && piecesPerPack) {
        const auto n = packs(Ratio::of(*piecesPerPack));
        if (!n) return divided(price, std::nullopt, BaseUnit::Piece, false);
        pieces = *n;
    }

    const std::string packText = sdk::trim(packaging);
    if (packText.empty()) return divided(price, pieces, BaseUnit::Piece, false);
    const units::ParseResult pk = units::parse(packText);
    if (pk.failure == Failure::Zero) {
        return sdk::dataError("quantité nulle dans le conditionnement : " + quoted(packText));
    }
    if (!pk.ok()) return divided(price, pieces, BaseUnit::Piece, true);
    const units::ParsedQuantity& p = pk.value;

    if (p.kind == Kind::Count) {
        if (barePack && !piecesPerPack) return divided(price, packs(p.amount), BaseUnit::Piece, false);
        return divided(price, pieces, BaseUnit::Piece, false);
    }

    const bool wholePack = p.pack || !p.pieces.isZero();
    std::optional<Ratio> total;
    if (!wholePack) {
        total = units::multiply(p.amount, pieces);
    } else if (barePack) {
        total = packs(p.amount);
    } else if (!p.pieces.isZero()) {
        const auto each = units::divide(p.amount, p.pieces);
        if (each) total = units::multiply(*each, pieces);
    } else if (piecesPerPack) {
        const auto each = units::divide(p.amount, Ratio::of(*piecesPerPack));
        if (each) total = units::multiply(*each, pieces);
    } else {
        // A pack's weight without its piece count says nothing about one piece.
        return divided(price, pieces, BaseUnit::Piece, false);
    }
    return divided(price, total, p.unit, false);
}

sdk::Expected<UnitPrice> computeUnitPrice(Decimal price, std::string_view priceUnit, std::string_view packaging,
                                          std::optional<int64_t> piecesPerPack) {
    auto r = computeUnitPriceDetailed(price, priceUnit, packaging, piecesPerPack);
    if (!r) return r.error();
    return r->price;
}

}  // namespace recolte::model
