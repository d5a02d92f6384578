"""The recolte commands as a person runs them: sync with its summary and exit code, check-config,
connectors --describe, --help, and serve --daemon with a pidfile."""

import os
import re
import signal
import time
import unittest

from harness import SOURCE_DIR, Daemon, Workspace, free_port, run


class CliTest(unittest.TestCase):
    def setUp(self):
        self.ws = Workspace()

    def tearDown(self):
        self.ws.cleanup()

    def test_sync_prints_a_summary_per_source_and_fails_when_one_fails(self):
        self.ws.copy_sample("cooperative-lauragais.csv")
        config = self.ws.config("""\
  - {name: coop, connector: csv, path: data/cooperative-lauragais.csv}
  - {name: absente, connector: csv, path: data/absente.csv}
""")
        result = run("sync", "--config", str(config))
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertRegex(result.stdout, r"coop: ok — read 12, accepted 10, rejected 2, added 10, changed 0, "
                                         r"removed 0, unchanged 0, [0-9.]+ s")
        self.assertRegex(result.stdout, r"absente: failed")
        self.assertIn("absente.csv", result.stdout)
        # Only the good source, once more: nothing changed, exit 0.
        again = run("sync", "--config", str(config), "coop")
        self.assertEqual(again.returncode, 0, again.stdout + again.stderr)
        self.assertRegex(again.stdout, r"coop: ok — read 0, accepted 0, rejected 0, added 0, changed 0, removed 0, "
                                       r"unchanged 10")

    def test_a_modified_file_is_diffed(self):
        path = self.ws.copy_sample("cooperative-lauragais.csv")
        config = self.ws.config("  - {name: coop, connector: csv, path: data/cooperative-lauragais.csv}\n")
        self.assertEqual(run("sync", "--config", str(config)).returncode, 0)
        text = path.read_text(encoding="utf-8")
        text = text.replace("Farine de blé T65;Épicerie;Moulin de Nailloux;79845612500011;Route de Villefranche;"
                            "31560;Nailloux;1,90", "Farine de blé T65;Épicerie;Moulin de Nailloux;79845612500011;"
                            "Route de Villefranche;31560;Nailloux;2,05")
        text = "\n".join(line for line in text.splitlines() if not line.startswith("CL-110")) + "\n"
        path.write_text(text, encoding="utf-8")
        result = run("sync", "--config", str(config))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertRegex(result.stdout, r"read 11, accepted 9, rejected 2, added 0, changed 1, removed 1, unchanged 8")

    def test_sync_refuses_an_unknown_source_name(self):
        config = self.ws.config("  - {name: coop, connector: csv, path: x.csv}\n")
        result = run("sync", "--config", str(config), "nope")
        self.assertEqual(result.returncode, 64)
        self.assertIn('no source named "nope"; sources are: coop', result.stderr)

    def test_check_config_names_file_line_and_key(self):
        config = self.ws.config("""\
  - name: coop
    connector: csv
    path: x.csv
    delimiter: "|"
    every: soon
""")
        result = run("check-config", "--config", str(config))
        self.assertEqual(result.returncode, 78)
        self.assertIn(f"{config}:9: sources[0].every: invalid duration \"soon\"", result.stderr)
        fixed = self.ws.config("  - {name: coop, connector: csv, path: x.csv, delimiter: '|'}\n")
        result = run("check-config", "--config", str(fixed))
        self.assertEqual(result.returncode, 78)
        self.assertRegex(result.stderr, r"recolte.yaml:5: sources\[0\].delimiter: .*not one of: auto, ;, ,, tab")
        unknown = self.ws.config("  - {name: coop, connector: csv, path: x.csv, colonnes: {}}\n")
        result = run("check-config", "--config", str(unknown))
        self.assertEqual(result.returncode, 78)
        self.assertIn('unknown option "colonnes"; valid options are:', result.stderr)
        self.assertIn("columns", result.stderr)

    def test_check_config_accepts_the_bundled_config(self):
        bundled = SOURCE_DIR / "config" / "recolte.yaml"
        sources = re.findall(r"(?m)^  - name: (\S+)", bundled.read_text(encoding="utf-8"))
        self.assertGreaterEqual(len(sources), 2)
        result = run("check-config", "--config", str(bundled))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(f"OK, {len(sources)} source(s)", result.stdout)
        for name in sources:
            self.assertIn(name, result.stdout)

    def test_connectors_describe_prints_every_declared_option(self):
        result = run("connectors", "--describe")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertRegex(result.stdout, r"(?m)^csv 1\.0\.0 ")
        for option in ("pattern", "encoding", "delimiter", "columns", "default_price_unit", "producer_siret"):
            self.assertRegex(result.stdout, rf"(?m)^  {option} \(")
        short = run("connectors")
        self.assertNotIn("encoding (", short.stdout)

    def test_help_on_each_command_and_unknown_things(self):
        for command in ("serve", "sync", "connectors", "check-config"):
            with self.subTest(command=command):
                result = run(command, "--help")
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertIn(f"recolte {command}", result.stdout)
                self.assertIn("--config", result.stdout)
        self.assertIn("--daemon", run("serve", "--help").stdout)
        self.assertEqual(run("frobnicate").returncode, 64)
        bad = run("sync", "--colour")
        self.assertEqual(bad.returncode, 64)
        self.assertIn("colour", bad.stderr)
        self.assertEqual(run("sync").returncode, 64)

    def test_help_and_usage_of_the_connector_developer_commands(self):
        for command, option in (("new-connector", "--dir"), ("connector-test", "--write-expected")):
            with self.subTest(command=command):
                result = run(command, "--help")
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertIn(f"recolte {command}", result.stdout)
                self.assertIn(option, result.stdout)
        self.assertIn("connector-test", run("--help").stdout)
        self.assertEqual(run("new-connector").returncode, 64)
        bad = run("new-connector", "Pas-Bon", "--dir", str(self.ws.dir))
        self.assertEqual(bad.returncode, 64)
        self.assertIn("lower-case letters", bad.stderr)
        self.assertFalse((self.ws.dir / "Pas-Bon").exists())
        self.assertEqual(run("connector-test", "libx.so").returncode, 64)  # --config is required
        absent = run("connector-test", str(self.ws.dir / "libabsent.so"), "--config", str(self.ws.dir / "a.yaml"))
        self.assertEqual(absent.returncode, 1)
        self.assertIn("FAIL load: ", absent.stdout)
        self.assertIn("0 passed, 1 failed", absent.stdout)

    def test_serve_daemon_with_pidfile(self):
        self.ws.copy_sample("cooperative-lauragais.csv")
        port = free_port()
        config = self.ws.config("  - {name: coop, connector: csv, path: data/cooperative-lauragais.csv}\n", port=port)
        pidfile = self.ws.dir / "recolte.pid"
        result = run("serve", "--config", str(config), "--daemon", "--pidfile", str(pidfile))
        self.assertEqual(result.returncode, 0, result.stderr)
        deadline = time.time() + 30
        while time.time() < deadline and not pidfile.exists():
            time.sleep(0.1)
        self.assertTrue(pidfile.exists())
        pid = int(pidfile.read_text().strip())
        try:
            import json
            import urllib.request
            body = None
            while time.time() < deadline:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/offers", timeout=5) as resp:
                        body = json.loads(resp.read())
                    if body["total"] == 10:
                        break
                except OSError:
                    pass
                time.sleep(0.2)
            self.assertIsNotNone(body)
            self.assertEqual(body["total"], 10)
        finally:
            os.kill(pid, signal.SIGTERM)
        while time.time() < deadline + 10 and pidfile.exists():
            time.sleep(0.1)
        self.assertFalse(pidfile.exists(), "the pidfile is removed on exit")

    def test_a_broken_plugin_is_reported_and_skipped(self):
        plugins = self.ws.dir / "plugins"
        plugins.mkdir()
        build_plugins = os.environ.get("RECOLTE_PLUGIN_DIR", str(SOURCE_DIR / "build/lib/recolte/plugins"))
        os.symlink(os.path.join(build_plugins, "libcsv.so"), plugins / "libcsv.so")
        (plugins / "libbroken.so").write_bytes(b"not an ELF file")
        self.ws.copy_sample("cooperative-lauragais.csv")
        config = self.ws.config("  - {name: coop, connector: csv, path: data/cooperative-lauragais.csv}\n",
                                extra=f"plugins: {plugins}\n")
        result = run("sync", "--config", str(config))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("libbroken.so", result.stderr)
        self.assertIn("plugin skipped", result.stderr)
        self.assertIn("coop: ok", result.stdout)


if __name__ == "__main__":
    unittest.main()
