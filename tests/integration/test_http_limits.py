"""What one request may send to a real daemon, checked with raw sockets: the request target, the
number, names and values of header fields (the configured limits answer 414/431 in French, Poco's
own ceilings 400), bodies (413 when declared too long, when chunked beyond the cap, or sent to a route
that reads none), and the slow-down of unknown bearer tokens per client address (429 + Retry-After).
After each refusal the daemon keeps serving."""

import json
import socket
import time
import unittest

from harness import Daemon, SchemaChecker, Workspace, token_sha256

FINANCE = "jeton-compta-2c4e6a8b"
SOURCES = """\
  - name: ferme-du-couserans
    connector: csv
    path: data/ferme-du-couserans.csv
    producer_name: Ferme du Couserans
"""


def auth_yaml():
    return f"auth:\n  tokens:\n    - {{name: compta-ccas, roles: [finance], sha256: {token_sha256(FINANCE)}}}\n"


def recv(sock, so_far):
    """The next bytes, or b"" at the end. A reset after the answer has begun counts as its end: a
    server closing with request bytes still unread resets the connection (Poco's own 400s do)."""
    try:
        return sock.recv(65536)
    except ConnectionResetError:
        if so_far:
            return b""
        raise


def raw(port, data, source="127.0.0.1", timeout=15):
    """Sends `data` as is from `source`, reads the answer until the server closes or its body ends.
    Returns (status, headers dict with lower-case names, body bytes)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=(source, 0)) as s:
        s.sendall(data)
        buf = b""
        while b"\r\n\r\n" not in buf:
            got = recv(s, buf)
            if not got:
                break
            buf += got
        head, _, body = buf.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ")[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
        length = int(headers.get("content-length", "-1"))
        while length < 0 or len(body) < length:
            got = recv(s, buf + body)
            if not got:
                break
            body += got
        return status, headers, body


def request(path="/healthz", method="GET", headers=(), body=b"", host="127.0.0.1"):
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", "Connection: close", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class RequestLimitsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        cls.ws.copy_sample("ferme-du-couserans.csv")
        cls.config = cls.ws.config(SOURCES, extra=auth_yaml(), http=(
            ", max_uri: 1024, max_header_fields: 20, max_header_name: 64, max_header_value: 1024,"
            " max_body_bytes: 2048, auth_free_failures: 1000"))
        cls.daemon = Daemon(cls.config, expected_sources=("ferme-du-couserans",))
        cls.schemas = SchemaChecker()

    @classmethod
    def tearDownClass(cls):
        cls.daemon.stop()
        cls.ws.cleanup()

    def send(self, data):
        return raw(self.daemon.port, data)

    def refused(self, data, status, code=None, words=None):
        got, headers, body = self.send(data)
        self.assertEqual(got, status, body[:300])
        if code:
            err = json.loads(body)
            self.assertEqual(self.schemas.errors("error", err), [])
            self.assertEqual(err["error"]["code"], code)
            if words:
                self.assertIn(words, err["error"]["message"])
        self.assertEqual(self.send(request())[0], 200, "the daemon keeps serving")
        return headers

    def test_a_plain_request_passes(self):
        self.assertEqual(self.send(request("/api/v1/offers?limit=1", headers=[f"X-{i}: v" for i in range(15)]))[0], 200)

    def test_the_request_target(self):
        self.refused(request("/api/v1/offers?q=" + "a" * 1100), 414, "uri_too_long", "adresse demandée trop longue")
        self.refused(request("/api/v1/offers?q=" + "a" * 17000), 400)  # beyond Poco's own 16 KiB

    def test_the_number_of_header_fields(self):
        self.refused(request(headers=[f"X-{i}: v" for i in range(25)]), 431, "request_header_fields_too_large", "trop d'en-têtes")
        self.refused(request(headers=[f"X-{i}: v" for i in range(150)]), 400)  # beyond Poco's 100

    def test_a_header_name(self):
        self.refused(request(headers=["X-" + "n" * 100 + ": v"]), 431, "request_header_fields_too_large", "nom d'en-tête trop long")
        self.refused(request(headers=["X-" + "n" * 300 + ": v"]), 400)  # beyond Poco's 256

    def test_a_header_value(self):
        self.refused(request(headers=["Cookie: " + "v" * 2000]), 431, "request_header_fields_too_large", "« Cookie » trop longue")
        self.refused(request(headers=["Cookie: " + "v" * 9000]), 400)  # beyond Poco's 8192

    def test_bodies(self):
        auth = f"Authorization: Bearer {FINANCE}"
        # Declared too long: refused before a byte is read, and the connection is closed.
        headers = self.refused(request("/api/v1/invoices", "POST", [auth, "Content-Type: application/json",
                                                                    "Content-Length: 1000000"]),
                               413, "payload_too_large", "2 Kio au plus")
        self.assertEqual(headers.get("connection", "").lower(), "close")
        # Chunked without a length: cut off once past the cap.
        chunk = b"800\r\n" + b" " * 0x800 + b"\r\n"
        self.refused(request("/api/v1/invoices", "POST", [auth, "Transfer-Encoding: chunked"]) + chunk * 2 + b"0\r\n\r\n",
                     413, "payload_too_large", "description trop longue")
        # Within the cap the route reads it (here: not a description, a 400 naming why).
        self.refused(request("/api/v1/invoices", "POST", [auth, "Content-Length: 2"], b"[]"), 400, "bad_request")
        # A route that reads no body takes none.
        self.refused(request("/api/v1/offers", "GET", ["Content-Length: 5"], b"hello"), 413, "payload_too_large",
                     "ne prend pas de corps")


class FailedTokenSlowDownTest(unittest.TestCase):
    FREE = 3

    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        cls.ws.copy_sample("ferme-du-couserans.csv")
        cls.config = cls.ws.config(SOURCES, extra=auth_yaml(),
                                   http=f", auth_free_failures: {cls.FREE}, auth_max_delay_seconds: 60")
        cls.daemon = Daemon(cls.config, expected_sources=("ferme-du-couserans",))

    @classmethod
    def tearDownClass(cls):
        cls.daemon.stop()
        cls.ws.cleanup()

    def invoices(self, token, source="127.0.0.1"):
        headers = [f"Authorization: Bearer {token}"] if token else []
        return raw(self.daemon.port, request("/api/v1/invoices", headers=headers), source=source)

    def test_unknown_tokens_from_one_address_are_slowed_down_and_no_other(self):
        for i in range(self.FREE):
            self.assertEqual(self.invoices(f"devine-{i}")[0], 401, f"free attempt {i}")
        self.assertEqual(self.invoices(None)[0], 401, "no token is no guess")
        # Each failure past the free ones is still answered 401, then the address waits 1 s, 2 s, 4 s...
        for wait in (1, 2, 4):
            self.assertEqual(self.invoices(f"devine-encore-{wait}")[0], 401)
            status, headers, body = self.invoices("devine-pendant")
            self.assertEqual(status, 429)
            self.assertEqual(headers.get("retry-after"), str(wait))
            self.assertIn(f"réessayez dans {wait} s", json.loads(body)["error"]["message"])
            if wait < 4:
                time.sleep(wait + 0.1)
        self.assertEqual(self.invoices(FINANCE)[0], 429, "while waiting, even a good token is not looked at")
        # Another address (the whole 127/8 is loopback) is not slowed down, and its success does
        # not free the first one.
        self.assertEqual(self.invoices(FINANCE, source="127.0.0.2")[0], 200)
        self.assertEqual(self.invoices(FINANCE)[0], 429)
        # A known token after the wait clears the address: its free attempts start again.
        time.sleep(4.1)
        self.assertEqual(self.invoices(FINANCE)[0], 200)
        self.assertEqual(self.invoices("devine-libre")[0], 401)
        self.assertEqual(self.invoices(FINANCE)[0], 200, "free attempts again after a success")
        log = self.daemon.output()
        self.assertIn("unknown token from 127.0.0.1", log)
        for secret in (FINANCE, "devine-encore", "devine-pendant", "devine-libre"):
            self.assertNotIn(secret, log)


if __name__ == "__main__":
    unittest.main()
