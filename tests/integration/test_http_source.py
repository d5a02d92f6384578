"""A csv source read from a URL by the real binary: python's http.server on a free loopback port
serves the sample, the daemon syncs it, a re-sync is a 304 reported as unchanged; credentials from
the environment are sent and never printed; https is checked against the trusted certificates."""

import http.server
import os
import shutil
import ssl
import subprocess
import threading
import unittest

from harness import Daemon, SchemaChecker, Workspace, run

SAMPLE = "cooperative-lauragais.csv"
# 12 rows: 10 offers, 2 rejected (invalid SIRET, unknown unit).
GOOD_OFFERS = 10


class SampleServer:
    """http.server in a thread, serving the workspace's data/ folder with Last-Modified and 304s,
    recording each request (path, status, headers)."""

    def __init__(self, folder, tls_context=None, require_token=None):
        self.requests = []
        outer = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(folder), **kwargs)

            def do_GET(self):
                if require_token and self.headers.get("Authorization") != f"Bearer {require_token}":
                    self.send_error(401)
                    return
                super().do_GET()

            def log_request(self, code="-", size="-"):
                outer.requests.append({"path": self.path, "status": int(code), "headers": dict(self.headers)})

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if tls_context:
            self.httpd.socket = tls_context.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path, scheme="http", host="127.0.0.1"):
        return f"{scheme}://{host}:{self.port}{path}"

    def statuses(self, path):
        return [r["status"] for r in self.requests if r["path"] == path]

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def plugins_line():
    """The build's plugin folder when ctest names it (the daemon's default otherwise)."""
    folder = os.environ.get("RECOLTE_PLUGIN_DIR")
    return f"plugins: {folder}\n" if folder else ""


class HttpSourceTest(unittest.TestCase):
    def setUp(self):
        self.ws = Workspace()
        self.ws.copy_sample(SAMPLE)
        self.server = SampleServer(self.ws.dir / "data")

    def tearDown(self):
        self.server.stop()
        self.ws.cleanup()

    def config(self, url, extra_options=""):
        return self.ws.config(f"  - {{name: coop, connector: csv, url: \"{url}\", every: 1h{extra_options}}}\n",
                              extra=plugins_line())

    def test_the_daemon_syncs_a_csv_source_from_a_url(self):
        daemon = Daemon(self.config(self.server.url(f"/{SAMPLE}")), expected_sources=("coop",))
        try:
            status, body = daemon.get_json("/api/v1/offers?limit=100")
            self.assertEqual(status, 200)
            self.assertEqual(SchemaChecker().errors("offer", body, as_list=True), [])
            self.assertEqual(body["total"], GOOD_OFFERS)
            self.assertEqual({o["source"] for o in body["items"]}, {"coop"})
            status, sources = daemon.get_json("/api/v1/sources")
            coop = next(s for s in sources["items"] if s["name"] == "coop")
            self.assertEqual(coop["last_sync"]["outcome"], "ok", coop)
        finally:
            daemon.stop()
        self.assertEqual(self.server.statuses(f"/{SAMPLE}"), [200])

    def test_a_resync_of_an_unchanged_url_gets_a_304_and_reports_unchanged(self):
        config = self.config(self.server.url(f"/{SAMPLE}"))
        first = run("sync", "--config", str(config))
        self.assertEqual(first.returncode, 0, first.stdout + first.stderr)
        self.assertRegex(first.stdout, rf"coop: ok — read 12, accepted {GOOD_OFFERS}, rejected 2, added {GOOD_OFFERS}")
        again = run("sync", "--config", str(config))
        self.assertEqual(again.returncode, 0, again.stdout + again.stderr)
        self.assertRegex(again.stdout, rf"coop: ok — read 0, accepted 0, rejected 0, added 0, changed 0, removed 0, "
                                       rf"unchanged {GOOD_OFFERS}")
        self.assertEqual(self.server.statuses(f"/{SAMPLE}"), [200, 304])
        self.assertIn("If-Modified-Since", self.server.requests[1]["headers"])

        # The file changes on the server: a full read again, and the change is seen.
        path = self.ws.dir / "data" / SAMPLE
        text = path.read_text(encoding="utf-8")
        path.write_text("\n".join(l for l in text.splitlines() if not l.startswith("CL-101")) + "\n", encoding="utf-8")
        stat = path.stat()
        os.utime(path, (stat.st_atime, stat.st_mtime + 5))  # Last-Modified has whole seconds
        changed = run("sync", "--config", str(config))
        self.assertEqual(changed.returncode, 0, changed.stdout + changed.stderr)
        self.assertRegex(changed.stdout, rf"removed 1, unchanged {GOOD_OFFERS - 1}")
        self.assertEqual(self.server.statuses(f"/{SAMPLE}"), [200, 304, 200])

    def test_a_missing_document_fails_the_sync_naming_the_url(self):
        url = self.server.url("/absent.csv")
        result = run("sync", "--config", str(self.config(url, ", retries: 3")))
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn(f"coop: error: config error: {url}: le serveur a répondu HTTP 404", result.stdout)
        self.assertEqual(self.server.statuses("/absent.csv"), [404])  # a 404 is not retried

    def test_a_bearer_token_from_the_environment_is_sent_and_never_printed(self):
        token = "jeton-integration-5f1c"
        self.server.stop()
        self.server = SampleServer(self.ws.dir / "data", require_token=token)
        config = self.config(self.server.url(f"/{SAMPLE}"), ", bearer_token_env: COOP_TOKEN")
        missing = run("sync", "--config", str(config))
        self.assertEqual(missing.returncode, 1)
        self.assertIn("the environment variable COOP_TOKEN is not set", missing.stdout)
        os.environ["COOP_TOKEN"] = token
        try:
            result = run("sync", "--config", str(config))
        finally:
            del os.environ["COOP_TOKEN"]
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn(f"added {GOOD_OFFERS}", result.stdout)
        self.assertNotIn(token, result.stdout + result.stderr)
        described = run("connectors", "--describe")
        self.assertIn("options of every source", described.stdout)
        self.assertRegex(described.stdout, r"(?m)^  bearer_token \(string, secret\)")


