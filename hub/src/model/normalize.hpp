// The normalizer: connector records -> the common schema. Units and unit prices, product types,
// labels, SIRET checks, département from postcode, stable ids. Errors are data errors whose
// message is French, plain, for the PAT officer reading the rejects.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/catalog.hpp"
#include "recolte/sdk/expected.hpp"

namespace recolte::model {

// A measured or counted quantity in a base unit: kg, l or piece.
struct BaseQuantity {
    Decimal amount;  // in kg, l or pieces (4 decimals: 1 g = 0.001 kg is exact)
    BaseUnit unit = BaseUnit::Piece;
    bool container = false;  // a count that names a container ("pot", "barquette"), not a piece word
};

// Parses what a price is for, or a packaging text: "kg", "le kg", "500 g", "litre", "75 cl",
// "colis de 5 kg", "barquette 250g", "pièce", "botte" (= 1 piece), "douzaine" (= 12 pieces),
// "pot", "1,5 L". Unknown -> data error naming the text.
sdk::Expected<BaseQuantity> parseQuantityUnit(std::string_view text);

// Normalized unit price from a price, what it is for, and the packaging.
// A measured price unit gives EUR/kg or EUR/L. A count gives EUR/piece unless the packaging gives
// the weight or volume of that piece ("pot" + "250 g" -> EUR/kg). Unknown unit -> data error.
sdk::Expected<UnitPrice> computeUnitPrice(Decimal price, std::string_view priceUnit, std::string_view packaging,
                                          std::optional<int64_t> piecesPerPack = std::nullopt);

// 14 digits and Luhn, or La Poste's establishments (SIREN 356000000: digit sum divisible by 5).
bool isValidSiret(std::string_view siret);
// Removes spaces, dots and dashes people put in SIRETs ("123 456 789 00012").
std::string compactSiret(std::string_view raw);

// "09100" -> "09", "31000" -> "31", "20000" -> "2A", "20200" -> "2B", "97110" -> "971"; "" if not a
// French postcode.
std::string departementFromPostcode(std::string_view postcode);

// "AB", "bio", "Agriculture biologique", "Label Rouge", "AOP", "AOC", "IGP", "STG", "HVE",
// "fermier", "commerce équitable"... -> BIO, LABEL_ROUGE, AOCAOP, IGP, STG, HVE, FERMIER,
// COMMERCE_EQUITABLE. nullopt when unknown (the caller keeps a warning, not a reject).
std::optional<std::string> labelCode(std::string_view raw);

// French or English product type words -> a DFC product type id ("légumes" -> "vegetable").
// Empty when unknown.
std::string productTypeId(std::string_view raw);

// Stable ids (16 hex chars) that do not depend on the store or the instance.
std::string offerId(std::string_view source, std::string_view sourceId);
std::string needId(std::string_view source, std::string_view sourceId);
std::string invoiceId(std::string_view source, std::string_view sourceId);
// From the SIRET when valid, else from the source and the producer's key in that source.
std::string producerId(std::string_view siret, std::string_view source, std::string_view sourceKey);

// Whole records. An error is a data error: the record becomes a reject with this reason.
sdk::Expected<Producer> normalizeProducer(std::string_view source, const sdk::ProducerRecord& record);
// Also normalizes the embedded producer; offer.producer is filled from it.
struct NormalizedOffer {
    Offer offer;
    Producer producer;
    std::vector<std::string> warnings;  // unknown label, unknown product type...
};
sdk::Expected<NormalizedOffer> normalizeOffer(std::string_view source, const sdk::OfferRecord& record);
sdk::Expected<Need> normalizeNeed(std::string_view source, const sdk::NeedRecord& record);

}  // namespace recolte::model
