#include "supplier.hpp"

#include "recolte/sdk/text.hpp"
#include "vocabulary.hpp"

namespace recolte::agrilocal {

namespace {

// <adresse> as a child; without one, street, postcode and city directly on `owner`.
sdk::Address placeOf(const Element& owner, const Names& names) {
    if (const Element* address = childNamed(owner, names[Name::Address])) return addressOf(*address, names);
    sdk::Address a;
    a.street = field(owner, names[Name::Street]).text;
    a.postcode = field(owner, names[Name::Postcode]).text;
    a.city = field(owner, names[Name::City]).text;
    return a;
}

std::vector<std::string> labelsOf(const Element& product, const Names& names) {
    // A list (labels="AB, HVE") and repeated elements (<label>AB</label>) may both be there.
    std::vector<std::string> labels = sdk::splitList(field(product, names[Name::Labels]).text, ",;|/+");
    for (const Element* l : product.childrenNamed(names[Name::Label])) {
        for (auto& part : sdk::splitList(l->text(), ",;|/+")) labels.push_back(std::move(part));
    }
    return labels;
}

std::optional<Problem> mapProduct(const Element& p, const Names& names, sdk::OfferRecord& o) {
    const Field id = field(p, names[Name::ProductId]);
    o.name = nameOrText(p, names[Name::ProductName]);
    const std::string who = "produit " + quoted(id.empty() ? o.name : id.text) + " : ";
    if (o.name.empty()) return problemAt(p, who + "désignation manquante (" + quoted(names[Name::ProductName]) + ")");
    o.product_type = field(p, names[Name::ProductType]).text;
    o.description = field(p, names[Name::Description]).text;
    o.packaging = field(p, names[Name::Packaging]).text;
    o.labels = labelsOf(p, names);

    const Field price = field(p, names[Name::Price]);
    if (price.empty()) return problemAt(price, p, who + "prix indicatif absent (" + quoted(names[Name::Price]) + ")");
    if (auto problem = readAmount(price, p, who + "prix", o.price)) return problem;
    o.currency = "EUR";
    // Unit and VAT sit on the price element (<prix unite="kg" tva="5,5">), else on the product.
    auto onPrice = [&](Name n) {
        Field f = price.attribute.empty() ? field(*price.element, names[n]) : Field{};
        return f.present() ? f : field(p, names[n]);
    };
    const Field unit = onPrice(Name::Unit);
    if (unit.empty()) return problemAt(price, p, who + "unité du prix manquante (" + quoted(names[Name::Unit]) + ")");
    o.price_unit = unitWord(unit.text);
    if (o.price_unit.empty())
        return problemAt(unit, p, who + "unité " + quoted(unit.text) + " inconnue (unités admises : " + knownUnits() + ")");
    const Field vat = onPrice(Name::Vat);
    if (!vat.empty()) {
        std::string rate = vat.text;
        if (rate.back() == '%') rate = sdk::trim(rate.substr(0, rate.size() - 1));
        o.vat_rate = sdk::Decimal::parse(rate);
        if (!o.vat_rate || o.vat_rate->isNegative() || *o.vat_rate > sdk::Decimal::fromInt(100))
            return problemAt(vat, p, who + "taux de TVA " + quoted(vat.text) + " illisible (pourcentage attendu, ex. 5,5)");
    }

    if (const Element* period = childNamed(p, names[Name::Period])) {
        const Field from = field(*period, names[Name::Start]);
        const Field to = field(*period, names[Name::End]);
        if (auto problem = readDate(from, *period, who + "début de disponibilité", o.available_from)) return problem;
        if (auto problem = readDate(to, *period, who + "fin de disponibilité", o.available_to)) return problem;
        if (!o.available_from.empty() && !o.available_to.empty() && o.available_to < o.available_from)
            return problemAt(to, *period,
                             who + "période de disponibilité inversée : du " + o.available_from + " au " + o.available_to);
    }
    o.source_id = id.empty() ? sdk::foldForSearch(o.name) : id.text;  // prefixed by the caller
    return std::nullopt;
}

}  // namespace

MappedSupplier mapSupplier(const Element& e, const Names& names, const std::string& exportSite) {
    MappedSupplier out;
    sdk::ProducerRecord& producer = out.producer;
    const Field id = field(e, names[Name::SupplierId]);
    producer.siret = field(e, names[Name::SupplierSiret]).text;
    producer.name = field(e, names[Name::SupplierName]).text;
    const Field ownSite = field(e, names[Name::Site]);
    const std::string site = ownSite.empty() ? exportSite : ownSite.text;

    if (producer.name.empty()) {
        const std::string who = !producer.siret.empty() ? "fournisseur SIRET " + producer.siret + " : "
                                : !id.empty()           ? "fournisseur " + quoted(id.text) + " : "
                                                        : "fournisseur : ";
        out.problem = problemAt(e, who + "nom manquant (" + quoted(names[Name::SupplierName]) + ")");
    }
    producer.source_key = !producer.siret.empty() ? producer.siret : !id.empty() ? id.text : sdk::foldForSearch(producer.name);
    producer.address = placeOf(e, names);

    for (const Element* c : e.childrenNamed(names[Name::Contact])) {
        sdk::Contact contact;
        contact.name = field(*c, names[Name::ContactName]).text;
        contact.email = field(*c, names[Name::Email]).text;
        contact.phone = field(*c, names[Name::Phone]).text;
        producer.contacts.push_back(std::move(contact));
    }
    for (const Element* s : itemsOf(e, names[Name::PointsOfSale], names[Name::PointOfSale])) {
        sdk::PointOfSale pos;
        pos.name = nameOrText(*s, names[Name::PointOfSaleName]);
        pos.kind = field(*s, names[Name::PointOfSaleKind]).text;
        pos.address = placeOf(*s, names);
        pos.opening_hours = field(*s, names[Name::OpeningHours]).text;
        producer.points_of_sale.push_back(std::move(pos));
    }

    const std::string prefix = (site.empty() ? "" : site + ":") + producer.source_key + ":";
    for (const Element* p : itemsOf(e, names[Name::Products], names[Name::Product])) {
        MappedProduct product;
        product.element = p;
        if (out.problem) {
            product.problem = problemAt(*p, "fournisseur refusé (ligne " + std::to_string(e.line()) + ") : " + out.problem->reason);
        } else {
            product.problem = mapProduct(*p, names, product.offer);
            product.offer.source_id = prefix + product.offer.source_id;
            product.offer.producer = producer;
        }
        out.products.push_back(std::move(product));
    }
    return out;
}

}  // namespace recolte::agrilocal
