"""Bytes that are not UTF-8 in every text-based format the catalogue reads: a CSV price list, a
Socleo catalogue, an Agrilocal export and a DFC catalogue. Each is refused naming the file and the
line, or repaired as its FORMAT.md documents; never does an invalid byte reach the store, the JSON
API (parsed strictly as UTF-8), the HTML pages or the Atom feed (feedparser, strict XML)."""

import json
import sqlite3
import unittest
import xml.etree.ElementTree as ET

import feedparser

from harness import SAMPLES, Daemon, Workspace
from hostile_fixtures import agrilocal_export, dfc_catalogue

# A lone continuation byte, a byte never valid, a truncated sequence and an encoded surrogate.
BAD = b"\x80\xff\xc3(\xed\xa0\x80"
MARK = "@@BAD@@"

SOURCES = """\
  - {name: prix, connector: csv, path: prix.csv, every: 1h}
  - {name: socleo, connector: mangerbio, path: socleo.csv, every: 1h}
  - {name: besoins, connector: agrilocal, path: besoins, every: 1h}
  - {name: dfc, connector: bioariegegaronne, path: catalogue.jsonld, every: 1h}
"""
SOURCE_NAMES = ("prix", "socleo", "besoins", "dfc")


def with_bad_bytes(text):
    return text.encode("utf-8").replace(MARK.encode(), BAD)


def with_bad_field(sample, line, field):
    """The sample (UTF-8) with the bytes of BAD before one field of one line: a corrupted row."""
    lines = (SAMPLES / sample).read_text(encoding="utf-8").splitlines()
    fields = lines[line - 1].split(";")
    fields[field] = MARK + fields[field]
    lines[line - 1] = ";".join(fields)
    return with_bad_bytes("\n".join(lines) + "\n")


class InvalidUtf8Test(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        cls.ws.write("prix.csv", with_bad_field("cooperative-lauragais.csv", line=3, field=1))  # CL-102's name
        cls.ws.write("socleo.csv", with_bad_field("mangerbio-occitanie.csv", line=3, field=11))  # MB-0102's name
        # A folder: the broken export and a good one (read all or nothing, so neither is stored).
        cls.ws.write("besoins/1-casse.xml", with_bad_bytes(agrilocal_export(MARK)))
        cls.ws.write("besoins/2-bon.xml", (SAMPLES / "agrilocal-09.xml").read_bytes())
        cls.ws.write("catalogue.jsonld", with_bad_bytes(dfc_catalogue(MARK, "https://exemple.fr")))
        cls.daemon = Daemon(cls.ws.config(SOURCES), expected_sources=SOURCE_NAMES)

    @classmethod
    def tearDownClass(cls):
        cls.daemon.stop()
        cls.ws.cleanup()

    def strict_json(self, path):
        status, headers, body = self.daemon.get(path)
        self.assertEqual(status, 200, path)
        return json.loads(body.decode("utf-8"))  # strict: an invalid byte raises here

    def last_sync(self, name):
        return next(s for s in self.strict_json("/api/v1/sources")["items"] if s["name"] == name)["last_sync"]

    def test_every_api_answer_is_strict_utf8(self):
        for path in ("/api/v1/offers?limit=1000", "/api/v1/producers?limit=1000", "/api/v1/needs?limit=1000",
                     "/api/v1/sources", *[f"/api/v1/sources/{s}/rejects?limit=1000" for s in SOURCE_NAMES]):
            with self.subTest(path=path):
                self.strict_json(path)

    def test_every_page_and_the_feed_are_strict_utf8(self):
        paths = ["/", "/producteurs", "/besoins", "/sources", *[f"/sources/{s}" for s in SOURCE_NAMES]]
        paths += ["/offres/" + o["id"] for o in self.strict_json("/api/v1/offers?limit=1000")["items"]]
        paths += ["/producteurs/" + p["id"] for p in self.strict_json("/api/v1/producers?limit=1000")["items"]]
        for path in paths:
            with self.subTest(path=path):
                status, headers, body = self.daemon.get(path)
                self.assertEqual(status, 200, path)
                body.decode("utf-8")
        status, headers, body = self.daemon.get("/feed.atom")
        self.assertEqual(status, 200)
        parsed = feedparser.parse(body)
        self.assertFalse(parsed.bozo, parsed.get("bozo_exception"))
        ET.fromstring(body)

    def test_the_store_holds_only_utf8(self):
        db = sqlite3.connect(self.ws.dir / "hub.db")
        db.text_factory = bytes
        try:
            tables = [r[0].decode() for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            checked = 0
            for table in tables:
                for row in db.execute(f'SELECT * FROM "{table}"'):
                    for cell in row:
                        if isinstance(cell, bytes):
                            try:
                                cell.decode("utf-8")
                            except UnicodeDecodeError as e:
                                self.fail(f"{table}: {e}: {cell[:120]!r}")
                            checked += 1
            self.assertGreater(checked, 100)
        finally:
            db.close()

    def assert_row_rejected(self, name, file_name, line, column, accepted, rejected):
        sync = self.last_sync(name)
        self.assertEqual((sync["outcome"], sync["accepted"], sync["rejected"]), ("ok", accepted, rejected), sync)
        rejects = {r["line"]: r for r in self.strict_json(f"/api/v1/sources/{name}/rejects?limit=1000")["items"]}
        self.assertIn(line, rejects)
        reject = rejects[line]
        self.assertTrue(reject["file"].endswith(file_name), reject)
        self.assertEqual(reject["column"], column, reject)
        self.assertIn("octets invalides en UTF-8", reject["reason"])
        self.assertIn("\ufffd", reject["excerpt"])  # the bad bytes, shown as replacement characters
        # The other rows keep their accents: the file was not taken for Windows-1252.
        offers = self.strict_json(f"/api/v1/offers?source={name}&limit=1000")["items"]
        self.assertTrue(any("é" in o["name"] for o in offers), [o["name"] for o in offers])

    def test_a_corrupted_row_of_a_utf8_price_list_is_rejected_alone(self):
        # cooperative-lauragais.csv: 10 offers and 2 rejects; CL-102 (line 3) was one of the offers.
        self.assert_row_rejected("prix", "prix.csv", 3, "produit", accepted=9, rejected=3)

    def test_a_corrupted_row_of_a_socleo_catalogue_is_rejected_alone(self):
        # mangerbio-occitanie.csv: 29 offers and 1 reject; MB-0102 (line 3) was one of the offers.
        self.assert_row_rejected("socleo", "socleo.csv", 3, "Désignation", accepted=28, rejected=2)

    def test_xml_and_json_ld_not_in_utf8_fail_the_read_naming_file_and_line(self):
        # Documented in their FORMAT.md: a document is read whole or not at all, and the previous
        # catalogue stays.
        besoins = self.last_sync("besoins")
        self.assertEqual(besoins["outcome"], "failed")
        self.assertIn("besoins/1-casse.xml:8: XML mal formé ligne 8", besoins["error"])
        self.assertIn("n'est pas dans l'encodage annoncé", besoins["error"])
        self.assertEqual(self.strict_json("/api/v1/needs?source=besoins")["total"], 0)
        dfc = self.last_sync("dfc")
        self.assertEqual(dfc["outcome"], "failed")
        self.assertIn("catalogue.jsonld: JSON invalide : octets invalides en UTF-8", dfc["error"])
        self.assertIn("(ligne 7, colonne", dfc["error"])

if __name__ == "__main__":
    unittest.main()
