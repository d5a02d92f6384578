// UN/CEFACT CII D16B (rsm:CrossIndustryInvoice) in the EN 16931 core binding; the element order
// is the one of CrossIndustryInvoice_ReusableAggregateBusinessInformationEntity_100pD16B.xsd.
#include <string>

#include "invoice/invoice_amounts.hpp"
#include "invoice/invoice_writers.hpp"
#include "invoice/writer_common.hpp"
#include "invoice/xml_out.hpp"

namespace recolte::invoice {

namespace {

using Attrs = std::vector<std::pair<std::string, std::string>>;

class CiiWriter {
public:
    explicit CiiWriter(const sdk::InvoiceRecord& inv) : inv_(inv) {}

    std::string write() {
        out_.open("rsm:CrossIndustryInvoice",
                  {{"xmlns:rsm", "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"},
                   {"xmlns:qdt", "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"},
                   {"xmlns:ram", "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"},
                   {"xmlns:udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"}});
        out_.open("rsm:ExchangedDocumentContext");
        if (!inv_.profile_id.empty()) idGroup("ram:BusinessProcessSpecifiedDocumentContextParameter", inv_.profile_id);
        idGroup("ram:GuidelineSpecifiedDocumentContextParameter", customizationId(inv_));
        out_.close();

        out_.open("rsm:ExchangedDocument");
        out_.element("ram:ID", inv_.number);
        out_.element("ram:TypeCode", inv_.type_code);
        date("ram:IssueDateTime", inv_.issue_date, "udt");
        for (const auto& n : inv_.notes) {
            if (n.empty()) continue;
            out_.open("ram:IncludedNote");
            out_.element("ram:Content", n);
            out_.close();
        }
        out_.close();

        out_.open("rsm:SupplyChainTradeTransaction");
        for (size_t i = 0; i < inv_.lines.size(); ++i) line(inv_.lines[i], i);
        agreement();
        delivery();
        settlement();
        out_.close();
        return out_.finish();
    }

private:
    std::string currency() const { return inv_.currency.empty() ? "EUR" : inv_.currency; }
    void amount(const char* name, sdk::Decimal v) { out_.element(name, v.toString(2)); }

    void idGroup(const char* group, const std::string& id, const char* idName = "ram:ID") {
        if (id.empty()) return;
        out_.open(group);
        out_.element(idName, id);
        out_.close();
    }

    void date(const char* group, const std::string& iso, const char* prefix, const char* leaf = "DateTimeString") {
        if (iso.empty()) return;
        out_.open(group);
        out_.element(std::string(prefix) + ":" + leaf, ciiDate(iso), {{"format", "102"}});
        out_.close();
    }

    void period(const std::string& start, const std::string& end) {
        if (start.empty() && end.empty()) return;
        out_.open("ram:BillingSpecifiedPeriod");
        date("ram:StartDateTime", start, "udt");
        date("ram:EndDateTime", end, "udt");
        out_.close();
    }

    void tradeTax(const std::string& category, const std::optional<sdk::Decimal>& rate) {
        out_.open("ram:ApplicableTradeTax");
        out_.element("ram:TypeCode", "VAT");
        out_.element("ram:CategoryCode", category.empty() ? "S" : category);
        if (rate) out_.element("ram:RateApplicablePercent", rate->toString(0));
        out_.close();
    }

    void allowanceCharge(const sdk::AllowanceCharge& ac, bool documentLevel) {
        out_.open("ram:SpecifiedTradeAllowanceCharge");
        out_.open("ram:ChargeIndicator");
        out_.element("udt:Indicator", ac.charge ? "true" : "false");
        out_.close();
        if (ac.percent) out_.element("ram:CalculationPercent", ac.percent->toString(0));
        if (ac.base_amount) amount("ram:BasisAmount", *ac.base_amount);
        amount("ram:ActualAmount", ac.amount);
        out_.optional("ram:ReasonCode", ac.reason_code);
        out_.optional("ram:Reason", ac.reason);
        if (documentLevel) {
            out_.open("ram:CategoryTradeTax");
            out_.element("ram:TypeCode", "VAT");
            out_.element("ram:CategoryCode", ac.vat_category);
            if (ac.vat_rate) out_.element("ram:RateApplicablePercent", ac.vat_rate->toString(0));
            out_.close();
        }
        out_.close();
    }

