// EN 16931 core rules checkable on an InvoiceRecord, written after the official schematron
// (en16931/schematron/ubl/UBL/EN16931-UBL-model.sch, release 1.3.16) so that the hub and the
// official rule tests agree: same tolerances (BR-S-09 accepts a difference below 1.00; BR-S-08 and
// BR-CO-17 as the syntax the invoice came in does), same rounding of sums (BR-CO-10..16 compare
// with the sum rounded to 2 decimals).
// Rules about an element's mere presence that the record cannot tell (a total is a Decimal, never
// "absent") are not implemented: the writers always write those elements. Where the record keeps
// what the file says as written (an unreadable date, a group present but empty, every VAT total), the
// rules use it; a draft has none of it and is checked on its typed fields.
#include "invoice/invoice_rules.hpp"

#include <algorithm>
#include <set>

#include "invoice/invoice_amounts.hpp"
#include "invoice/invoice_parties.hpp"
#include "model/normalize.hpp"

namespace recolte::invoice {

namespace {

using sdk::Decimal;

class Report {
public:
    void add(const std::string& rule, std::string message) { out_.push_back({rule, std::move(message)}); }
    // One violation per rule id: the first message names the first place that breaks it.
    void once(const std::string& rule, std::string message) {
        if (seen_.insert(rule).second) add(rule, std::move(message));
    }
    std::vector<RuleViolation> take() { return std::move(out_); }

private:
    std::vector<RuleViolation> out_;
    std::set<std::string> seen_;
};

// Characters, not bytes: Chorus Pro counts "Fé-2026" as 7.
size_t utf8Length(const std::string& s) {
    size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string lineName(const sdk::InvoiceLine& line, size_t i) {
    return "ligne " + (line.id.empty() ? std::to_string(i + 1) : line.id);
}

std::string amount(Decimal d) { return d.toString(2); }

// |a - b| < 1.00: the official tolerance of BR-S-09 (and of BR-S-08 and BR-CO-17 in UBL).
bool nearlyEqual(Decimal a, Decimal b) {
    const int64_t diff = a.raw() - b.raw();
    return (diff < 0 ? -diff : diff) < Decimal::kOne;
}

// The official UBL and CII schematrons differ on two tolerances: BR-S-08 allows a difference below
// 1.00 in UBL but none in CII; BR-CO-17 allows below 1.00 in UBL, up to 1.00 included in CII. A
// record read from a file is checked as its syntax is; one made by the hub (a draft) strictly.
enum class Syntax { Ubl, Cii, Strict };
Syntax syntaxOf(const sdk::InvoiceRecord& inv) {
    if (inv.source_format == "ubl" || inv.source_format == "pivot") return Syntax::Ubl;
    if (inv.source_format == "cii" || inv.source_format == "facturx") return Syntax::Cii;
    return Syntax::Strict;
}

Decimal abs(Decimal d) { return d.isNegative() ? Decimal::fromRaw(-d.raw()) : d; }

bool sameRate(const std::optional<Decimal>& a, const std::optional<Decimal>& b) {
    return a.value_or(Decimal()) == b.value_or(Decimal());
}

void mandatory(const sdk::InvoiceRecord& inv, Report& r) {
    if (blank(inv.customization_id))
        r.add("BR-01", "L'identifiant de spécification (BT-24) manque : indiquer urn:cen.eu:en16931:2017.");
    if (blank(inv.number)) r.add("BR-02", "Le numéro de facture (BT-1) manque.");
    // "123" is an issue date to the schematron (it only asks for one): an unreadable date is not a missing one.
    if (blank(inv.issue_date) && blank(inv.issue_date_text)) r.add("BR-03", "La date d'émission (BT-2) manque.");
    if (blank(inv.type_code)) r.add("BR-04", "Le code de type de facture (BT-3) manque (380 pour une facture).");
    if (blank(inv.currency)) r.add("BR-05", "La devise de la facture (BT-5) manque (EUR).");
    if (blank(inv.seller.name)) r.add("BR-06", "Le nom du vendeur (BT-27) manque.");
    if (blank(inv.buyer.name)) r.add("BR-07", "Le nom de l'acheteur (BT-44) manque.");
    const auto noAddress = [](const sdk::InvoiceParty& p) {
        return blank(p.address.street) && blank(p.address.city) && blank(p.address.postcode) &&
               blank(p.address.country) && blank(p.address_line2) && blank(p.country_subdivision);
    };
    // An address group given empty is present (BR-08/BR-10 hold); its missing country breaks BR-09/BR-11.
    if (!inv.seller_address_given && noAddress(inv.seller))
        r.add("BR-08", "L'adresse postale du vendeur (BG-5) manque.");
    if (blank(inv.seller.address.country))
        r.add("BR-09", "Le code pays de l'adresse du vendeur (BT-40) manque (FR pour la France).");
    if (!inv.buyer_address_given && noAddress(inv.buyer)) r.add("BR-10", "L'adresse postale de l'acheteur (BG-8) manque.");
    if (blank(inv.buyer.address.country))
        r.add("BR-11", "Le code pays de l'adresse de l'acheteur (BT-55) manque (FR pour la France).");
    if (inv.lines.empty()) r.add("BR-16", "La facture doit avoir au moins une ligne (BG-25).");
    if (inv.payee && blank(inv.payee->name))
        r.add("BR-17", "Le bénéficiaire du paiement (BG-10) est indiqué sans son nom (BT-59).");
    if (!blank(inv.tax_currency) && inv.tax_currency != inv.currency && !inv.totals.tax_accounting)
        r.add("BR-53", "La devise de comptabilisation de la TVA (BT-6) est indiquée sans le montant de TVA dans "
                       "cette devise (BT-111).");
    if (blank(inv.preceding_invoice) && (inv.preceding_invoice_given || !blank(inv.preceding_invoice_date)))
        r.add("BR-55", "La référence à une facture antérieure (BG-3) est donnée sans son numéro (BT-25).");
    const auto partyIds = [&](const sdk::InvoiceParty& p, const char* who, const char* bt, const char* ruleEa) {
        if (!blank(p.electronic_address) && blank(p.electronic_address_scheme))
            r.add(ruleEa, std::string("L'adresse électronique ") + who + " (" + bt +
                              ") doit avoir un identifiant de schéma (0009 pour un SIRET, 0225 pour Chorus Pro).");
    };
    partyIds(inv.seller, "du vendeur", "BT-34", "BR-62");
    partyIds(inv.buyer, "de l'acheteur", "BT-49", "BR-63");
    if (blank(inv.seller.party_id) && blank(inv.seller.legal_id) && blank(inv.seller.vat_id) && blank(inv.seller.siret))
        r.add("BR-CO-26", "Le vendeur doit être identifié : SIRET (BT-30), identifiant (BT-29) ou numéro de TVA (BT-31).");
    if (!blank(inv.invoice_period_start) && !blank(inv.invoice_period_end) &&
        inv.invoice_period_end < inv.invoice_period_start)
        r.add("BR-29", "La fin de la période de facturation (BT-74) précède son début (BT-73).");
}

void vatIdPrefixes(const sdk::InvoiceRecord& inv, Report& r) {
    const auto check = [&](const std::string& id, const char* who) {
        if (blank(id)) return;
        const bool ok = id.size() >= 2 && std::isupper(static_cast<unsigned char>(id[0])) &&
                        std::isupper(static_cast<unsigned char>(id[1]));
        if (!ok)
            r.once("BR-CO-09", std::string("Le numéro de TVA ") + who + " « " + id +
                                   " » doit commencer par le code pays (FR pour la France).");
    };
    check(inv.seller.vat_id, "du vendeur");
    check(inv.buyer.vat_id, "de l'acheteur");
}

void lines(const sdk::InvoiceRecord& inv, Report& r) {
    for (size_t i = 0; i < inv.lines.size(); ++i) {
        const auto& l = inv.lines[i];
        const std::string at = lineName(l, i);
        if (blank(l.id)) r.once("BR-21", at + " : l'identifiant de ligne (BT-126) manque.");
        if (blank(l.unit_code))
            r.once("BR-23", at + " : l'unité de la quantité (BT-130) manque (KGM, LTR, H87...).");
        if (blank(l.name)) r.once("BR-25", at + " : le nom de l'article (BT-153) manque.");
        if (l.net_price.isNegative()) r.once("BR-27", at + " : le prix net (BT-146) ne peut pas être négatif.");
        if (l.gross_price && l.gross_price->isNegative())
            r.once("BR-28", at + " : le prix brut (BT-148) ne peut pas être négatif.");
        if (blank(l.vat_category))
            r.once("BR-CO-04", at + " : la catégorie de TVA (BT-151) manque (S, Z, E...).");
        if (!blank(l.period_start) && !blank(l.period_end) && l.period_end < l.period_start)
            r.once("BR-30", at + " : la fin de période (BT-135) précède son début (BT-134).");
        if (decimalsUsed(l.net_amount) > 2)
            r.once("BR-DEC-23", at + " : le montant net " + l.net_amount.toString(2) +
                                    " a plus de 2 décimales ; l'arrondir au centime.");
        for (const auto& ac : l.allowances_charges) {
            const bool charge = ac.charge;
            if (blank(ac.reason) && blank(ac.reason_code)) {
                r.once(charge ? "BR-44" : "BR-42", at + (charge ? " : les frais" : " : la remise") +
                                                       " de ligne doit avoir un motif ou un code de motif.");
                r.once(charge ? "BR-CO-24" : "BR-CO-23", at + (charge ? " : les frais" : " : la remise") +
                                                             " de ligne doit avoir un motif ou un code de motif.");
            }
            if (decimalsUsed(ac.amount) > 2)
                r.once(charge ? "BR-DEC-27" : "BR-DEC-24", at + " : le montant " + ac.amount.toString(2) +
                                                               " de la remise ou des frais a plus de 2 décimales.");
            if (ac.base_amount && decimalsUsed(*ac.base_amount) > 2)
                r.once(charge ? "BR-DEC-28" : "BR-DEC-25", at + " : l'assiette " + ac.base_amount->toString(2) +
                                                               " de la remise ou des frais a plus de 2 décimales.");
        }
    }
}

void documentAllowancesCharges(const sdk::InvoiceRecord& inv, Report& r) {
    for (const auto& ac : inv.allowances_charges) {
        const bool charge = ac.charge;
        const std::string what = charge ? "Des frais de niveau document" : "Une remise de niveau document";
        if (blank(ac.vat_category))
            r.once(charge ? "BR-37" : "BR-32", what + " n'ont pas de catégorie de TVA (BT-95 / BT-102).");
        if (blank(ac.reason) && blank(ac.reason_code)) {
            r.once(charge ? "BR-38" : "BR-33", what + " doit avoir un motif ou un code de motif.");
            r.once(charge ? "BR-CO-22" : "BR-CO-21", what + " doit avoir un motif ou un code de motif.");
        }
        if (decimalsUsed(ac.amount) > 2)
            r.once(charge ? "BR-DEC-05" : "BR-DEC-01", what + " a un montant à plus de 2 décimales (" +
                                                           ac.amount.toString(2) + ").");
        if (ac.base_amount && decimalsUsed(*ac.base_amount) > 2)
            r.once(charge ? "BR-DEC-06" : "BR-DEC-02", what + " a une assiette à plus de 2 décimales (" +
                                                           ac.base_amount->toString(2) + ").");
    }
}

// BR-CO-15 as the schematron has it: exactly one VAT total in the invoice currency (BT-5), and
// BT-112 = BT-109 + that total. A record read from a file is checked on its totals as written (a
// second total in BT-5, or one in another currency, is not BT-110); a draft on BT-110.
void coTotalWithVat(const sdk::InvoiceRecord& inv, Report& r) {
    const auto& t = inv.totals;
    size_t count = t.tax ? 1 : 0;
    Decimal tax = t.tax.value_or(Decimal());
    if (!inv.tax_totals.empty()) {
        count = 0;
        for (const auto& total : inv.tax_totals)
            if (total.currency == inv.currency && count++ == 0) tax = total.amount;
    }
    const Decimal expectedInclusive = round2(t.tax_exclusive + tax);
    // No currency (BR-05 reports it): the schematron has no total to look for, only the sum to check.
    if (blank(inv.currency)) {
        if (t.tax && t.tax_inclusive != round2(t.tax_exclusive + *t.tax))
            r.add("BR-CO-15", "Le total TTC (BT-112) vaut " + amount(t.tax_inclusive) + " au lieu de " +
                                  amount(round2(t.tax_exclusive + *t.tax)) + " (hors TVA + TVA).");
        return;
    }
    if (count == 1 && t.tax_inclusive == expectedInclusive) return;
    // The CII schematron also accepts a TTC total equal to the HT total (no VAT at all).
    if (syntaxOf(inv) == Syntax::Cii && t.tax_inclusive == t.tax_exclusive) return;
    if (count == 0)
        r.add("BR-CO-15", "Le total de TVA (BT-110) en " + inv.currency + " manque : il est requis, même à 0,00.");
    else if (count > 1)
        r.add("BR-CO-15", "La facture donne " + std::to_string(count) + " totaux de TVA en " + inv.currency +
                              " : un seul est permis (BT-110).");
    else
        r.add("BR-CO-15", "Le total TTC (BT-112) vaut " + amount(t.tax_inclusive) + " au lieu de " +
                              amount(expectedInclusive) + " (hors TVA + TVA).");
}

void totals(const sdk::InvoiceRecord& inv, Report& r) {
    const auto& t = inv.totals;
    Decimal lineSum, allowanceSum, chargeSum, vatSum;
    bool anyAllowance = false, anyCharge = false;
    for (const auto& l : inv.lines) lineSum = lineSum + l.net_amount;
    for (const auto& ac : inv.allowances_charges) {
        (ac.charge ? chargeSum : allowanceSum) = (ac.charge ? chargeSum : allowanceSum) + ac.amount;
        (ac.charge ? anyCharge : anyAllowance) = true;
    }
    for (const auto& v : inv.vat_breakdown) vatSum = vatSum + v.tax_amount;

    if (t.line_net != round2(lineSum))
        r.add("BR-CO-10", "La somme des montants nets des lignes (BT-106) vaut " + amount(t.line_net) +
                              " mais les lignes totalisent " + amount(round2(lineSum)) + ".");
    if (t.allowances ? *t.allowances != round2(allowanceSum) : anyAllowance)
        r.add("BR-CO-11", "Le total des remises (BT-107) doit égaler la somme des remises de niveau document (" +
                              amount(round2(allowanceSum)) + ").");
    if (t.charges ? *t.charges != round2(chargeSum) : anyCharge)
        r.add("BR-CO-12", "Le total des frais (BT-108) doit égaler la somme des frais de niveau document (" +
                              amount(round2(chargeSum)) + ").");
    const Decimal expectedExclusive =
        round2(t.line_net - t.allowances.value_or(Decimal()) + t.charges.value_or(Decimal()));
    if (t.tax_exclusive != expectedExclusive)
        r.add("BR-CO-13", "Le total hors TVA (BT-109) vaut " + amount(t.tax_exclusive) + " au lieu de " +
                              amount(expectedExclusive) + " (lignes - remises + frais).");
    if (t.tax && !inv.vat_breakdown.empty() && *t.tax != round2(vatSum))
        r.add("BR-CO-14", "Le total de TVA (BT-110) vaut " + amount(*t.tax) +
                              " mais la ventilation de TVA totalise " + amount(round2(vatSum)) + ".");
    coTotalWithVat(inv, r);
    const Decimal expectedPayable =
        round2(t.tax_inclusive - t.prepaid.value_or(Decimal()) + t.rounding.value_or(Decimal()));
    if (t.payable != expectedPayable)
        r.add("BR-CO-16", "Le montant à payer (BT-115) vaut " + amount(t.payable) + " au lieu de " +
                              amount(expectedPayable) + " (TTC - déjà payé + arrondi).");
    if (inv.vat_breakdown.empty())
        r.add("BR-CO-18", "La ventilation de la TVA (BG-23) manque : au moins une catégorie est requise.");

    const auto dec = [&](const char* rule, const char* what, std::optional<Decimal> v) {
        if (v && decimalsUsed(*v) > 2)
            r.add(rule, std::string(what) + " a plus de 2 décimales (" + v->toString(2) + ") : l'arrondir au centime.");
    };
    dec("BR-DEC-09", "La somme des lignes (BT-106)", t.line_net);
    dec("BR-DEC-10", "Le total des remises (BT-107)", t.allowances);
    dec("BR-DEC-11", "Le total des frais (BT-108)", t.charges);
    dec("BR-DEC-12", "Le total hors TVA (BT-109)", t.tax_exclusive);
    dec("BR-DEC-13", "Le total de TVA (BT-110)", t.tax);
    dec("BR-DEC-14", "Le total TTC (BT-112)", t.tax_inclusive);
    dec("BR-DEC-15", "Le total de TVA en devise de comptabilisation (BT-111)", t.tax_accounting);
    dec("BR-DEC-16", "Le montant déjà payé (BT-113)", t.prepaid);
    dec("BR-DEC-17", "L'arrondi (BT-114)", t.rounding);
    dec("BR-DEC-18", "Le montant à payer (BT-115)", t.payable);
}

void breakdown(const sdk::InvoiceRecord& inv, Report& r) {
    for (const auto& v : inv.vat_breakdown) {
        const std::string at = "ventilation de TVA " + (v.category.empty() ? std::string("?") : v.category) +
                               (v.rate ? " " + v.rate->toString(0) + " %" : std::string());
        if (blank(v.category)) r.once("BR-47", at + " : la catégorie de TVA (BT-118) manque.");
        if (!v.rate && v.category != "O") r.once("BR-48", at + " : le taux de TVA (BT-119) manque.");
        if (decimalsUsed(v.taxable_amount) > 2)
            r.once("BR-DEC-19", at + " : la base " + v.taxable_amount.toString(2) + " a plus de 2 décimales.");
        if (decimalsUsed(v.tax_amount) > 2)
            r.once("BR-DEC-20", at + " : la TVA " + v.tax_amount.toString(2) + " a plus de 2 décimales.");
        if (v.rate) {
            const bool zeroRate = roundTo(*v.rate, 0).isZero();
            const Decimal expected = percentOf(abs(v.taxable_amount), *v.rate);
            const int64_t diff = abs(v.tax_amount).raw() - expected.raw();
            const bool within = syntaxOf(inv) == Syntax::Cii ? (diff < 0 ? -diff : diff) <= Decimal::kOne
                                                              : nearlyEqual(abs(v.tax_amount), expected);
            const bool ok = zeroRate ? roundTo(v.tax_amount, 0).isZero() : within;
            if (!ok)
                r.once("BR-CO-17", at + " : la TVA vaut " + amount(v.tax_amount) + " au lieu de " + amount(expected) +
                                       " (base x taux, arrondi au centime).");
        }
    }
}

// The rules of one VAT category, shared by S (standard), Z (zero rated), E (exempt) and AE
// (reverse charge): -01 breakdown present iff used, -02..-04 seller VAT id, -05..-07 rates,
// -08 taxable amount, -09 tax amount, -10 exemption reason.
void vatCategory(const sdk::InvoiceRecord& inv, const std::string& cat, Report& r) {
    const std::string id = "BR-" + cat + "-";
    const std::string name = cat == "S" ? "taux normal (S)" : cat == "Z" ? "taux zéro (Z)"
                                         : cat == "E" ? "exonérée (E)" : "autoliquidation (AE)";
    bool usedByLine = false, usedByAllowance = false, usedByCharge = false;
    for (const auto& l : inv.lines) usedByLine |= l.vat_category == cat;
    for (const auto& ac : inv.allowances_charges)
        if (ac.vat_category == cat) (ac.charge ? usedByCharge : usedByAllowance) = true;
    size_t breakdowns = 0;
    for (const auto& v : inv.vat_breakdown) breakdowns += v.category == cat;
    const bool used = usedByLine || usedByAllowance || usedByCharge;
    const bool rule01 = cat == "S" ? (used == (breakdowns > 0)) : (used ? breakdowns == 1 : breakdowns == 0);
    if (!rule01)
        r.add(id + "01", used ? "La TVA " + name + " est utilisée mais la ventilation de TVA (BG-23) n'a pas " +
                                    (cat == "S" ? "de" : "exactement une") + " catégorie " + cat + "."
                              : "La ventilation de TVA a une catégorie " + cat + " qu'aucune ligne n'utilise.");

    const bool sellerVat = !blank(inv.seller.vat_id) || !blank(inv.seller.tax_registration_id) ||
                           (inv.tax_representative && !blank(inv.tax_representative->vat_id));
    const bool buyerId = !blank(inv.buyer.vat_id) || !blank(inv.buyer.legal_id) || !blank(inv.buyer.siret);
    const bool needsBuyer = cat == "AE";
    const auto idsOk = [&] { return sellerVat && (!needsBuyer || buyerId); };
    const std::string sellerText = "le numéro de TVA du vendeur (BT-31) ou de son représentant fiscal (BT-63)";
    const std::string idsText = needsBuyer ? sellerText + " et celui de l'acheteur (BT-48)" : sellerText;
    if (usedByLine && !idsOk()) r.add(id + "02", "Une ligne en TVA " + name + " exige " + idsText + ".");
    if (usedByAllowance && !idsOk()) r.add(id + "03", "Une remise en TVA " + name + " exige " + idsText + ".");
    if (usedByCharge && !idsOk()) r.add(id + "04", "Des frais en TVA " + name + " exigent " + idsText + ".");

    const auto rateOk = [&](const std::optional<Decimal>& rate) {
        return cat == "S" ? (rate && *rate > Decimal()) : (!rate || rate->isZero());
    };
    const std::string rateText = cat == "S" ? "doit être supérieur à zéro" : "doit être 0";
    for (size_t i = 0; i < inv.lines.size(); ++i)
        if (inv.lines[i].vat_category == cat && !rateOk(inv.lines[i].vat_rate))
            r.once(id + "05", lineName(inv.lines[i], i) + " : en TVA " + name + ", le taux (BT-152) " + rateText + ".");
    for (const auto& ac : inv.allowances_charges)
        if (ac.vat_category == cat && !rateOk(ac.vat_rate))
            r.once(id + (ac.charge ? "07" : "06"), std::string(ac.charge ? "Des frais" : "Une remise") + " en TVA " +
                                                       name + " : le taux " + rateText + ".");

    for (const auto& v : inv.vat_breakdown) {
        if (v.category != cat) continue;
        // S: per rate; the others: every line, allowance and charge of the category.
        const auto matches = [&](const std::string& c, const std::optional<Decimal>& rate) {
            return c == cat && (cat != "S" || sameRate(rate, v.rate));
        };
        Decimal expected;
        for (const auto& l : inv.lines)
            if (matches(l.vat_category, l.vat_rate)) expected = expected + l.net_amount;
        for (const auto& ac : inv.allowances_charges)
            if (matches(ac.vat_category, ac.vat_rate)) expected = ac.charge ? expected + ac.amount : expected - ac.amount;
        const bool taxableOk = cat == "S" && syntaxOf(inv) == Syntax::Ubl ? nearlyEqual(v.taxable_amount, expected)
                                                                          : v.taxable_amount == round2(expected);
        if (!taxableOk)
            r.once(id + "08", "La base de TVA " + name + (v.rate ? " à " + v.rate->toString(0) + " %" : std::string()) +
                                  " vaut " + amount(v.taxable_amount) + " mais les lignes, remises et frais de cette "
                                  "catégorie totalisent " + amount(expected) + ".");
        if (cat == "S") {
            const Decimal tax = percentOf(abs(v.taxable_amount), v.rate.value_or(Decimal()));
            if (!nearlyEqual(abs(v.tax_amount), tax))
                r.once(id + "09", "La TVA " + name + (v.rate ? " à " + v.rate->toString(0) + " %" : std::string()) +
                                      " vaut " + amount(v.tax_amount) + " au lieu de " + amount(tax) +
                                      " (base x taux, arrondi au centime).");
        } else if (!v.tax_amount.isZero()) {
            r.once(id + "09", "La TVA d'une catégorie " + name + " doit être 0 (elle vaut " + amount(v.tax_amount) + ").");
        }
        const bool hasReason = !blank(v.exemption_reason) || !blank(v.exemption_reason_code);
        if ((cat == "S" || cat == "Z") && hasReason)
            r.once(id + "10", "La catégorie " + name + " ne doit pas avoir de motif d'exonération (BT-120, BT-121).");
        if ((cat == "E" || cat == "AE") && !hasReason)
            r.once(id + "10", "La catégorie " + name + " doit avoir un motif d'exonération (BT-120) ou son code (BT-121).");
    }
}

void payment(const sdk::InvoiceRecord& inv, Report& r) {
    const bool instructions =
        inv.payment_means_given || !blank(inv.iban) || !blank(inv.bic) || !blank(inv.payment_id);
    if (instructions && blank(inv.payment_means_code))
        r.add("BR-49", "Les instructions de paiement doivent indiquer le moyen de paiement (BT-81, 30 = virement, "
                       "58 = virement SEPA).");
    if ((inv.payment_means_code == "30" || inv.payment_means_code == "58") && blank(inv.iban))
        r.add("BR-61", "Un paiement par virement (moyen 30 ou 58) exige l'IBAN du compte à créditer (BT-84).");
}

}  // namespace

std::vector<RuleViolation> checkEn16931(const sdk::InvoiceRecord& invoice) {
    Report r;
    mandatory(invoice, r);
    vatIdPrefixes(invoice, r);
    lines(invoice, r);
    documentAllowancesCharges(invoice, r);
    totals(invoice, r);
    breakdown(invoice, r);
    for (const char* cat : {"S", "Z", "E", "AE"}) vatCategory(invoice, cat, r);
    payment(invoice, r);
    return r.take();
}

const std::vector<std::string>& implementedEn16931Rules() {
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> v{"BR-01", "BR-02", "BR-03", "BR-04", "BR-05", "BR-06", "BR-07", "BR-08", "BR-09",
                                   "BR-10", "BR-11", "BR-16", "BR-17", "BR-21", "BR-23", "BR-25", "BR-27", "BR-28",
                                   "BR-29", "BR-30", "BR-32", "BR-33", "BR-37", "BR-38", "BR-42", "BR-44", "BR-47",
                                   "BR-48", "BR-49", "BR-53", "BR-55", "BR-61", "BR-62", "BR-63", "BR-CO-04",
                                   "BR-CO-09", "BR-CO-10", "BR-CO-11", "BR-CO-12", "BR-CO-13", "BR-CO-14", "BR-CO-15",
                                   "BR-CO-16", "BR-CO-17", "BR-CO-18", "BR-CO-21", "BR-CO-22", "BR-CO-23", "BR-CO-24",
                                   "BR-CO-26"};
        for (const char* n : {"01", "02", "05", "06", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19",
                              "20", "23", "24", "25", "27", "28"})
            v.push_back(std::string("BR-DEC-") + n);
        for (const char* cat : {"S", "Z", "E", "AE"})
            for (int n = 1; n <= 10; ++n) v.push_back(std::string("BR-") + cat + (n < 10 ? "-0" : "-") + std::to_string(n));
        return v;
    }();
    return ids;
}

std::vector<RuleViolation> checkChorusPro(const sdk::InvoiceRecord& invoice, const ChorusBuyerRequirements& buyer) {
    std::vector<RuleViolation> out;
    const std::string buyerSiret = partySiret(invoice.buyer);
    if (buyerSiret.empty())
        out.push_back({"CPP-SIRET-ACHETEUR", "L'acheteur public doit être identifié par son SIRET (14 chiffres, "
                                             "schéma 0009) : c'est ainsi que Chorus Pro trouve le destinataire."});
    else if (!model::isValidSiret(buyerSiret))
        out.push_back({"CPP-SIRET-ACHETEUR", "Le SIRET de l'acheteur « " + buyerSiret +
                                                 " » n'est pas valide (14 chiffres dont la clé de Luhn est juste)."});
    const std::string sellerSiret = partySiret(invoice.seller);
    const bool frenchSeller = invoice.seller.address.country.empty() || invoice.seller.address.country == "FR";
    if (frenchSeller && sellerSiret.empty())
        out.push_back({"CPP-SIRET-FOURNISSEUR", "Un fournisseur établi en France doit être identifié par son SIRET "
                                                "(14 chiffres, schéma 0009)."});
    else if (!sellerSiret.empty() && !model::isValidSiret(sellerSiret))
        out.push_back({"CPP-SIRET-FOURNISSEUR", "Le SIRET du fournisseur « " + sellerSiret +
                                                    " » n'est pas valide (14 chiffres dont la clé de Luhn est juste)."});
    if (buyer.service_code && blank(invoice.buyer_reference))
        out.push_back({"CPP-CODE-SERVICE", "Cet acheteur exige un code service (référence acheteur, BT-10) : "
                                           "le demander au service qui a passé la commande."});
    if (buyer.engagement_number && blank(invoice.order_reference))
        out.push_back({"CPP-ENGAGEMENT", "Cet acheteur exige un numéro d'engagement (bon de commande, BT-13) : "
                                         "il figure sur le bon de commande reçu."});
    const size_t numberLength = utf8Length(invoice.number);
    if (numberLength > 20)
        out.push_back({"CPP-NUMERO", "Le numéro de facture « " + invoice.number + " » a " +
                                         std::to_string(numberLength) +
                                         " caractères : Chorus Pro en accepte 20 au plus."});
    static const std::vector<std::string> types{"380", "381", "384", "389", "386"};
    if (std::find(types.begin(), types.end(), invoice.type_code) == types.end())
        out.push_back({"CPP-TYPE", "Le type de facture « " + invoice.type_code +
                                       " » n'est pas accepté par Chorus Pro : 380 (facture), 381 (avoir), 384 "
                                       "(facture rectificative), 389 (autofacture) ou 386 (facture d'acompte)."});
    return out;
}

}  // namespace recolte::invoice
