"""HTML and script in every text field: a price list, an Agrilocal export and a DFC catalogue whose
every shown text starts with `<script>alert(1)</script>"><img src=x onerror=alert(1)>]]>'`, whose
websites are javascript: URLs, and a file whose very name is a payload. Every page, the Atom feed,
the JSON API and the CSV exports show it as text: no element or attribute comes from the data."""

import csv
import html.parser
import io
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

import feedparser

from harness import Daemon, Workspace
from hostile_fixtures import ATTRIBUTE, JS_URL, PAYLOAD, SCRIPT, agrilocal_export, csv_price_list, dfc_catalogue

FILE_NAME = ATTRIBUTE + ".csv"
SOURCES = """\
  - {name: prix, connector: csv, path: prix, every: 1h}
  - {name: besoins, connector: agrilocal, path: besoins.xml, every: 1h}
  - {name: dfc, connector: bioariegegaronne, path: catalogue.jsonld, every: 1h}
"""
SOURCE_NAMES = ("prix", "besoins", "dfc")
ATOM = "{http://www.w3.org/2005/Atom}"


class Elements(html.parser.HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.text = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


class HostileTextTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        cls.ws.write(f"prix/{FILE_NAME}", csv_price_list(PAYLOAD))
        cls.ws.write("besoins.xml", agrilocal_export(PAYLOAD))
        cls.ws.write("catalogue.jsonld", dfc_catalogue(PAYLOAD, JS_URL))
        cls.daemon = Daemon(cls.ws.config(SOURCES), expected_sources=SOURCE_NAMES)

    @classmethod
    def tearDownClass(cls):
        cls.daemon.stop()
        cls.ws.cleanup()

    def api(self, path):
        status, body = self.daemon.get_json(path)
        self.assertEqual(status, 200, path)
        return body

    def items(self, path):
        return self.api(path + ("&" if "?" in path else "?") + "limit=1000")["items"]

    def page(self, path):
        status, headers, body = self.daemon.get(path)
        self.assertEqual(status, 200, path)
        return Elements(body.decode("utf-8"))

    def every_page(self):
        paths = ["/", "/producteurs", "/besoins", "/sources"]
        paths += ["/?source=" + s for s in SOURCE_NAMES]
        paths += ["/sources/" + s for s in SOURCE_NAMES]
        paths += ["/offres/" + o["id"] for o in self.items("/api/v1/offers")]
        paths += ["/producteurs/" + p["id"] for p in self.items("/api/v1/producers")]
        paths += ["/besoins/" + n["id"] for n in self.items("/api/v1/needs")]
        return paths

    def test_every_source_synced_with_the_payloads(self):
        for name in SOURCE_NAMES:
            status, body = self.daemon.get_json("/api/v1/sources")
            sync = next(s for s in body["items"] if s["name"] == name)["last_sync"]
            self.assertEqual(sync["outcome"], "ok", sync)
            self.assertGreater(sync["accepted"], 0, sync)

    def test_no_page_has_an_element_or_attribute_from_the_data(self):
        paths = self.every_page()
        self.assertGreater(len(paths), 20)
        shown = 0
        for path in paths:
            with self.subTest(path=path):
                page = self.page(path)
                for tag, attrs in page.tags:
                    self.assertNotIn(tag, ("img", "iframe", "object", "embed", "svg"), f"{path}: <{tag} {attrs}>")
                    if tag == "script":
                        self.assertEqual(attrs.get("src", "").split("?")[0], "/static/recolte.js", path)
                    for name, value in attrs.items():
                        self.assertFalse(name.startswith("on"), f"{path}: <{tag} {name}={value!r}>")
                        if name in ("href", "src", "action", "formaction"):
                            target = (value or "").strip().lower()
                            self.assertFalse(target.startswith(("javascript:", "data:", "vbscript:")),
                                             f"{path}: <{tag} {name}={value!r}>")
                text = "".join(page.text)
                shown += text.count(SCRIPT + ATTRIBUTE)
        # The payloads are there, as text (each page would have passed on an empty catalogue too).
        self.assertGreater(shown, 50)

    def test_each_kind_of_field_is_shown_as_text(self):
        offer = next(o for o in self.items("/api/v1/offers?source=prix") if o["source_id"] == "H-0")
        producer = self.api("/api/v1/producers/" + offer["producer"]["id"])
        need = self.items("/api/v1/needs")[0]
        expectations = {
            "/offres/" + offer["id"]: [PAYLOAD + "0Pommes", PAYLOAD + "0Croquantes", PAYLOAD + "0Cagette",
                                       PAYLOAD + "0Ariège"],
            "/producteurs/" + producer["id"]: [PAYLOAD + "0Ferme", PAYLOAD + "0Rue", PAYLOAD + "0Foix",
                                               PAYLOAD + "0@ex.fr"],
            "/sources/prix": [PAYLOAD + "rejetPommes", FILE_NAME],
            "/besoins/" + need["id"]: [need["title"], need["buyer"]["name"]],
        }
        for path, texts in expectations.items():
            text = "".join(self.page(path).text)
            for expected in texts:
                self.assertIn(ATTRIBUTE, expected)
                self.assertIn(expected, text, path)

    def test_javascript_websites_are_never_links(self):
        producers = self.items("/api/v1/producers?source=dfc")
        with_site = [p for p in producers if any(c.get("website") == JS_URL for c in p["contacts"])]
        self.assertTrue(with_site, "the website reached the API as data")
        for producer in with_site:
            page = self.page("/producteurs/" + producer["id"])
            self.assertIn(JS_URL, "".join(page.text))
            self.assertFalse([a for t, a in page.tags if t == "a" and JS_URL in (a.get("href") or "")])

    def test_the_api_returns_the_payloads_as_data(self):
        names = {o["name"] for o in self.items("/api/v1/offers?source=prix")}
        self.assertEqual(names, {f"{PAYLOAD}{n}Pommes" for n in range(3)})
        needs = self.items("/api/v1/needs")
        self.assertTrue(needs and all(n["title"].startswith(PAYLOAD) for n in needs), needs)
        rejects = self.items("/api/v1/sources/prix/rejects")
        self.assertEqual(len(rejects), 1)
        self.assertTrue(rejects[0]["file"].endswith("/" + FILE_NAME), rejects[0])
        self.assertIn(PAYLOAD, rejects[0]["excerpt"])

    def test_the_feed_is_well_formed_and_holds_the_payloads_as_text(self):
        status, headers, body = self.daemon.get("/feed.atom")
        self.assertEqual(status, 200)
        parsed = feedparser.parse(body)
        self.assertFalse(parsed.bozo, parsed.get("bozo_exception"))
        root = ET.fromstring(body)  # strict XML: one stray ]]> or < would fail here
        titles = [e.findtext(ATOM + "title") for e in root.iter(ATOM + "entry")]
        self.assertTrue(any(t and PAYLOAD in t for t in titles), titles[:5])
        for entry in root.iter(ATOM + "entry"):
            for link in entry.iter(ATOM + "link"):
                self.assertFalse(link.get("href", "").lower().startswith("javascript:"), link.attrib)

    def test_csv_exports_keep_the_payloads_as_cells(self):
        for path in ("/export/offres.csv?source=prix", "/export/producteurs.csv?source=prix"):
            status, headers, body = self.daemon.get(path)
            self.assertEqual(status, 200, path)
            rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
            cells = [c for row in rows[1:] for c in row]
            self.assertTrue(any(c.startswith(PAYLOAD) for c in cells), path)
            self.assertFalse([c for c in cells if c[:1] in ("=", "+", "@")], path)


if __name__ == "__main__":
    unittest.main()
