"""Isolated connector runs (issue 7, item 1): a daemon with a good source and a deliberately broken
one (tests/plugins/broken: crash, abort, hang, leak, corrupt frames, printed garbage, flaky). Each
failure is recorded with its French reason on /api/v1/sources and /sources, the source's previous
offers stay served, the next scheduled sync runs again, and the daemon answers throughout."""

import html
import os
import pathlib
import time
import unittest

from harness import BINARY, SOURCE_DIR, Daemon, Workspace

PLUGINS = pathlib.Path(os.environ.get("RECOLTE_PLUGIN_DIR", SOURCE_DIR / "build/lib/recolte/plugins"))
TEST_PLUGINS = pathlib.Path(os.environ.get("RECOLTE_TEST_PLUGINS", SOURCE_DIR / "build/lib/recolte/test-plugins"))
BROKEN = TEST_PLUGINS.parent / "broken-plugins" / "libtest_broken.so"
# A sanitizer build sets no memory limit (its runtime reserves terabytes of address space).
SANITIZED = b"__asan_init" in pathlib.Path(BINARY).read_bytes()

# mode -> a part of the reason the run must give
FAILURES = [
    # Under ASan the worker's SIGSEGV is caught by the sanitizer, which reports it and aborts.
    ("crash", "le connecteur s'est arrêté : signal 6 (SIGABRT)" if SANITIZED
     else "le connecteur s'est arrêté : signal 11 (SIGSEGV)"),
    ("abort", "le connecteur s'est arrêté : signal 6 (SIGABRT)"),
    ("hang", "limite de temps de 3 s dépassée"),
    *([] if SANITIZED else [("leak", "limite mémoire de 256 Mio")]),
    ("corrupt", "réponse illisible du processus de lecture"),
]


class IsolationTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        plugins = cls.ws.dir / "plugins"
        plugins.mkdir()
        (plugins / "libcsv.so").symlink_to(PLUGINS / "libcsv.so")
        (plugins / "libtest_broken.so").symlink_to(BROKEN)
        cls.ws.copy_sample("ferme-du-couserans.csv")
        cls.fragile = cls.ws.dir / "fragile"
        cls.fragile.mkdir()
        cls.set_mode("ok")
        cls.config = cls.ws.config(f"""\
  - name: ferme-du-couserans
    connector: csv
    path: data/ferme-du-couserans.csv
    producer_name: Ferme du Couserans
    producer_siret: "81234567600017"
    producer_postcode: "09200"
  - {{name: fragile, connector: test_broken, path: fragile, every: 1s, count: 5, time_limit: 3s, memory_limit: 256MiB}}
""", extra=f"plugins: {plugins}\nsync: {{time_limit: 10m, memory_limit: 1GiB}}\n")
        cls.daemon = Daemon(cls.config, expected_sources=["ferme-du-couserans", "fragile"])

    @classmethod
    def tearDownClass(cls):
        cls.daemon.stop()
        cls.ws.cleanup()

    @classmethod
    def set_mode(cls, mode):
        (cls.fragile / "mode").write_text(mode + "\n")

    def last_run(self, name):
        status, body = self.daemon.get_json("/api/v1/sources")
        self.assertEqual(status, 200)
        return next(s for s in body["items"] if s["name"] == name)["last_sync"]

    def offer_count(self, source):
        status, body = self.daemon.get_json(f"/api/v1/offers?source={source}&limit=1")
        self.assertEqual(status, 200)
        return body["total"]

    def wait_for_run(self, after, predicate, timeout=60):
        """The first run of `fragile` that starts after `after` (an ISO time) and satisfies
        `predicate`; meanwhile the catalogue must keep answering."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            status, _, _ = self.daemon.get("/api/v1/offers?limit=5")
            self.assertEqual(status, 200, "the daemon stopped serving during a sync")
            run = self.last_run("fragile")
            if run and run["started"] > after and predicate(run):
                return run
            time.sleep(0.2)
        self.fail(f"no such run of fragile within {timeout}s; last: {self.last_run('fragile')}\n"
                  f"{self.daemon.output()[-3000:]}")

    def test_1_every_failure_is_recorded_and_the_previous_offers_stay(self):
        good = self.offer_count("ferme-du-couserans")
        self.assertGreater(good, 0)
        ok = self.wait_for_run("", lambda r: r["outcome"] == "ok")
        self.assertEqual(self.offer_count("fragile"), 5)
        after = ok["started"]
        for mode, reason in FAILURES:
            with self.subTest(mode=mode):
                self.set_mode(mode)
                run = self.wait_for_run(after, lambda r: r["outcome"] == "failed" and mode_done(r, reason))
                after = run["started"]
                self.assertIn(reason, run["error"])
                # The offers it sent before failing were rolled back; the previous ones are served.
                self.assertEqual(self.offer_count("fragile"), 5)
                self.assertEqual(self.offer_count("ferme-du-couserans"), good)
                page_status, _, page = self.daemon.get("/sources")
                self.assertEqual(page_status, 200)
                self.assertIn(reason, html.unescape(page.decode()))
                # The next scheduled sync runs again (and fails again the same way).
                again = self.wait_for_run(after, lambda r: True)
                self.assertEqual(again["outcome"], "failed")
                after = again["started"]
        self.set_mode("ok")
        self.wait_for_run(after, lambda r: r["outcome"] == "ok")
        self.assertEqual(self.offer_count("fragile"), 5)

    def test_2_printed_garbage_and_nonsense_records(self):
        self.set_mode("garbage")
        run = self.wait_for_run("", lambda r: r["outcome"] == "ok" and r["read"] == 10)
        self.assertEqual(run["read"], run["accepted"] + run["rejected"])
        self.assertGreaterEqual(run["rejected"], 4)  # 3 nonsense offers or more, the need, the reject
        self.assertEqual(self.offer_count("fragile"), 5)
        status, body = self.daemon.get_json("/api/v1/sources/fragile/rejects?limit=50")
        self.assertEqual(status, 200)
        self.assertGreaterEqual(body["total"], 4)
        self.set_mode("ok")

    def test_3_a_flaky_connector_fails_then_succeeds(self):
        (self.fragile / "runs").write_text("0\n")
        start = self.last_run("fragile")["started"]
        self.set_mode("flaky")
        seen = []
        after = start
        while len(seen) < 4:
            run = self.wait_for_run(after, lambda r: True)
            after = run["started"]
            seen.append(run["outcome"])
        self.set_mode("ok")
        # Runs alternate: every failed one is followed by a successful one.
        self.assertIn("failed", seen)
        for a, b in zip(seen, seen[1:]):
            self.assertNotEqual(a, b, seen)
        self.assertEqual(self.offer_count("fragile"), 5)

    def test_4_no_worker_outlives_the_daemon(self):
        config = str(self.config)
        pid = self.daemon.proc.pid
        self.assertIsNone(self.daemon.proc.poll(), "the daemon died")
        # A worker hanging in its read when the daemon is asked to stop.
        self.set_mode("hang")
        deadline = time.time() + 30
        while not workers_of(config) and time.time() < deadline:
            time.sleep(0.1)
        self.assertNotEqual(workers_of(config), [], "no sync-worker process seen during a sync")
        self.daemon.stop()
        deadline = time.time() + 10
        while time.time() < deadline:
            left = workers_of(config)
            if not left:
                break
            time.sleep(0.2)
        self.assertEqual(workers_of(config), [], f"sync-worker processes left after daemon {pid} stopped")


def mode_done(run, reason):
    return reason in (run["error"] or "")


def workers_of(config):
    """Command lines of live `recolte sync-worker` processes started for this config."""
    found = []
    for proc in pathlib.Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        text = [a.decode(errors="replace") for a in args]
        if "sync-worker" in text and config in text:
            found.append(" ".join(text))
    return found


if __name__ == "__main__":
    unittest.main()
