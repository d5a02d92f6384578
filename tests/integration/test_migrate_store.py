"""`recolte migrate-store` on a real hub: a SQLite store filled by several syncs of the sample sources
(offers, needs, producers, a price change in the change log, rejects, Chorus Pro invoices) is copied
into a fresh PostgreSQL database; every table holds the same rows on both sides, and a daemon started
on PostgreSQL serves the same catalogue, sources, rejects, feed and invoices as one on SQLite. A
second copy into the same database is refused; a missing or corrupt source is a clear error."""

import hashlib
import json
import re
import shutil
import sqlite3
import time
import unittest

from harness import SAMPLES, Daemon, Workspace, run
from pg_support import FreshDatabase, require_postgresql

TOKEN = "jeton-compta-Mg55-secret"
TABLES = ["offers", "needs", "producers", "producer_listings", "changes", "sync_runs", "rejects",
          "source_state", "invoices", "invoice_statuses"]
SOURCES = """\
  - name: ferme-du-couserans
    connector: csv
    path: data/ferme-du-couserans.csv
    producer_name: Ferme du Couserans
    producer_siret: "81234567600017"
    producer_postcode: "09200"
  - {name: cooperative-lauragais, connector: csv, path: data/cooperative-lauragais.csv}
  - {name: manger-bio-occitanie, connector: mangerbio, path: data/mangerbio-occitanie.csv}
  - {name: agrilocal-09, connector: agrilocal, path: data/agrilocal-09.xml}
  - {name: chorus-pro-ccas, connector: choruspro, path: data/choruspro}
"""
NAMES = ["ferme-du-couserans", "cooperative-lauragais", "manger-bio-occitanie", "agrilocal-09", "chorus-pro-ccas"]


def config_text(ws, store_yaml):
    token = hashlib.sha256(TOKEN.encode()).hexdigest()
    return (f"http: {{bind: 127.0.0.1, port: 0}}\nstore: {store_yaml}\nlog: {{level: warn}}\n"
            f"auth:\n  tokens:\n    - {{name: compta, roles: [finance], sha256: {token}}}\n"
            f"sources:\n{SOURCES}")


def sqlite_counts(path):
    with sqlite3.connect(path) as db:
        return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def build_sqlite_hub(ws):
    """Three syncs: everything new, a price changed in the cooperative's list, nothing changed."""
    for name in ["ferme-du-couserans.csv", "cooperative-lauragais.csv", "mangerbio-occitanie.csv", "agrilocal-09.xml"]:
        ws.copy_sample(name)
    shutil.copytree(SAMPLES / "choruspro", ws.dir / "data" / "choruspro")
    config = ws.write("sqlite.yaml", config_text(ws, f"{{sqlite: {ws.dir / 'hub.db'}}}"))
    first = run("sync", "--config", str(config))
    coop = ws.dir / "data" / "cooperative-lauragais.csv"
    coop.write_text(coop.read_text(encoding="utf-8").replace(";1,90;kg;", ";2,15;kg;"), encoding="utf-8")
    second = run("sync", "--config", str(config))
    third = run("sync", "--config", str(config))
    return config, [first, second, third]


def without_times(sources_body):
    """/api/v1/sources with the clock readings of each daemon's own start-up sync left out."""
    for item in sources_body["items"]:
        for key in ("started", "finished", "duration_seconds"):
            (item.get("last_sync") or {}).pop(key, None)
    return sources_body


class MigrateToPostgresTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        require_postgresql()
        cls.ws = Workspace()
        cls.db = FreshDatabase("recolte_migrate")
        cls.sqlite_config, cls.syncs = build_sqlite_hub(cls.ws)
        cls.before = sqlite_counts(cls.ws.dir / "hub.db")
        cls.migrated = run("migrate-store", "--from", f"sqlite:{cls.ws.dir / 'hub.db'}",
                           "--to", f"postgresql:{cls.db.conninfo}", timeout=300)
        cls.copied = {t: int(cls.db.query(f"SELECT COUNT(*) FROM {t}")[0][0]) for t in TABLES}
        cls.pg_config = cls.ws.write("pg.yaml", config_text(cls.ws, json.dumps({"postgresql": cls.db.conninfo})))
        cls.daemons = []
        cls.on_sqlite = cls.start(cls.sqlite_config)
        cls.on_postgres = cls.start(cls.pg_config)

    @classmethod
    def start(cls, config):
        daemon = Daemon(config, expected_sources=NAMES)
        cls.daemons.append(daemon)
        return daemon

    @classmethod
    def tearDownClass(cls):
        for d in getattr(cls, "daemons", []):
            d.stop()
        if hasattr(cls, "db"):
            cls.db.drop()
        if hasattr(cls, "ws"):
            cls.ws.cleanup()

    def both(self, path, token=None):
        # One Host for both: the feed's links are built from it.
        headers = {"Host": "recolte.test", **({"Authorization": f"Bearer {token}"} if token else {})}
        answers = []
        for d in (self.on_sqlite, self.on_postgres):
            status, _, body = d.get(path, headers=headers)
            self.assertEqual(status, 200, f"{path}: {body[:300]!r}")
            answers.append(body)
        return answers

    def test_the_hub_to_copy_has_history_rejects_and_invoices(self):
        for r in self.syncs:
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("cooperative-lauragais: ok", self.syncs[1].stdout)
        self.assertIn("changed 1", self.syncs[1].stdout.split("cooperative-lauragais: ok")[1].splitlines()[0])
        self.assertEqual(self.before["sync_runs"], 3 * len(NAMES))
        for table in ("offers", "needs", "producers", "rejects", "invoices", "changes"):
            self.assertGreater(self.before[table], 0, table)

    def test_every_table_is_copied_and_the_counts_are_printed(self):
        self.assertEqual(self.migrated.returncode, 0, self.migrated.stdout + self.migrated.stderr)
        self.assertEqual(self.copied, self.before)
        for table in TABLES:
            self.assertRegex(self.migrated.stdout, rf"(?m)^{table}\s+{self.before[table]}\s+{self.before[table]}$")
            self.assertRegex(self.migrated.stderr, rf"(?m)^{table}: {self.before[table]} rows copied in ")
        self.assertIn("every count matches", self.migrated.stdout)

    def test_ids_and_sequence_numbers_are_kept_and_continue(self):
        with sqlite3.connect(self.ws.dir / "hub.db") as db:
            sqlite_changes = db.execute("SELECT seq, record_id, change FROM changes ORDER BY seq").fetchall()
            sqlite_runs = db.execute("SELECT id, source, outcome FROM sync_runs ORDER BY id LIMIT 15").fetchall()
        pg_changes = [(int(s), r, c) for s, r, c in self.db.query("SELECT seq, record_id, change FROM changes ORDER BY seq")]
        self.assertEqual(pg_changes, sqlite_changes)
        pg_runs = self.db.query("SELECT id, source, outcome FROM sync_runs ORDER BY id LIMIT 15")
        self.assertEqual([(int(i), s, o) for i, s, o in pg_runs], sqlite_runs)
        # The daemon's start-up syncs got ids after the copied ones: the sequence was moved on.
        ids = [int(r[0]) for r in self.db.query("SELECT id FROM sync_runs ORDER BY id")]
        self.assertEqual(len(ids), len(set(ids)))
        self.assertEqual(len(ids), self.before["sync_runs"] + len(NAMES))
        self.assertGreater(min(ids[self.before["sync_runs"]:]), max(r[0] for r in sqlite_runs))

    def test_both_daemons_serve_the_same_catalogue(self):
        for path in ("/api/v1/offers?limit=1000", "/api/v1/offers?sort=unit_price&limit=1000",
                     "/api/v1/needs?limit=1000", "/api/v1/producers?limit=1000", "/feed.atom",
                     "/api/v1/sources/cooperative-lauragais/rejects", "/api/v1/sources/manger-bio-occitanie/rejects"):
            a, b = self.both(path)
            self.assertEqual(a, b, path)
        offers = json.loads(self.both("/api/v1/offers?limit=1")[0])["items"]
        a, b = self.both(f"/api/v1/offers/{offers[0]['id']}")
        self.assertEqual(a, b)
        a, b = self.both("/api/v1/sources")
        self.assertEqual(without_times(json.loads(a)), without_times(json.loads(b)))
        feed = self.both("/feed.atom")[1].decode()
        self.assertIn("2,15", feed)  # the price change of the second sync, from the copied change log

    def test_both_daemons_serve_the_same_invoices(self):
        a, b = self.both("/api/v1/invoices?limit=100", token=TOKEN)
        self.assertEqual(a, b)
        items = json.loads(b)["items"]
        self.assertEqual(len(items), self.before["invoices"])
        for item in items:
            one, other = self.both(f"/api/v1/invoices/{item['id']}", token=TOKEN)
            self.assertEqual(one, other)
        a, b = self.both("/api/v1/invoices/export.csv", token=TOKEN)
        self.assertEqual(a, b)

    def test_a_second_copy_into_the_same_database_is_refused(self):
        again = run("migrate-store", "--from", f"sqlite:{self.ws.dir / 'hub.db'}", "--to", f"postgresql:{self.db.conninfo}")
        self.assertNotEqual(again.returncode, 0)
        self.assertIn("already holds data (offers", again.stderr)
        self.assertIn("--replace", again.stderr)
        self.assertEqual(int(self.db.query("SELECT COUNT(*) FROM changes")[0][0]), self.copied["changes"])

    def test_back_from_postgresql_to_sqlite(self):
        # The daemon on PostgreSQL syncs every source once at start: copy back once those runs are
        # in, so that the counts taken after the copy are the ones it read.
        expected_runs = self.copied["sync_runs"] + len(NAMES)
        deadline = time.monotonic() + 120
        while int(self.db.query("SELECT COUNT(*) FROM sync_runs")[0][0]) < expected_runs:
            self.assertLess(time.monotonic(), deadline, "the daemon on PostgreSQL did not finish its start-up syncs")
            time.sleep(0.2)
        back = self.ws.dir / "back.db"
        result = run("migrate-store", "--from", f"postgresql:{self.db.conninfo}", "--to", f"sqlite:{back}")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        now = {t: int(self.db.query(f"SELECT COUNT(*) FROM {t}")[0][0]) for t in TABLES}
        self.assertEqual(sqlite_counts(back), now)
        with sqlite3.connect(back) as db:
            docs = db.execute("SELECT id, doc FROM offers ORDER BY id").fetchall()
        self.assertEqual(docs, [tuple(r) for r in self.db.query("SELECT id, doc FROM offers ORDER BY id")])


