"""The agrilocal connector end to end: the bundled Ariège export and a small Haute-Garonne one synced
by the real daemon beside the csv samples; /api/v1/needs and its filters (product_type, departement,
status, open_on), producers merged across platforms, offers, all checked against schemas/; then the
CLI on an unchanged, a truncated and a hostile (XXE) export."""

import re
import unittest
import urllib.parse

from harness import SAMPLES, Daemon, SchemaChecker, Workspace, run

SAMPLE = "agrilocal-09.xml"

# A second site, written by the test: two consultations and one supplier of Haute-Garonne.
EXPORT_31 = """<?xml version="1.0" encoding="UTF-8"?>
<export site="31" genere-le="2026-11-20T06:10:00+01:00">
  <consultations>
    <consultation id="AGL31-2026-0051">
      <acheteur siret="19310987600014" type="college"><nom>Collège Jean Jaurès</nom></acheteur>
      <produit type="légumes secs">Lentilles vertes</produit>
      <quantite unite="kg">120</quantite>
      <livraison debut="2027-01-04" fin="2027-06-30">
        <lieu><code-postal>31290</code-postal><commune>Villefranche-de-Lauragais</commune></lieu>
      </livraison>
      <date-limite>2026-12-10</date-limite>
      <statut>ouverte</statut>
    </consultation>
    <consultation id="AGL31-2026-0052">
      <acheteur type="ccas"><nom>CCAS de Nailloux</nom></acheteur>
      <produit type="légumes">Carottes</produit>
      <quantite unite="kg">90</quantite>
      <livraison debut="2026-12-07"><lieu><code-postal>31560</code-postal><commune>Nailloux</commune></lieu></livraison>
      <date-limite>02/12/2026 12:00</date-limite>
      <statut>ouverte</statut>
    </consultation>
  </consultations>
  <fournisseurs>
    <fournisseur siret="79845612500011">
      <nom>Moulin de Nailloux</nom>
      <adresse><rue>Route de Villefranche</rue><code-postal>31560</code-postal><commune>Nailloux</commune></adresse>
      <produit id="FARINE-T65" type="farine" labels="AB"><designation>Farine de blé T65</designation><prix unite="kg">1,85</prix></produit>
    </fournisseur>
  </fournisseurs>
</export>
"""

AGRILOCAL = """\
  - name: agrilocal-09
    connector: agrilocal
    path: data/agrilocal-09.xml
    every: 6h
  - name: agrilocal-31
    connector: agrilocal
    path: data/agrilocal-31.xml
    every: 6h
"""

CSV_SOURCES = """\
  - name: ferme-du-couserans
    connector: csv
    path: data/ferme-du-couserans.csv
    every: 1h
    producer_name: Ferme du Couserans
    producer_siret: "81234567600017"
    producer_postcode: "09200"
  - name: cooperative-lauragais
    connector: csv
    path: data/cooperative-lauragais.csv
    every: 1h
"""

ALL = ("agrilocal-09", "agrilocal-31", "ferme-du-couserans", "cooperative-lauragais")


class AgrilocalApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        for name in (SAMPLE, "ferme-du-couserans.csv", "cooperative-lauragais.csv"):
            cls.ws.copy_sample(name)
        cls.ws.write("data/agrilocal-31.xml", EXPORT_31)
        cls.daemon = Daemon(cls.ws.config(AGRILOCAL + CSV_SOURCES), expected_sources=ALL)
        cls.schemas = SchemaChecker()

    @classmethod
    def tearDownClass(cls):
        cls.daemon.stop()
        cls.ws.cleanup()

    def get(self, path, schema, as_list=False):
        code, body = self.daemon.get_json(path)
        self.assertEqual(code, 200, f"{path}: {body}")
        self.assertEqual(self.schemas.errors(schema, body, as_list=as_list), [], f"{path} does not match {schema}")
        return body

    def needs(self, **params):
        params.setdefault("limit", 1000)
        return self.get("/api/v1/needs?" + urllib.parse.urlencode(params), "need", as_list=True)

    def ids(self, **params):
        return sorted(n["source_id"] for n in self.needs(**params)["items"])

    def test_sync_counts_read_equals_accepted_plus_rejected(self):
        runs = {s["name"]: s["last_sync"] for s in self.get("/api/v1/sources", "source", as_list=True)["items"]}
        sync = runs["agrilocal-09"]
        self.assertEqual(sync["outcome"], "ok", sync)
        # 6 consultations + 4 suppliers + 8 products, none refused.
        self.assertEqual((sync["read"], sync["accepted"], sync["rejected"]), (18, 18, 0))
        self.assertEqual((runs["agrilocal-31"]["read"], runs["agrilocal-31"]["rejected"]), (4, 0))

    def test_consultations_are_needs_with_every_field(self):
        body = self.needs(source="agrilocal-09")
        self.assertEqual(body["total"], 6)
        by_id = {n["source_id"]: n for n in body["items"]}
        potatoes = by_id["09:AGL09-2026-0141"]
        self.assertEqual(potatoes["title"], "Pommes de terre pour la cuisine centrale")
        self.assertEqual(potatoes["buyer"], {"name": "CCAS de Foix", "siret": "26090012300019", "kind": "ccas"})
        self.assertEqual(potatoes["product_type"], "vegetable")
        self.assertEqual(potatoes["quantity"], {"value": 400, "unit": "kg"})
        self.assertEqual((potatoes["delivery_from"], potatoes["delivery_to"]), ("2026-12-01", "2027-02-26"))
        self.assertEqual(potatoes["answer_deadline"], "2026-11-30T12:00")
        self.assertEqual(potatoes["criteria"], "Prix (40 %) ; Origine locale (30 %) ; Qualité gustative (30 %)")
        self.assertEqual(potatoes["contract_type"], "Marché à bons de commande")
        self.assertEqual(potatoes["place"]["postcode"], "09000")
        self.assertEqual(potatoes["place"]["departement"], "09")
        self.assertEqual(potatoes["status"], "open")
        self.assertEqual(by_id["09:AGL09-2026-0142"]["buyer"]["kind"], "college")
        self.assertEqual(by_id["09:AGL09-2026-0142"]["quantity"], {"value": 1500, "unit": "pot"})
        self.assertEqual(by_id["09:AGL09-2026-0131"]["buyer"]["kind"], "other")  # an EHPAD
        one = self.get("/api/v1/needs/" + potatoes["id"], "need")
        self.assertEqual(one, potatoes)

    def test_needs_filters(self):
        self.assertEqual(self.needs()["total"], 8)
        self.assertEqual(self.ids(product_type="vegetable"),
                         ["09:AGL09-2026-0128", "09:AGL09-2026-0141", "31:AGL31-2026-0052"])
        self.assertEqual(self.ids(product_type="dried-vegetable"), ["31:AGL31-2026-0051"])
        self.assertEqual(len(self.ids(departement="09")), 6)
        self.assertEqual(self.ids(departement="31"), ["31:AGL31-2026-0051", "31:AGL31-2026-0052"])
        self.assertEqual(self.ids(status="awarded"), ["09:AGL09-2026-0128"])
        closed = self.needs(status="closed")["items"]
        self.assertEqual([n["source_id"] for n in closed], ["09:AGL09-2026-0131"])
        self.assertEqual(closed[0]["status_reason"], "Aucune offre reçue dans le délai")
        self.assertEqual(len(self.ids(status="open")), 6)
        # Open on a day: still open and the answer deadline not passed.
        self.assertEqual(self.ids(open_on="2026-12-05"),
                         ["09:AGL09-2026-0143", "09:AGL09-2026-0144", "31:AGL31-2026-0051"])
        self.assertEqual(len(self.ids(open_on="2026-11-28")), 6)
        self.assertEqual(self.ids(open_on="2027-01-01"), [])
        self.assertEqual(self.ids(product_type="vegetable", departement="31", open_on="2026-12-01"),
                         ["31:AGL31-2026-0052"])

    def test_producers_merge_across_platforms_by_siret(self):
        producers = self.get("/api/v1/producers?limit=1000", "producer", as_list=True)["items"]
        by_siret = {p["siret"]: p for p in producers if p["siret"]}
        self.assertEqual(sorted(by_siret["81234567600017"]["sources"]),
                         ["agrilocal-09", "cooperative-lauragais", "ferme-du-couserans"])
        self.assertEqual(sorted(by_siret["88321456100010"]["sources"]), ["agrilocal-09", "cooperative-lauragais"])
        self.assertEqual(sorted(by_siret["90312547400010"]["sources"]), ["agrilocal-09", "cooperative-lauragais"])
        self.assertEqual(sorted(by_siret["79845612500011"]["sources"]), ["agrilocal-31", "cooperative-lauragais"])
        one = self.get("/api/v1/producers/" + by_siret["81234567600017"]["id"], "producer")
        kinds = sorted(p["kind"] for p in one["points_of_sale"])
        self.assertEqual(kinds, ["farm_shop", "market"])
        # Without a SIRET: kept for this platform only, and flagged.
        garden = [p for p in producers if p["name"] == "Les Jardins de Lavelanet"]
        self.assertEqual(len(garden), 1)
        self.assertTrue(garden[0]["siret_missing"])
        self.assertEqual(garden[0]["sources"], ["agrilocal-09"])

    def test_supplier_products_are_offers_with_unit_prices(self):
        body = self.get("/api/v1/offers?source=agrilocal-09&limit=100", "offer", as_list=True)
        self.assertEqual(body["total"], 8)
        by_id = {o["source_id"]: o for o in body["items"]}
        yogurt = by_id["09:81234567600017:YAOURT-BREBIS"]  # 0,85 the 125 g pot
        self.assertEqual(yogurt["unit_price"], {"amount": 6.8, "unit": "kg"})
        self.assertEqual(yogurt["labels"], ["BIO"])
        self.assertEqual(yogurt["producer"]["siret"], "81234567600017")
        self.assertEqual(by_id["09:90312547400010:REINETTE"]["labels"], ["HVE"])
        self.assertEqual(by_id["09:F09-0107:CAROTTES"]["departement"], "09")


