// An invoice as a connector reads it: the EN 16931 core (business terms BT-n / groups BG-n), typed
// just enough to be checked, stored and written back as UBL 2.1 or CII D16B. Amounts are Decimal,
// never floats. Fields the file does not carry stay empty; the core's checks say what is missing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "recolte/sdk/decimal.hpp"
#include "recolte/sdk/model.hpp"

namespace recolte::sdk {

// A seller, buyer or payee (BG-4, BG-7, BG-10).
struct InvoiceParty {
    std::string name;          // BT-27 / BT-44
    std::string trading_name;  // BT-28 / BT-45
    // Legal registration id (BT-30 / BT-47) and its ISO 6523 scheme: "0009" = SIRET, "0002" = SIREN.
    std::string legal_id;
    std::string legal_id_scheme;
    std::string siret;  // the SIRET (14 digits) when the file gives one, from whichever field holds it
    std::string party_id;  // BT-29 / BT-46 (and its scheme)
    std::string party_id_scheme;
    std::string vat_id;                 // BT-31 / BT-48, "FR..."
    std::string tax_registration_id;    // BT-32 (scheme FC)
    std::string electronic_address;     // BT-34 / BT-49 (and its scheme, EAS code)
    std::string electronic_address_scheme;
    std::string legal_form;             // BT-33
    Address address;                    // BG-5 / BG-8; country (BT-40 / BT-55) ISO alpha-2
    std::string address_line2;          // BT-36 / BT-51
    std::string country_subdivision;    // BT-39 / BT-54
    Contact contact;                    // BG-6 / BG-9
};

// A document-level (BG-20 / BG-21) or line-level (BG-27 / BG-28) allowance or charge.
struct AllowanceCharge {
    bool charge = false;  // false = allowance (discount), true = charge
    Decimal amount;
    std::optional<Decimal> base_amount;
    std::optional<Decimal> percent;
    std::string vat_category;  // document level only (BT-95 / BT-102)
    std::optional<Decimal> vat_rate;
    std::string reason;
    std::string reason_code;
};

// One line of the VAT breakdown (BG-23).
struct VatBreakdown {
    std::string category;           // BT-118: S, Z, E, AE, K, G, O, L, M
    std::optional<Decimal> rate;    // BT-119, percent
    Decimal taxable_amount;         // BT-116
    Decimal tax_amount;             // BT-117
    std::string exemption_reason;   // BT-120
    std::string exemption_reason_code;  // BT-121
};

// Document totals (BG-22).
struct InvoiceTotals {
    Decimal line_net;                    // BT-106
    std::optional<Decimal> allowances;   // BT-107
    std::optional<Decimal> charges;      // BT-108
    Decimal tax_exclusive;               // BT-109
    std::optional<Decimal> tax;          // BT-110 (in the invoice currency)
    std::optional<Decimal> tax_accounting;  // BT-111 (in the VAT accounting currency, BT-6)
    Decimal tax_inclusive;               // BT-112
    std::optional<Decimal> prepaid;      // BT-113
    std::optional<Decimal> rounding;     // BT-114
    Decimal payable;                     // BT-115
};

struct InvoiceLine {
    std::string id;              // BT-126
    std::string note;            // BT-127
    std::string object_id;       // BT-128
    Decimal quantity;            // BT-129
    std::string unit_code;       // BT-130, UN/ECE rec. 20 (KGM, LTR, C62, H87...)
    Decimal net_amount;          // BT-131
    std::string order_line_reference;  // BT-132
    std::string accounting_reference;  // BT-133
    std::string period_start, period_end;  // BT-134 / BT-135
    std::vector<AllowanceCharge> allowances_charges;  // BG-27 / BG-28
    Decimal net_price;           // BT-146
    std::optional<Decimal> price_discount;   // BT-147
    std::optional<Decimal> gross_price;      // BT-148
    std::optional<Decimal> base_quantity;    // BT-149
    std::string base_quantity_unit;          // BT-150
    std::string vat_category;    // BT-151
    std::optional<Decimal> vat_rate;  // BT-152
    std::string name;            // BT-153
    std::string description;     // BT-154
    std::string seller_item_id;  // BT-155
    std::string buyer_item_id;   // BT-156
    std::string standard_item_id;         // BT-157 (GTIN...) and its scheme
    std::string standard_item_scheme;
    std::vector<std::string> classification_codes;  // BT-158
    std::string origin_country;  // BT-159
};

// One VAT total of the document as written: an amount and the currency it is given in.
struct TaxTotalAmount {
    Decimal amount;
    std::string currency;
};

// A status as Chorus Pro reports it (MISE_A_DISPOSITION, SUSPENDUE, MANDATEE, MISE_EN_PAIEMENT...).
struct InvoiceStatusEvent {
    std::string status;
    std::string at;       // ISO date or date-time
    std::string comment;
};

struct InvoiceRecord {
    std::string source_id;       // stable id in the source: one per file (and per invoice in it)
    std::string source_format;   // ubl | cii | facturx | pivot | cpp-list
    std::string customization_id;  // BT-24
    std::string profile_id;        // BT-23
    std::string number;            // BT-1
    std::string type_code;         // BT-3: 380, 381, 384, 389, 386...
    std::string issue_date;        // BT-2, YYYY-MM-DD
    std::string due_date;          // BT-9
    std::string tax_point_date;    // BT-7
    std::string currency;          // BT-5, "EUR"
    std::string tax_currency;      // BT-6
    std::string buyer_reference;   // BT-10 = Chorus Pro service code
    std::string project_reference;     // BT-11
    std::string contract_reference;    // BT-12 = marché
    std::string order_reference;       // BT-13 = engagement number
    std::string sales_order_reference; // BT-14
    std::string receiving_advice_reference;  // BT-15
    std::string despatch_advice_reference;   // BT-16
    std::string preceding_invoice;     // BT-25
    std::string preceding_invoice_date;  // BT-26
    std::string buyer_accounting_reference;  // BT-19
    std::vector<std::string> notes;    // BT-22
    InvoiceParty seller;
    InvoiceParty buyer;
    std::optional<InvoiceParty> payee;  // BG-10
    std::string invoice_period_start, invoice_period_end;  // BG-14
    std::string delivery_date;          // BT-72
    std::string deliver_to_name;        // BT-70
    std::optional<Address> delivery_address;  // BG-15
    std::string payment_means_code;     // BT-81 (UNTDID 4461: 30 credit transfer, 58 SEPA...)
    std::string payment_id;             // BT-83
    std::string iban;                   // BT-84
    std::string bic;                    // BT-86
    std::string payment_terms;          // BT-20
    std::vector<AllowanceCharge> allowances_charges;  // BG-20 / BG-21
    std::vector<VatBreakdown> vat_breakdown;          // BG-23
    InvoiceTotals totals;                             // BG-22
    std::vector<InvoiceLine> lines;                   // BG-25
    // Chorus Pro facts, when the file comes from Chorus Pro.
    std::string chorus_id;  // idFacture
    std::string status;     // current status
    std::vector<InvoiceStatusEvent> status_history;
    // Lenient reads: what was read in a way the standard does not allow (legacy 2015 UBL, a missing
    // total recomputed...). French, for the finance officer; the invoice is kept.
    std::vector<std::string> warnings;
    Location where;

