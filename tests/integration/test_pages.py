"""The server-rendered French pages of a real daemon (bundled samples plus sources whose records are
named like attacks): status codes, security headers, escaping, French errors (400, 404), the
static files' caching, static accessibility checks, and the pages agreeing with the JSON API."""

import collections
import html
import html.parser
import re
import unittest
import urllib.parse

from harness import SOURCE_DIR, Daemon, Workspace, run

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
       "base-uri 'none'; form-action 'self'")

XSS_OFFER = "<script>alert(1)</script>"
XSS_OFFER_IMG = "<img src=x onerror=alert(2)>"
XSS_REJECT = "<script>alert(3)</script>"
XSS_PRODUCER = "<img src=x onerror=alert(4)>"
XSS_NEED = "<script>alert(5)</script>"

HOSTILE_CSV = """Référence;Produit;Catégorie;Prix HT;Unité;Conditionnement;TVA;Labels
H-1;{offer};Légumes;{price};kg;;5,5;AB
H-2;{img};Légumes;3,10;kg;;5,5;HVE
H-3;{reject};Légumes;pas un prix;kg;;5,5;
"""

NEEDS_XML = """<?xml version="1.0" encoding="UTF-8"?>
<export site="09" genere-le="2026-11-20T06:00:00+01:00" version="1">
  <consultations>
    <consultation id="IT-1">
      <intitule>{title} Légumes pour la cantine</intitule>
      <acheteur siret="26090012300019" type="ccas"><nom>CCAS de Foix</nom></acheteur>
      <produit type="légumes">Légumes de saison</produit>
      <quantite unite="kg">300</quantite>
      <livraison debut="2099-01-04" fin="2099-03-31">
        <lieu><code-postal>09000</code-postal><commune>Foix</commune></lieu>
      </livraison>
      <date-limite>2098-12-15</date-limite>
      <statut>ouverte</statut>
    </consultation>
  </consultations>
</export>
"""

SOURCES = """\
  - name: ferme-du-couserans
    connector: csv
    path: data/ferme-du-couserans.csv
    every: 1h
    producer_name: Ferme du Couserans
    producer_siret: "81234567600017"
    producer_postcode: "09200"
    producer_city: Saint-Girons
  - name: cooperative-lauragais
    connector: csv
    path: data/cooperative-lauragais.csv
    every: 1h
  - name: mangerbio-occitanie
    connector: mangerbio
    path: data/mangerbio-occitanie.csv
    every: 1h
  - name: hostile
    connector: csv
    path: data/hostile.csv
    every: 1h
    producer_name: "{producer} Ferme"
    producer_postcode: "09000"
    producer_city: Foix
  - name: besoins
    connector: agrilocal
    path: data/besoins.xml
    every: 1h
""".format(producer=XSS_PRODUCER)
SOURCE_NAMES = ("ferme-du-couserans", "cooperative-lauragais", "mangerbio-occitanie", "hostile", "besoins")

NBSP = "\u00a0"


