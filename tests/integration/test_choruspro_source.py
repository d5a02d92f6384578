"""Chorus Pro invoices through the whole hub: a `choruspro` source on a folder holding every EN 16931
example (48 UBL, 15 CII), the Chorus Pro pivot samples and a few broken files, synced by a real
daemon. Each invoice's stored totals (BT-106, BT-109, BT-110, BT-112, BT-115) and line count, read
back from the finance API, equal the values read here from the file itself (ElementTree, not the
hub's parser); two files with the same number are two invoices; broken files are rejects and the
rest is kept; a finance source's rejects are served to a finance token only."""

import hashlib
import os
import pathlib
import shutil
import unittest
import xml.etree.ElementTree as ET
from decimal import Decimal

from harness import SOURCE_DIR, Daemon, Workspace

SHARED = pathlib.Path(os.environ.get("RECOLTE_SHARED_DIR", SOURCE_DIR.parent / "shared")) / "conformance"
EXAMPLES = SHARED / "en16931" / "examples"
BROKEN = SOURCE_DIR / "plugins" / "choruspro" / "testdata" / "casses"
TOKEN = "jeton-compta-Hh31-secret"

UBL_CBC = "{urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2}"
UBL_CAC = "{urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2}"
RAM = "{urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100}"
RSM = "{urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100}"


def amount(el):
    return None if el is None or el.text is None else Decimal(el.text.strip())


def expected_from_file(path):
    """(number, {totals}, line count) read straight from a UBL or CII file."""
    root = ET.parse(path).getroot()
    if root.tag.startswith(RSM):
        doc = root.find(f"{RSM}ExchangedDocument")
        settlement = root.find(f"{RSM}SupplyChainTradeTransaction/{RAM}ApplicableHeaderTradeSettlement")
        sums = settlement.find(f"{RAM}SpecifiedTradeSettlementHeaderMonetarySummation")
        currency = settlement.findtext(f"{RAM}InvoiceCurrencyCode")
        tax = None
        for t in sums.findall(f"{RAM}TaxTotalAmount"):  # BT-110 is the one in the invoice currency
            if t.get("currencyID") in (None, currency):
                tax = amount(t)
        totals = {"line_net": amount(sums.find(f"{RAM}LineTotalAmount")),
                  "tax_exclusive": amount(sums.find(f"{RAM}TaxBasisTotalAmount")), "tax": tax,
                  "tax_inclusive": amount(sums.find(f"{RAM}GrandTotalAmount")),
                  "payable": amount(sums.find(f"{RAM}DuePayableAmount"))}
        lines = len(root.findall(f"{RSM}SupplyChainTradeTransaction/{RAM}IncludedSupplyChainTradeLineItem"))
        return doc.findtext(f"{RAM}ID").strip(), totals, lines
    monetary = root.find(f"{UBL_CAC}LegalMonetaryTotal")
    currency = root.findtext(f"{UBL_CBC}DocumentCurrencyCode")
    tax = None
    for t in root.findall(f"{UBL_CAC}TaxTotal/{UBL_CBC}TaxAmount"):
        if t.get("currencyID") == currency:
            tax = amount(t)
    totals = {"line_net": amount(monetary.find(f"{UBL_CBC}LineExtensionAmount")),
              "tax_exclusive": amount(monetary.find(f"{UBL_CBC}TaxExclusiveAmount")), "tax": tax,
              "tax_inclusive": amount(monetary.find(f"{UBL_CBC}TaxInclusiveAmount")),
              "payable": amount(monetary.find(f"{UBL_CBC}PayableAmount"))}
    lines = len(root.findall(f"{UBL_CAC}InvoiceLine")) + len(root.findall(f"{UBL_CAC}CreditNoteLine"))
    return root.findtext(f"{UBL_CBC}ID").strip(), totals, lines


class ChorusProSourceTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        folder = cls.ws.dir / "factures"
        folder.mkdir()
        cls.examples = {}
        for sub in ("ubl", "ubl-testfiles", "cii"):
            for f in sorted(p for p in (EXAMPLES / sub).iterdir() if p.suffix.lower() == ".xml"):  # two are .XML
                name = f"{sub}--{f.name}".replace(" ", "_").replace(",", "_")
                shutil.copyfile(f, folder / name)
                cls.examples[name] = f
        for f in sorted((SHARED / "chorus-pro" / "pivot" / "examples").glob("*.xml")):
            shutil.copyfile(f, folder / f"pivot--{f.name}")
        # The same invoice under two names: two invoices.
        shutil.copyfile(SOURCE_DIR / "data/samples/choruspro/FC-2026-0042.ubl.xml", folder / "a-FC-2026-0042.xml")
        shutil.copyfile(SOURCE_DIR / "data/samples/choruspro/FC-2026-0042.ubl.xml", folder / "b-FC-2026-0042.xml")
        cls.broken = ["02-malforme.xml", "03-xxe.xml", "06-pivot-bombe-zip.xml", "08-sans-piece-jointe.pdf"]
        for name in cls.broken:
            shutil.copyfile(BROKEN / name, folder / f"zz-{name}")
        token_hash = hashlib.sha256(TOKEN.encode()).hexdigest()
        cls.config = cls.ws.config("  - {name: chorus, connector: choruspro, path: factures}\n",
                                   extra=f"auth: {{tokens: [{{name: compta, roles: [finance], sha256: {token_hash}}}]}}\n")
        cls.daemon = Daemon(cls.config, expected_sources=("chorus",))
        cls.invoices = cls.all_invoices()

    @classmethod
    def tearDownClass(cls):
        cls.daemon.stop()
        cls.ws.cleanup()

    @classmethod
    def call(cls, path, token=TOKEN):
        return cls.daemon.get(path, headers={"Authorization": f"Bearer {token}"} if token else {})

    @classmethod
    def all_invoices(cls):
        import json
        items, offset = [], 0
        while True:
            status, _, body = cls.call(f"/api/v1/invoices?limit=1000&offset={offset}")
            assert status == 200, body
            page = json.loads(body)
            items += page["items"]
            offset += len(page["items"])
            if offset >= page["total"] or not page["items"]:
                return items

    def by_source_id(self, source_id):
        found = [i for i in self.invoices if i["source_id"] == source_id]
        self.assertEqual(len(found), 1, f"{source_id}: {len(found)} invoices")
        return found[0]

    def test_every_example_is_stored_with_the_totals_and_line_count_of_its_file(self):
        checked = 0
        for name, original in self.examples.items():
            with self.subTest(example=str(original.relative_to(EXAMPLES))):
                number, totals, lines = expected_from_file(original)
                inv = self.by_source_id(name)
                self.assertEqual(inv["number"], number)
                self.assertEqual(len(inv["lines"]), lines)
                for key, value in totals.items():
                    stored = inv["totals"][key]
                    if key == "tax" and value is None:
                        # No BT-110 in the file (nothing taxed): recorded as 0, with a warning saying so.
                        self.assertEqual(Decimal(str(stored)), 0)
                        self.assertTrue(any("BT-110" in w or "TVA" in w for w in inv["warnings"]), inv["warnings"])
                        continue
                    self.assertEqual(None if stored is None else Decimal(str(stored)), value, key)
                checked += 1
        self.assertEqual(checked, 63)
        self.assertEqual(sum(1 for n in self.examples if n.startswith("cii--")), 15)

    def test_the_pivot_samples_are_stored(self):
        pivots = [i for i in self.invoices if i["source_id"].startswith("pivot--")]
        self.assertGreaterEqual(len(pivots), 6)
        for inv in pivots:
            self.assertEqual(inv["source_format"], "pivot")
            self.assertTrue(inv["number"])

    def test_two_files_with_the_same_number_are_two_invoices(self):
        a, b = self.by_source_id("a-FC-2026-0042.xml"), self.by_source_id("b-FC-2026-0042.xml")
        self.assertEqual(a["number"], b["number"])
        self.assertNotEqual(a["id"], b["id"])

    def test_broken_files_are_rejects_and_the_rest_is_read(self):
        import json
        status, _, body = self.call("/api/v1/sources/chorus/rejects?limit=100")
        self.assertEqual(status, 200)
        rejects = json.loads(body)["items"]
        files = " ".join(r["file"] or "" for r in rejects)
        for name in self.broken:
            self.assertIn(f"zz-{name}", files)
        for r in rejects:
            self.assertTrue(r["reason"])
        _, _, body = self.daemon.get("/api/v1/sources/chorus")
        run = json.loads(body)["last_sync"]
        self.assertEqual(run["outcome"], "ok")
        self.assertEqual(run["read"], run["accepted"] + run["rejected"])
        self.assertEqual(run["accepted"], len(self.invoices))

    def test_a_finance_sources_rejects_are_not_public(self):
        status, headers, _ = self.call("/api/v1/sources/chorus/rejects", token=None)
        self.assertEqual(status, 401)
        self.assertIn("Bearer", headers.get("WWW-Authenticate", ""))
        status, _, _ = self.call("/api/v1/sources/chorus/rejects", token="pas-le-bon-jeton")
        self.assertEqual(status, 401)
        status, _, page = self.daemon.get("/sources/chorus")
        self.assertEqual(status, 200)
        html = page.decode()
        self.assertIn("n’est pas public", html)
        self.assertNotIn("zz-02-malforme.xml", html)


if __name__ == "__main__":
    unittest.main()
