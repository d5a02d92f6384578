// Agrilocal's codes (units, buyer kinds, consultation statuses) and the words the hub's normalizer
// understands. Codes compare without case, accents, '-' or '_' ("Sans-suite" = "sans suite").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace recolte::agrilocal {

// "kg", "KG", "kilo" -> "kg"; "pièce", "pce", "u", "unité" -> "pièce"; "t" -> "tonne"... "" when the
// code is not one FORMAT.md lists.
std::string unitWord(std::string_view code);
// "kg, g, t, l, cl, pièce, douzaine, ..." for reasons.
const std::string& knownUnits();

// Buyer kinds: college, lycee, ecole, ccas, cias, ehpad, commune, hopital, association, autre ->
// ccas, school, college, hospital, association, other (the schema's values).
std::string buyerKind(std::string_view code);

struct Status {
    const char* status;  // open, awarded, closed
    bool without_award;  // "sans suite": closed without award, a reason is expected
};
// ouverte, attribuee, sans-suite (infructueuse, annulee), cloturee; nullopt when unknown.
std::optional<Status> statusOf(std::string_view code);

// Answer deadline: "2026-11-28", "2026-11-28T12:00[:00][+01:00]", "28/11/2026", "28/11/2026 12:00"
// -> ISO date or date-time; "" when unreadable.
std::string deadlineIso(std::string_view text);

}  // namespace recolte::agrilocal