def summary(stdout, source="agrilocal-09"):
    line = next((l for l in stdout.splitlines() if l.startswith(source + ":")), "")
    return {k: int(v) for k, v in re.findall(r"(read|accepted|rejected|added|changed|removed|unchanged) (\d+)", line)}


class AgrilocalSyncTest(unittest.TestCase):
    def setUp(self):
        self.ws = Workspace()
        self.sample = self.ws.copy_sample(SAMPLE)
        self.config = self.ws.config(AGRILOCAL.split("  - name: agrilocal-31")[0])

    def tearDown(self):
        self.ws.cleanup()

    def sync(self, expect_ok=True):
        result = run("sync", "--config", str(self.config))
        self.assertEqual(result.returncode, 0 if expect_ok else 1, result.stdout + result.stderr)
        return result

    def test_unchanged_truncated_and_hostile_exports(self):
        first = summary(self.sync().stdout)
        self.assertEqual((first["read"], first["accepted"], first["rejected"], first["added"]), (18, 18, 0, 14))

        again = summary(self.sync().stdout)
        self.assertEqual((again["read"], again["unchanged"]), (0, 14), "an unchanged export is not read again")

        good = self.sample.read_bytes()
        # Cut in the middle of a consultation: the sync fails naming the line, nothing is removed.
        cut = good[: good.index(b"AGL09-2026-0128") + 40]
        self.sample.write_bytes(cut)
        failed = self.sync(expect_ok=False)
        out = failed.stdout + failed.stderr
        self.assertRegex(failed.stdout, r"agrilocal-09: failed")
        last_line = cut.count(b"\n") + 1
        self.assertIn(f"{SAMPLE}:{last_line}", out)
        self.assertIn("fichier tronqué", out)

        # An external entity: refused at its declaration, the file's content never read.
        self.sample.write_bytes(good.replace(b"<export site", b'<!DOCTYPE export [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<export site', 1))
        hostile = self.sync(expect_ok=False)
        out = hostile.stdout + hostile.stderr
        self.assertIn("« x »", out)
        self.assertNotIn("root:", out)

        # Back to the good bytes: the store still holds them, bookmark included.
        self.sample.write_bytes(good)
        restored = summary(self.sync().stdout)
        self.assertEqual((restored["read"], restored["removed"], restored["unchanged"]), (0, 0, 14))


if __name__ == "__main__":
    unittest.main()
