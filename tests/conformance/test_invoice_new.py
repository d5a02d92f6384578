"""`recolte invoice new`: every test description (tests/conformance/invoices/good and the example
config/examples/invoice.yaml) becomes a UBL and a CII file that pass the official XSD and EN 16931
schematron; the amounts are those a decimal computation rounded half away from zero gives; bad
descriptions are refused with the expected rule ids (or the expected keys) and nothing is written."""
import decimal
import glob
import os
import re
import subprocess
import unittest
import xml.etree.ElementTree as ET

import yaml

import conformance as c

INVOICES = os.path.join(c.HERE, "invoices")
GOOD = sorted(glob.glob(os.path.join(INVOICES, "good", "*.yaml"))) + [
    os.path.join(c.SOURCE_DIR, "config", "examples", "invoice.yaml")]
BAD = sorted(glob.glob(os.path.join(INVOICES, "bad", "*.yaml")))
UBL_NS = {"cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
          "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"}
CENT = decimal.Decimal("0.01")


def run_new(description, out):
    return subprocess.run([c.BINARY, "invoice", "new", description, "--out", out],
                          capture_output=True, text=True, timeout=60)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def money(text):
    return decimal.Decimal(str(text)).quantize(CENT, rounding=decimal.ROUND_HALF_UP)


