// Field by field, see FORMAT.md ("UBL 2.1"). Elements are found by local name: cac and cbc never
// share one, and legacy files sometimes bind the prefixes to other namespaces.
#include "ubl_reader.hpp"

#include "recolte/sdk/text.hpp"

namespace recolte::choruspro {

namespace {

using sdk::Decimal;

sdk::Address address(const Element* a, sdk::InvoiceParty* party) {
    sdk::Address out;
    if (!a) return out;
    out.street = textAt(a, "StreetName");
    const std::string additional = textAt(a, "AdditionalStreetName");
    // Legacy files put the street in AddressLine; EN 16931 uses it for a third line (BT-162),
    // which the record has no field for: it joins the second line.
    std::vector<std::string> lines;
    for (const Element* l : findAll(a, "AddressLine/Line"))
        if (!text(l).empty()) lines.push_back(text(l));
    if (out.street.empty() && !lines.empty()) {
        out.street = lines.front();
        lines.erase(lines.begin());
    }
    std::string second = additional;
    for (const auto& l : lines) second += (second.empty() ? "" : ", ") + l;
    out.city = textAt(a, "CityName");
    out.postcode = textAt(a, "PostalZone");
    out.country = textAt(a, "Country/IdentificationCode");
    if (party) {
        party->address_line2 = second;
        party->country_subdivision = textAt(a, "CountrySubentity");
    }
    return out;
}

void taxSchemes(const Element* p, sdk::InvoiceParty& out) {
    for (const Element* tax : findAll(p, "PartyTaxScheme")) {
        const std::string id = textAt(tax, "CompanyID");
        if (id.empty()) continue;
        // TaxScheme VAT = the VAT id (BT-31, BT-63); any other scheme = the tax registration id (BT-32).
        (textAt(tax, "TaxScheme/ID") == "VAT" ? out.vat_id : out.tax_registration_id) = id;
    }
}

// The seller's tax representative (BG-11): its name (BT-62), VAT id (BT-63) and address (BG-12).
sdk::InvoiceParty taxRepresentative(const Element* p) {
    sdk::InvoiceParty out;
    out.name = textAt(p, "PartyName/Name");
    out.address = address(find(p, "PostalAddress"), &out);
    taxSchemes(p, out);
    return out;
}

sdk::InvoiceParty party(const Element* p, FieldReader& fields) {
    sdk::InvoiceParty out;
    if (!p) return out;
    const Element* endpoint = find(p, "EndpointID");
    out.electronic_address = text(endpoint);
    out.electronic_address_scheme = attr(endpoint, "schemeID");
    for (const Element* id : findAll(p, "PartyIdentification/ID")) {
        const std::string scheme = attr(id, "schemeID").empty() ? attr(id, "schemeName") : attr(id, "schemeID");
        if (out.party_id.empty()) {
            out.party_id = text(id);
            out.party_id_scheme = scheme;
        }
        if (out.siret.empty() && (scheme == "0009" || sdk::foldWords(scheme) == "siret")) out.siret = text(id);
    }
    out.trading_name = textAt(p, "PartyName/Name");
    out.address = address(find(p, "PostalAddress"), &out);
    taxSchemes(p, out);
    const Element* legal = find(p, "PartyLegalEntity");
    out.name = textAt(legal, "RegistrationName");
    const Element* company = find(legal, "CompanyID");
    out.legal_id = text(company);
    out.legal_id_scheme = attr(company, "schemeID");
    out.legal_form = textAt(legal, "CompanyLegalForm");
    if (out.name.empty()) {
        out.name = out.trading_name;
        if (!out.name.empty())
            fields.warn(find(p, "PartyName/Name"), "raison sociale (RegistrationName) absente : le nom commercial " +
                                                       quoted(out.name) + " en tient lieu");
    }
    const Element* contact = find(p, "Contact");
    out.contact.name = textAt(contact, "Name");
    out.contact.phone = textAt(contact, "Telephone");
    out.contact.email = textAt(contact, "ElectronicMail");
    return out;
}

bool indicator(const Element* e) { return sdk::foldWords(text(e)) == "true"; }

sdk::AllowanceCharge allowanceCharge(const Element* ac, FieldReader& fields, bool documentLevel) {
    sdk::AllowanceCharge out;
    out.charge = indicator(find(ac, "ChargeIndicator"));
    out.amount = fields.decimalOr0(find(ac, "Amount"), "montant de remise ou de frais");
    out.base_amount = fields.decimalAt(ac, "BaseAmount", "assiette de remise ou de frais");
    out.percent = fields.decimalAt(ac, "MultiplierFactorNumeric", "pourcentage de remise ou de frais");
    out.reason = textAt(ac, "AllowanceChargeReason");
    out.reason_code = textAt(ac, "AllowanceChargeReasonCode");
    if (documentLevel) {
        out.vat_category = textAt(ac, "TaxCategory/ID");
        out.vat_rate = fields.decimalAt(ac, "TaxCategory/Percent", "taux de TVA de remise ou de frais");
    }
    return out;
}

// Legacy files give a rate without a category: S when positive, Z when zero, with a warning.
std::string categoryOrGuess(const std::string& category, const std::optional<Decimal>& rate, const Element* at,
                            FieldReader& fields) {
    if (!category.empty() || !rate) return category;
    const std::string guess = rate->isZero() ? "Z" : "S";
    fields.warn(at, "catégorie de TVA absente : " + guess + " déduite du taux " + rate->toString());
    return guess;
}

sdk::InvoiceLine line(const Element* l, bool creditNote, FieldReader& fields) {
    sdk::InvoiceLine out;
    out.id = textAt(l, "ID");
    for (const Element* n : findAll(l, "Note")) out.note += (out.note.empty() ? "" : "\n") + text(n);
    const Element* qty = find(l, creditNote ? "CreditedQuantity" : "InvoicedQuantity");
    if (!qty) qty = find(l, creditNote ? "InvoicedQuantity" : "CreditedQuantity");
    if (qty) {
        out.quantity = fields.decimalOr0(qty, "quantité facturée");
        out.unit_code = attr(qty, "unitCode");
    } else {
        fields.warn(l, "ligne " + quoted(out.id) + " sans quantité facturée");
    }
    out.net_amount = fields.decimalOr0(find(l, "LineExtensionAmount"), "montant net de la ligne");
    out.accounting_reference = textAt(l, "AccountingCost");
    out.period_start = fields.date(find(l, "InvoicePeriod/StartDate"), "début de période de la ligne");
    out.period_end = fields.date(find(l, "InvoicePeriod/EndDate"), "fin de période de la ligne");
    out.order_line_reference = textAt(l, "OrderLineReference/LineID");
    out.object_id = textAt(l, "DocumentReference/ID");
    for (const Element* ac : findAll(l, "AllowanceCharge")) out.allowances_charges.push_back(allowanceCharge(ac, fields, false));

    const Element* item = find(l, "Item");
    out.description = textAt(item, "Description");
    out.name = textAt(item, "Name");
    out.buyer_item_id = textAt(item, "BuyersItemIdentification/ID");
    out.seller_item_id = textAt(item, "SellersItemIdentification/ID");
    const Element* standard = find(item, "StandardItemIdentification/ID");
    out.standard_item_id = text(standard);
    out.standard_item_scheme = attr(standard, "schemeID");
    out.origin_country = textAt(item, "OriginCountry/IdentificationCode");
    for (const Element* c : findAll(item, "CommodityClassification/ItemClassificationCode"))
        out.classification_codes.push_back(text(c));
    const Element* tax = find(item, "ClassifiedTaxCategory");
    out.vat_rate = fields.decimalAt(tax, "Percent", "taux de TVA de la ligne");
    out.vat_category = categoryOrGuess(textAt(tax, "ID"), out.vat_rate, tax, fields);

    const Element* price = find(l, "Price");
    out.net_price = fields.decimalOr0(find(price, "PriceAmount"), "prix unitaire net");
    const Element* base = find(price, "BaseQuantity");
    out.base_quantity = fields.decimal(base, "quantité de base du prix");
    out.base_quantity_unit = attr(base, "unitCode");
    if (const Element* discount = find(price, "AllowanceCharge")) {
        out.price_discount = fields.decimalAt(discount, "Amount", "remise sur le prix");
        out.gross_price = fields.decimalAt(discount, "BaseAmount", "prix brut");
    }
    return out;
}

}  // namespace

bool isUbl(const Element& root) {
    return (root.localName() == "Invoice" && root.ns() == kUblInvoiceNs) ||
           (root.localName() == "CreditNote" && root.ns() == kUblCreditNoteNs);
}

MappedInvoice readUbl(const Element& root) {
    MappedInvoice inv;
    FieldReader fields;
    auto& r = inv.record;
    const bool creditNote = root.localName() == "CreditNote";
    const Element* doc = &root;

    r.customization_id = textAt(doc, "CustomizationID");
    r.profile_id = textAt(doc, "ProfileID");
    if (r.customization_id.find("urn:cen.eu:en16931") == std::string::npos && !r.customization_id.empty())
        fields.warn(find(doc, "CustomizationID"), "spécification " + quoted(r.customization_id) +
                                                      " antérieure à l'EN 16931 : lue au mieux");
    r.number = textAt(doc, "ID");
    const Element* issueDate = find(doc, "IssueDate");
    r.issue_date = fields.date(issueDate, "date d'émission");
    if (r.issue_date.empty()) r.issue_date_text = text(issueDate);
    r.due_date = fields.date(find(doc, "DueDate"), "date d'échéance");
    if (r.due_date.empty()) r.due_date = fields.date(find(doc, "PaymentMeans/PaymentDueDate"), "date d'échéance");
    r.type_code = textAt(doc, creditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode");
    for (const Element* n : findAll(doc, "Note")) r.notes.push_back(text(n));
    r.tax_point_date = fields.date(find(doc, "TaxPointDate"), "date d'exigibilité de la TVA");
    r.currency = textAt(doc, "DocumentCurrencyCode");
    r.tax_currency = textAt(doc, "TaxCurrencyCode");
    r.buyer_accounting_reference = textAt(doc, "AccountingCost");
    r.buyer_reference = textAt(doc, "BuyerReference");
    r.invoice_period_start = fields.date(find(doc, "InvoicePeriod/StartDate"), "début de la période de facturation");
    r.invoice_period_end = fields.date(find(doc, "InvoicePeriod/EndDate"), "fin de la période de facturation");
    r.order_reference = textAt(doc, "OrderReference/ID");
    r.sales_order_reference = textAt(doc, "OrderReference/SalesOrderID");
    r.preceding_invoice_given = find(doc, "BillingReference") != nullptr;
    r.preceding_invoice = textAt(doc, "BillingReference/InvoiceDocumentReference/ID");
    r.preceding_invoice_date =
        fields.date(find(doc, "BillingReference/InvoiceDocumentReference/IssueDate"), "date de la facture d'origine");
    r.despatch_advice_reference = textAt(doc, "DespatchDocumentReference/ID");
    r.receiving_advice_reference = textAt(doc, "ReceiptDocumentReference/ID");
    r.contract_reference = textAt(doc, "ContractDocumentReference/ID");
    r.project_reference = textAt(doc, "ProjectReference/ID");

    r.seller = party(find(doc, "AccountingSupplierParty/Party"), fields);
    r.buyer = party(find(doc, "AccountingCustomerParty/Party"), fields);
    r.seller_address_given = find(doc, "AccountingSupplierParty/Party/PostalAddress") != nullptr;
    r.buyer_address_given = find(doc, "AccountingCustomerParty/Party/PostalAddress") != nullptr;
    if (const Element* representative = find(doc, "TaxRepresentativeParty"))
        r.tax_representative = taxRepresentative(representative);
    if (const Element* payee = find(doc, "PayeeParty")) {
        sdk::InvoiceParty p;
        const Element* id = find(payee, "PartyIdentification/ID");
        p.party_id = text(id);
        p.party_id_scheme = attr(id, "schemeID");
        p.name = textAt(payee, "PartyName/Name");
        const Element* legal = find(payee, "PartyLegalEntity/CompanyID");
        p.legal_id = text(legal);
        p.legal_id_scheme = attr(legal, "schemeID");
        r.payee = std::move(p);
    }

    if (const Element* delivery = find(doc, "Delivery")) {
        r.delivery_date = fields.date(find(delivery, "ActualDeliveryDate"), "date de livraison");
        r.deliver_to_name = textAt(delivery, "DeliveryParty/PartyName/Name");
        if (const Element* a = find(delivery, "DeliveryLocation/Address")) r.delivery_address = address(a, nullptr);
    }

    const auto means = findAll(doc, "PaymentMeans");
    r.payment_means_given = !means.empty();
    if (!means.empty()) {
        const Element* m = means.front();
        r.payment_means_code = textAt(m, "PaymentMeansCode");
        r.payment_id = textAt(m, "PaymentID");
        r.iban = textAt(m, "PayeeFinancialAccount/ID");
        r.bic = textAt(m, "PayeeFinancialAccount/FinancialInstitutionBranch/ID");
        if (means.size() > 1)
            fields.warn(means[1], std::to_string(means.size()) + " moyens de paiement : seul le premier est gardé");
    }
    for (const Element* n : findAll(doc, "PaymentTerms/Note"))
        r.payment_terms += (r.payment_terms.empty() ? "" : "\n") + text(n);

    for (const Element* ac : findAll(doc, "AllowanceCharge")) {
        r.allowances_charges.push_back(allowanceCharge(ac, fields, true));
        auto& added = r.allowances_charges.back();
        added.vat_category = categoryOrGuess(added.vat_category, added.vat_rate, ac, fields);
    }

    // BT-110 is the TaxTotal in the invoice currency (with the breakdown), BT-111 the one in the
    // VAT accounting currency.
    for (const Element* total : findAll(doc, "TaxTotal")) {
        const Element* amount = find(total, "TaxAmount");
        const std::string currency = attr(amount, "currencyID");
        const bool accounting = !r.tax_currency.empty() && r.tax_currency != r.currency && currency == r.tax_currency;
        auto value = fields.decimal(amount, "montant total de TVA");
        if (value) r.tax_totals.push_back({*value, currency});
        if (accounting) {
            r.totals.tax_accounting = value;
            continue;
        }
        if (!r.totals.tax) r.totals.tax = value;
        for (const Element* sub : findAll(total, "TaxSubtotal")) {
            sdk::VatBreakdown v;
            v.taxable_amount = fields.decimalOr0(find(sub, "TaxableAmount"), "base de TVA");
            v.tax_amount = fields.decimalOr0(find(sub, "TaxAmount"), "montant de TVA");
            const Element* category = find(sub, "TaxCategory");
            v.rate = fields.decimalAt(category, "Percent", "taux de TVA");
            if (!v.rate) v.rate = fields.decimalAt(sub, "Percent", "taux de TVA");
            v.category = categoryOrGuess(textAt(category, "ID"), v.rate, sub, fields);
            v.exemption_reason = textAt(category, "TaxExemptionReason");
            v.exemption_reason_code = textAt(category, "TaxExemptionReasonCode");
            r.vat_breakdown.push_back(std::move(v));
        }
    }

    const Element* totals = find(doc, "LegalMonetaryTotal");
    inv.totals_element = totals ? totals : doc;
    auto& t = r.totals;
    auto total = [&](const char* name, const char* what, Decimal& into, bool& present) {
        if (auto v = fields.decimalAt(totals, name, what)) {
            into = *v;
            present = true;
        }
    };
    total("LineExtensionAmount", "total des lignes", t.line_net, inv.has_line_net);
    total("TaxExclusiveAmount", "total HT", t.tax_exclusive, inv.has_tax_exclusive);
    total("TaxInclusiveAmount", "total TTC", t.tax_inclusive, inv.has_tax_inclusive);
    total("PayableAmount", "net à payer", t.payable, inv.has_payable);
    t.allowances = fields.decimalAt(totals, "AllowanceTotalAmount", "total des remises");
    t.charges = fields.decimalAt(totals, "ChargeTotalAmount", "total des frais");
    t.prepaid = fields.decimalAt(totals, "PrepaidAmount", "montant déjà payé");
    t.rounding = fields.decimalAt(totals, "PayableRoundingAmount", "arrondi");

    for (const Element* l : findAll(doc, creditNote ? "CreditNoteLine" : "InvoiceLine")) r.lines.push_back(line(l, creditNote, fields));
    if (r.lines.empty()) {
        // A CreditNote with InvoiceLine (or the reverse) is still read.
        for (const Element* l : findAll(doc, creditNote ? "InvoiceLine" : "CreditNoteLine")) r.lines.push_back(line(l, creditNote, fields));
    }

    if (r.number.empty()) fields.fail(doc, "numéro de facture (cbc:ID) absent");
    takeProblems(inv, fields);
    completeInvoice(inv);
    return inv;
}

}  // namespace recolte::choruspro
