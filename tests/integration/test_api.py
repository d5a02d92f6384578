"""The JSON API of a real daemon serving the bundled sample sources: filters, paging, errors, and
every response checked against schemas/ with Debian's python3-jsonschema."""

import unittest
import urllib.parse

from harness import Daemon, SchemaChecker, Workspace

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
"""


class ApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        cls.ws.copy_sample("ferme-du-couserans.csv")
        cls.ws.copy_sample("cooperative-lauragais.csv")
        config = cls.ws.config(SOURCES)
        cls.daemon = Daemon(config, expected_sources=("ferme-du-couserans", "cooperative-lauragais"))
        cls.schemas = SchemaChecker()

    @classmethod
    def tearDownClass(cls):
        cls.daemon.stop()
        cls.ws.cleanup()

    def get(self, path, schema=None, as_list=False, status=200):
        code, body = self.daemon.get_json(path)
        self.assertEqual(code, status, f"{path}: {body}")
        if schema:
            errors = self.schemas.errors(schema, body, as_list=as_list)
            self.assertEqual(errors, [], f"{path} does not match {schema}")
        return body

    def offers(self, **params):
        query = urllib.parse.urlencode(params)
        return self.get("/api/v1/offers" + ("?" + query if query else ""), "offer", as_list=True)

    def test_healthz(self):
        code, headers, body = self.daemon.get("/healthz")
        self.assertEqual(code, 200)
        self.assertEqual(headers.get("Content-Length"), str(len(body)))

    def test_every_good_offer_is_listed_with_its_unit_price(self):
        body = self.offers(limit=1000)
        # 10 from the farm, 12 - 2 rejected (invalid SIRET, unknown unit) from the cooperative.
        self.assertEqual(body["total"], 20)
        self.assertEqual(len(body["items"]), 20)
        by_id = {o["source_id"]: o for o in body["items"]}
        yaourt = by_id["FC-002"]  # 0,85 per pot of 125 g -> 6.80 EUR/kg
        self.assertEqual(yaourt["unit_price"], {"amount": 6.8, "unit": "kg"})
        self.assertEqual(yaourt["price"]["amount"], 0.85)
        self.assertEqual(yaourt["price"]["unit"], "pot")
        oeufs = by_id["FC-004"]  # a dozen -> per piece
        self.assertEqual(oeufs["unit_price"]["unit"], "piece")
        self.assertAlmostEqual(oeufs["unit_price"]["amount"], 4.10 / 12, places=4)
        lait = by_id["FC-008"]
        self.assertEqual(lait["unit_price"], {"amount": 1.3, "unit": "l"})
        pois = by_id["CL-103"]  # 4,20 for a 500 g bag
        self.assertEqual(pois["unit_price"], {"amount": 8.4, "unit": "kg"})
        self.assertEqual(by_id["CL-104"]["labels"], ["LABEL_ROUGE", "IGP"])
        self.assertEqual(by_id["FC-005"]["available_from"], "2026-09-01")
        self.assertIsNone(by_id["FC-001"]["available_from"])

    def test_search_is_accent_and_case_insensitive(self):
        names = [o["name"] for o in self.offers(q="OEUFS")["items"]]
        self.assertEqual(names, ["Œufs plein air"])
        names = {o["name"] for o in self.offers(q="tomme pyrenees")["items"]}
        self.assertEqual(names, {"Tomme des Pyrénées au lait cru"})

    def test_filters(self):
        bio_09 = self.offers(label="BIO", departement="09", limit=100)
        self.assertTrue(all("BIO" in o["labels"] and o["departement"] == "09" for o in bio_09["items"]))
        self.assertEqual(bio_09["total"], len(bio_09["items"]))
        self.assertGreater(bio_09["total"], 3)
        coop = self.offers(source="cooperative-lauragais", limit=100)
        self.assertEqual(coop["total"], 10)
        veg = self.offers(product_type="vegetable", limit=100)
        self.assertTrue(veg["items"])
        self.assertTrue(all(o["product_type"] == "vegetable" for o in veg["items"]))
        # Apples are listed from 2026-09-15: not available in August, available in October.
        august = {o["source_id"] for o in self.offers(available_on="2026-08-01", limit=100)["items"]}
        october = {o["source_id"] for o in self.offers(available_on="2026-10-20", limit=100)["items"]}
        self.assertNotIn("CL-109", august)
        self.assertIn("CL-109", october)
        self.assertIn("FC-001", august)  # no dates = always available
        producer = self.offers(producer="88321456100010", limit=100)
        self.assertEqual({o["producer"]["name"] for o in producer["items"]}, {"Ferme de Montgeard"})

    def test_sort_and_paging(self):
        prices = [o["unit_price"]["amount"] for o in self.offers(sort="unit_price", limit=100)["items"]]
        self.assertEqual(prices, sorted(prices))
        first = self.offers(sort="name", limit=5, offset=0)
        second = self.offers(sort="name", limit=5, offset=5)
        self.assertEqual(first["total"], 20)
        self.assertEqual((first["limit"], first["offset"]), (5, 0))
        ids = [o["id"] for o in first["items"]] + [o["id"] for o in second["items"]]
        self.assertEqual(len(set(ids)), 10)
        everything = [o["id"] for o in self.offers(sort="name", limit=100)["items"]]
        self.assertEqual(ids, everything[:10])

    def test_offer_by_id(self):
        some = self.offers(limit=1)["items"][0]
        one = self.get("/api/v1/offers/" + some["id"], "offer")
        self.assertEqual(one, some)
        body = self.get("/api/v1/offers/does-not-exist", "error", status=404)
        self.assertEqual(body["error"]["code"], "not_found")

    def test_bad_parameters_get_400_naming_the_parameter(self):
        for query, parameter in [("limit=0", "limit"), ("limit=abc", "limit"), ("offset=-1", "offset"),
                                 ("sort=price", "sort"), ("available_on=2026-02-30", "available_on"),
                                 ("available_on=tomorrow", "available_on"), ("departement=Ariege", "departement"),
                                 ("colour=red", "colour"), ("label=bio;drop", "label"), ("limit=5&limit=6", "limit")]:
            with self.subTest(query=query):
                body = self.get("/api/v1/offers?" + query, "error", status=400)
                self.assertEqual(body["error"]["code"], "bad_parameter")
                self.assertEqual(body["error"]["parameter"], parameter)

    def test_unknown_paths_and_methods(self):
        self.get("/api/v1/nothing", "error", status=404)
        self.get("/api/v1/producers/unknown", "error", status=404)
        self.get("/api/v1/sources/unknown/rejects", "error", status=404)
        code, headers, _ = self.daemon.get("/api/v1/offers", method="POST")
        self.assertEqual(code, 405)

    def test_producers_are_merged_across_sources_by_siret(self):
        body = self.get("/api/v1/producers?limit=100", "producer", as_list=True)
        by_siret = {p["siret"]: p for p in body["items"] if p["siret"]}
        couserans = by_siret["81234567600017"]
        self.assertEqual(couserans["sources"], ["cooperative-lauragais", "ferme-du-couserans"])
        self.assertEqual(couserans["address"]["departement"], "09")
        names = [p["name"] for p in body["items"]]
        self.assertEqual(len(names), len(set(names)), "one producer per SIRET")
        one = self.get("/api/v1/producers/" + couserans["id"], "producer")
        self.assertEqual(one["id"], couserans["id"])
        ariege = self.get("/api/v1/producers?departement=09", "producer", as_list=True)
        self.assertTrue(all(p["address"]["departement"] == "09" for p in ariege["items"]))
        # Offers point at the merged producer.
        offers = self.offers(producer=couserans["id"], limit=100)
        self.assertEqual(offers["total"], 11)

    def test_sources_report_counts_and_rejects(self):
        body = self.get("/api/v1/sources", "source", as_list=True)
        runs = {s["name"]: s["last_sync"] for s in body["items"]}
        coop = runs["cooperative-lauragais"]
        self.assertEqual(coop["outcome"], "ok")
        self.assertEqual((coop["read"], coop["accepted"], coop["rejected"]), (12, 10, 2))
        self.assertEqual(coop["read"], coop["accepted"] + coop["rejected"])
        self.assertEqual(runs["ferme-du-couserans"]["accepted"], 10)
        rejects = self.get("/api/v1/sources/cooperative-lauragais/rejects", "reject", as_list=True)
        self.assertEqual(rejects["total"], 2)
        by_line = {r["line"]: r for r in rejects["items"]}
        self.assertIn("SIRET", by_line[12]["reason"])
        self.assertIn("12345678901234", by_line[12]["reason"])
        self.assertIn("brouette", by_line[13]["reason"])
        self.assertTrue(all(r["file"].endswith("cooperative-lauragais.csv") for r in rejects["items"]))

    def test_metrics(self):
        code, headers, body = self.daemon.get("/metrics")
        self.assertEqual(code, 200)
        self.assertIn(b"recolte_http_requests_total", body)
        self.assertIn(b'recolte_sync_runs_total{outcome="ok"}', body)


if __name__ == "__main__":
    unittest.main()
