// UBL 2.1 Invoice / CreditNote in the EN 16931 core binding (the element order is the one of
// UBL-Invoice-2.1.xsd and UBL-CreditNote-2.1.xsd; the business terms are mapped as the EN 16931
// UBL syntax binding maps them).
#include <string>

#include "invoice/invoice_amounts.hpp"
#include "invoice/invoice_parties.hpp"
#include "invoice/invoice_writers.hpp"
#include "invoice/writer_common.hpp"
#include "invoice/xml_out.hpp"

namespace recolte::invoice {

namespace {

using Attrs = std::vector<std::pair<std::string, std::string>>;

class UblWriter {
public:
    explicit UblWriter(const sdk::InvoiceRecord& inv) : inv_(inv), credit_(isCreditNoteType(inv.type_code)) {}

    std::string write() {
        const std::string root = credit_ ? "CreditNote" : "Invoice";
        out_.open(root, {{"xmlns", "urn:oasis:names:specification:ubl:schema:xsd:" + root + "-2"},
                         {"xmlns:cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"},
                         {"xmlns:cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"}});
        out_.element("cbc:CustomizationID", customizationId(inv_));
        out_.optional("cbc:ProfileID", inv_.profile_id);
        out_.element("cbc:ID", inv_.number);
        out_.element("cbc:IssueDate", inv_.issue_date);
        if (!credit_) out_.optional("cbc:DueDate", inv_.due_date);
        if (credit_) out_.optional("cbc:TaxPointDate", inv_.tax_point_date);
        out_.element(credit_ ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode", inv_.type_code);
        for (const auto& n : inv_.notes) out_.optional("cbc:Note", n);
        if (!credit_) out_.optional("cbc:TaxPointDate", inv_.tax_point_date);
        out_.element("cbc:DocumentCurrencyCode", currency());
        if (!inv_.tax_currency.empty() && inv_.tax_currency != currency())
            out_.element("cbc:TaxCurrencyCode", inv_.tax_currency);
        out_.optional("cbc:AccountingCost", inv_.buyer_accounting_reference);
        out_.optional("cbc:BuyerReference", inv_.buyer_reference);
        period(inv_.invoice_period_start, inv_.invoice_period_end);
        if (!inv_.order_reference.empty() || !inv_.sales_order_reference.empty()) {
            out_.open("cac:OrderReference");
            // UBL requires the order id: "NA" when only the seller's order reference is known (EN 16931 UBL binding).
            out_.element("cbc:ID", inv_.order_reference.empty() ? "NA" : inv_.order_reference);
            out_.optional("cbc:SalesOrderID", inv_.sales_order_reference);
            out_.close();
        }
        if (!inv_.preceding_invoice.empty()) {
            out_.open("cac:BillingReference");
            out_.open("cac:InvoiceDocumentReference");
            out_.element("cbc:ID", inv_.preceding_invoice);
            out_.optional("cbc:IssueDate", inv_.preceding_invoice_date);
            out_.close();
            out_.close();
        }
        reference("cac:DespatchDocumentReference", inv_.despatch_advice_reference);
        reference("cac:ReceiptDocumentReference", inv_.receiving_advice_reference);
        reference("cac:ContractDocumentReference", inv_.contract_reference);
        if (credit_ && !inv_.project_reference.empty()) {
            // A CreditNote has no ProjectReference: EN 16931 puts BT-11 in a document reference of type 50.
            out_.open("cac:AdditionalDocumentReference");
            out_.element("cbc:ID", inv_.project_reference);
            out_.element("cbc:DocumentTypeCode", "50");
            out_.close();
        }
        if (!credit_) reference("cac:ProjectReference", inv_.project_reference);

        out_.open("cac:AccountingSupplierParty");
        party(inv_.seller, true);
        out_.close();
        out_.open("cac:AccountingCustomerParty");
        party(inv_.buyer, false);
        out_.close();
        if (inv_.payee) payee(*inv_.payee);
        if (inv_.tax_representative) taxRepresentative(*inv_.tax_representative);
        delivery();
        paymentMeans();
        if (!inv_.payment_terms.empty()) {
            out_.open("cac:PaymentTerms");
            out_.element("cbc:Note", inv_.payment_terms);
            out_.close();
        }
        for (const auto& ac : inv_.allowances_charges) allowanceCharge(ac, true);
        taxTotals();
        monetaryTotal();
        for (size_t i = 0; i < inv_.lines.size(); ++i) line(inv_.lines[i], i);
        return out_.finish();
    }

private:
    std::string currency() const { return inv_.currency.empty() ? "EUR" : inv_.currency; }
    Attrs cur() const { return {{"currencyID", currency()}}; }
    void money(const char* name, sdk::Decimal v) { out_.element(name, v.toString(2), cur()); }

    void reference(const char* group, const std::string& id) {
        if (id.empty()) return;
        out_.open(group);
        out_.element("cbc:ID", id);
        out_.close();
    }

    void period(const std::string& start, const std::string& end) {
        if (start.empty() && end.empty()) return;
        out_.open("cac:InvoicePeriod");
        out_.optional("cbc:StartDate", start);
        out_.optional("cbc:EndDate", end);
        out_.close();
    }

    void address(const char* group, const sdk::Address& a, const std::string& line2, const std::string& subdivision) {
        out_.open(group);
        out_.optional("cbc:StreetName", a.street);
        out_.optional("cbc:AdditionalStreetName", line2);
        out_.optional("cbc:CityName", a.city);
        out_.optional("cbc:PostalZone", a.postcode);
        out_.optional("cbc:CountrySubentity", subdivision);
        out_.open("cac:Country");
        out_.element("cbc:IdentificationCode", a.country.empty() ? "FR" : a.country);
        out_.close();
        out_.close();
    }

    void party(const sdk::InvoiceParty& p, bool seller) {
        out_.open("cac:Party");
        if (!p.electronic_address.empty())
            out_.element("cbc:EndpointID", p.electronic_address, schemeAttr(p.electronic_address_scheme));
        if (!p.party_id.empty()) {
            out_.open("cac:PartyIdentification");
            out_.element("cbc:ID", p.party_id, schemeAttr(p.party_id_scheme));
            out_.close();
        }
        if (!p.trading_name.empty()) {
            out_.open("cac:PartyName");
            out_.element("cbc:Name", p.trading_name);
            out_.close();
        }
        address("cac:PostalAddress", p.address, p.address_line2, p.country_subdivision);
        taxScheme(p.vat_id, "VAT");
        if (seller) taxScheme(p.tax_registration_id, "FC");  // BT-32: any scheme but VAT
        out_.open("cac:PartyLegalEntity");
        out_.element("cbc:RegistrationName", p.name);
        const LegalId legal = legalId(p);
        if (!legal.id.empty()) out_.element("cbc:CompanyID", legal.id, schemeAttr(legal.scheme));
        if (seller) out_.optional("cbc:CompanyLegalForm", p.legal_form);
        out_.close();
        if (!p.contact.name.empty() || !p.contact.phone.empty() || !p.contact.email.empty()) {
            out_.open("cac:Contact");
            out_.optional("cbc:Name", p.contact.name);
            out_.optional("cbc:Telephone", p.contact.phone);
            out_.optional("cbc:ElectronicMail", p.contact.email);
            out_.close();
        }
        out_.close();
    }

    void taxScheme(const std::string& id, const char* scheme) {
        if (id.empty()) return;
        out_.open("cac:PartyTaxScheme");
        out_.element("cbc:CompanyID", id);
        out_.open("cac:TaxScheme");
        out_.element("cbc:ID", scheme);
        out_.close();
        out_.close();
    }

    void payee(const sdk::InvoiceParty& p) {
        out_.open("cac:PayeeParty");
        if (!p.party_id.empty()) {
            out_.open("cac:PartyIdentification");
            out_.element("cbc:ID", p.party_id, schemeAttr(p.party_id_scheme));
            out_.close();
        }
        out_.open("cac:PartyName");
        out_.element("cbc:Name", p.name);
        out_.close();
        const LegalId legal = legalId(p);
        if (!legal.id.empty()) {
            out_.open("cac:PartyLegalEntity");
            out_.element("cbc:CompanyID", legal.id, schemeAttr(legal.scheme));
            out_.close();
        }
        out_.close();
    }

    // BG-11: only what EN 16931 gives the tax representative (name, address, VAT id).
    void taxRepresentative(const sdk::InvoiceParty& p) {
        out_.open("cac:TaxRepresentativeParty");
        out_.open("cac:PartyName");
        out_.element("cbc:Name", p.name);
        out_.close();
        address("cac:PostalAddress", p.address, p.address_line2, p.country_subdivision);
        taxScheme(p.vat_id, "VAT");
        out_.close();
    }

    void delivery() {
        if (inv_.delivery_date.empty() && !inv_.delivery_address && inv_.deliver_to_name.empty()) return;
        out_.open("cac:Delivery");
        out_.optional("cbc:ActualDeliveryDate", inv_.delivery_date);
        if (inv_.delivery_address) {
            out_.open("cac:DeliveryLocation");
            address("cac:Address", *inv_.delivery_address, "", "");
            out_.close();
        }
        if (!inv_.deliver_to_name.empty()) {
            out_.open("cac:DeliveryParty");
            out_.open("cac:PartyName");
            out_.element("cbc:Name", inv_.deliver_to_name);
            out_.close();
            out_.close();
        }
        out_.close();
    }

    void paymentMeans() {
        const bool dueInMeans = credit_ && !inv_.due_date.empty();
        if (inv_.payment_means_code.empty() && inv_.iban.empty() && !dueInMeans) return;
        out_.open("cac:PaymentMeans");
        // BT-81 is mandatory in a payment means; 1 = "instrument not defined" when only a due date is known.
        out_.element("cbc:PaymentMeansCode", inv_.payment_means_code.empty() ? (inv_.iban.empty() ? "1" : "30")
                                                                            : inv_.payment_means_code);
        if (credit_) out_.optional("cbc:PaymentDueDate", inv_.due_date);
        out_.optional("cbc:PaymentID", inv_.payment_id);
        if (!inv_.iban.empty()) {
            out_.open("cac:PayeeFinancialAccount");
            out_.element("cbc:ID", inv_.iban);
            if (!inv_.bic.empty()) {
                out_.open("cac:FinancialInstitutionBranch");
                out_.element("cbc:ID", inv_.bic);
                out_.close();
            }
            out_.close();
        }
        out_.close();
    }

    void taxCategory(const char* group, const std::string& category, const std::optional<sdk::Decimal>& rate,
                     const std::string& reason = {}, const std::string& reasonCode = {}) {
        out_.open(group);
        out_.element("cbc:ID", category);
        if (rate) out_.element("cbc:Percent", rate->toString(0));
        out_.optional("cbc:TaxExemptionReasonCode", reasonCode);
        out_.optional("cbc:TaxExemptionReason", reason);
        out_.open("cac:TaxScheme");
        out_.element("cbc:ID", "VAT");
        out_.close();
        out_.close();
    }

    void allowanceCharge(const sdk::AllowanceCharge& ac, bool documentLevel) {
        out_.open("cac:AllowanceCharge");
        out_.element("cbc:ChargeIndicator", ac.charge ? "true" : "false");
        out_.optional("cbc:AllowanceChargeReasonCode", ac.reason_code);
        out_.optional("cbc:AllowanceChargeReason", ac.reason);
        if (ac.percent) out_.element("cbc:MultiplierFactorNumeric", ac.percent->toString(0));
        money("cbc:Amount", ac.amount);
        if (ac.base_amount) money("cbc:BaseAmount", *ac.base_amount);
        if (documentLevel) taxCategory("cac:TaxCategory", ac.vat_category, ac.vat_rate);
        out_.close();
    }

    void taxTotals() {
        out_.open("cac:TaxTotal");
        money("cbc:TaxAmount", inv_.totals.tax.value_or(sdk::Decimal()));
        for (const auto& v : inv_.vat_breakdown) {
            out_.open("cac:TaxSubtotal");
            money("cbc:TaxableAmount", v.taxable_amount);
            money("cbc:TaxAmount", v.tax_amount);
            taxCategory("cac:TaxCategory", v.category, v.rate, v.exemption_reason, v.exemption_reason_code);
            out_.close();
        }
        out_.close();
        if (!inv_.tax_currency.empty() && inv_.tax_currency != currency() && inv_.totals.tax_accounting) {
            out_.open("cac:TaxTotal");
            out_.element("cbc:TaxAmount", inv_.totals.tax_accounting->toString(2), {{"currencyID", inv_.tax_currency}});
            out_.close();
        }
    }

    void monetaryTotal() {
        const auto& t = inv_.totals;
        out_.open("cac:LegalMonetaryTotal");
        money("cbc:LineExtensionAmount", t.line_net);
        money("cbc:TaxExclusiveAmount", t.tax_exclusive);
        money("cbc:TaxInclusiveAmount", t.tax_inclusive);
        if (t.allowances) money("cbc:AllowanceTotalAmount", *t.allowances);
        if (t.charges) money("cbc:ChargeTotalAmount", *t.charges);
        if (t.prepaid) money("cbc:PrepaidAmount", *t.prepaid);
        if (t.rounding) money("cbc:PayableRoundingAmount", *t.rounding);
        money("cbc:PayableAmount", t.payable);
        out_.close();
    }

    void line(const sdk::InvoiceLine& l, size_t index) {
        out_.open(credit_ ? "cac:CreditNoteLine" : "cac:InvoiceLine");
        out_.element("cbc:ID", l.id.empty() ? std::to_string(index + 1) : l.id);
        out_.optional("cbc:Note", l.note);
        out_.element(credit_ ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity", l.quantity.toString(0),
                     {{"unitCode", l.unit_code.empty() ? "C62" : l.unit_code}});
        money("cbc:LineExtensionAmount", l.net_amount);
        out_.optional("cbc:AccountingCost", l.accounting_reference);
        period(l.period_start, l.period_end);
        if (!l.order_line_reference.empty()) {
            out_.open("cac:OrderLineReference");
            out_.element("cbc:LineID", l.order_line_reference);
            out_.close();
        }
        if (!l.object_id.empty()) {
            out_.open("cac:DocumentReference");
            out_.element("cbc:ID", l.object_id);
            out_.element("cbc:DocumentTypeCode", "130");  // BT-128: "invoiced object"
            out_.close();
        }
        for (const auto& ac : l.allowances_charges) allowanceCharge(ac, false);
        out_.open("cac:Item");
        out_.optional("cbc:Description", l.description);
        out_.element("cbc:Name", l.name);
        itemId("cac:BuyersItemIdentification", l.buyer_item_id);
        itemId("cac:SellersItemIdentification", l.seller_item_id);
        if (!l.standard_item_id.empty() && !l.standard_item_scheme.empty()) {
            out_.open("cac:StandardItemIdentification");
            out_.element("cbc:ID", l.standard_item_id, {{"schemeID", l.standard_item_scheme}});
            out_.close();
        }
        if (!l.origin_country.empty()) {
            out_.open("cac:OriginCountry");
            out_.element("cbc:IdentificationCode", l.origin_country);
            out_.close();
        }
        for (const auto& code : l.classification_codes) {
            if (code.empty()) continue;
            out_.open("cac:CommodityClassification");
            // The record keeps no list id; ZZZ (mutually defined, UNTDID 7143) satisfies BR-65.
            out_.element("cbc:ItemClassificationCode", code, {{"listID", "ZZZ"}});
            out_.close();
        }
        taxCategory("cac:ClassifiedTaxCategory", l.vat_category.empty() ? "S" : l.vat_category, l.vat_rate);
        out_.close();
        out_.open("cac:Price");
        money("cbc:PriceAmount", l.net_price);
        if (l.base_quantity)
            out_.element("cbc:BaseQuantity", l.base_quantity->toString(0),
                         {{"unitCode", l.base_quantity_unit.empty() ? (l.unit_code.empty() ? "C62" : l.unit_code)
                                                                    : l.base_quantity_unit}});
        if (l.price_discount || l.gross_price) {
            out_.open("cac:AllowanceCharge");
            out_.element("cbc:ChargeIndicator", "false");
            money("cbc:Amount", l.price_discount.value_or(sdk::Decimal()));
            if (l.gross_price) money("cbc:BaseAmount", *l.gross_price);
            out_.close();
        }
        out_.close();
        out_.close();
    }

    void itemId(const char* group, const std::string& id) {
        if (id.empty()) return;
        out_.open(group);
        out_.element("cbc:ID", id);
        out_.close();
    }

    static Attrs schemeAttr(const std::string& scheme) {
        if (scheme.empty()) return {};
        return {{"schemeID", scheme}};
    }

    const sdk::InvoiceRecord& inv_;
    const bool credit_;
    XmlOut out_;
};

}  // namespace

std::string writeUbl(const sdk::InvoiceRecord& invoice) { return UblWriter(invoice).write(); }

}  // namespace recolte::invoice