    // What the file says as written, where the typed fields above lose it; the EN 16931 checks need
    // it to agree with the official schematron. A record made by the hub (a draft) leaves them empty.
    std::string issue_date_text;  // BT-2 as written when it is not a readable date ("123"), else ""
    // Groups present in the file even when empty: an empty group breaks other rules than a missing one.
    bool seller_address_given = false;     // BG-5
    bool buyer_address_given = false;      // BG-8
    bool payment_means_given = false;      // BG-16 (the first payment means is the one kept above)
    bool preceding_invoice_given = false;  // BG-3
    // Every invoice-level VAT total as written (UBL cac:TaxTotal/cbc:TaxAmount, CII TaxTotalAmount):
    // BT-110 and BT-111 are read from these, but a second total in the same currency, or one in
    // another currency, is only seen here.
    std::vector<TaxTotalAmount> tax_totals;
    std::optional<InvoiceParty> tax_representative;  // BG-11: name BT-62, VAT id BT-63, address BG-12
};

// A status report about an invoice the hub may or may not hold (the recipient's invoice list,
// CPPStatutPivot): matched by chorus_id, else by seller SIRET + number.
struct InvoiceStatusRecord {
    std::string source_id;
    std::string chorus_id;
    std::string number;
    std::string seller_siret;
    std::string seller_name;
    std::string buyer_siret;
    std::string buyer_name;
    std::string service_code;
    std::string order_reference;
    std::string contract_reference;
    std::string issue_date;
    std::string currency;
    std::optional<Decimal> tax_exclusive;
    std::optional<Decimal> tax_inclusive;
    std::optional<Decimal> payable;
    std::string status;
    std::vector<InvoiceStatusEvent> history;
    Location where;
};

}  // namespace recolte::sdk
