"""The exports of a real daemon: /export/offres.csv and /export/producteurs.csv open correctly in a
French Excel (BOM, ';', CRLF, decimal comma, formulas neutralized) with every row the API lists for
the same filters; /api/dfc/catalog is imported by the official DFC connector (npm
@datafoodconsortium/connector, through tests/dfc/import-catalog.mjs) with the API's products, names
and prices."""

import csv
import datetime
import decimal
import io
import json
import os
import shutil
import subprocess
import tempfile
import unittest
import urllib.parse

from harness import SOURCE_DIR, Daemon, Workspace
from publish_fixtures import FORMULAS, HOSTILE_SIRET, IMG, SCRIPT, hostile_price_list

SOURCES = """\
  - name: ferme-du-couserans
    connector: csv
    path: data/ferme-du-couserans.csv
    every: 1d
    producer_name: Ferme du Couserans
    producer_siret: "81234567600017"
    producer_street: Le Bourg
    producer_postcode: "09200"
    producer_city: Saint-Girons
  - name: cooperative-lauragais
    connector: csv
    path: data/cooperative-lauragais.csv
    every: 1d
  - name: hostile
    connector: csv
    path: data/hostile.csv
    every: 1d
  - name: agrilocal-09
    connector: agrilocal
    path: data/agrilocal-09.xml
    every: 1d
"""
DFC_DIR = SOURCE_DIR / "tests" / "dfc"
DFC_CONTEXT = "https://www.datafoodconsortium.org/wp-content/plugins/wordpress-context-jsonld/context_1.16.0.jsonld"


def french(amount):
    """An exact decimal as the CSV writes it: decimal comma, at least 2 decimals, at most 4."""
    d = decimal.Decimal(str(amount)).quantize(decimal.Decimal("0.0001")).normalize()
    text = f"{d:f}"
    if "." not in text:
        text += ".00"
    elif len(text.split(".")[1]) == 1:
        text += "0"
    return text.replace(".", ",")


class ExportsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        for name in ("ferme-du-couserans.csv", "cooperative-lauragais.csv", "agrilocal-09.xml"):
            cls.ws.copy_sample(name)
        cls.ws.write("data/hostile.csv", hostile_price_list())
        config = cls.ws.config(SOURCES)
        cls.daemon = Daemon(config, expected_sources=("ferme-du-couserans", "cooperative-lauragais", "hostile",
                                                      "agrilocal-09"))

    @classmethod
    def tearDownClass(cls):
        cls.daemon.stop()
        cls.ws.cleanup()

    def api(self, path, **params):
        code, body = self.daemon.get_json(path + "?" + urllib.parse.urlencode({**params, "limit": 1000}))
        self.assertEqual(code, 200, body)
        return body

    def csv_export(self, path, query=""):
        code, headers, body = self.daemon.get(path + query)
        self.assertEqual(code, 200, body[:300])
        self.assertEqual(headers["Content-Type"], "text/csv; charset=utf-8; header=present")
        stem = path.rsplit("/", 1)[1][:-4]
        self.assertRegex(headers["Content-Disposition"], rf'^attachment; filename="{stem}-\d{{4}}-\d{{2}}-\d{{2}}\.csv"$')
        self.assertTrue(body.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM first")
        text = body.decode("utf-8")[1:]
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        # Every record ends with CRLF (line breaks inside quoted cells are LF).
        self.assertTrue(text.endswith("\r\n"))
        self.assertEqual(text.count("\r\n"), len(rows))
        self.assertEqual(len({len(r) for r in rows}), 1, "every row has the header's cells")
        return [dict(zip(rows[0], r)) for r in rows[1:]], rows[0]

    def test_offers_csv_has_every_offer_the_api_lists_for_the_same_filters(self):
        for params in ({}, {"departement": "09"}, {"q": "yaourt"}, {"label": "BIO", "sort": "unit_price"},
                       {"source": "hostile", "sort": "updated"}):
            with self.subTest(params=params):
                api = self.api("/api/v1/offers", **params)
                rows, header = self.csv_export("/export/offres.csv", "?" + urllib.parse.urlencode(params))
                self.assertEqual(len(rows), api["total"])
                self.assertEqual([r["Page de l’offre"].rsplit("/", 1)[1] for r in rows], [o["id"] for o in api["items"]])
                for row, offer in zip(rows, api["items"]):
                    self.assertEqual(row["Prix HT"], french(offer["price"]["amount"]))
                    self.assertEqual(row["Prix unitaire HT"], french(offer["unit_price"]["amount"]))
                    self.assertEqual(row["Unité"], {"kg": "€/kg", "l": "€/L", "piece": "€/pièce"}[offer["unit_price"]["unit"]])
                    self.assertEqual(row["Plateforme"], offer["source"])
                    self.assertEqual(row["Référence"], offer["source_id"])
                    if offer["name"][0] not in "=+-@":
                        self.assertEqual(row["Produit"], offer["name"])
                    self.assertRegex(row["Mis à jour"], r"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$")
        self.assertEqual(header[:5], ["Produit", "Producteur", "SIRET", "Département", "Type de produit"])

    def test_offers_csv_reads_as_a_french_excel_expects(self):
        rows, _ = self.csv_export("/export/offres.csv", "?q=yaourt&source=ferme-du-couserans")
        self.assertEqual(len(rows), 1)
        row = rows[0]
        self.assertEqual(row["Prix HT"], "0,85")
        self.assertEqual(row["TVA (%)"], "5,5")
        self.assertEqual(row["Prix unitaire HT"], "6,80")
        self.assertEqual(row["SIRET"], "812 345 676 00017")  # text, not 8,12346E+13
        self.assertEqual(row["Département"], "09 · Ariège")  # text, not 9
        self.assertEqual(row["Labels"], "Bio (AB)")
        self.assertEqual(row["Quantité disponible"], "600 pot")
        today = datetime.date.today()
        self.assertRegex(row["Mis à jour"], rf"/{today.year}|/{today.year + 1}")

    def test_cells_a_spreadsheet_would_run_are_neutralized(self):
        rows, header = self.csv_export("/export/offres.csv", "?source=hostile")
        names = [r["Produit"] for r in rows]
        for formula in FORMULAS:
            self.assertIn("'" + formula, names)
        self.assertIn(SCRIPT, names)  # CSV has no markup: the text as it is
        self.assertEqual({r["Producteur"] for r in rows}, {IMG})
        for row in rows:
            for name, cell in row.items():
                self.assertFalse(cell[:1] in ("=", "+", "-", "@", "\t", "\r"), f"{name}: {cell!r}")
        producers, _ = self.csv_export("/export/producteurs.csv", "?source=hostile")
        self.assertEqual([p["Producteur"] for p in producers], [IMG])
        self.assertEqual(producers[0]["SIRET"], f"{HOSTILE_SIRET[:3]} {HOSTILE_SIRET[3:6]} {HOSTILE_SIRET[6:9]} "
                                                f"{HOSTILE_SIRET[9:]}")

    def test_producers_csv_is_the_shared_list_with_points_of_sale(self):
        for params in ({}, {"departement": "31"}, {"q": "couserans"}):
            with self.subTest(params=params):
                api = self.api("/api/v1/producers", **params)
                rows, _ = self.csv_export("/export/producteurs.csv", "?" + urllib.parse.urlencode(params))
                self.assertEqual([r["Producteur"] for r in rows], [p["name"] for p in api["items"]])
        rows, header = self.csv_export("/export/producteurs.csv", "?q=couserans")
        self.assertEqual(header[:5], ["Producteur", "SIRET", "Adresse", "Commune", "Département"])
        farm = rows[0]
        producer = self.api("/api/v1/producers", q="couserans")["items"][0]
        self.assertEqual(farm["Commune"], "09200 Saint-Girons")  # the 0 of 09200 survives Excel
        self.assertEqual(int(farm["Nombre de points de vente"]), len(producer["points_of_sale"]))
        places = farm["Points de vente"].split("\n")
        self.assertEqual(len(places), len(producer["points_of_sale"]))
        for line, pos in zip(places, producer["points_of_sale"]):
            self.assertTrue(line.startswith(pos["name"]), line)
        self.assertEqual(farm["Plateformes"], ", ".join(producer["sources"]))

    def test_head_and_bad_parameters(self):
        code, headers, body = self.daemon.get("/export/offres.csv", method="HEAD")
        self.assertEqual((code, body), (200, b""))
        self.assertIn("attachment", headers["Content-Disposition"])
        for query, words in (("?departement=9", "« departement » doit être un numéro de département"),
                             ("?limit=10", "Paramètre inconnu"), ("?label=bio", "« label » doit être un code de label")):
            code, headers, body = self.daemon.get("/export/offres.csv" + query)
            self.assertEqual(code, 400, query)
            self.assertEqual(headers["Content-Type"], "text/plain; charset=utf-8")
            self.assertNotIn("Content-Disposition", headers)
            self.assertIn(words, body.decode("utf-8"))
        code, _, body = self.daemon.get("/export/producteurs.csv?sort=name")
        self.assertEqual(code, 400)

    # ---- DFC ----

    @classmethod
    def dfc_import(cls, path):
        """What the official DFC connector reads in the catalogue at `path`."""
        if not (DFC_DIR / "node_modules" / "@datafoodconsortium" / "connector").is_dir():
            npm = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=DFC_DIR, capture_output=True, text=True,
                                 timeout=600)
            if npm.returncode != 0:
                raise AssertionError(f"npm ci in {DFC_DIR} failed:\n{npm.stdout}{npm.stderr}")
        with tempfile.NamedTemporaryFile("wb", suffix=".jsonld", delete=False) as f:
            f.write(cls.daemon.get(path)[2])
        try:
            out = subprocess.run(["node", "import-catalog.mjs", f.name], cwd=DFC_DIR, capture_output=True, text=True,
                                 timeout=300)
        finally:
            os.unlink(f.name)
        if out.returncode != 0:
            raise AssertionError(f"the DFC connector could not import {path}:\n{out.stderr}")
        return json.loads(out.stdout)

    def test_the_dfc_connector_imports_the_catalogue_with_the_apis_products_names_and_prices(self):
        self.assertTrue(shutil.which("node"), "node is needed (Debian nodejs)")
        code, headers, body = self.daemon.get("/api/dfc/catalog")
        self.assertEqual(code, 200)
        self.assertEqual(headers["Content-Type"], "application/ld+json")
        self.assertEqual(json.loads(body)["@context"], DFC_CONTEXT)

        for params in ({}, {"departement": "09"}, {"q": "yaourt"}):
            with self.subTest(params=params):
                api = self.api("/api/v1/offers", **params)
                imported = self.dfc_import("/api/dfc/catalog?" + urllib.parse.urlencode(params))
                products = {p["id"].rsplit("/", 1)[1]: p for p in imported["products"]}
                self.assertEqual(len(imported["products"]), api["total"])
                self.assertEqual(len(products), api["total"])
                self.assertEqual(imported["enterprises"], len({o["producer"]["id"] for o in api["items"]}))
                for offer in api["items"]:
                    p = products[offer["id"]]
                    self.assertEqual(p["name"], offer["name"])
                    self.assertEqual(decimal.Decimal(str(p["price"])), decimal.Decimal(str(offer["price"]["amount"])))
                    if offer["price"]["vat_rate"] is not None:
                        self.assertEqual(decimal.Decimal(str(p["vat"])), decimal.Decimal(str(offer["price"]["vat_rate"])))
                    self.assertEqual(p["unit"], "dfc-m:Euro")
                    self.assertEqual(p["sku"], offer["source_id"])
                    self.assertEqual(p["enterprise"], offer["producer"]["name"])
        hostile = self.dfc_import("/api/dfc/catalog?source=hostile")
        self.assertIn(SCRIPT, [p["name"] for p in hostile["products"]])  # JSON keeps it as text

    def test_dfc_bad_parameter_is_a_json_400(self):
        code, body = self.daemon.get_json("/api/dfc/catalog?label=bio")
        self.assertEqual(code, 400)
        self.assertEqual(body["error"]["parameter"], "label")


if __name__ == "__main__":
    unittest.main()
