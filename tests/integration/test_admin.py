"""The admin actions of a real daemon: asking for a sync of a source and putting a file into a
source's folder, each behind a token with the admin role (a finance token is not enough), the
upload's name checks, size cap (declared or chunked) and atomic write, the sync it queues, and the
log naming who did what without ever showing a token."""

import http.client
import json
import re
import time
import unittest
import urllib.parse

from harness import Daemon, SchemaChecker, Workspace, token_sha256

ADMIN = "jeton-admin-7f3e9a1c"
FINANCE = "jeton-compta-51b0d2e4"
BOTH = "jeton-direction-c08a66f1"
CAP = 8192  # http.max_upload_bytes for this daemon

CSV_HEADER = "Référence;Produit;Catégorie;Prix HT;Unité;Conditionnement;TVA;Labels\n"


def price_list(*rows):
    return (CSV_HEADER + "".join(f"{ref};{name};Légumes;{price};kg;;5,5;AB\n" for ref, name, price in rows)).encode()


class AdminTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        cls.ws.copy_sample("ferme-du-couserans.csv")
        cls.folder = cls.ws.dir / "depot"
        cls.folder.mkdir()
        (cls.folder / "tarifs-2026.csv").write_bytes(price_list(("D-1", "Carottes", "1,20")))
        cls.config = cls.ws.config(f"""\
  - name: depot
    connector: csv
    path: depot
    every: 1h
    producer_name: Ferme du Dépôt
    producer_postcode: "09000"
  - name: ferme-du-couserans
    connector: csv
    path: data/ferme-du-couserans.csv
    every: 1h
    producer_name: Ferme du Couserans
""", http=f", max_upload_bytes: {CAP}, auth_free_failures: 1000", extra=f"""\
auth:
  tokens:
    - {{name: informatique, roles: [admin], sha256: {token_sha256(ADMIN)}}}
    - {{name: compta-ccas, roles: [finance], sha256: {token_sha256(FINANCE)}}}
    - {{name: direction, roles: [admin, finance], sha256: {token_sha256(BOTH)}}}
""").read_text().replace("log: {level: warn}", "log: {level: info}")
        cls.ws.write("recolte.yaml", cls.config)
        cls.daemon = Daemon(cls.ws.dir / "recolte.yaml", expected_sources=("depot", "ferme-du-couserans"))
        cls.schemas = SchemaChecker()

    @classmethod
    def tearDownClass(cls):
        cls.daemon.stop()
        cls.ws.cleanup()

    # Helpers ------------------------------------------------------------------------------------

    def call(self, method, path, token=ADMIN, body=None, headers=None, chunked=False):
        """One request on its own connection; returns (status, headers, body bytes)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.daemon.port, timeout=30)
        h = dict(headers or {})
        if token:
            h["Authorization"] = f"Bearer {token}"
        if chunked:
            conn.request(method, path, body=iter([body[i:i + 1000] for i in range(0, len(body), 1000)]), headers=h,
                         encode_chunked=True)
        else:
            conn.request(method, path, body=body, headers=h)
        resp = conn.getresponse()
        out = resp.status, dict(resp.getheaders()), resp.read()
        conn.close()
        return out

    def error(self, body):
        doc = json.loads(body)
        self.assertEqual(self.schemas.errors("error", doc), [])
        return doc["error"]

    def sync_runs(self):
        _, _, text = self.daemon.get("/metrics")
        return sum(int(n) for n in re.findall(r'^recolte_sync_runs_total\{[^}]*\} (\d+)$', text.decode(), re.M))

    def wait_for(self, check, what, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if check():
                return
            time.sleep(0.1)
        self.fail(f"not seen within {timeout}s: {what}\n{self.daemon.output()[-2000:]}")

    def offer_refs(self, source):
        _, doc = self.daemon.get_json(f"/api/v1/offers?source={source}&limit=1000")
        return {o["source_id"] for o in doc["items"]}

    def upload(self, name, body, token=ADMIN, source="depot", **kw):
        return self.call("PUT", f"/api/v1/sources/{source}/files/{urllib.parse.quote(name, safe='')}", token=token,
                         body=body, **kw)

    def files(self):
        return sorted(p.name for p in self.folder.iterdir())

    # Tests --------------------------------------------------------------------------------------

    def test_admin_routes_need_the_admin_role(self):
        for method, path, body in (("POST", "/api/v1/sources/depot/sync", None),
                                   ("PUT", "/api/v1/sources/depot/files/roles.csv", price_list(("R-1", "Ail", "9,00")))):
            with self.subTest(method=method, path=path):
                code, headers, raw = self.call(method, path, token=None, body=body)
                self.assertEqual(code, 401)
                self.assertIn("Bearer", headers.get("WWW-Authenticate", ""))
                self.assertEqual(self.error(raw)["code"], "unauthorized")
                code, _, raw = self.call(method, path, token=FINANCE, body=body)
                self.assertEqual(code, 403, "a finance token is not an admin token")
                self.assertIn("admin", self.error(raw)["message"])
        self.assertNotIn("roles.csv", self.files(), "a refused upload writes nothing")
        code, _, _ = self.call("POST", "/api/v1/sources/depot/sync", token=BOTH)
        self.assertEqual(code, 202, "a token with both roles is an admin token")

    def test_a_sync_asked_for_runs_and_says_it_is_queued(self):
        before = self.sync_runs()
        code, headers, raw = self.call("POST", "/api/v1/sources/ferme-du-couserans/sync")
        self.assertEqual(code, 202, raw)
        doc = json.loads(raw)
        self.assertEqual(doc["source"], "ferme-du-couserans")
        self.assertIn(doc["sync"], ("queued", "queued_behind_running", "already_queued"))
        self.assertTrue(doc["message"])
        self.wait_for(lambda: self.sync_runs() > before, "a sync run after POST .../sync")

    def test_unknown_source_and_wrong_method(self):
        code, _, raw = self.call("POST", "/api/v1/sources/inconnue/sync")
        self.assertEqual(code, 404)
        self.assertIn("inconnue", self.error(raw)["message"])
        code, _, raw = self.upload("a.csv", b"x", source="inconnue")
        self.assertEqual(code, 404)
        code, headers, _ = self.call("GET", "/api/v1/sources/depot/sync")
        self.assertEqual(code, 405)
        self.assertEqual(headers.get("Allow"), "POST")

    def test_an_uploaded_file_is_stored_whole_and_synced(self):
        self.assertNotIn("D-2", self.offer_refs("depot"))
        code, _, raw = self.upload("arrivage.csv", price_list(("D-2", "Poireaux", "2,40"), ("D-3", "Céleri", "1,90")))
        self.assertEqual(code, 201, raw)
        doc = json.loads(raw)
        self.assertEqual((doc["source"], doc["file"], doc["replaced"]), ("depot", "arrivage.csv", False))
        self.assertEqual(doc["bytes"], (self.folder / "arrivage.csv").stat().st_size)
        self.assertIn(doc["sync"], ("queued", "queued_behind_running", "already_queued"))
        self.assertEqual([f for f in self.files() if f.startswith(".")], [], "no temporary file left")
        self.wait_for(lambda: {"D-2", "D-3"} <= self.offer_refs("depot"), "the uploaded offers in the API")
        # The same name again replaces the file (200), and the sync follows the new content.
        code, _, raw = self.upload("arrivage.csv", price_list(("D-4", "Navets", "1,10")), chunked=True)
        self.assertEqual(code, 200, raw)
        self.assertTrue(json.loads(raw)["replaced"])
        self.assertEqual((self.folder / "arrivage.csv").read_bytes(), price_list(("D-4", "Navets", "1,10")))
        self.wait_for(lambda: "D-4" in self.offer_refs("depot") and "D-2" not in self.offer_refs("depot"),
                      "the replaced file's offers")

    def test_bad_file_names_are_refused_naming_why(self):
        cases = {
            ".cache.csv": "point",
            "..": "point",
            "a..csv": "« .. »",
            "tarifs.xlsx": "« *.csv »",
            "a\\b.csv": "« \\ »",
            "nul\x00.csv": "contrôle",
            "x" * 197 + ".csv": "trop long",
        }
        for name, reason in cases.items():
            with self.subTest(name=name[:30]):
                code, _, raw = self.upload(name, price_list(("B-1", "Chou", "1,00")))
                self.assertEqual(code, 400, raw)
                err = self.error(raw)
                self.assertEqual((err["code"], err["parameter"]), ("bad_parameter", "file"))
                self.assertIn(reason, err["message"])
        # An encoded slash makes two segments: no such route, and nothing written outside the folder.
        code, _, _ = self.call("PUT", "/api/v1/sources/depot/files/..%2Fevil.csv", body=b"x")
        self.assertEqual(code, 404)
        self.assertFalse((self.ws.dir / "evil.csv").exists())
        self.assertEqual([f for f in self.files() if "csv" not in f or f.startswith(".")], [])

    def test_a_source_that_is_not_a_folder_takes_no_upload(self):
        code, _, raw = self.upload("autre.csv", price_list(("F-1", "Ail", "9,00")), source="ferme-du-couserans")
        self.assertEqual(code, 400)
        self.assertIn("ne lit pas un dossier local", self.error(raw)["message"])
        self.assertFalse((self.ws.dir / "data" / "autre.csv").exists())

    def test_an_upload_over_the_cap_is_413_and_changes_nothing(self):
        before = (self.folder / "tarifs-2026.csv").read_bytes()
        big = CSV_HEADER.encode() + b"G-1;" + b"x" * CAP + b";Fruits;1,00;kg;;5,5;\n"
        for chunked in (False, True):
            with self.subTest(chunked=chunked):
                code, headers, raw = self.upload("tarifs-2026.csv", big, chunked=chunked)
                self.assertEqual(code, 413, raw)
                self.assertEqual(self.error(raw)["code"], "payload_too_large")
                self.assertIn("8 Kio", self.error(raw)["message"])
                self.assertEqual(headers.get("Connection", "").lower(), "close")
                self.assertEqual((self.folder / "tarifs-2026.csv").read_bytes(), before)
                self.assertEqual([f for f in self.files() if f.startswith(".")], [])
        self.assertEqual(self.daemon.get("/healthz")[0], 200, "the daemon keeps serving")

    def test_zz_the_log_names_the_token_and_never_shows_one(self):
        # Runs last (unittest sorts by name).
        self.upload("journal.csv", price_list(("J-1", "Radis", "2,00")))
        self.call("POST", "/api/v1/sources/depot/sync", token=BOTH)
        self.call("POST", "/api/v1/sources/depot/sync", token=FINANCE)
        self.call("POST", "/api/v1/sources/depot/sync", token="pas-un-jeton")
        log = self.daemon.output()
        self.assertRegex(log, r'token "informatique" from 127\.0\.0\.1 (added|replaced) journal\.csv \(\d+ bytes\) '
                              r'in source depot')
        self.assertIn('token "direction" from 127.0.0.1 asked for a sync of depot', log)
        self.assertIn('token "compta-ccas" lacks the role admin', log)
        tokens = (ADMIN, FINANCE, BOTH, "pas-un-jeton")
        for secret in (*tokens, *map(token_sha256, tokens)):
            self.assertNotIn(secret, log)


if __name__ == "__main__":
    unittest.main()