class MigrateStoreErrorsTest(unittest.TestCase):
    """Without PostgreSQL: the refusals and the usage."""

    def setUp(self):
        self.ws = Workspace()

    def tearDown(self):
        self.ws.cleanup()

    def migrate(self, source, target=None):
        return run("migrate-store", "--from", source, "--to", target or f"sqlite:{self.ws.dir / 'to.db'}")

    def test_a_missing_source_file_is_named_and_nothing_is_created(self):
        result = self.migrate(f"sqlite:{self.ws.dir / 'absent.db'}")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn(f"{self.ws.dir / 'absent.db'}: no such file", result.stderr)
        self.assertFalse((self.ws.dir / "absent.db").exists())
        self.assertFalse((self.ws.dir / "to.db").exists())

    def test_a_corrupt_source_file_is_a_clear_error(self):
        corrupt = self.ws.write("corrupt.db", b"SQLite format 3\x00" + b"\xff" * 4000)
        result = self.migrate(f"sqlite:{corrupt}")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("cannot read the source", result.stderr)
        self.assertRegex(result.stderr, "malformed|not a database")

    def test_usage_errors_and_help(self):
        self.assertEqual(run("migrate-store").returncode, 64)
        self.assertIn("--from STORE and --to STORE are required", run("migrate-store").stderr)
        bad = self.migrate("mysql:x")
        self.assertEqual(bad.returncode, 64)
        self.assertIn("sqlite:PATH or postgresql:CONNINFO", bad.stderr)
        helped = run("migrate-store", "--help")
        self.assertEqual(helped.returncode, 0)
        self.assertIn("--replace", helped.stdout)
        self.assertIn("migrate-store", run("help").stdout)

    def test_sqlite_to_sqlite_then_refused_then_replaced(self):
        config = self.ws.write("recolte.yaml", config_text(self.ws, f"{{sqlite: {self.ws.dir / 'hub.db'}}}").split("sources:")[0]
                               + "sources:\n  - {name: coop, connector: csv, path: data/cooperative-lauragais.csv}\n")
        self.ws.copy_sample("cooperative-lauragais.csv")
        self.assertEqual(run("sync", "--config", str(config)).returncode, 0)
        first = self.migrate(f"sqlite:{self.ws.dir / 'hub.db'}")
        self.assertEqual(first.returncode, 0, first.stderr)
        self.assertEqual(sqlite_counts(self.ws.dir / "to.db"), sqlite_counts(self.ws.dir / "hub.db"))
        refused = self.migrate(f"sqlite:{self.ws.dir / 'hub.db'}")
        self.assertNotEqual(refused.returncode, 0)
        self.assertIn("already holds data", refused.stderr)
        replaced = run("migrate-store", "--from", f"sqlite:{self.ws.dir / 'hub.db'}", "--to",
                       f"sqlite:{self.ws.dir / 'to.db'}", "--replace")
        self.assertEqual(replaced.returncode, 0, replaced.stderr)
        self.assertEqual(sqlite_counts(self.ws.dir / "to.db"), sqlite_counts(self.ws.dir / "hub.db"))


if __name__ == "__main__":
    unittest.main()
