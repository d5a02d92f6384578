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
from hostile_fixtures import agrilocal_export, csv_price_list, dfc_catalogue

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


def socleo_catalogue():
    lines = (SAMPLES / "mangerbio-occitanie.csv").read_text(encoding="utf-8").splitlines()
    # Line 3's product name gets the bad bytes; the other rows stay as they are.
    fields = lines[2].split(";")
    fields[11] = MARK + fields[11]
    lines[2] = ";".join(fields)
    return "\n".join(lines) + "\n"


class InvalidUtf8Test(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        cls.ws.write("prix.csv", with_bad_bytes(csv_price_list(MARK)))
        cls.ws.write("socleo.csv", with_bad_bytes(socleo_catalogue()))
        # A folder: the broken export and a good one, which must still be read.
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

    def test_each_source_refuses_or_repairs_naming_where(self):
        results = {name: self.last_sync(name) for name in SOURCE_NAMES}
        self.maxDiff = None
        print({n: (r["outcome"], r["read"], r["accepted"], r["rejected"], r["error"]) for n, r in results.items()})
        for name in SOURCE_NAMES:
            for r in self.strict_json(f"/api/v1/sources/{name}/rejects?limit=1000")["items"]:
                print(name, r["file"], r["line"], r["element"], r["reason"])


if __name__ == "__main__":
    unittest.main()