class InvoiceNew(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.out = c.output_dir("invoice-new")
        cls.results = {d: run_new(d, cls.out) for d in GOOD}

    def test_good_descriptions_are_written_and_pass_the_official_checks(self):
        c.require_validator(self)
        written = []
        for description, p in self.results.items():
            self.assertEqual(p.returncode, 0, "%s refused:\n%s" % (description, p.stderr))
            files = re.findall(r"^écrit : (.+)$", p.stdout, re.M)
            self.assertEqual(len(files), 2, p.stdout)
            written += files
        self.assertEqual(len(written), 2 * len(GOOD))
        results = c.validate_all(written)
        bad = {f: out for f, (rc, out) in results.items() if rc != 0 or c.failures_of(out) or "OK" not in out}
        self.assertEqual(bad, {}, "\n".join("%s:\n%s" % (f, o) for f, o in bad.items()))

    def test_amounts_are_those_of_a_decimal_computation(self):
        for description in GOOD:
            spec = yaml.safe_load(read(description))
            number = spec["number"]
            root = ET.parse(os.path.join(self.out, number + ".ubl.xml")).getroot()
            lines = root.findall("cac:InvoiceLine", UBL_NS) + root.findall("cac:CreditNoteLine", UBL_NS)
            self.assertEqual(len(lines), len(spec["lines"]), description)
            per_rate = {}
            for line, want in zip(lines, spec["lines"]):
                net = money(decimal.Decimal(str(want["quantity"])) * decimal.Decimal(str(want["unit_price"])))
                self.assertEqual(decimal.Decimal(line.find("cbc:LineExtensionAmount", UBL_NS).text), net,
                                 "%s: %s" % (description, want["description"]))
                rate = decimal.Decimal(str(want["vat_rate"]))
                per_rate[rate] = per_rate.get(rate, decimal.Decimal(0)) + net
            subtotals = root.findall("cac:TaxTotal/cac:TaxSubtotal", UBL_NS)
            self.assertEqual(len(subtotals), len(per_rate), description)
            tax = decimal.Decimal(0)
            for st in subtotals:
                rate = decimal.Decimal(st.find("cac:TaxCategory/cbc:Percent", UBL_NS).text)
                category = st.find("cac:TaxCategory/cbc:ID", UBL_NS).text
                self.assertEqual(category, "Z" if rate == 0 else "S")
                self.assertEqual(decimal.Decimal(st.find("cbc:TaxableAmount", UBL_NS).text), per_rate[rate])
                want_tax = money(per_rate[rate] * rate / 100)
                self.assertEqual(decimal.Decimal(st.find("cbc:TaxAmount", UBL_NS).text), want_tax,
                                 "%s: VAT at %s %%" % (description, rate))
                tax += want_tax
            total = root.find("cac:LegalMonetaryTotal", UBL_NS)
            line_net = sum(per_rate.values())
            self.assertEqual(decimal.Decimal(total.find("cbc:LineExtensionAmount", UBL_NS).text), line_net)
            self.assertEqual(decimal.Decimal(total.find("cbc:TaxInclusiveAmount", UBL_NS).text), line_net + tax)
            self.assertEqual(decimal.Decimal(total.find("cbc:PayableAmount", UBL_NS).text), line_net + tax)
            self.assertIn("à payer %s" % (line_net + tax), self.results[description].stdout)

    def test_credit_note_is_a_ubl_credit_note_and_a_cii_381(self):
        root = ET.parse(os.path.join(self.out, "AV-0001.ubl.xml")).getroot()
        self.assertEqual(root.tag, "{urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2}CreditNote")
        self.assertEqual(root.find("cbc:CreditNoteTypeCode", UBL_NS).text, "381")
        self.assertEqual(root.find("cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID", UBL_NS).text, "T-0001")
        cii = read(os.path.join(self.out, "AV-0001.cii.xml"))
        self.assertIn("<ram:TypeCode>381</ram:TypeCode>", cii)

    def test_chorus_pro_identifiers_are_written(self):
        root = ET.parse(os.path.join(self.out, "T-0001.ubl.xml")).getroot()
        self.assertEqual(root.find("cbc:BuyerReference", UBL_NS).text, "EPICERIE-SOCIALE")
        self.assertEqual(root.find("cac:OrderReference/cbc:ID", UBL_NS).text, "EJ-2026-0412")
        buyer_id = root.find("cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID", UBL_NS)
        self.assertEqual((buyer_id.text, buyer_id.get("schemeID")), ("26090123400013", "0009"))

    def test_bad_descriptions_are_refused_with_their_rule_ids_and_nothing_is_written(self):
        self.assertGreaterEqual(len(BAD), 5)
        for description in BAD:
            head = read(description)
            rules = [r for m in re.findall(r"^# expect: (.+)$", head, re.M) for r in m.split()]
            keys = re.findall(r"^# expect-error: (.+)$", head, re.M)
            self.assertTrue(rules or keys, "%s says nothing it expects" % description)
            out = c.output_dir("invoice-refused")
            p = run_new(description, out)
            self.assertEqual(p.returncode, 1, "%s: %s%s" % (description, p.stdout, p.stderr))
            self.assertEqual(os.listdir(out), [], "%s: files written although refused" % description)
            fired = re.findall(r"^([A-Z][A-Z0-9-]+): ", p.stderr, re.M)
            self.assertEqual(sorted(fired), sorted(rules), "%s:\n%s" % (description, p.stderr))
            for key in keys:
                self.assertRegex(p.stderr, re.escape(description) + r":\d+: " + re.escape(key) + ": ",
                                 "%s: no error naming %s" % (description, key))

    def test_usage_errors_exit_64_and_help_exits_0(self):
        example = GOOD[-1]
        for args in ([], ["create", example, "--out", self.out], ["new", "--out", self.out], ["new", example],
                     ["new", example, "--out", self.out, "--colour"]):
            p = subprocess.run([c.BINARY, "invoice", *args], capture_output=True, text=True, timeout=60)
            self.assertEqual(p.returncode, 64, "%s: %s" % (args, p.stderr))
            self.assertIn("recolte invoice --help", p.stderr)
        p = subprocess.run([c.BINARY, "invoice", "--help"], capture_output=True, text=True, timeout=60)
        self.assertEqual(p.returncode, 0)
        self.assertIn("recolte invoice new FILE.yaml --out DIR", p.stdout)
        missing = run_new(os.path.join(INVOICES, "no-such-file.yaml"), self.out)
        self.assertEqual(missing.returncode, 1)
        self.assertIn("no-such-file.yaml: fichier illisible", missing.stderr)


if __name__ == "__main__":
    unittest.main()
