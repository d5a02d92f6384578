"""The mangerbio connector end to end: the bundled Socleo catalogue synced by the real daemon beside
the csv samples, its offers, merged producers and rejects served by the API and checked against
schemas/; then the CLI on the same catalogue re-encoded, unchanged, and cut short."""

import re
import unittest
import urllib.parse

from harness import SAMPLES, Daemon, SchemaChecker, Workspace, run

SAMPLE = "mangerbio-occitanie.csv"

MANGERBIO = """\
  - name: manger-bio
    connector: mangerbio
    path: data/mangerbio-occitanie.csv
    every: 1h
    producer_sirets: {P04: "90312547400010"}
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


class MangerBioApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        for name in (SAMPLE, "ferme-du-couserans.csv", "cooperative-lauragais.csv"):
            cls.ws.copy_sample(name)
        config = cls.ws.config(MANGERBIO + CSV_SOURCES)
        cls.daemon = Daemon(config, expected_sources=("manger-bio", "ferme-du-couserans", "cooperative-lauragais"))
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
        params.setdefault("source", "manger-bio")
        params.setdefault("limit", 1000)
        return self.get("/api/v1/offers?" + urllib.parse.urlencode(params), "offer", as_list=True)

    def test_sync_counts_read_equals_accepted_plus_rejected(self):
        runs = {s["name"]: s["last_sync"] for s in self.get("/api/v1/sources", "source", as_list=True)["items"]}
        sync = runs["manger-bio"]
        self.assertEqual(sync["outcome"], "ok", sync)
        self.assertEqual((sync["read"], sync["accepted"], sync["rejected"]), (30, 29, 1))

    def test_the_deliberate_mistake_is_a_reject_with_file_line_column(self):
        rejects = self.get("/api/v1/sources/manger-bio/rejects", "reject", as_list=True)
        self.assertEqual(rejects["total"], 1)
        reject = rejects["items"][0]
        self.assertTrue(reject["file"].endswith(SAMPLE), reject)
        self.assertEqual(reject["line"], 28)  # MB-0603
        self.assertEqual(reject["column"], "Unité de prix")
        self.assertIn("« L »", reject["reason"])
        self.assertIn("Lait cru entier", reject["excerpt"])

    def test_offers_carry_socleo_codes_mapped(self):
        body = self.offers()
        self.assertEqual(body["total"], 29)
        by_ref = {o["source_id"]: o for o in body["items"]}
        miel = by_ref["MB-0501"]  # 8,50 U the 500 g pot, TVA code 1, [EU][AB]
        self.assertEqual(miel["price"]["amount"], 8.5)
        self.assertEqual(miel["price"]["unit"], "pièce")
        self.assertEqual(miel["price"]["vat_rate"], 5.5)
        self.assertEqual(miel["unit_price"], {"amount": 17, "unit": "kg"})
        self.assertEqual(miel["labels"], ["BIO"])
        self.assertEqual(miel["ean"], "3760555111220")
        self.assertEqual(miel["lead_time_days"], 7)
        self.assertEqual(miel["departement"], "11")
        lentilles = by_ref["MB-0201"]  # K, sac of 5 kg
        self.assertEqual(lentilles["unit_price"], {"amount": 4.4, "unit": "kg"})
        self.assertEqual(lentilles["packaging"], "Sac de 5 kg")
        self.assertEqual(lentilles["quantity_available"]["unit"], "kg")
        self.assertEqual(lentilles["product_type"], "dried-vegetable")
        self.assertEqual(by_ref["MB-0203"]["labels"], ["LABEL_ROUGE", "IGP"])
        self.assertEqual(by_ref["MB-0204"]["labels"], ["CONVERSION_BIO"])
        self.assertEqual(by_ref["MB-0702"]["price"]["vat_rate"], 20)
        self.assertEqual(by_ref["MB-0102"]["pieces_per_pack"], 12)
        self.assertIsNone(by_ref["MB-0503"].get("ean"), "a wrong EAN check digit drops the EAN")
        # Filters work on the connector's data like on any other.
        self.assertEqual(self.offers(label="CONVERSION_BIO")["total"], 2)
        self.assertEqual({o["departement"] for o in self.offers(departement="11")["items"]}, {"11"})

    def test_producers_merge_across_platforms_by_siret(self):
        producers = self.get("/api/v1/producers?limit=1000", "producer", as_list=True)["items"]
        by_siret = {p["siret"]: p for p in producers if p["siret"]}
        self.assertIn("manger-bio", by_siret["81234567600017"]["sources"])
        self.assertIn("ferme-du-couserans", by_siret["81234567600017"]["sources"])
        self.assertEqual(sorted(by_siret["88321456100010"]["sources"]), ["cooperative-lauragais", "manger-bio"])
        pamiers = by_siret["90312547400010"]  # SIRET given by producer_sirets, not by the export
        self.assertEqual(pamiers["name"], "Vergers de Pamiers")
        self.assertEqual(pamiers["address"]["departement"], "09")
        # Without a SIRET: kept for this platform only, and flagged.
        leze = [p for p in producers if p["name"] == "Les Jardins de la Lèze"]
        self.assertEqual(len(leze), 1)
        self.assertTrue(leze[0]["siret_missing"])
        self.assertEqual(leze[0]["sources"], ["manger-bio"])
        only_here = self.get("/api/v1/producers?source=manger-bio&limit=100", "producer", as_list=True)
        self.assertEqual(only_here["total"], 7)


def summary(stdout, source="manger-bio"):
    line = next((l for l in stdout.splitlines() if l.startswith(source + ":")), "")
    return {k: int(v) for k, v in re.findall(r"(read|accepted|rejected|added|changed|removed|unchanged) (\d+)", line)}


class MangerBioSyncTest(unittest.TestCase):
    def setUp(self):
        self.ws = Workspace()
        self.sample = self.ws.copy_sample(SAMPLE)
        self.config = self.ws.config(MANGERBIO)

    def tearDown(self):
        self.ws.cleanup()

    def sync(self, expect_ok=True):
        result = run("sync", "--config", str(self.config))
        self.assertEqual(result.returncode, 0 if expect_ok else 1, result.stdout + result.stderr)
        return result

    def test_reencoded_unchanged_and_truncated_catalogues(self):
        first = summary(self.sync().stdout)
        self.assertEqual((first["read"], first["accepted"], first["rejected"], first["added"]), (30, 29, 1, 29))

        again = summary(self.sync().stdout)
        self.assertEqual((again["read"], again["unchanged"]), (0, 29), "an unchanged file is not read again")

        # The same catalogue as Socleo often writes it: Windows-1252, CRLF. New bytes, same records.
        text = (SAMPLES / SAMPLE).read_text(encoding="utf-8")
        cp1252 = text.replace("\n", "\r\n").encode("cp1252")
        self.sample.write_bytes(cp1252)
        reencoded = summary(self.sync().stdout)
        self.assertEqual((reencoded["read"], reencoded["added"], reencoded["changed"], reencoded["unchanged"]),
                         (30, 0, 0, 29))

        # Cut inside a quoted field: the sync fails and nothing is removed.
        cut = cp1252[: cp1252.index(b"MB-0402")] + b'MB-0402;P04;"Vergers de Pam'
        self.sample.write_bytes(cut)
        failed = self.sync(expect_ok=False)
        self.assertRegex(failed.stdout, r"manger-bio: failed")
        self.assertIn("fichier tronqué", failed.stdout + failed.stderr)

        # Back to the last good bytes: the store still holds them, bookmark included.
        self.sample.write_bytes(cp1252)
        restored = summary(self.sync().stdout)
        self.assertEqual((restored["read"], restored["removed"], restored["unchanged"]), (0, 0, 29))

    def test_missing_column_fails_with_one_clear_error(self):
        lines = (SAMPLES / SAMPLE).read_text(encoding="utf-8").splitlines()
        header = lines[0].split(";")
        price = header.index("Prix")
        self.sample.write_text("\n".join(";".join(c for i, c in enumerate(l.split(";")) if i != price)
                                          for l in lines) + "\n", encoding="utf-8")
        failed = self.sync(expect_ok=False)
        out = failed.stdout + failed.stderr
        self.assertIn("colonne obligatoire absente : prix", out)
        self.assertIn(SAMPLE, out)
        self.assertIn("« Unité de prix »", out)  # the headers found


if __name__ == "__main__":
    unittest.main()
