#include "consultation.hpp"

#include "recolte/sdk/text.hpp"
#include "vocabulary.hpp"

namespace recolte::agrilocal {

namespace {

std::string criteriaOf(const Element& consultation, const Names& names) {
    const Element* criteria = childNamed(consultation, names[Name::Criteria]);
    if (!criteria) return field(consultation, names[Name::Criteria]).text;
    std::vector<std::string> parts;
    for (const Element* c : criteria->childrenNamed(names[Name::Criterion])) {
        std::string text = nameOrText(*c, names[Name::Title]);
        if (text.empty()) continue;
        const Field weight = field(*c, names[Name::Weight]);
        if (!weight.empty()) {
            const bool addSign = weight.text.find('%') == std::string::npos;
            text += " (" + weight.text + (addSign ? " %" : "") + ")";
        }
        parts.push_back(std::move(text));
    }
    if (parts.empty()) return sdk::trim(criteria->text());
    return sdk::join(parts, " ; ");
}

}  // namespace

std::optional<Problem> mapConsultation(const Element& e, const Names& names, const std::string& exportSite,
                                       sdk::NeedRecord& out, std::vector<Problem>& warnings) {
    const Field id = field(e, names[Name::ConsultationId]);
    if (id.empty()) return problemAt(e, "identifiant de la consultation manquant (" + quoted(names[Name::ConsultationId]) + ")");
    const std::string who = "consultation " + quoted(id.text) + " : ";
    const Field ownSite = field(e, names[Name::Site]);
    const std::string site = ownSite.empty() ? exportSite : ownSite.text;
    out.source_id = site.empty() ? id.text : site + ":" + id.text;

    // The buyer: a name at least; the SIRET is checked by the hub.
    const Element* buyer = childNamed(e, names[Name::Buyer]);
    if (!buyer) return problemAt(e, who + "acheteur manquant (élément " + quoted(names[Name::Buyer]) + ")");
    out.buyer_name = nameOrText(*buyer, names[Name::BuyerName]);
    if (out.buyer_name.empty())
        return problemAt(*buyer, who + "nom de l'acheteur manquant (" + quoted(names[Name::BuyerName]) + ")");
    out.buyer_siret = field(*buyer, names[Name::BuyerSiret]).text;
    out.buyer_kind = buyerKind(field(*buyer, names[Name::BuyerKind]).text);

    // What is asked for.
    const Element* product = childNamed(e, names[Name::Product]);
    if (!product) return problemAt(e, who + "produit manquant (élément " + quoted(names[Name::Product]) + ")");
    const std::string productName = nameOrText(*product, names[Name::ProductName]);
    if (productName.empty()) return problemAt(*product, who + "désignation du produit manquante");
    out.product_type = field(*product, names[Name::ProductType]).text;

    const Field quantity = field(e, names[Name::Quantity]);
    if (quantity.empty()) return problemAt(quantity, e, who + "quantité manquante (" + quoted(names[Name::Quantity]) + ")");
    std::optional<sdk::Decimal> amount;
    if (auto p = readAmount(quantity, e, who + "quantité", amount)) return p;
    if (amount->isZero()) return problemAt(quantity, e, who + "quantité nulle");
    // The unit sits on the quantity element (<quantite unite="kg">), else on the consultation.
    Field unit = quantity.attribute.empty() ? field(*quantity.element, names[Name::Unit]) : Field{};
    if (!unit.present()) unit = field(e, names[Name::Unit]);
    if (unit.empty()) return problemAt(quantity, e, who + "unité de la quantité manquante (" + quoted(names[Name::Unit]) + ")");
    const std::string word = unitWord(unit.text);
    if (word.empty())
        return problemAt(unit, e, who + "unité " + quoted(unit.text) + " inconnue (unités admises : " + knownUnits() + ")");
    out.quantity = sdk::Quantity{*amount, word};

    // When and where.
    const Element* delivery = childNamed(e, names[Name::Delivery]);
    if (!delivery) return problemAt(e, who + "période de livraison manquante (élément " + quoted(names[Name::Delivery]) + ")");
    const Field from = field(*delivery, names[Name::Start]);
    const Field to = field(*delivery, names[Name::End]);
    if (from.empty()) return problemAt(from, *delivery, who + "début de livraison manquant (" + quoted(names[Name::Start]) + ")");
    if (auto p = readDate(from, *delivery, who + "début de livraison", out.delivery_from)) return p;
    if (auto p = readDate(to, *delivery, who + "fin de livraison", out.delivery_to)) return p;
    if (!out.delivery_to.empty() && out.delivery_to < out.delivery_from)
        return problemAt(to, *delivery,
                         who + "période de livraison inversée : du " + out.delivery_from + " au " + out.delivery_to);
    if (const Element* place = childNamed(*delivery, names[Name::Place])) out.place = addressOf(*place, names);
    if (out.place.postcode.empty()) out.place.departement = site;

    const Field deadline = field(e, names[Name::AnswerDeadline]);
    if (deadline.empty())
        return problemAt(deadline, e, who + "date limite de réponse manquante (" + quoted(names[Name::AnswerDeadline]) + ")");
    out.answer_deadline = deadlineIso(deadline.text);
    if (out.answer_deadline.empty())
        return problemAt(deadline, e,
                         who + "date limite de réponse " + quoted(deadline.text) +
                             " invalide (attendu AAAA-MM-JJ, AAAA-MM-JJTHH:MM ou JJ/MM/AAAA HH:MM)");

    // Where it stands.
    const Field status = field(e, names[Name::Status]);
    if (status.empty())
        return problemAt(status, e, who + "statut manquant (" + quoted(names[Name::Status]) + " : ouverte, attribuee ou sans-suite)");
    const auto state = statusOf(status.text);
    if (!state)
        return problemAt(status, e,
                         who + "statut " + quoted(status.text) + " inconnu (ouverte, attribuee, sans-suite ou cloturee attendu)");
    out.status = state->status;
    if (out.status == "closed") {
        // The reason sits on the status element (<statut motif="...">), else on the consultation.
        Field reason = status.attribute.empty() ? field(*status.element, names[Name::StatusReason]) : Field{};
        if (!reason.present()) reason = field(e, names[Name::StatusReason]);
        out.status_reason = reason.text;
        if (out.status_reason.empty() && state->without_award) {
            out.status_reason = "sans suite";
            warnings.push_back(problemAt(status, e, who + "classée sans suite sans motif (" + quoted(names[Name::StatusReason]) + ")"));
        }
    }

    out.title = field(e, names[Name::Title]).text;
    out.description = field(e, names[Name::Description]).text;
    if (out.title.empty()) {
        out.title = productName;
    } else if (out.description.empty() && out.title != productName) {
        out.description = productName;  // the title names the need; the product stays readable
    }
    out.criteria = criteriaOf(e, names);
    out.contract_type = field(e, names[Name::ContractType]).text;
    return std::nullopt;
}

}  // namespace recolte::agrilocal