    void line(const sdk::InvoiceLine& l, size_t index) {
        out_.open("ram:IncludedSupplyChainTradeLineItem");
        out_.open("ram:AssociatedDocumentLineDocument");
        out_.element("ram:LineID", l.id.empty() ? std::to_string(index + 1) : l.id);
        if (!l.note.empty()) {
            out_.open("ram:IncludedNote");
            out_.element("ram:Content", l.note);
            out_.close();
        }
        out_.close();

        out_.open("ram:SpecifiedTradeProduct");
        if (!l.standard_item_id.empty() && !l.standard_item_scheme.empty())
            out_.element("ram:GlobalID", l.standard_item_id, {{"schemeID", l.standard_item_scheme}});
        out_.optional("ram:SellerAssignedID", l.seller_item_id);
        out_.optional("ram:BuyerAssignedID", l.buyer_item_id);
        out_.element("ram:Name", l.name);
        out_.optional("ram:Description", l.description);
        for (const auto& code : l.classification_codes) {
            if (code.empty()) continue;
            out_.open("ram:DesignatedProductClassification");
            out_.element("ram:ClassCode", code, {{"listID", "ZZZ"}});  // see the UBL writer: no list id is kept
            out_.close();
        }
        idGroup("ram:OriginTradeCountry", l.origin_country);
        out_.close();

        out_.open("ram:SpecifiedLineTradeAgreement");
        idGroup("ram:BuyerOrderReferencedDocument", l.order_line_reference, "ram:LineID");
        if (l.gross_price) {
            out_.open("ram:GrossPriceProductTradePrice");
            out_.element("ram:ChargeAmount", l.gross_price->toString(2));
            basisQuantity(l);
            if (l.price_discount) {
                out_.open("ram:AppliedTradeAllowanceCharge");
                out_.open("ram:ChargeIndicator");
                out_.element("udt:Indicator", "false");
                out_.close();
                amount("ram:ActualAmount", *l.price_discount);
                out_.close();
            }
            out_.close();
        }
        out_.open("ram:NetPriceProductTradePrice");
        out_.element("ram:ChargeAmount", l.net_price.toString(2));
        basisQuantity(l);
        out_.close();
        out_.close();

        out_.open("ram:SpecifiedLineTradeDelivery");
        out_.element("ram:BilledQuantity", l.quantity.toString(0), {{"unitCode", l.unit_code.empty() ? "C62" : l.unit_code}});
        out_.close();

        out_.open("ram:SpecifiedLineTradeSettlement");
        tradeTax(l.vat_category, l.vat_rate);
        period(l.period_start, l.period_end);
        for (const auto& ac : l.allowances_charges) allowanceCharge(ac, false);
        out_.open("ram:SpecifiedTradeSettlementLineMonetarySummation");
        amount("ram:LineTotalAmount", l.net_amount);
        out_.close();
        if (!l.object_id.empty()) {
            out_.open("ram:AdditionalReferencedDocument");
            out_.element("ram:IssuerAssignedID", l.object_id);
            out_.element("ram:TypeCode", "130");  // BT-128: "invoiced object"
            out_.close();
        }
        idGroup("ram:ReceivableSpecifiedTradeAccountingAccount", l.accounting_reference);
        out_.close();
        out_.close();
    }

    void basisQuantity(const sdk::InvoiceLine& l) {
        if (!l.base_quantity) return;
        const std::string unit = l.base_quantity_unit.empty() ? (l.unit_code.empty() ? "C62" : l.unit_code)
                                                              : l.base_quantity_unit;
        out_.element("ram:BasisQuantity", l.base_quantity->toString(0), {{"unitCode", unit}});
    }

    void address(const sdk::Address& a, const std::string& line2, const std::string& subdivision) {
        out_.open("ram:PostalTradeAddress");
        out_.optional("ram:PostcodeCode", a.postcode);
        out_.optional("ram:LineOne", a.street);
        out_.optional("ram:LineTwo", line2);
        out_.optional("ram:CityName", a.city);
        out_.element("ram:CountryID", a.country.empty() ? "FR" : a.country);
        out_.optional("ram:CountrySubDivisionName", subdivision);
        out_.close();
    }

