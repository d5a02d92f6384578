"""Two daemons on one PostgreSQL database (a fresh one on the test server), one CSV source of 20,000
rows synced every 2 s by whichever daemon holds the source's lease:
  1. both serve the API, the pages and the Atom feed with identical results;
  2. a change synced by one daemon is visible on the other at once;
  3. a daemon killed with SIGKILL during its sync (seen from PostgreSQL: it holds the source's
     advisory lock and its transaction has written) leaves nothing behind: the other daemon takes
     the source over (a later ok run), every offer is there once, and the change log holds one
     "added" per offer and exactly the changes of the committed runs.
The steps run in order (test_1..., test_2..., test_3...) on the same database and daemons."""

import os
import pathlib
import subprocess
import time
import unittest

from harness import SOURCE_DIR, Daemon, Workspace
from pg_support import FreshDatabase, require_postgresql

ROWS = 20000
GENERATOR = SOURCE_DIR / "bench" / "gen_price_list.py"
SAME_PATHS = ["/api/v1/offers?limit=100", "/api/v1/offers?sort=unit_price&limit=100&offset=10000",
              "/api/v1/offers?sort=updated&limit=50", "/api/v1/offers?q=tomate&limit=20", "/api/v1/producers?limit=100",
              "/api/v1/sources", "/api/v1/sources/grossiste/rejects", "/", "/?q=pomme", "/sources", "/sources/grossiste",
              "/producteurs", "/feed.atom", "/export/producteurs.csv"]


def generate(path, seed=7, change_prices=0.0):
    args = ["/usr/bin/python3", str(GENERATOR), "-n", str(ROWS), "--seed", str(seed), "-o", str(path)]
    if change_prices:
        args += ["--change-prices", str(change_prices)]
    subprocess.run(args, check=True, timeout=120)