class Page(html.parser.HTMLParser):
    """The facts of a page the tests check: elements, attributes, texts of some elements."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags = []          # (tag, attrs dict)
        self.h1 = []
        self.labels_for = set()
        self.script_bodies = []  # the text inside each <script> element
        self._in_script = False
        self._capture = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "label" and "for" in attrs:
            self.labels_for.add(attrs["for"])
        if tag == "h1":
            self._capture = ""
        if tag == "script":
            self.script_bodies.append("")
            self._in_script = True

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False
        if tag == "h1" and self._capture is not None:
            self.h1.append(self._capture)
            self._capture = None

    def handle_data(self, data):
        if self._capture is not None:
            self._capture += data
        if self._in_script:
            self.script_bodies[-1] += data

    def all(self, tag):
        return [a for t, a in self.tags if t == tag]

    def links(self, prefix):
        return [a["href"] for a in self.all("a") if a.get("href", "").startswith(prefix)]


class PagesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        for name in ("ferme-du-couserans.csv", "cooperative-lauragais.csv", "mangerbio-occitanie.csv"):
            cls.ws.copy_sample(name)
        cls.write_hostile("2,50")
        cls.ws.write("data/besoins.xml", NEEDS_XML.format(title=html.escape(XSS_NEED)))
        cls.config = cls.ws.config(SOURCES)
        cls.daemon = Daemon(cls.config, expected_sources=SOURCE_NAMES)

    @classmethod
    def tearDownClass(cls):
        cls.daemon.stop()
        cls.ws.cleanup()

    @classmethod
    def write_hostile(cls, price):
        cls.ws.write("data/hostile.csv", HOSTILE_CSV.format(offer=XSS_OFFER, img=XSS_OFFER_IMG, reject=XSS_REJECT,
                                                            price=price))

    # Helpers ------------------------------------------------------------------------------------

    def page(self, path, status=200):
        """GETs an HTML page, checks what every page must be, returns (body text, Page)."""
        code, headers, body = self.daemon.get(path)
        self.assertEqual(code, status, f"{path}: {body[:400]!r}")
        self.assertEqual(headers.get("Content-Type"), "text/html; charset=utf-8", path)
        self.assertEqual(headers.get("Content-Security-Policy"), CSP, path)
        # What the CSP must keep saying, whatever else changes in it.
        self.assertNotIn("unsafe-inline", CSP)
        self.assertNotIn("unsafe-eval", CSP)
        self.assertIn("frame-ancestors 'none'", CSP)
        self.assertEqual(headers.get("X-Content-Type-Options"), "nosniff", path)
        self.assertIn(headers.get("Referrer-Policy"), ("same-origin", "no-referrer", "strict-origin-when-cross-origin"))
        self.assertEqual(headers.get("Content-Length"), str(len(body)), path)
        text = body.decode("utf-8")
        page = Page(text)
        self.check_page(path, text, page)
        return text, page

    def check_page(self, path, text, page):
        html_tags = page.all("html")
        self.assertEqual(html_tags[0].get("lang"), "fr", path)
        self.assertEqual(len(page.h1), 1, f"{path}: {page.h1}")
        # Only the one script file; nothing injected, no inline code the CSP would block.
        self.assertEqual([s.get("src", "").split("?")[0] for s in page.all("script")], ["/static/recolte.js"], path)
        self.assertEqual([b for b in page.script_bodies if b.strip()], [], f"{path}: inline script code")
        self.assertNotIn("javascript:", text.lower(), f"{path}: a javascript: URL")
        self.assertEqual(page.all("img"), [], path)
        for tag, attrs in page.tags:
            self.assertFalse([a for a in attrs if a.startswith("on")], f"{path}: <{tag}> with an on* attribute")
            self.assertNotIn("style", attrs, f"{path}: inline style on <{tag}>")
        self.assertNotIn("<style", text)
        # Skip link first, to the main content; every form control labelled; column headers scoped.
        first_link = page.all("a")[0]
        self.assertEqual(first_link.get("href"), "#contenu", path)
        self.assertEqual([m.get("id") for m in page.all("main")], ["contenu"], path)
        for tag in ("input", "select", "textarea"):
            for control in page.all(tag):
                self.assertIn(control.get("id"), page.labels_for, f"{path}: <{tag} name={control.get('name')}> has no label")
        for tag, attrs in page.tags:
            if tag == "th":
                self.assertIn(attrs.get("scope"), ("col", "row"), f"{path}: <th> without scope")

    def api(self, path):
        code, body = self.daemon.get_json(path)
        self.assertEqual(code, 200, path)
        return body

    def hostile_offers(self):
        return {o["source_id"]: o for o in self.api("/api/v1/offers?source=hostile")["items"]}

    # Tests --------------------------------------------------------------------------------------

    def test_every_page_answers_with_its_headers(self):
        offer = self.api("/api/v1/offers?limit=1")["items"][0]
        producer = self.api("/api/v1/producers?limit=1")["items"][0]
        need = self.api("/api/v1/needs?limit=1")["items"][0]
        for path in ("/", "/?q=tomme&sort=unit_price", "/producteurs", "/producteurs?departement=09", "/besoins",
                     "/besoins?status=all", "/sources", "/sources/cooperative-lauragais", "/offres/" + offer["id"],
                     "/producteurs/" + producer["id"], "/besoins/" + need["id"]):
            with self.subTest(path=path):
                self.page(path)

    def test_every_html_route_reached_by_links_has_the_security_headers(self):
        # The HTML routes, read from their table so that a new page cannot be left out.
        table = (SOURCE_DIR / "hub/src/publish/pages_routes.cpp").read_text(encoding="utf-8")
        patterns = [p for p in re.findall(r'\{"GET", "(/[^"]*)"', table) if not p.startswith("/static/")]
        self.assertIn("/sources/{name}", patterns)
        as_regex = {p: re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(p)) + "$") for p in patterns}
        # Breadth first from the catalogue, following every link to a page of the hub.
        seen, queue, reached = set(), collections.deque(["/"]), collections.Counter()
        while queue and len(seen) < 400:
            path = queue.popleft()
            if path in seen:
                continue
            seen.add(path)
            _, page = self.page(path)  # its assertions name the path
            route = urllib.parse.urlsplit(path).path
            reached.update(p for p, rx in as_regex.items() if rx.match(route))
            for href in page.links("/"):
                target = href.split("#")[0]
                route = urllib.parse.urlsplit(target).path
                if route.startswith(("/static/", "/api/", "/schemas/")) or "." in route.rsplit("/", 1)[-1]:
                    continue  # files, the JSON API, exports: not HTML pages
                if target not in seen:
                    queue.append(target)
        self.assertEqual(sorted(p for p in patterns if not reached[p]), [], "HTML routes no link leads to")
        # And each page of one record, for a record that does not exist: the French 404 page.
        for pattern in patterns:
            if "{" in pattern:
                with self.subTest(pattern=pattern):
                    self.page(re.sub(r"\{[^}]+\}", "inconnu-0", pattern), status=404)

    def test_head_sends_the_headers_only(self):
        code, headers, body = self.daemon.get("/", method="HEAD")
        self.assertEqual(code, 200)
        self.assertEqual(body, b"")
        self.assertEqual(headers.get("Content-Security-Policy"), CSP)
        _, full_headers, full = self.daemon.get("/")
        self.assertEqual(headers.get("Content-Length"), full_headers.get("Content-Length"))

    def test_hostile_names_are_escaped_everywhere(self):
        offers = self.hostile_offers()
        paths = ["/", "/?source=hostile", "/?q=" + urllib.parse.quote(XSS_OFFER), "/producteurs",
                 "/producteurs/" + offers["H-1"]["producer"]["id"], "/sources/hostile", "/besoins"]
        paths += ["/offres/" + o["id"] for o in offers.values()]
        paths += ["/besoins/" + n["id"] for n in self.api("/api/v1/needs")["items"]]
        for path in paths:
            with self.subTest(path=path):
                text, _ = self.page(path)
                for raw in (XSS_OFFER, XSS_OFFER_IMG, XSS_REJECT, XSS_PRODUCER, XSS_NEED, "<script>alert", "<img"):
                    self.assertNotIn(raw, text)
        # ...and shown as text where they belong.
        expectations = {
            "/?source=hostile": [XSS_OFFER, XSS_OFFER_IMG, XSS_PRODUCER],
            "/?q=" + urllib.parse.quote(XSS_OFFER): [XSS_OFFER],
            "/sources/hostile": [XSS_REJECT],
            "/producteurs/" + offers["H-1"]["producer"]["id"]: [XSS_PRODUCER],
            "/besoins": [XSS_NEED],
        }
        for path, shown in expectations.items():
            text, _ = self.page(path)
            for s in shown:
                self.assertIn(html.escape(s, quote=True), text, path)

    def test_catalogue_agrees_with_the_api(self):
        for query in ("", "?q=TOMME%20pyrenees", "?product_type=vegetable", "?label=BIO&departement=09",
                      "?source=mangerbio-occitanie&sort=unit_price", "?available_on=2027-06-01"):
            with self.subTest(query=query):
                expected = self.api("/api/v1/offers" + (query + "&" if query else "?") + "limit=50")
                text, page = self.page("/" + query)
                self.assertIn(f"<h2 id=\"resultats\" class=\"results-title\">{expected['total']} offre", text)
                ids = [h.split("/")[-1] for h in page.links("/offres/")]
                self.assertEqual(ids, [o["id"] for o in expected["items"]])
        # The search is accent- and case-insensitive.
        self.assertGreaterEqual(self.api("/api/v1/offers?q=TOMME%20pyrenees")["total"], 2)

    def test_prices_in_french_and_paging(self):
        offers = self.hostile_offers()
        text, _ = self.page("/?source=hostile")
        up = offers["H-2"]["unit_price"]
        self.assertEqual((up["amount"], up["unit"]), (3.1, "kg"))
        self.assertIn(f"3,10{NBSP}€/kg", text)
        self.assertIn(f"3,10{NBSP}€ HT / kg", text)
        total = self.api("/api/v1/offers?limit=1")["total"]
        self.assertGreater(total, 50, "the samples fill two pages")
        last = (total + 49) // 50
        text, page = self.page(f"/?page={last}")
        self.assertIn(f"Page {last} sur {last}", text)
        self.assertEqual(len(page.links("/offres/")), total - 50 * (last - 1))
        self.assertTrue([a for a in page.all("a") if a.get("rel") == "prev"])
        text, page = self.page(f"/?page={last + 5}")
        self.assertEqual(page.links("/offres/"), [])
        self.assertIn("au-delà de la dernière page", text)

    def test_filters_keep_their_values_and_export_links_follow_them(self):
        text, page = self.page("/?product_type=vegetable&departement=09&sort=unit_price")
        selected = {s.get("id"): None for s in page.all("select")}
        self.assertIn("f-product_type", selected)
        self.assertIn('<option value="vegetable" selected>', text)
        self.assertIn('<option value="unit_price" selected>', text)
        self.assertIn('href="/export/offres.csv?product_type=vegetable&amp;departement=09&amp;sort=unit_price"', text)
        self.assertIn('href="/feed.atom?product_type=vegetable&amp;departement=09"', text)

    def test_bad_parameters_get_a_french_400_page(self):
        cases = {
            "/?available_on=demain": "AAAA-MM-JJ",
            "/?departement=Ariege": "numéro de département",
            "/?sort=prix": "doit valoir",
            "/?page=0": "numéro de page",
            "/?page=abc": "numéro de page",
            "/?label=bio": "code de label",
            "/?product_type=L%C3%A9gumes": "type de produit",
            "/?couleur=rouge": "n’existe pas sur cette page",
            "/?q=a&q=b": "deux fois",
            "/?q=%FF": "UTF-8",
            "/?q=" + "a" * 201: "dépasse",
            "/besoins?status=pending": "doit valoir",
            "/producteurs?departement=999": "numéro de département",
            "/sources/hostile?page=-1": "numéro de page",
            "/offres/x?limit=5": "n’existe pas",
        }
        for path, words in cases.items():
            with self.subTest(path=path):
                text, page = self.page(path, status=400)
                self.assertIn(words, html.unescape(text))
                self.assertIn('role="alert"', text)

    def test_unknown_records_get_a_french_404_page(self):
        for path in ("/offres/inconnue", "/producteurs/inconnu", "/besoins/inconnu", "/sources/inconnue"):
            with self.subTest(path=path):
                text, page = self.page(path, status=404)
                self.assertEqual(page.h1, ["Page introuvable"])
        # The unknown id is repeated in the message, as text.
        text, _ = self.page("/offres/" + urllib.parse.quote("<b>x<b>"), status=404)
        self.assertNotIn("<b>x<b>", text)
        self.assertIn("« &lt;b&gt;x&lt;b&gt; »", text)

    def test_static_files_are_cached_and_conditional(self):
        _, page = self.page("/")
        css = [a["href"] for a in page.all("link") if a.get("rel") == "stylesheet"][0]
        self.assertRegex(css, r"^/static/recolte\.css\?v=[0-9a-f]{16}$")
        code, headers, body = self.daemon.get(css)
        self.assertEqual(code, 200)
        self.assertEqual(headers.get("Content-Type"), "text/css; charset=utf-8")
        self.assertIn("immutable", headers.get("Cache-Control"))
        self.assertEqual(headers.get("Content-Length"), str(len(body)))
        self.assertIn(b"@media (max-width: 760px)", body)
        code, headers2, body = self.daemon.get(css, headers={"If-None-Match": headers["ETag"]})
        self.assertEqual((code, body), (304, b""))
        code, headers, body = self.daemon.get("/static/recolte.js")
        self.assertEqual(code, 200)
        self.assertEqual(headers.get("Content-Type"), "text/javascript; charset=utf-8")
        self.assertNotIn("immutable", headers.get("Cache-Control"))
        code, _, _ = self.daemon.get("/static/inconnu.css")
        self.assertEqual(code, 404)

    def test_producer_directory_counts_offers(self):
        text, page = self.page("/producteurs")
        producers = self.api("/api/v1/producers?limit=50")
        self.assertEqual([h.split("/")[-1] for h in page.links("/producteurs/")], [p["id"] for p in producers["items"]])
        for p in producers["items"]:
            count = self.api("/api/v1/offers?limit=1&producer=" + p["id"])["total"]
            link = f'href="/?producer={p["id"]}">{count} offre' if count else None
            if link:
                self.assertIn(link, text, p["name"])
        self.assertIn('href="/export/producteurs.csv"', text)
        text, _ = self.page("/producteurs/" + self.api("/api/v1/producers?q=couserans")["items"][0]["id"])
        for source in ("ferme-du-couserans", "mangerbio-occitanie"):
            self.assertIn(f'href="/sources/{source}"', text)

    def test_need_lists_matching_offers_nearest_first(self):
        need = [n for n in self.api("/api/v1/needs")["items"] if n["source_id"].endswith("IT-1")][0]
        text, page = self.page("/besoins/" + need["id"])
        self.assertIn("300 kg", text)
        ids = [h.split("/")[-1] for h in page.links("/offres/")]
        self.assertGreaterEqual(len(ids), 3)
        departements = []
        for offer_id in ids:
            offer = self.api("/api/v1/offers/" + offer_id)
            self.assertEqual(offer["product_type"], "vegetable")
            self.assertTrue(offer["available_to"] is None or offer["available_to"] >= "2099-01-04")
            departements.append(offer["departement"] == "09")
        self.assertEqual(departements, sorted(departements, reverse=True), "the buyer's département first")
        self.assertEqual(text.count("Même département"), departements.count(True))
        # Open needs: the one of the test is listed by default.
        text, _ = self.page("/besoins")
        self.assertIn(need["id"], text)

    def test_source_page_lists_rejects_in_french(self):
        text, _ = self.page("/sources/cooperative-lauragais")
        rejects = self.api("/api/v1/sources/cooperative-lauragais/rejects")["items"]
        self.assertGreaterEqual(len(rejects), 1)
        for r in rejects:
            self.assertIn(html.escape(r["reason"], quote=True), text)
            self.assertIn(f"ligne {r['line']}", text)
        text, _ = self.page("/sources")
        for name in SOURCE_NAMES:
            self.assertIn(f'href="/sources/{name}"', text)

    def test_price_change_appears_in_the_offer_history(self):
        offer = self.hostile_offers()["H-1"]
        self.write_hostile("2,75")
        try:
            result = run("sync", "--config", str(self.config), "hostile")
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
            text, _ = self.page("/offres/" + offer["id"])
            history = text[text.index('id="historique"'):text.index('id="autres"')]
            self.assertIn("Prix modifié", history)
            self.assertIn(f"2,50{NBSP}€ HT / kg", history)
            self.assertIn(f"2,75{NBSP}€ HT / kg", history)
            self.assertIn("Ajoutée", history)
            self.assertLess(history.index("Prix modifié"), history.index("Ajoutée"), "newest first")
        finally:
            self.write_hostile("2,50")
            run("sync", "--config", str(self.config), "hostile")


if __name__ == "__main__":
    unittest.main()
