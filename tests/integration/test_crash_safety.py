"""Crash safety of the store: the daemon is killed with SIGKILL at many points of a sync, and after
each kill the SQLite store (WAL) must hold, for every source, either the whole previous version or
the whole new one: offers, change log, producers, sync runs and bookmark all agree, and nothing of
the other sources is touched. A last restart without a kill must then finish the sync.

How: a price list of ROWS rows is synced (version A) and the store snapshotted. Version B (every
price changed) is synced once to completion on a copy, to learn the B state and how long its sync
takes. Then, KILLS times, the A snapshot is restored, `recolte serve` is started on B (it syncs every
source at start) and killed at a point spread over [0, 1.3 x that duration]."""

import os
import pathlib
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import unittest

from harness import BINARY, SOURCE_DIR, Daemon, Workspace, free_port, run

ROWS = int(os.environ.get("RECOLTE_CRASH_ROWS", "15000"))
KILLS = int(os.environ.get("RECOLTE_CRASH_KILLS", "20"))
GENERATOR = SOURCE_DIR / "bench" / "gen_price_list.py"
BIG, SMALL = "liste", "coop"


def generate(path, change_prices=0.0):
    subprocess.run([sys.executable, str(GENERATOR), "--rows", str(ROWS), "--seed", "7", "--output", str(path),
                    "--change-prices", str(change_prices)], check=True)


def store_files(db):
    return [pathlib.Path(str(db) + suffix) for suffix in ("", "-wal", "-shm")]


def copy_store(src_db, dst_db):
    for f in store_files(dst_db):
        f.unlink(missing_ok=True)
    for s, d in zip(store_files(src_db), store_files(dst_db)):
        if s.exists():
            shutil.copyfile(s, d)


def state_of(db, source):
    """What must be all-old or all-new for one source, without timestamps (they differ per run)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        offers = frozenset(con.execute("SELECT id, hash, price FROM offers WHERE source = ?", (source,)))
        changes = tuple(sorted(con.execute(
            "SELECT record_id, change, old_price, new_price FROM changes WHERE source = ?", (source,))))
        listings = frozenset(con.execute("SELECT producer_id, hash FROM producer_listings WHERE source = ?",
                                         (source,)))
        runs = tuple(con.execute("SELECT outcome, read_count, accepted, rejected, added, changed, removed, unchanged "
                                 "FROM sync_runs WHERE source = ? ORDER BY id", (source,)))
        bookmark = con.execute("SELECT bookmark FROM source_state WHERE source = ?", (source,)).fetchone()
        rejects = con.execute("SELECT COUNT(*) FROM rejects WHERE source = ?", (source,)).fetchone()[0]
        producers = con.execute("SELECT COUNT(*) FROM producers").fetchone()[0]
        orphans = con.execute("SELECT COUNT(*) FROM offers o WHERE NOT EXISTS "
                              "(SELECT 1 FROM producers p WHERE p.id = o.producer_id)").fetchone()[0]
    finally:
        con.close()
    return {"integrity": integrity, "offers": offers, "changes": changes, "listings": listings, "runs": runs,
            "bookmark": bookmark, "rejects": rejects, "producers": producers, "orphans": orphans}


class CrashSafetyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        cls.data = cls.ws.dir / "data"
        cls.data.mkdir()
        cls.ws.copy_sample("cooperative-lauragais.csv")
        generate(cls.data / "a.csv")
        generate(cls.data / "b.csv", change_prices=1.0)
        shutil.copyfile(cls.data / "a.csv", cls.data / "liste.csv")
        cls.config = cls.ws.config(f"""\
  - {{name: {BIG}, connector: csv, path: data/liste.csv}}
  - {{name: {SMALL}, connector: csv, path: data/cooperative-lauragais.csv}}
