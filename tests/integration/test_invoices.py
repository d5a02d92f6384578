"""The finance side on a real daemon: invoices from the test connector (tests/plugins/
test_invoices.cpp says what it emits), bearer tokens (401, 403, 200), filters and paging, schema
validity, status reports, the accounting CSV (also through `recolte invoices export`), the spend
summary computed here by hand, rejects, and tokens never written to the log."""

import csv
import hashlib
import io
import json
import os
import pathlib
import subprocess
import unittest
import urllib.request
import xml.etree.ElementTree as ET

from harness import BINARY, SOURCE_DIR, Daemon, SchemaChecker, Workspace, run

TEST_PLUGINS = pathlib.Path(os.environ.get("RECOLTE_TEST_PLUGINS", SOURCE_DIR / "build/lib/recolte/test-plugins"))
PLUGINS = pathlib.Path(os.environ.get("RECOLTE_PLUGIN_DIR", SOURCE_DIR / "build/lib/recolte/plugins"))

FINANCE = "jeton-finance-Zx81-secret"
ADMIN = "jeton-admin-Qw42-secret"
BOTH = "jeton-les-deux-Pk77-secret"
FOIX = "21345678900014"


def sha(token):
    return hashlib.sha256(token.encode()).hexdigest()


class InvoicesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        # The catalogue connector (csv) and the test connector, side by side in one plugin folder.
        plugins = cls.ws.dir / "plugins"
        plugins.mkdir()
        (plugins / "libcsv.so").symlink_to(PLUGINS / "libcsv.so")
        (plugins / "libtest_good.so").symlink_to(TEST_PLUGINS / "libtest_good.so")
        cls.ws.copy_sample("ferme-du-couserans.csv")
        cls.config = cls.ws.write("recolte.yaml", f"""\
http: {{bind: 127.0.0.1, port: 0, auth_free_failures: 1000}}
store: {{sqlite: {cls.ws.dir / 'hub.db'}}}
plugins: {plugins}
log: {{level: debug}}
auth:
  tokens:
    - {{name: compta-ccas, roles: [finance], sha256: {sha(FINANCE)}}}
    - {{name: informatique, roles: [admin], sha256: {sha(ADMIN)}}}
    - {{name: direction, roles: [admin, finance], sha256: {sha(BOTH)}}}
invoices: {{local_km: 80}}
sources:
  - name: ferme-du-couserans
    connector: csv
    path: data/ferme-du-couserans.csv
    producer_name: Ferme du Couserans
    producer_siret: "81234567600017"
    producer_postcode: "09200"
  - {{name: chorus, connector: test_good, path: nowhere, count: 0, invoices: 4}}
  - {{name: liste, connector: test_good, path: nowhere, count: 0, invoice_statuses: 2}}
  - {{name: cassees, connector: test_good, path: nowhere, count: 0, bad_invoices: true}}
""")
        cls.daemon = Daemon(cls.config, expected_sources=("ferme-du-couserans", "chorus", "liste", "cassees"))
        cls.schemas = SchemaChecker()

    @classmethod
    def tearDownClass(cls):
        cls.daemon.stop()
        cls.ws.cleanup()

    def call(self, path, token=FINANCE, method="GET", body=None):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        if body is None:
            return self.daemon.get(path, method=method, headers=headers)
        req = urllib.request.Request(self.daemon.base + path, data=body, method=method,
                                     headers={**headers, "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return resp.status, dict(resp.headers), resp.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def invoices(self, query="", status=200):
        code, _, body = self.call("/api/v1/invoices" + query)
        doc = json.loads(body)
        self.assertEqual(code, status, doc)
        self.assertEqual(self.schemas.errors("invoice" if status == 200 else "error", doc, as_list=status == 200), [])
        return doc

    # --- access -----------------------------------------------------------------------------

    ROUTES = ["/api/v1/invoices", "/api/v1/invoices/summary", "/api/v1/invoices/export.csv",
              "/api/v1/invoices/abc", "/api/v1/invoices/abc.ubl.xml", "/api/v1/invoices/abc.cii.xml"]

    def test_without_a_token_or_with_an_unknown_one_every_route_says_401(self):
        for path in self.ROUTES:
            for token in (None, "pas-un-jeton", sha(FINANCE)):
                with self.subTest(path=path, token=token):
                    code, headers, body = self.call(path, token=token)
                    self.assertEqual(code, 401)
                    self.assertTrue(headers.get("WWW-Authenticate", "").startswith("Bearer"), headers)
                    doc = json.loads(body)
                    self.assertEqual(self.schemas.errors("error", doc), [])
                    self.assertEqual(doc["error"]["code"], "unauthorized")
                    self.assertIn("jeton", doc["error"]["message"])
        code, headers, _ = self.call("/api/v1/invoices", token=None, method="POST", body=b"{}")
        self.assertEqual(code, 401)

    def test_an_admin_token_is_not_a_finance_token_but_one_may_carry_both(self):
        for path in self.ROUTES:
            with self.subTest(path=path):
                code, _, body = self.call(path, token=ADMIN)
                self.assertEqual(code, 403)
                self.assertEqual(json.loads(body)["error"]["code"], "forbidden")
        self.assertEqual(self.call("/api/v1/invoices", token=BOTH)[0], 200)
        self.assertEqual(self.call("/api/v1/invoices", token=FINANCE)[0], 200)

    def test_public_routes_stay_public_and_show_no_invoice(self):
        code, _, feed = self.daemon.get("/feed.atom")
        self.assertEqual(code, 200)
        self.assertNotIn(b"FA-2026", feed)
        code, _, offers = self.daemon.get("/export/offres.csv")
        self.assertEqual(code, 200)
        self.assertNotIn("FA-2026", offers.decode("utf-8"))
        code, body = self.daemon.get_json("/api/v1/offers?limit=1000")
        self.assertNotIn("FA-2026", json.dumps(body))

    # --- list, one invoice, filters -------------------------------------------------------

    def test_lists_filters_and_pages(self):
        everything = self.invoices("?limit=1000")
        numbers = sorted(i["number"] for i in everything["items"])
        expected = ["FA-2026-000", "FA-2026-001", "FA-2026-002", "FA-2026-003"]
        self.assertEqual(numbers, sorted(expected))
        self.assertEqual(self.invoices(f"?buyer={FOIX}")["total"], 4)
        self.assertEqual(self.invoices("?seller=81234567600017")["total"], 2)
        self.assertEqual(self.invoices("?seller=Primeurs%20Toulouse&buyer=CCAS%20Foix")["total"], 1)
        self.assertEqual(self.invoices("?service_code=SERVICE-0")["total"], 2)
        self.assertEqual(self.invoices(f"?buyer={FOIX}&from=2026-06-01")["total"], 2)
        self.assertEqual(self.invoices(f"?buyer={FOIX}&from=2026-05-01&to=2026-05-31")["total"], 2)
        first = self.invoices(f"?buyer={FOIX}&limit=3")
        rest = self.invoices(f"?buyer={FOIX}&limit=3&offset=3")
        self.assertEqual((first["total"], len(first["items"]), len(rest["items"])), (4, 3, 1))
        self.assertEqual(len({i["id"] for i in first["items"] + rest["items"]}), 4)
        # Newest issue date first.
        dates = [i["issue_date"] for i in first["items"] + rest["items"]]
        self.assertEqual(dates, sorted(dates, reverse=True))
        for query, parameter in (("?status=mandatee", "status"), ("?from=01/05/2026", "from"), ("?limit=0", "limit"),
                                 ("?vendeur=x", "vendeur"), ("?from=2026-06-01&to=2026-05-01", "to")):
            with self.subTest(query=query):
                self.assertEqual(self.invoices(query, status=400)["error"]["parameter"], parameter)

    def test_one_invoice_with_its_lines_labels_producer_and_status(self):
        items = self.invoices("?seller=81234567600017&from=2026-05-10&to=2026-05-10")["items"]
        self.assertEqual(len(items), 1)
        code, _, body = self.call("/api/v1/invoices/" + items[0]["id"])
        self.assertEqual(code, 200)
        inv = json.loads(body)
        self.assertEqual(self.schemas.errors("invoice", inv), [])
        self.assertEqual(inv, items[0])
        self.assertEqual(inv["number"], "FA-2026-000")
        self.assertEqual(inv["totals"], {"line_net": 31.0, "allowances": None, "charges": None, "tax_exclusive": 31.0,
                                         "tax": 1.71, "tax_inclusive": 32.71, "prepaid": None, "rounding": None,
                                         "payable": 32.71})
        self.assertIn('"payable":32.71', body.decode("utf-8"))
        self.assertIn('"net_amount":25.00', body.decode("utf-8"))
        self.assertEqual(inv["lines"][0]["labels"], ["BIO"])
        self.assertEqual(inv["buyer_reference"], "SERVICE-0")
        self.assertEqual(inv["order_reference"], "ENG-0")
        self.assertEqual(inv["seller"]["address"]["departement"], "09")
        # The catalogue's producer with the same SIRET (the csv source).
        code, producer = self.daemon.get_json("/api/v1/producers/" + inv["seller_producer_id"])
        self.assertEqual(code, 200)
        self.assertEqual(producer["siret"], "81234567600017")
        # The list of the "liste" source reports CPP-0 as MANDATEE: latest status wins, history kept.
        self.assertEqual(inv["status"], "MANDATEE")
        self.assertEqual([e["status"] for e in inv["status_history"]], ["MISE_A_DISPOSITION", "MANDATEE"])
        code, _, body = self.call("/api/v1/invoices/inconnue")
        self.assertEqual(code, 404)
        self.assertEqual(self.schemas.errors("error", json.loads(body)), [])
        for suffix in (".ubl.xml", ".cii.xml"):  # the id is what comes before the suffix
            code, _, body = self.call("/api/v1/invoices/inconnue" + suffix)
            self.assertEqual(code, 404)
            self.assertIn("« inconnue »", json.loads(body)["error"]["message"])
        code, headers, _ = self.call("/api/v1/invoices/" + inv["id"], method="DELETE")
        self.assertEqual(code, 405)
        self.assertEqual(headers["Allow"], "GET, HEAD")
        code, headers, _ = self.call("/api/v1/invoices", method="PUT")
        self.assertEqual((code, headers["Allow"]), (405, "GET, HEAD, POST"))

    def test_status_reports_apply_by_chorus_id_or_siret_and_number(self):
        mandated = self.invoices("?status=MANDATEE")
        self.assertEqual(sorted(i["number"] for i in mandated["items"]), ["FA-2026-000", "FA-2026-001"])
        self.assertEqual(self.invoices("?status=MISE_A_DISPOSITION&buyer=" + FOIX)["total"], 2)

    # --- rejects ------------------------------------------------------------------------------

    def rejects(self):
        code, body = self.daemon.get_json("/api/v1/sources/cassees/rejects")
        self.assertEqual(code, 200)
        return body["items"]

    def test_an_invoice_without_number_is_a_reject_naming_the_file(self):
        reasons = {pathlib.PurePath(r["file"]).name: r["reason"] for r in self.rejects()}
        self.assertIn("numéro de facture absent (BT-1, règle BR-02)", reasons["sans-numero.xml"])
        code, sources = self.daemon.get_json("/api/v1/sources/cassees")
        counts = sources["last_sync"]
        self.assertEqual(counts["read"], counts["accepted"] + counts["rejected"])

    def test_totals_that_do_not_add_up_are_a_reject_naming_the_rule(self):
        reasons = {pathlib.PurePath(r["file"]).name: r["reason"] for r in self.rejects()}
        self.assertIn("totaux-faux.xml", reasons)
        self.assertIn("BR-CO-10", reasons["totaux-faux.xml"])
        self.assertEqual(self.invoices("?buyer=26090001500017")["total"], 0)

    # --- exports --------------------------------------------------------------------------------

    def test_accounting_csv_for_a_french_excel(self):
        code, headers, body = self.call(f"/api/v1/invoices/export.csv?buyer={FOIX}")
        self.assertEqual(code, 200)
        self.assertTrue(headers["Content-Type"].startswith("text/csv"))
        self.assertIn("attachment", headers["Content-Disposition"])
        self.assertTrue(body.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.reader(io.StringIO(body[3:].decode("utf-8"), newline=""), delimiter=";"))
        self.assertEqual(rows[0][:3], ["N° de facture", "Date de facture", "Date d'échéance"])
        self.assertEqual(len(rows[0]), 16)
        self.assertEqual(len(rows), 1 + 4 * 2, "one row per invoice line")
        by_number = {}
        for r in rows[1:]:
            by_number.setdefault(r[0], []).append(r)
        first = by_number["FA-2026-000"][0]
        self.assertEqual(first, ["FA-2026-000", "10/05/2026", "31/08/2026", "Ferme de test", "812 345 676 00017",
                                 "CCAS de Foix", "SERVICE-0", "ENG-0", "Pommes bio", "10", "KGM", "25,00", "5,5",
                                 "1,38", "32,71", "MANDATEE"])
        self.assertEqual(by_number["FA-2026-001"][1][8], "'=1+1", "a formula is neutralized")

    def test_the_export_command_writes_the_same_file(self):
        out = self.ws.dir / "compta.csv"
        result = run("invoices", "export", "--config", str(self.config), "--out", str(out), "--buyer", FOIX)
        self.assertEqual(result.returncode, 0, result.stderr)
        _, _, body = self.call(f"/api/v1/invoices/export.csv?buyer={FOIX}")
        self.assertEqual(out.read_bytes(), body)
        bad = run("invoices", "export", "--config", str(self.config), "--from", "mai")
        self.assertEqual(bad.returncode, 64)
        self.assertIn("--from expects a date YYYY-MM-DD", bad.stderr)

    def test_spend_summary_per_buyer_and_month(self):
        code, _, body = self.call(f"/api/v1/invoices/summary?buyer={FOIX}")
        self.assertEqual(code, 200)
        doc = json.loads(body)
        self.assertEqual(self.schemas.errors("invoice-summary", doc), [])
        # By hand, from test_invoices.cpp: every invoice is 25.00 "Pommes bio" + 6.00 of a second line.
        # May: FA-000 and FA-002 (seller in the 09, like the buyer: local); FA-002's second line is
        #   "Poulet Label Rouge". Total 62.00, organic 50.00, EGalim 56.00, local 62.00.
        # June: FA-001 (Gers, not local), FA-003 (Toulouse, about 72 km from Foix, within local_km 80).
        #   Total 62.00, organic 50.00, EGalim 50.00, local 31.00.
        buyer = {"name": "CCAS de Foix", "siret": FOIX}
        self.assertEqual(doc, {"items": [
            {"buyer": buyer, "month": "2026-05", "invoices": 2, "total_excl_vat": 62.0,
             "organic": {"amount": 50.0, "share": 0.8065}, "egalim": {"amount": 56.0, "share": 0.9032},
             "local": {"amount": 62.0, "share": 1}},
            {"buyer": buyer, "month": "2026-06", "invoices": 2, "total_excl_vat": 62.0,
             "organic": {"amount": 50.0, "share": 0.8065}, "egalim": {"amount": 50.0, "share": 0.8065},
             "local": {"amount": 31.0, "share": 0.5}}], "total": 2, "local_km": 80})

    def test_any_stored_invoice_as_ubl_and_cii(self):
        inv = self.invoices("?limit=1")["items"][0]
        for suffix, root in ((".ubl.xml", "Invoice"), (".cii.xml", "CrossIndustryInvoice")):
            code, headers, body = self.call("/api/v1/invoices/" + inv["id"] + suffix)
            self.assertEqual(code, 200, body[:300])
            self.assertTrue(headers["Content-Type"].startswith("application/xml"))
            tag = ET.fromstring(body).tag
            self.assertEqual(tag.rsplit("}", 1)[-1], root)
            self.assertIn(inv["number"].encode(), body)

    def test_a_description_that_cannot_be_read_is_a_400(self):
        code, _, body = self.call("/api/v1/invoices", method="POST", body=b"{pas du json")
        self.assertEqual(code, 400, body)
        doc = json.loads(body)
        self.assertEqual(self.schemas.errors("error", doc), [])
        self.assertIn("description de facture invalide", doc["error"]["message"])

    # --- tokens -----------------------------------------------------------------------------------

    def test_hash_token_prints_the_sha256_of_standard_input(self):
        result = subprocess.run([BINARY, "hash-token"], input=FINANCE + "\n", capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, sha(FINANCE) + "\n")
        empty = subprocess.run([BINARY, "hash-token"], input="", capture_output=True, text=True)
        self.assertEqual(empty.returncode, 64)

    def test_zz_no_token_ever_reaches_the_log(self):
        # Runs last (unittest sorts by name), after every request above; the log is at debug level.
        for token in (FINANCE, ADMIN, BOTH, "pas-un-jeton"):
            self.call("/api/v1/invoices", token=token)
            self.call("/api/v1/invoices/summary", token=token)
        log = self.daemon.output()
        self.assertIn("informatique", log, "the 403 names the token by its configured name")
        for secret in (FINANCE, ADMIN, BOTH, "pas-un-jeton"):
            self.assertNotIn(secret, log)


if __name__ == "__main__":
    unittest.main()
