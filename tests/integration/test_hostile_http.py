"""HTTP sources that never end: a server (127.0.0.1) streaming endlessly, one announcing a 10 GB
body, two trickling a byte a second (with and without a length). Each sync stops at max_bytes or max_download_time with a failed
run naming the URL and why; the daemon's memory stays bounded, it keeps serving, and a source that
turns hostile keeps its previous offers."""

import http.server
import socketserver
import threading
import time
import unittest

from harness import SAMPLES, Daemon, Workspace, run
from hostile_fixtures import peak_kb
from test_http_source import plugins_line

SAMPLE = (SAMPLES / "cooperative-lauragais.csv").read_bytes()
GOOD_OFFERS = 10
TEN_GB = 10 * 1024 ** 3
PEAK_LIMIT_KB = 200 * 1024


class HostileServer:
    """Answers /good.csv with the sample; /endless.csv, /ten-gb.csv and /trickle.csv as their names
    say. `mode` turns /switch.csv from good to endless. Records how long each hostile answer lasted
    (until the client hung up)."""

    def __init__(self):
        self.mode = "good"
        self.durations = {}
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                path = self.path
                if path == "/switch.csv":
                    path = "/good.csv" if outer.mode == "good" else "/endless.csv"
                if path == "/good.csv":
                    self.answer(len(SAMPLE))
                    self.wfile.write(SAMPLE)
                    return
                started = time.monotonic()
                try:
                    if path == "/endless.csv":
                        self.answer(None)
                        self.wfile.write(SAMPLE)
                        junk = b"CL-999;" + b"x" * 1000 + b"\n"
                        while True:
                            self.wfile.write(junk * 64)
                    elif path == "/ten-gb.csv":
                        self.answer(TEN_GB)
                        while True:
                            self.wfile.write(SAMPLE)
                    elif path in ("/trickle.csv", "/trickle-until-close.csv"):
                        self.answer(len(SAMPLE) if path == "/trickle.csv" else None)
                        for byte in SAMPLE:
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                            time.sleep(1)
                    else:
                        self.send_error(404)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                finally:
                    outer.durations.setdefault(path, []).append(time.monotonic() - started)

            def answer(self, length):
                self.send_response(200)
                self.send_header("Content-Type", "text/csv; charset=utf-8")
                if length is None:
                    self.send_header("Connection", "close")  # the body ends when the connection does
                else:
                    self.send_header("Content-Length", str(length))
                self.end_headers()

            def log_message(self, *args):
                pass

        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class HostileHttpSourcesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        cls.server = HostileServer()
        url = cls.server.url
        sources = (
            f"  - {{name: good, connector: csv, url: \"{url('/good.csv')}\", every: 1h}}\n"
            f"  - {{name: endless, connector: csv, url: \"{url('/endless.csv')}\", every: 1h, max_bytes: 5000000}}\n"
            f"  - {{name: ten-gb, connector: csv, url: \"{url('/ten-gb.csv')}\", every: 1h}}\n"
            f"  - {{name: trickle, connector: csv, url: \"{url('/trickle.csv')}\", every: 1h, timeout: 3s,"
            f" max_download_time: 4s}}\n"
            f"  - {{name: trickle-until-close, connector: csv, url: \"{url('/trickle-until-close.csv')}\", every: 1h,"
            f" timeout: 3s, max_download_time: 4s}}\n")
        cls.daemon = Daemon(cls.ws.config(sources, extra=plugins_line()),
                            expected_sources=("good", "endless", "ten-gb", "trickle", "trickle-until-close"))

    @classmethod
    def tearDownClass(cls):
        cls.daemon.stop()
        cls.server.stop()
        cls.ws.cleanup()

    def last_sync(self, name):
        status, body = self.daemon.get_json("/api/v1/sources")
        self.assertEqual(status, 200)
        return next(s for s in body["items"] if s["name"] == name)["last_sync"]

    def assert_failed(self, name, path, reason):
        sync = self.last_sync(name)
        self.assertEqual(sync["outcome"], "failed", sync)
        self.assertIn(self.server.url(path), sync["error"])
        self.assertIn(reason, sync["error"])
        self.assertEqual(sync["accepted"], 0, sync)

    def test_an_endless_body_stops_at_max_bytes(self):
        self.assert_failed("endless", "/endless.csv", "réponse trop grosse : plus de 5000000 octets reçus")
        self.assertEqual(len(self.server.durations["/endless.csv"]), 1, "a body too big is not fetched again")

    def test_a_ten_gb_content_length_is_refused_before_reading(self):
        self.assert_failed("ten-gb", "/ten-gb.csv", f"réponse trop grosse : {TEN_GB} octets annoncés")

    def test_a_trickle_stops_at_max_download_time(self):
        self.assert_failed("trickle", "/trickle.csv", "téléchargement trop long : pas fini après 4 s")
        # One attempt (not retried: it would only trickle as long again), cut at about 4 s.
        durations = self.server.durations["/trickle.csv"]
        self.assertEqual(len(durations), 1, durations)
        self.assertLess(durations[0], 4 + 3, durations)

    def test_a_trickle_without_length_is_not_taken_for_a_short_body(self):
        # Its body ends when the connection does: the deadline's cut must not pass for the end.
        self.assert_failed("trickle-until-close", "/trickle-until-close.csv",
                           "téléchargement trop long : pas fini après 4 s")

    def test_the_daemon_keeps_serving_with_bounded_memory(self):
        self.assertEqual(self.last_sync("good")["outcome"], "ok")
        status, offers = self.daemon.get_json("/api/v1/offers?source=good&limit=100")
        self.assertEqual((status, offers["total"]), (200, GOOD_OFFERS))
        status, _, _ = self.daemon.get("/sources")
        self.assertEqual(status, 200)
        peak = peak_kb(self.daemon.proc.pid)
        self.assertLess(peak, PEAK_LIMIT_KB, f"peak resident size {peak} kB")


class SourceTurnedHostileTest(unittest.TestCase):
    def setUp(self):
        self.ws = Workspace()
        self.server = HostileServer()

    def tearDown(self):
        self.server.stop()
        self.ws.cleanup()

    def test_the_previous_offers_stay_served(self):
        config = self.ws.config(f"  - {{name: coop, connector: csv, url: \"{self.server.url('/switch.csv')}\", "
                                f"every: 1h, max_bytes: 2000000}}\n", extra=plugins_line())
        first = run("sync", "--config", str(config))
        self.assertEqual(first.returncode, 0, first.stdout + first.stderr)
        self.server.mode = "endless"
        daemon = Daemon(config, expected_sources=("coop",))
        try:
            # The first run is the CLI's: wait for the daemon's own.
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                status, body = daemon.get_json("/api/v1/sources")
                sync = next(s for s in body["items"] if s["name"] == "coop")["last_sync"]
                if sync["outcome"] == "failed":
                    break
                time.sleep(0.2)
            self.assertEqual(sync["outcome"], "failed", sync)
            self.assertIn("réponse trop grosse : plus de 2000000 octets reçus", sync["error"])
            status, offers = daemon.get_json("/api/v1/offers?source=coop&limit=100")
            self.assertEqual((status, offers["total"]), (200, GOOD_OFFERS))
        finally:
            daemon.stop()


if __name__ == "__main__":
    unittest.main()