def owner_of_port(port, daemons):
    """The name of the daemon whose process has the local TCP port `port` open (/proc/net/tcp)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in pathlib.Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(f"socket:[{fields[9]}]")
    for name, daemon in daemons.items():
        fd_dir = pathlib.Path(f"/proc/{daemon.proc.pid}/fd")
        try:
            if any(os.readlink(fd) in inodes for fd in fd_dir.iterdir()):
                return name
        except OSError:
            continue
    return None


class TwoDaemonsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        require_postgresql()
        cls.ws = Workspace()
        cls.db = FreshDatabase("recolte_two")
        data = cls.ws.dir / "data"
        data.mkdir()
        generate(data / "base.csv")
        generate(data / "one-percent.csv", change_prices=0.01)
        generate(data / "all.csv", change_prices=1.0)
        cls.current = data / "grossiste.csv"
        cls.publish(data / "base.csv")
        cls.config = cls.ws.write("recolte.yaml", (
            f'http: {{bind: 127.0.0.1, port: 0}}\nstore: {{postgresql: "{cls.db.conninfo}"}}\nlog: {{level: info}}\n'
            f"sources:\n  - {{name: grossiste, connector: csv, path: {cls.current}, every: 2s}}\n"))
        cls.daemons = {}
        # Up as soon as they answer: the first sync (20,000 new offers) is awaited by test_1, with a
        # timeout that allows for a loaded machine.
        for name in ("recolte-a", "recolte-b"):
            cls.daemons[name] = Daemon(cls.config)

    @classmethod
    def tearDownClass(cls):
        for d in getattr(cls, "daemons", {}).values():
            d.stop()
        if hasattr(cls, "db"):
            cls.db.drop()
        if hasattr(cls, "ws"):
            cls.ws.cleanup()

    @classmethod
    def publish(cls, path):
        """Replaces the source file in one rename, as a platform's export would land."""
        tmp = cls.current.with_suffix(".tmp")
        tmp.write_bytes(pathlib.Path(path).read_bytes())
        os.replace(tmp, cls.current)

    def alive(self):
        return [d for d in self.daemons.values() if d.proc.poll() is None]

    def get(self, daemon, path):
        # One Host for both, as behind one load balancer (the feed's links are built from it).
        status, _, body = daemon.get(path, headers={"Host": "recolte.test"})
        self.assertEqual(status, 200, f"{path}: {body[:300]!r}\n{daemon.output()[-2000:]}")
        return body

    def ok_runs(self):
        return self.db.query("SELECT id, added, changed, removed FROM sync_runs WHERE source = 'grossiste' AND "
                             "outcome = 'ok' ORDER BY id")

    def wait_for(self, what, predicate, timeout=180):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = predicate()
            if value:
                return value
            time.sleep(0.05)
        self.fail(f"timed out waiting for {what}")

    def test_1_both_daemons_serve_identical_results(self):
        a, b = self.alive()
        self.wait_for("the first sync", lambda: any(int(r[1]) == ROWS for r in self.ok_runs()), timeout=600)
        self.assertIn(f'"total":{ROWS}'.encode(), self.get(a, "/api/v1/offers?limit=1").replace(b" ", b""))
        for path in SAME_PATHS:
            # A scheduled sync may land between the two requests (a new run in /api/v1/sources): ask
            # again then; a difference that stays is a failure.
            for attempt in range(5):
                one, other = self.get(a, path), self.get(b, path)
                if one == other:
                    break
                time.sleep(0.3)
            self.assertEqual(one, other, f"{path} differs between the two daemons")

    def test_2_a_change_synced_by_one_is_visible_on_the_other_at_once(self):
        a, b = self.alive()
        runs_before = len(self.ok_runs())
        feed_before = self.get(a, "/feed.atom")
        self.publish(self.ws.dir / "data" / "one-percent.csv")
        changed = self.wait_for("the 1 % change to be synced",
                                lambda: [r for r in self.ok_runs()[runs_before:] if int(r[2]) > 0])
        self.assertGreater(int(changed[0][2]), ROWS // 200)
        # The very next requests, on both daemons: the same feed, with the change in it.
        feed_a, feed_b = self.get(a, "/feed.atom"), self.get(b, "/feed.atom")
        self.assertNotEqual(feed_a, feed_before)
        self.assertEqual(feed_a, feed_b)
        updated_a = self.get(a, "/api/v1/offers?sort=updated&limit=20")
        self.assertEqual(updated_a, self.get(b, "/api/v1/offers?sort=updated&limit=20"))
        self.assertEqual(self.get(a, "/"), self.get(b, "/"))

    def lease_holder(self):
        """The daemon whose sync transaction holds the source's advisory lock and is writing offers (a
        run that has changes to apply, not an unchanged one that only records itself), if any: found
        from the client port of that PostgreSQL connection."""
        rows = self.db.query(
            "SELECT a.client_port FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database() AND EXISTS ("
            " SELECT 1 FROM pg_locks w WHERE w.pid = l.pid AND w.locktype = 'relation'"
            " AND w.relation = 'offers'::regclass AND w.mode = 'RowExclusiveLock')")
        return owner_of_port(int(rows[0][0]), self.daemons) if rows else None

    def test_3_a_daemon_killed_during_its_sync_is_taken_over_and_nothing_is_lost(self):
        runs_before = len(self.ok_runs())
        changes_before = int(self.db.query("SELECT COUNT(*) FROM changes")[0][0])
        self.publish(self.ws.dir / "data" / "all.csv")
        holder = self.wait_for("a daemon in the middle of the sync", self.lease_holder)
        victim = self.daemons[holder]
        victim.proc.kill()  # SIGKILL: no clean-up, the connection just drops
        victim.proc.wait()
        # Nothing of the killed transaction was committed.
        self.assertEqual(len(self.ok_runs()), runs_before)
        self.assertEqual(int(self.db.query("SELECT COUNT(*) FROM changes")[0][0]), changes_before)

        survivor = next(d for n, d in self.daemons.items() if n != holder)
        taken = self.wait_for("the other daemon to sync the source",
                              lambda: [r for r in self.ok_runs()[runs_before:] if int(r[2]) > 0])
        self.assertGreater(int(taken[0][2]), ROWS * 9 // 10, "the takeover run applies the whole change")
        self.assertIsNotNone(victim.proc.poll())

        self.assertIn(f'"total":{ROWS}'.encode(), self.get(survivor, "/api/v1/offers?limit=1").replace(b" ", b""))
        q = self.db.query
        self.assertEqual(int(q("SELECT COUNT(*) FROM offers WHERE source = 'grossiste'")[0][0]), ROWS)
        self.assertEqual(q("SELECT source_id FROM offers GROUP BY source_id HAVING COUNT(*) > 1"), [])
        # One "added" per offer, and the change log holds exactly what the committed runs counted.
        self.assertEqual(q("SELECT COUNT(*) FROM offers o WHERE (SELECT COUNT(*) FROM changes c "
                           "WHERE c.record_id = o.id AND c.change = 'added') <> 1")[0][0], "0")
        totals = q("SELECT SUM(added), SUM(changed), SUM(removed) FROM sync_runs WHERE outcome = 'ok'")[0]
        logged = q("SELECT (SELECT COUNT(*) FROM changes WHERE change = 'added'), "
                   "(SELECT COUNT(*) FROM changes WHERE change IN ('changed', 'price_changed')), "
                   "(SELECT COUNT(*) FROM changes WHERE change = 'removed')")[0]
        self.assertEqual(logged, totals)
        self.assertEqual(totals[0], str(ROWS))
        # Every change row belongs to a committed run's time: none dates from the killed attempt alone.
        self.assertEqual(q("SELECT COUNT(*) FROM changes c WHERE NOT EXISTS (SELECT 1 FROM sync_runs r "
                           "WHERE r.outcome = 'ok' AND r.started = c.at)")[0][0], "0")


if __name__ == "__main__":
    unittest.main()
