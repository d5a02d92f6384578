// Field by field, see FORMAT.md ("CII D16B"). Elements are found by local name (rsm, ram, udt, qdt).
#include "cii_reader.hpp"

#include "recolte/sdk/text.hpp"

namespace recolte::choruspro {

namespace {

using sdk::Decimal;

sdk::Address address(const Element* a, sdk::InvoiceParty* party) {
    sdk::Address out;
    if (!a) return out;
    out.street = textAt(a, "LineOne");
    out.postcode = textAt(a, "PostcodeCode");
    out.city = textAt(a, "CityName");
    out.country = textAt(a, "CountryID");
    if (party) {
        // The record has no field for the third line (BT-162): it joins the second.
        party->address_line2 = textAt(a, "LineTwo");
        const std::string third = textAt(a, "LineThree");
        if (!third.empty()) party->address_line2 += (party->address_line2.empty() ? "" : ", ") + third;
        party->country_subdivision = textAt(a, "CountrySubDivisionName");
    }
    return out;
}

void identifiers(const Element* p, sdk::InvoiceParty& out) {
    out.party_id = textAt(p, "ID");
    for (const Element* g : findAll(p, "GlobalID")) {
        const std::string scheme = attr(g, "schemeID");
        if (out.party_id.empty()) {
            out.party_id = text(g);
            out.party_id_scheme = scheme;
        }
        if (out.siret.empty() && scheme == "0009") out.siret = text(g);
    }
    const Element* legal = find(p, "SpecifiedLegalOrganization/ID");
    out.legal_id = text(legal);
    out.legal_id_scheme = attr(legal, "schemeID");
}

sdk::InvoiceParty party(const Element* p) {
    sdk::InvoiceParty out;
    if (!p) return out;
    identifiers(p, out);
    out.name = textAt(p, "Name");
    out.legal_form = textAt(p, "Description");
    out.trading_name = textAt(p, "SpecifiedLegalOrganization/TradingBusinessName");
    const Element* contact = find(p, "DefinedTradeContact");
    out.contact.name = textAt(contact, "PersonName");
    if (out.contact.name.empty()) out.contact.name = textAt(contact, "DepartmentName");
    out.contact.phone = textAt(contact, "TelephoneUniversalCommunication/CompleteNumber");
    out.contact.email = textAt(contact, "EmailURIUniversalCommunication/URIID");
    out.address = address(find(p, "PostalTradeAddress"), &out);
    const Element* uri = find(p, "URIUniversalCommunication/URIID");
    out.electronic_address = text(uri);
    out.electronic_address_scheme = attr(uri, "schemeID");
    for (const Element* reg : findAll(p, "SpecifiedTaxRegistration/ID")) {
        // VA = the VAT id (BT-31), FC = the tax registration id (BT-32).
        (attr(reg, "schemeID") == "FC" ? out.tax_registration_id : out.vat_id) = text(reg);
    }
    return out;
}

bool indicator(const Element* ac) { return sdk::foldWords(textAt(ac, "ChargeIndicator/Indicator")) == "true"; }

sdk::AllowanceCharge allowanceCharge(const Element* ac, FieldReader& fields, bool documentLevel) {
    sdk::AllowanceCharge out;
    out.charge = indicator(ac);
    out.amount = fields.decimalOr0(find(ac, "ActualAmount"), "montant de remise ou de frais");
    out.base_amount = fields.decimalAt(ac, "BasisAmount", "assiette de remise ou de frais");
    out.percent = fields.decimalAt(ac, "CalculationPercent", "pourcentage de remise ou de frais");
    out.reason = textAt(ac, "Reason");
    out.reason_code = textAt(ac, "ReasonCode");
    if (documentLevel) {
        out.vat_category = textAt(ac, "CategoryTradeTax/CategoryCode");
        out.vat_rate = fields.decimalAt(ac, "CategoryTradeTax/RateApplicablePercent", "taux de TVA de remise ou de frais");
    }
    return out;
}

sdk::InvoiceLine line(const Element* l, FieldReader& fields) {
    sdk::InvoiceLine out;
    out.id = textAt(l, "AssociatedDocumentLineDocument/LineID");
    for (const Element* n : findAll(l, "AssociatedDocumentLineDocument/IncludedNote/Content"))
        out.note += (out.note.empty() ? "" : "\n") + text(n);

    const Element* product = find(l, "SpecifiedTradeProduct");
    const Element* gtin = find(product, "GlobalID");
    out.standard_item_id = text(gtin);
    out.standard_item_scheme = attr(gtin, "schemeID");
    out.seller_item_id = textAt(product, "SellerAssignedID");
    out.buyer_item_id = textAt(product, "BuyerAssignedID");
    out.name = textAt(product, "Name");
    out.description = textAt(product, "Description");
    for (const Element* c : findAll(product, "DesignatedProductClassification/ClassCode"))
        out.classification_codes.push_back(text(c));
    out.origin_country = textAt(product, "OriginTradeCountry/ID");

    const Element* agreement = find(l, "SpecifiedLineTradeAgreement");
    out.order_line_reference = textAt(agreement, "BuyerOrderReferencedDocument/LineID");
    const Element* gross = find(agreement, "GrossPriceProductTradePrice");
    out.gross_price = fields.decimalAt(gross, "ChargeAmount", "prix brut");
    out.price_discount = fields.decimalAt(gross, "AppliedTradeAllowanceCharge/ActualAmount", "remise sur le prix");
    const Element* net = find(agreement, "NetPriceProductTradePrice");
    out.net_price = fields.decimalOr0(find(net, "ChargeAmount"), "prix unitaire net");
    const Element* base = find(net, "BasisQuantity");
    if (!base) base = find(gross, "BasisQuantity");
    out.base_quantity = fields.decimal(base, "quantité de base du prix");
    out.base_quantity_unit = attr(base, "unitCode");

    const Element* qty = find(l, "SpecifiedLineTradeDelivery/BilledQuantity");
    if (qty) {
        out.quantity = fields.decimalOr0(qty, "quantité facturée");
        out.unit_code = attr(qty, "unitCode");
    } else {
        fields.warn(l, "ligne " + quoted(out.id) + " sans quantité facturée");
    }

    const Element* settlement = find(l, "SpecifiedLineTradeSettlement");
    out.vat_category = textAt(settlement, "ApplicableTradeTax/CategoryCode");
    out.vat_rate = fields.decimalAt(settlement, "ApplicableTradeTax/RateApplicablePercent", "taux de TVA de la ligne");
    out.period_start = fields.date(find(settlement, "BillingSpecifiedPeriod/StartDateTime/DateTimeString"), "début de période de la ligne");
    out.period_end = fields.date(find(settlement, "BillingSpecifiedPeriod/EndDateTime/DateTimeString"), "fin de période de la ligne");
    for (const Element* ac : findAll(settlement, "SpecifiedTradeAllowanceCharge"))
        out.allowances_charges.push_back(allowanceCharge(ac, fields, false));
    out.net_amount = fields.decimalOr0(find(settlement, "SpecifiedTradeSettlementLineMonetarySummation/LineTotalAmount"),
                                       "montant net de la ligne");
    out.object_id = textAt(settlement, "AdditionalReferencedDocument/IssuerAssignedID");
    out.accounting_reference = textAt(settlement, "ReceivableSpecifiedTradeAccountingAccount/ID");
    return out;
}

}  // namespace

bool isCii(const Element& root) { return root.localName() == "CrossIndustryInvoice" && root.ns() == kCiiNs; }

MappedInvoice readCii(const Element& root) {
    MappedInvoice inv;
    FieldReader fields;
    auto& r = inv.record;
    const Element* doc = &root;

    const Element* context = find(doc, "ExchangedDocumentContext");
    r.customization_id = textAt(context, "GuidelineSpecifiedDocumentContextParameter/ID");
    r.profile_id = textAt(context, "BusinessProcessSpecifiedDocumentContextParameter/ID");
    const Element* header = find(doc, "ExchangedDocument");
    r.number = textAt(header, "ID");
    r.type_code = textAt(header, "TypeCode");
    const Element* issueDate = find(header, "IssueDateTime/DateTimeString");
    r.issue_date = fields.date(issueDate, "date d'émission");
    if (r.issue_date.empty()) r.issue_date_text = text(issueDate);
    for (const Element* n : findAll(header, "IncludedNote/Content")) r.notes.push_back(text(n));

    const Element* transaction = find(doc, "SupplyChainTradeTransaction");
    const Element* agreement = find(transaction, "ApplicableHeaderTradeAgreement");
    r.buyer_reference = textAt(agreement, "BuyerReference");
    r.seller = party(find(agreement, "SellerTradeParty"));
    r.buyer = party(find(agreement, "BuyerTradeParty"));
    r.seller_address_given = find(agreement, "SellerTradeParty/PostalTradeAddress") != nullptr;
    r.buyer_address_given = find(agreement, "BuyerTradeParty/PostalTradeAddress") != nullptr;
    if (const Element* representative = find(agreement, "SellerTaxRepresentativeTradeParty"))
        r.tax_representative = party(representative);
    r.sales_order_reference = textAt(agreement, "SellerOrderReferencedDocument/IssuerAssignedID");
    r.order_reference = textAt(agreement, "BuyerOrderReferencedDocument/IssuerAssignedID");
    r.contract_reference = textAt(agreement, "ContractReferencedDocument/IssuerAssignedID");
    r.project_reference = textAt(agreement, "SpecifiedProcuringProject/ID");

    const Element* delivery = find(transaction, "ApplicableHeaderTradeDelivery");
    if (const Element* shipTo = find(delivery, "ShipToTradeParty")) {
        r.deliver_to_name = textAt(shipTo, "Name");
        if (const Element* a = find(shipTo, "PostalTradeAddress")) r.delivery_address = address(a, nullptr);
    }
    r.delivery_date = fields.date(find(delivery, "ActualDeliverySupplyChainEvent/OccurrenceDateTime/DateTimeString"),
                                  "date de livraison");
    r.despatch_advice_reference = textAt(delivery, "DespatchAdviceReferencedDocument/IssuerAssignedID");
    r.receiving_advice_reference = textAt(delivery, "ReceivingAdviceReferencedDocument/IssuerAssignedID");

    const Element* settlement = find(transaction, "ApplicableHeaderTradeSettlement");
    r.payment_id = textAt(settlement, "PaymentReference");
    r.currency = textAt(settlement, "InvoiceCurrencyCode");
    r.tax_currency = textAt(settlement, "TaxCurrencyCode");
    if (const Element* payee = find(settlement, "PayeeTradeParty")) {
        sdk::InvoiceParty p;
        identifiers(payee, p);
        p.name = textAt(payee, "Name");
        r.payee = std::move(p);
    }
    const auto means = findAll(settlement, "SpecifiedTradeSettlementPaymentMeans");
    r.payment_means_given = !means.empty();
    if (!means.empty()) {
        const Element* m = means.front();
        r.payment_means_code = textAt(m, "TypeCode");
        r.iban = textAt(m, "PayeePartyCreditorFinancialAccount/IBANID");
        if (r.iban.empty()) r.iban = textAt(m, "PayeePartyCreditorFinancialAccount/ProprietaryID");
        r.bic = textAt(m, "PayeeSpecifiedCreditorFinancialInstitution/BICID");
        if (means.size() > 1)
            fields.warn(means[1], std::to_string(means.size()) + " moyens de paiement : seul le premier est gardé");
    }
    for (const Element* tax : findAll(settlement, "ApplicableTradeTax")) {
        sdk::VatBreakdown v;
        v.tax_amount = fields.decimalOr0(find(tax, "CalculatedAmount"), "montant de TVA");
        v.taxable_amount = fields.decimalOr0(find(tax, "BasisAmount"), "base de TVA");
        v.category = textAt(tax, "CategoryCode");
        v.rate = fields.decimalAt(tax, "RateApplicablePercent", "taux de TVA");
        v.exemption_reason = textAt(tax, "ExemptionReason");
        v.exemption_reason_code = textAt(tax, "ExemptionReasonCode");
        if (r.tax_point_date.empty())
            r.tax_point_date = fields.date(find(tax, "TaxPointDate/DateString"), "date d'exigibilité de la TVA");
        r.vat_breakdown.push_back(std::move(v));
    }
    r.invoice_period_start = fields.date(find(settlement, "BillingSpecifiedPeriod/StartDateTime/DateTimeString"),
                                         "début de la période de facturation");
    r.invoice_period_end = fields.date(find(settlement, "BillingSpecifiedPeriod/EndDateTime/DateTimeString"),
                                       "fin de la période de facturation");
    for (const Element* ac : findAll(settlement, "SpecifiedTradeAllowanceCharge"))
        r.allowances_charges.push_back(allowanceCharge(ac, fields, true));
    for (const Element* terms : findAll(settlement, "SpecifiedTradePaymentTerms")) {
        const std::string d = textAt(terms, "Description");
        if (!d.empty()) r.payment_terms += (r.payment_terms.empty() ? "" : "\n") + d;
        if (r.due_date.empty()) r.due_date = fields.date(find(terms, "DueDateDateTime/DateTimeString"), "date d'échéance");
    }
    r.preceding_invoice_given = find(settlement, "InvoiceReferencedDocument") != nullptr;
    r.preceding_invoice = textAt(settlement, "InvoiceReferencedDocument/IssuerAssignedID");
    r.preceding_invoice_date = fields.date(find(settlement, "InvoiceReferencedDocument/FormattedIssueDateTime/DateTimeString"),
                                           "date de la facture d'origine");
    r.buyer_accounting_reference = textAt(settlement, "ReceivableSpecifiedTradeAccountingAccount/ID");

    const Element* sums = find(settlement, "SpecifiedTradeSettlementHeaderMonetarySummation");
    inv.totals_element = sums ? sums : doc;
    auto& t = r.totals;
    auto total = [&](const char* name, const char* what, Decimal& into, bool& present) {
        if (auto v = fields.decimalAt(sums, name, what)) {
            into = *v;
            present = true;
        }
    };
    total("LineTotalAmount", "total des lignes", t.line_net, inv.has_line_net);
    total("TaxBasisTotalAmount", "total HT", t.tax_exclusive, inv.has_tax_exclusive);
    total("GrandTotalAmount", "total TTC", t.tax_inclusive, inv.has_tax_inclusive);
    total("DuePayableAmount", "net à payer", t.payable, inv.has_payable);
    t.charges = fields.decimalAt(sums, "ChargeTotalAmount", "total des frais");
    t.allowances = fields.decimalAt(sums, "AllowanceTotalAmount", "total des remises");
    t.rounding = fields.decimalAt(sums, "RoundingAmount", "arrondi");
    t.prepaid = fields.decimalAt(sums, "TotalPrepaidAmount", "montant déjà payé");
    // BT-110 is the TaxTotalAmount in the invoice currency, BT-111 the one in the VAT accounting currency.
    for (const Element* tax : findAll(sums, "TaxTotalAmount")) {
        const std::string currency = attr(tax, "currencyID");
        const bool accounting = !r.tax_currency.empty() && r.tax_currency != r.currency && currency == r.tax_currency;
        const auto value = fields.decimal(tax, "montant total de TVA");
        if (value) r.tax_totals.push_back({*value, currency});
        (accounting ? t.tax_accounting : t.tax) = value;
    }

    for (const Element* l : findAll(transaction, "IncludedSupplyChainTradeLineItem")) r.lines.push_back(line(l, fields));

    if (r.number.empty()) fields.fail(header ? header : doc, "numéro de facture (ram:ID) absent");
    takeProblems(inv, fields);
    completeInvoice(inv);
    return inv;
}

}  // namespace recolte::choruspro