""")
        cls.db = cls.ws.dir / "hub.db"
        first = run("sync", "--config", str(cls.config), timeout=600)
        assert first.returncode == 0, first.stdout + first.stderr
        cls.snapshot_a = cls.ws.dir / "snapshot-a.db"
        cls._checkpoint(cls.db)
        copy_store(cls.db, cls.snapshot_a)
        cls.state_a = {s: state_of(cls.db, s) for s in (BIG, SMALL)}

        # Version B once, to completion: the state a finished sync leaves, and how long it takes.
        shutil.copyfile(cls.data / "b.csv", cls.data / "liste.csv")
        started = time.monotonic()
        second = run("sync", "--config", str(cls.config), timeout=600)
        cls.sync_seconds = time.monotonic() - started
        assert second.returncode == 0, second.stdout + second.stderr
        cls.state_b = {s: state_of(cls.db, s) for s in (BIG, SMALL)}

    @classmethod
    def tearDownClass(cls):
        cls.ws.cleanup()

    @staticmethod
    def _checkpoint(db):
        con = sqlite3.connect(db)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()

    def test_the_two_versions_differ_everywhere_that_is_checked(self):
        a, b = self.state_a[BIG], self.state_b[BIG]
        self.assertEqual(len(a["offers"]), len(b["offers"]))
        self.assertGreater(len(a["offers"]), ROWS * 0.9)
        self.assertTrue(a["offers"].isdisjoint(b["offers"]), "every price changed: no (id, hash, price) in common")
        self.assertGreater(len(b["changes"]), len(a["changes"]))
        self.assertNotEqual(a["runs"], b["runs"])
        # The other source did not change: its second sync only adds an "unchanged" run.
        self.assertEqual(self.state_a[SMALL]["offers"], self.state_b[SMALL]["offers"])
        self.assertEqual(len(self.state_b[SMALL]["runs"]), len(self.state_a[SMALL]["runs"]) + 1)

    def test_every_kill_leaves_the_whole_old_or_the_whole_new_version(self):
        port = free_port()
        outcomes = []
        for i in range(KILLS):
            copy_store(self.snapshot_a, self.db)
            delay = self.sync_seconds * 1.3 * (i + 0.5) / KILLS
            log = open(self.ws.dir / f"daemon-{i}.log", "w")
            proc = subprocess.Popen([BINARY, "serve", "--config", str(self.config), "--port", str(port)],
                                    stdout=log, stderr=subprocess.STDOUT)
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            log.close()
            state = {s: state_of(self.db, s) for s in (BIG, SMALL)}
            for s in (BIG, SMALL):
                self.assertEqual(state[s]["integrity"], "ok", f"kill {i} at {delay:.2f} s")
                self.assertEqual(state[s]["orphans"], 0, f"kill {i}: offers whose producer is gone")
            big = state[BIG]
            if big == self.state_a[BIG]:
                outcomes.append("old")
            elif big == self.state_b[BIG]:
                outcomes.append("new")
            else:
                diff = {k for k in big if big[k] != self.state_a[BIG][k] and big[k] != self.state_b[BIG][k]}
                self.fail(f"kill {i} at {delay:.2f} s left a mixed state in: {sorted(diff)} "
                          f"({len(big['offers'])} offers, {len(big['changes'])} changes)")
            self.assertIn(state[SMALL], (self.state_a[SMALL], self.state_b[SMALL]),
                          f"kill {i}: the other source is neither its old nor its new version")
        print(f"\n{KILLS} kills over {self.sync_seconds:.2f} s x 1.3 of sync ({ROWS} rows): "
              f"{outcomes.count('old')} left the old version, {outcomes.count('new')} the new one", file=sys.stderr)
        # The kill points must really fall inside the sync, not all before or after it.
        self.assertGreaterEqual(outcomes.count("old"), 3, outcomes)

        # Restarted after the last kill, the daemon finishes the sync: the new version, whole.
        copy_store(self.snapshot_a, self.db)
        daemon = Daemon(self.config, expected_sources=())
        try:
            deadline = time.time() + 300
            while time.time() < deadline and state_of(self.db, BIG)["offers"] != self.state_b[BIG]["offers"]:
                time.sleep(0.5)
            status, body = daemon.get_json(f"/api/v1/offers?source={BIG}&limit=1")
            self.assertEqual(status, 200)
            self.assertEqual(body["total"], len(self.state_b[BIG]["offers"]))
        finally:
            daemon.stop()
        final = state_of(self.db, BIG)
        self.assertEqual(final["offers"], self.state_b[BIG]["offers"])
        self.assertEqual(final["changes"], self.state_b[BIG]["changes"])


if __name__ == "__main__":
    unittest.main()
