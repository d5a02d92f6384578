"""A 1 GB line in a CSV source and in a Socleo catalogue: the daemon rejects that line naming the
file and the line ("ligne trop longue : plus de 1 Mio"), keeps the rows before and after it, and
never holds the line in memory (its peak resident size, VmHWM, stays far below 1 GB)."""

import os
import unittest
import urllib.parse

from harness import Daemon, Workspace
from hostile_fixtures import peak_kb

LINE_BYTES = 1_000_000_000
CHUNK = b"A" * (1 << 20)
PEAK_LIMIT_KB = 300 * 1024  # the line alone would be 976,563 kB


def write_with_long_line(path, sample, after_line):
    """Writes `sample` with a LINE_BYTES line inserted after line `after_line`, a chunk at a time."""
    lines = sample.read_bytes().splitlines(keepends=True)
    with open(path, "wb") as out:
        out.writelines(lines[:after_line])
        out.write(b"HOSTILE;")
        left = LINE_BYTES - len(b"HOSTILE;")
        while left > 0:
            piece = CHUNK[:min(left, len(CHUNK))]
            out.write(piece)
            left -= len(piece)
        out.write(b"\n")
        out.writelines(lines[after_line:])


class LongLineTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        write_with_long_line(cls.ws.dir / "lauragais.csv",
                             cls.ws.copy_sample("cooperative-lauragais.csv"), after_line=4)
        write_with_long_line(cls.ws.dir / "socleo.csv",
                             cls.ws.copy_sample("mangerbio-occitanie.csv"), after_line=10)
        config = cls.ws.config(
            "  - {name: lauragais, connector: csv, path: lauragais.csv, every: 1h}\n"
            "  - {name: socleo, connector: mangerbio, path: socleo.csv, every: 1h}\n")
        try:
            cls.daemon = Daemon(config, expected_sources=("lauragais", "socleo"))
        finally:
            # The daemon has read them: 2 GB of disk back at once.
            for name in ("lauragais.csv", "socleo.csv"):
                os.unlink(cls.ws.dir / name)

    @classmethod
    def tearDownClass(cls):
        cls.daemon.stop()
        cls.ws.cleanup()

    def source(self, name):
        status, body = self.daemon.get_json("/api/v1/sources")
        self.assertEqual(status, 200)
        return next(s for s in body["items"] if s["name"] == name)

    def rejects(self, name):
        status, body = self.daemon.get_json(f"/api/v1/sources/{name}/rejects?limit=100")
        self.assertEqual(status, 200, body)
        return body["items"]

    def check_source(self, name, file_name, long_line, offers_expected, other_lines):
        sync = self.source(name)["last_sync"]
        self.assertEqual(sync["outcome"], "ok", sync)
        # The sample's rows (header excluded) plus the long line: read = accepted + rejected.
        self.assertEqual(sync["read"], sync["accepted"] + sync["rejected"], sync)
        self.assertEqual(sync["accepted"], offers_expected, sync)
        self.assertEqual(sync["rejected"], len(other_lines) + 1, sync)
        long = [r for r in self.rejects(name) if r["line"] == long_line]
        self.assertEqual(len(long), 1, self.rejects(name))
        self.assertTrue(long[0]["file"].endswith(file_name), long[0])
        self.assertIn("ligne trop longue : plus de 1 Mio", long[0]["reason"])
        self.assertIn(f"({LINE_BYTES} octets)", long[0]["reason"])
        self.assertLessEqual(len(long[0]["excerpt"].encode()), 200)
        self.assertTrue(long[0]["excerpt"].startswith("HOSTILE;AAAA"), long[0])
        # Every good row of the sample, before and after the line, is stored; the other rejects
        # keep their line numbers, shifted by one past the long line.
        status, offers = self.daemon.get_json(f"/api/v1/offers?source={urllib.parse.quote(name)}&limit=1000")
        self.assertEqual(status, 200)
        self.assertEqual(offers["total"], offers_expected)
        self.assertEqual(sorted(r["line"] for r in self.rejects(name) if r["line"] != long_line), other_lines)

    def test_the_csv_source_rejects_the_line_and_keeps_the_rest(self):
        # cooperative-lauragais.csv: 10 offers, 2 rejects (lines 12 and 13 of the sample).
        self.check_source("lauragais", "lauragais.csv", long_line=5, offers_expected=10, other_lines=[13, 14])

    def test_the_socleo_catalogue_rejects_the_line_and_keeps_the_rest(self):
        # mangerbio-occitanie.csv: 29 offers, 1 reject (line 28 of the sample).
        self.check_source("socleo", "socleo.csv", long_line=11, offers_expected=29, other_lines=[29])

    def test_the_daemon_never_held_a_line_in_memory(self):
        peak = peak_kb(self.daemon.proc.pid)
        self.assertLess(peak, PEAK_LIMIT_KB, f"peak resident size {peak} kB")


if __name__ == "__main__":
    unittest.main()