class HttpsSourceTest(unittest.TestCase):
    """https against a server whose certificate is self-signed: refused, then trusted through
    SSL_CERT_FILE (OpenSSL's own variable)."""

    def setUp(self):
        if not shutil.which("openssl"):
            self.skipTest("the openssl command is needed to make a test certificate")
        self.ws = Workspace()
        self.ws.copy_sample(SAMPLE)
        self.cert = self.ws.dir / "cert.pem"
        key = self.ws.dir / "key.pem"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                        "-keyout", str(key), "-out", str(self.cert), "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=DNS:localhost"], check=True, capture_output=True)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(self.cert), str(key))
        self.server = SampleServer(self.ws.dir / "data", tls_context=context)

    def tearDown(self):
        self.server.stop()
        self.ws.cleanup()

    def sync(self, host, cert_file=None):
        url = self.server.url(f"/{SAMPLE}", scheme="https", host=host)
        config = self.ws.config(f"  - {{name: coop, connector: csv, url: \"{url}\", retries: 0}}\n", extra=plugins_line())
        saved = os.environ.pop("SSL_CERT_FILE", None)
        if cert_file:
            os.environ["SSL_CERT_FILE"] = str(cert_file)
        try:
            return run("sync", "--config", str(config))
        finally:
            os.environ.pop("SSL_CERT_FILE", None)
            if saved is not None:
                os.environ["SSL_CERT_FILE"] = saved

    def test_an_untrusted_certificate_is_refused(self):
        result = self.sync("localhost")
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn("échec de la connexion TLS", result.stdout)

    def test_a_trusted_certificate_is_accepted_for_its_host_name_only(self):
        result = self.sync("localhost", self.cert)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn(f"added {GOOD_OFFERS}", result.stdout)
        # Same server, same certificate, but the name in the URL is not the certificate's.
        self.ws.dir.joinpath("hub.db").unlink()
        wrong_name = self.sync("127.0.0.1", self.cert)
        self.assertEqual(wrong_name.returncode, 1, wrong_name.stdout)
        self.assertIn("échec de la connexion TLS", wrong_name.stdout)


if __name__ == "__main__":
    unittest.main()
