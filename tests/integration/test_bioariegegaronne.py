"""The bioariegegaronne connector through the real daemon: a catalogue written by the official DFC
connector (npm @datafoodconsortium/connector, run here with `npm ci` then node), the bundled Bio
Ariège Garonne sample merged with a farm's CSV by SIRET, and a catalogue of bad nodes whose rejects
name their JSON path. Every response is checked against schemas/."""

import fcntl
import os
import shutil
import subprocess
import tempfile
import unittest
import urllib.parse

from harness import SOURCE_DIR, Daemon, SchemaChecker, Workspace

DFC_PROJECT = SOURCE_DIR / "tests" / "dfc"
TESTDATA = SOURCE_DIR / "plugins" / "bioariegegaronne" / "testdata"


# Every test that runs npm in tests/dfc holds this lock: `npm ci` deletes node_modules, which would
# break a node run of another test that ctest started in parallel.
NPM_LOCK = os.path.join(tempfile.gettempdir(), "recolte-tests-dfc-npm.lock")


def export_with_official_connector(target):
    """`npm ci` in tests/dfc (its package-lock.json pins @datafoodconsortium/connector), then the
    export script writes the catalogue to `target`."""
    npm, node = shutil.which("npm"), shutil.which("node")
    if not npm or not node:
        raise unittest.SkipTest("node and npm are needed (scripts/deps.sh test installs them)")
    with open(NPM_LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for args in ([npm, "ci", "--no-audit", "--no-fund", "--prefer-offline"], [node, "export_catalog.mjs", str(target)]):
            done = subprocess.run(args, cwd=DFC_PROJECT, capture_output=True, text=True, timeout=600)
            if done.returncode != 0:
                raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


class BioAriegeGaronneTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        exported = cls.ws.dir / "data" / "dfc-officiel.jsonld"
        exported.parent.mkdir(parents=True, exist_ok=True)
        export_with_official_connector(exported)
        cls.ws.copy_sample("bio-ariege-garonne.jsonld")
        cls.ws.copy_sample("ferme-du-couserans.csv")
        shutil.copy(TESTDATA / "rejets.jsonld", cls.ws.dir / "data" / "rejets.jsonld")
        sources = f"""\
  - name: dfc-officiel
    connector: bioariegegaronne
    path: {exported}
    every: 1h
  - name: bio-ariege-garonne
    connector: bioariegegaronne
    path: {cls.ws.dir / "data" / "bio-ariege-garonne.jsonld"}
    every: 1h
  - name: ferme-du-couserans
    connector: csv
    path: {cls.ws.dir / "data" / "ferme-du-couserans.csv"}
    every: 1h
    producer_name: Ferme du Couserans
    producer_siret: "81234567600017"
    producer_postcode: "09200"
    producer_city: Saint-Girons
  - name: rejets
    connector: bioariegegaronne
    path: {cls.ws.dir / "data" / "rejets.jsonld"}
    every: 1h
"""
        config = cls.ws.config(sources)
        cls.daemon = Daemon(config, expected_sources=("dfc-officiel", "bio-ariege-garonne", "ferme-du-couserans", "rejets"))
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

    def offers(self, **params):
        return self.get("/api/v1/offers?" + urllib.parse.urlencode({"limit": 1000, **params}), "offer", as_list=True)

    def runs(self):
        body = self.get("/api/v1/sources", "source", as_list=True)
        return {s["name"]: s["last_sync"] for s in body["items"]}

    def test_official_dfc_connector_export_lands_with_names_prices_units_types_and_labels(self):
        body = self.offers(source="dfc-officiel")
        self.assertEqual(body["total"], 7)
        by_name = {o["name"]: o for o in body["items"]}
        expected = {
            # name: (price, price unit, unit price, base unit, product type, labels)
            "Carottes": (2.4, "1 kg", 2.4, "kg", "carrot", ["BIO"]),
            "Pommes de terre Agata": (7.5, "5 kg", 1.5, "kg", "potato", ["BIO"]),
            "Œufs fermiers": (2.1, "6 pièces", 0.35, "piece", "egg", ["BIO"]),
            "Poulet fermier Label Rouge": (16.2, "1 pièce", 9.0, "kg", "chicken", ["LABEL_ROUGE"]),
            "Tomme des Pyrénées": (9.25, "500 g", 18.5, "kg", "mature-cheese", ["IGP"]),
            "Fronton rouge 2022": (9.5, "1 bouteille", 12.6667, "l", "wine", ["AOCAOP", "HVE"]),
            "Jus de raisin": (3.2, "1 L", 3.2, "l", "fruit-juice", []),
        }
        self.assertEqual(sorted(by_name), sorted(expected))
        for name, (price, unit, unit_price, base, ptype, labels) in expected.items():
            o = by_name[name]
            self.assertEqual(o["price"]["amount"], price, name)
            self.assertEqual(o["price"]["currency"], "EUR", name)
            self.assertEqual(o["price"]["unit"], unit, name)
            self.assertEqual(o["unit_price"], {"amount": unit_price, "unit": base}, name)
            self.assertEqual(o["product_type"], ptype, name)
            self.assertEqual(o["labels"], labels, name)
        self.assertEqual(by_name["Fronton rouge 2022"]["price"]["vat_rate"], 20)
        self.assertEqual(by_name["Fronton rouge 2022"]["packaging"], "75 cl")
        self.assertEqual(by_name["Fronton rouge 2022"]["departement"], "31")
        self.assertEqual(by_name["Carottes"]["departement"], "09")
        run = self.runs()["dfc-officiel"]
        self.assertEqual((run["outcome"], run["read"], run["accepted"], run["rejected"]), ("ok", 7, 7, 0))

    def test_bundled_sample_is_served_and_its_producers_merge_by_siret(self):
        body = self.offers(source="bio-ariege-garonne")
        self.assertEqual(body["total"], 15)
        by_name = {o["name"]: o for o in body["items"]}
        self.assertEqual(by_name["Miel de montagne"]["unit_price"], {"amount": 19.0, "unit": "kg"})
        self.assertEqual(by_name["Yaourt nature au lait de brebis"]["unit_price"], {"amount": 7.2, "unit": "kg"})
        self.assertEqual(by_name["Courgettes"]["labels"], ["BIO"])
        self.assertEqual({o["departement"] for o in body["items"]}, {"09", "31"})

        producers = self.get("/api/v1/producers?limit=100", "producer", as_list=True)["items"]
        couserans = [p for p in producers if p["siret"] == "81234567600017"]
        self.assertEqual(len(couserans), 1, "one producer per SIRET")
        self.assertEqual(couserans[0]["sources"], ["bio-ariege-garonne", "dfc-officiel", "ferme-du-couserans"])
        pamiers = next(p for p in producers if p["siret"] == "90312547400010")
        self.assertEqual(pamiers["points_of_sale"][0]["name"], "Marché de Pamiers")
        self.assertEqual(pamiers["points_of_sale"][0]["kind"], "market")
        self.assertEqual(pamiers["points_of_sale"][0]["opening_hours"], "mardi 07:30-12:30 ; samedi 07:30-13:00")
        rucher = next(p for p in producers if p["name"] == "Le Rucher de l'Arize")
        self.assertTrue(rucher["siret_missing"], "a producer without SIRET is kept per source and flagged")
        self.assertEqual(rucher["sources"], ["bio-ariege-garonne"])

    def test_bad_nodes_are_rejects_naming_their_json_path(self):
        run = self.runs()["rejets"]
        self.assertEqual(run["outcome"], "ok")
        self.assertEqual(run["read"], run["accepted"] + run["rejected"])
        # 12 read: Carottes accepted; the hub refuses the negative price and the invalid SIRET.
        self.assertEqual((run["read"], run["accepted"], run["rejected"]), (12, 1, 11))
        rejects = self.get("/api/v1/sources/rejets/rejects?limit=100", "reject", as_list=True)["items"]
        self.assertEqual(len(rejects), 11)
        for r in rejects:
            self.assertTrue(r["file"].endswith("rejets.jsonld"), r)
            self.assertRegex(r["element"], r"^@graph\[\d+\]$")
            self.assertGreater(r["line"], 1)
            self.assertTrue(r["reason"], r)
        reasons = " | ".join(r["reason"] for r in rejects)
        for part in ("unité inconnue : « dfc-m:Brouette »", "prix négatif", "SIRET invalide", "prix manquant",
                     "article sans offre", "prix illisible", "pas un nœud JSON-LD", "qu'aucun article de catalogue"):
            self.assertIn(part, reasons)


if __name__ == "__main__":
    unittest.main()
