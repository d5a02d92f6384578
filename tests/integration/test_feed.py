"""/feed.atom on a real daemon: valid Atom for Debian's python3-feedparser (no bozo flag), stable
entry ids, the catalogue's filters, conditional GET, a price change made by re-syncing a modified
sample showing as a new entry, hostile names kept as text, French 400s."""

import unittest
import urllib.parse

import feedparser

from harness import Daemon, Workspace, run
from publish_fixtures import IMG, SCRIPT, change_price, hostile_price_list

SOURCES = """\
  - name: ferme-du-couserans
    connector: csv
    path: data/ferme-du-couserans.csv
    every: 1d
    producer_name: Ferme du Couserans
    producer_siret: "81234567600017"
    producer_postcode: "09200"
    producer_city: Saint-Girons
  - name: hostile
    connector: csv
    path: data/hostile.csv
    every: 1d
  - name: agrilocal-09
    connector: agrilocal
    path: data/agrilocal-09.xml
    every: 1d
"""
NBSP = "\u00a0"


class FeedTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        cls.ws.copy_sample("ferme-du-couserans.csv")
        cls.ws.copy_sample("agrilocal-09.xml")
        cls.ws.write("data/hostile.csv", hostile_price_list())
        cls.config = cls.ws.config(SOURCES)
        cls.daemon = Daemon(cls.config, expected_sources=("ferme-du-couserans", "hostile", "agrilocal-09"))

    @classmethod
    def tearDownClass(cls):
        cls.daemon.stop()
        cls.ws.cleanup()

    def fetch(self, query="", headers=None, status=200):
        code, hdrs, body = self.daemon.get("/feed.atom" + query, headers=headers)
        self.assertEqual(code, status, body[:300])
        return hdrs, body

    def feed(self, query=""):
        headers, body = self.fetch(query)
        self.assertEqual(headers["Content-Type"], "application/atom+xml; charset=utf-8")
        parsed = feedparser.parse(body)
        self.assertFalse(parsed.bozo, f"feedparser: {parsed.get('bozo_exception')}")
        return parsed, headers, body

    def offer(self, link):
        offer_id = urllib.parse.urlparse(link).path.rsplit("/", 1)[-1]
        code, body = self.daemon.get_json("/api/v1/offers/" + offer_id)
        self.assertEqual(code, 200, link)
        return body

    def test_is_valid_atom_with_stable_ids_and_dates(self):
        parsed, _, _ = self.feed()
        self.assertEqual(parsed.version, "atom10")
        self.assertTrue(parsed.feed.id.startswith("tag:recolte,2026:feed"))
        self.assertIn("updated_parsed", parsed.feed)
        self.assertEqual([l.rel for l in parsed.feed.links], ["self", "alternate"])
        self.assertTrue(parsed.feed.links[0].href.endswith("/feed.atom"))
        entries = parsed.entries
        self.assertGreater(len(entries), 10)
        self.assertLessEqual(len(entries), 50)
        ids = [e.id for e in entries]
        self.assertEqual(len(set(ids)), len(ids))
        seqs = [int(i.rsplit("/", 1)[1]) for i in ids]
        self.assertTrue(all(i.startswith("tag:recolte,2026:change/") for i in ids))
        self.assertEqual(seqs, sorted(seqs, reverse=True))  # newest first
        for e in entries:
            self.assertTrue(e.updated_parsed, e.id)
            self.assertTrue(e.title)
            self.assertTrue(e.summary)
        # The same request gives the same ids (they come from the store, not from the request).
        again, _, _ = self.feed()
        self.assertEqual([e.id for e in again.entries][-5:], ids[-5:])

    def test_says_what_changed_in_french_with_links_to_the_pages(self):
        parsed, _, _ = self.feed("?source=ferme-du-couserans")
        yaourt = [e for e in parsed.entries if e.title == "Nouvelle offre : Yaourt nature au lait de brebis"]
        self.assertEqual(len(yaourt), 1)
        self.assertIn(f"Ferme du Couserans (09 · Ariège) propose «{NBSP}Yaourt nature au lait de brebis{NBSP}» à "
                      f"0,85{NBSP}€ HT / pot, soit 6,80{NBSP}€/kg. Labels : Bio (AB).", yaourt[0].summary)
        self.assertEqual(self.offer(yaourt[0].link)["source_id"], "FC-002")
        needs, _, _ = self.feed("?source=agrilocal-09")
        new_needs = [e for e in needs.entries if e.title.startswith("Nouveau besoin : ")]
        self.assertTrue(new_needs)
        self.assertIn("/besoins/", new_needs[0].link)
        code, _ = self.daemon.get_json("/api/v1/needs/" + new_needs[0].link.rsplit("/", 1)[1])
        self.assertEqual(code, 200)

    def test_filters_like_the_catalogue(self):
        for query, check in (("?departement=09", lambda o: o["departement"] == "09"),
                             ("?product_type=vegetable&departement=31", lambda o: o["departement"] == "31"
                              and o["product_type"] == "vegetable"),
                             ("?source=hostile", lambda o: o["source"] == "hostile")):
            parsed, _, _ = self.feed(query)
            self.assertTrue(parsed.entries, query)
            self.assertTrue(parsed.feed.links[0].href.endswith("/feed.atom" + query), query)
            for e in parsed.entries:
                if "/offres/" in e.get("link", ""):
                    self.assertTrue(check(self.offer(e.link)), f"{query}: {e.title}")
        all_entries = len(self.feed()[0].entries)
        self.assertLess(len(self.feed("?source=hostile")[0].entries), all_entries)

    def test_conditional_get(self):
        _, headers, _ = self.feed("?departement=09")
        etag = headers["ETag"]
        _, body = self.fetch("?departement=09", headers={"If-None-Match": etag}, status=304)
        self.assertEqual(body, b"")
        self.fetch("?departement=09", headers={"If-None-Match": "W/" + etag}, status=304)
        self.fetch("?departement=09", headers={"If-None-Match": '"autre", ' + etag}, status=304)
        other = self.fetch("?departement=31")[0]["ETag"]
        self.assertNotEqual(other, etag)  # the filters are part of it
        self.fetch("?departement=31", headers={"If-None-Match": etag}, status=200)

    def test_hostile_names_stay_text(self):
        parsed, _, body = self.feed("?source=hostile")
        self.assertNotIn(b"<script", body)
        self.assertNotIn(b"<img", body)
        titles = [e.title for e in parsed.entries]
        self.assertIn(f"Nouvelle offre : {SCRIPT}", titles)  # shown as the text it is
        self.assertTrue(any(IMG in e.summary for e in parsed.entries))

    def test_bad_parameters_get_a_french_400(self):
        headers, body = self.fetch("?departement=9", status=400)
        self.assertEqual(headers["Content-Type"], "text/plain; charset=utf-8")
        self.assertIn("« departement » doit être un numéro de département", body.decode("utf-8"))
        _, body = self.fetch("?label=BIO", status=400)
        self.assertIn("Paramètre inconnu", body.decode("utf-8"))

    def test_z_a_price_change_made_by_resyncing_appears_as_a_new_entry(self):
        # Last (by name): it changes the store the other tests read.
        before, headers, _ = self.feed("?departement=09")
        old_ids = {e.id: e.title for e in before.entries}
        old = change_price(self.ws.dir / "data" / "ferme-du-couserans.csv", "FC-002", "0,90")
        self.assertEqual(old, "0,85")
        result = run("sync", "--config", str(self.config), "ferme-du-couserans")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

        after, new_headers, _ = self.feed("?departement=09")
        self.assertNotEqual(new_headers["ETag"], headers["ETag"])
        newest = after.entries[0]
        self.assertNotIn(newest.id, old_ids)
        self.assertEqual(newest.title, "Prix modifié : Yaourt nature au lait de brebis")
        self.assertIn(f"le prix passe de 0,85{NBSP}€ à 0,90{NBSP}€ HT / pot (+5,9{NBSP}%)", newest.summary)
        self.assertEqual([t.term for t in newest.tags], ["price_changed"])
        self.assertEqual(self.offer(newest.link)["price"]["amount"], 0.9)
        # Entries already published keep their id and title.
        for e in after.entries[1:]:
            if e.id in old_ids:
                self.assertEqual(e.title, old_ids[e.id])
        # The reader's old copy is stale now; the new one is current.
        self.fetch("?departement=09", headers={"If-None-Match": headers["ETag"]}, status=200)
        self.fetch("?departement=09", headers={"If-None-Match": new_headers["ETag"]}, status=304)


if __name__ == "__main__":
    unittest.main()