    void party(const char* group, const sdk::InvoiceParty& p, bool seller) {
        out_.open(group);
        if (!p.party_id.empty()) {
            if (p.party_id_scheme.empty()) out_.element("ram:ID", p.party_id);
            else out_.element("ram:GlobalID", p.party_id, {{"schemeID", p.party_id_scheme}});
        }
        out_.element("ram:Name", p.name);
        if (seller) out_.optional("ram:Description", p.legal_form);
        const LegalId legal = legalId(p);
        if (!legal.id.empty() || !p.trading_name.empty()) {
            out_.open("ram:SpecifiedLegalOrganization");
            if (!legal.id.empty())
                out_.element("ram:ID", legal.id, legal.scheme.empty() ? Attrs{} : Attrs{{"schemeID", legal.scheme}});
            out_.optional("ram:TradingBusinessName", p.trading_name);
            out_.close();
        }
        if (!p.contact.name.empty() || !p.contact.phone.empty() || !p.contact.email.empty()) {
            out_.open("ram:DefinedTradeContact");
            out_.optional("ram:PersonName", p.contact.name);
            if (!p.contact.phone.empty()) {
                out_.open("ram:TelephoneUniversalCommunication");
                out_.element("ram:CompleteNumber", p.contact.phone);
                out_.close();
            }
            if (!p.contact.email.empty()) {
                out_.open("ram:EmailURIUniversalCommunication");
                out_.element("ram:URIID", p.contact.email);
                out_.close();
            }
            out_.close();
        }
        address(p.address, p.address_line2, p.country_subdivision);
        if (!p.electronic_address.empty()) {
            out_.open("ram:URIUniversalCommunication");
            out_.element("ram:URIID", p.electronic_address,
                         p.electronic_address_scheme.empty() ? Attrs{} : Attrs{{"schemeID", p.electronic_address_scheme}});
            out_.close();
        }
        taxRegistration(p.vat_id, "VA");
        if (seller) taxRegistration(p.tax_registration_id, "FC");
        out_.close();
    }

    void taxRegistration(const std::string& id, const char* scheme) {
        if (id.empty()) return;
        out_.open("ram:SpecifiedTaxRegistration");
        out_.element("ram:ID", id, {{"schemeID", scheme}});
        out_.close();
    }

    // BG-11: only what EN 16931 gives the tax representative (name, address, VAT id).
    void taxRepresentative(const sdk::InvoiceParty& p) {
        out_.open("ram:SellerTaxRepresentativeTradeParty");
        out_.element("ram:Name", p.name);
        address(p.address, p.address_line2, p.country_subdivision);
        taxRegistration(p.vat_id, "VA");
        out_.close();
    }

    void document(const char* group, const std::string& id) { idGroup(group, id, "ram:IssuerAssignedID"); }

    void agreement() {
        out_.open("ram:ApplicableHeaderTradeAgreement");
        out_.optional("ram:BuyerReference", inv_.buyer_reference);
        party("ram:SellerTradeParty", inv_.seller, true);
        party("ram:BuyerTradeParty", inv_.buyer, false);
        if (inv_.tax_representative) taxRepresentative(*inv_.tax_representative);
        document("ram:SellerOrderReferencedDocument", inv_.sales_order_reference);
        document("ram:BuyerOrderReferencedDocument", inv_.order_reference);
        document("ram:ContractReferencedDocument", inv_.contract_reference);
        if (!inv_.project_reference.empty()) {
            out_.open("ram:SpecifiedProcuringProject");
            out_.element("ram:ID", inv_.project_reference);
            out_.element("ram:Name", "Project reference");  // mandatory in CII, no business term
            out_.close();
        }
        out_.close();
    }

    void delivery() {
        out_.open("ram:ApplicableHeaderTradeDelivery");
        if (!inv_.deliver_to_name.empty() || inv_.delivery_address) {
            out_.open("ram:ShipToTradeParty");
            out_.optional("ram:Name", inv_.deliver_to_name);
            if (inv_.delivery_address) address(*inv_.delivery_address, "", "");
            out_.close();
        }
        if (!inv_.delivery_date.empty()) {
            out_.open("ram:ActualDeliverySupplyChainEvent");
            date("ram:OccurrenceDateTime", inv_.delivery_date, "udt");
            out_.close();
        }
        document("ram:DespatchAdviceReferencedDocument", inv_.despatch_advice_reference);
        document("ram:ReceivingAdviceReferencedDocument", inv_.receiving_advice_reference);
        out_.close();
    }

    void settlement() {
        const auto& t = inv_.totals;
        out_.open("ram:ApplicableHeaderTradeSettlement");
        out_.optional("ram:PaymentReference", inv_.payment_id);
        if (!inv_.tax_currency.empty() && inv_.tax_currency != currency())
            out_.element("ram:TaxCurrencyCode", inv_.tax_currency);
        out_.element("ram:InvoiceCurrencyCode", currency());
        if (inv_.payee) {
            out_.open("ram:PayeeTradeParty");
            if (!inv_.payee->party_id.empty()) {
                if (inv_.payee->party_id_scheme.empty()) out_.element("ram:ID", inv_.payee->party_id);
                else out_.element("ram:GlobalID", inv_.payee->party_id, {{"schemeID", inv_.payee->party_id_scheme}});
            }
            out_.element("ram:Name", inv_.payee->name);
            const LegalId legal = legalId(*inv_.payee);
            if (!legal.id.empty()) {
                out_.open("ram:SpecifiedLegalOrganization");
                out_.element("ram:ID", legal.id, legal.scheme.empty() ? Attrs{} : Attrs{{"schemeID", legal.scheme}});
                out_.close();
            }
            out_.close();
        }
        if (!inv_.payment_means_code.empty() || !inv_.iban.empty()) {
            out_.open("ram:SpecifiedTradeSettlementPaymentMeans");
            out_.element("ram:TypeCode", inv_.payment_means_code.empty() ? "30" : inv_.payment_means_code);
            if (!inv_.iban.empty()) {
                out_.open("ram:PayeePartyCreditorFinancialAccount");
                out_.element("ram:IBANID", inv_.iban);
                out_.close();
            }
            if (!inv_.bic.empty()) {
                out_.open("ram:PayeeSpecifiedCreditorFinancialInstitution");
                out_.element("ram:BICID", inv_.bic);
                out_.close();
            }
            out_.close();
        }
        bool taxPointWritten = false;  // CII-SR-461: BT-7 once, in the first breakdown
        for (const auto& v : inv_.vat_breakdown) {
            out_.open("ram:ApplicableTradeTax");
            amount("ram:CalculatedAmount", v.tax_amount);
            out_.element("ram:TypeCode", "VAT");
            out_.optional("ram:ExemptionReason", v.exemption_reason);
            amount("ram:BasisAmount", v.taxable_amount);
            out_.element("ram:CategoryCode", v.category);
            out_.optional("ram:ExemptionReasonCode", v.exemption_reason_code);
            if (!inv_.tax_point_date.empty() && !taxPointWritten) {
                date("ram:TaxPointDate", inv_.tax_point_date, "udt", "DateString");
                taxPointWritten = true;
            }
            if (v.rate) out_.element("ram:RateApplicablePercent", v.rate->toString(0));
            out_.close();
        }
        period(inv_.invoice_period_start, inv_.invoice_period_end);
        for (const auto& ac : inv_.allowances_charges) allowanceCharge(ac, true);
        if (!inv_.payment_terms.empty() || !inv_.due_date.empty()) {
            out_.open("ram:SpecifiedTradePaymentTerms");
            out_.optional("ram:Description", inv_.payment_terms);
            date("ram:DueDateDateTime", inv_.due_date, "udt");
            out_.close();
        }
        out_.open("ram:SpecifiedTradeSettlementHeaderMonetarySummation");
        amount("ram:LineTotalAmount", t.line_net);
        if (t.charges) amount("ram:ChargeTotalAmount", *t.charges);
        if (t.allowances) amount("ram:AllowanceTotalAmount", *t.allowances);
        amount("ram:TaxBasisTotalAmount", t.tax_exclusive);
        out_.element("ram:TaxTotalAmount", t.tax.value_or(sdk::Decimal()).toString(2), {{"currencyID", currency()}});
        if (!inv_.tax_currency.empty() && inv_.tax_currency != currency() && t.tax_accounting)
            out_.element("ram:TaxTotalAmount", t.tax_accounting->toString(2), {{"currencyID", inv_.tax_currency}});
        if (t.rounding) amount("ram:RoundingAmount", *t.rounding);
        amount("ram:GrandTotalAmount", t.tax_inclusive);
        if (t.prepaid) amount("ram:TotalPrepaidAmount", *t.prepaid);
        amount("ram:DuePayableAmount", t.payable);
        out_.close();
        if (!inv_.preceding_invoice.empty()) {
            out_.open("ram:InvoiceReferencedDocument");
            out_.element("ram:IssuerAssignedID", inv_.preceding_invoice);
            date("ram:FormattedIssueDateTime", inv_.preceding_invoice_date, "qdt");
            out_.close();
        }
        idGroup("ram:ReceivableSpecifiedTradeAccountingAccount", inv_.buyer_accounting_reference);
        out_.close();
    }

    const sdk::InvoiceRecord& inv_;
    XmlOut out_;
};

}  // namespace

std::string writeCii(const sdk::InvoiceRecord& invoice) { return CiiWriter(invoice).write(); }

}  // namespace recolte::invoice
