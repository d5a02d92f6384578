"""Issue #6, done when: a connector made by `recolte new-connector`, built out of this tree against
an installed hub (cmake --install + find_package(Recolte)), passes `recolte connector-test` and is
served by a daemon reading its price list over HTTP. One install, one configure + build of a
one-file plugin."""

import http.server
import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import threading
import unittest

import harness

BUILD_DIR = pathlib.Path(os.environ.get("RECOLTE_BUILD_DIR", harness.SOURCE_DIR / "build"))
NAME = "marche_kit"


def run(args, **kw):
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=600, **kw)
    return result


class ScaffoldedConnector(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = pathlib.Path(tempfile.mkdtemp(prefix="recolte-kit-"))
        cls.prefix = cls.tmp / "prefix"
        installed = run(["cmake", "--install", BUILD_DIR, "--prefix", cls.prefix])
        if installed.returncode != 0:
            raise RuntimeError("cmake --install failed:\n" + installed.stdout + installed.stderr)
        cls.recolte = cls.prefix / "bin" / "recolte"

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_install_holds_what_an_out_of_tree_connector_needs(self):
        for relative in ["bin/recolte", "lib/cmake/Recolte/RecolteConfig.cmake",
                         "lib/cmake/Recolte/RecolteConnector.cmake", "include/recolte/sdk/sdk.hpp",
                         "lib/recolte/plugins/libcsv.so"]:
            self.assertTrue((self.prefix / relative).exists(), relative)
        self.assertTrue(list((self.prefix / "lib").glob("librecolte_sdk.so*")))

    def test_another_compiler_is_refused_at_configure_time_naming_the_one_to_use(self):
        hub = harness.hub_compiler(BUILD_DIR)
        other = "/usr/bin/g++" if "clang" in os.path.realpath(hub) else "/usr/bin/clang++"
        if not os.path.exists(other):
            self.skipTest(f"only one C++ compiler installed ({hub})")
        src = self.tmp / "src-other"
        self.assertEqual(run([self.recolte, "new-connector", NAME, "--dir", src]).returncode, 0)
        configured = run(["cmake", "-S", src / NAME, "-B", self.tmp / "build-other",
                          f"-DCMAKE_PREFIX_PATH={self.prefix}", f"-DCMAKE_CXX_COMPILER={other}"])
        self.assertNotEqual(configured.returncode, 0)
        message = " ".join(configured.stderr.split())  # CMake wraps its messages
        self.assertIn("refuses C++ connectors built with another compiler", message)
        self.assertIn(f"-DCMAKE_CXX_COMPILER={hub}", message)

    def test_scaffold_builds_out_of_tree_passes_the_kit_and_is_served(self):
        src = self.tmp / "src"
        made = run([self.recolte, "new-connector", NAME, "--dir", src])
        self.assertEqual(made.returncode, 0, made.stderr)
        connector = src / NAME
        for f in ["CMakeLists.txt", "price_list_connector.cpp", "connector.yaml", "FORMAT.md", "acceptance.yaml",
                  "testdata/prix.json", "testdata/expected.jsonl"]:
            self.assertTrue((connector / f).is_file(), f)
        self.assertNotIn("@NAME@", (connector / "price_list_connector.cpp").read_text())
        again = run([self.recolte, "new-connector", NAME, "--dir", src])
        self.assertNotEqual(again.returncode, 0, "an existing folder is never overwritten")
        self.assertIn("already exists", again.stderr)

        build = self.tmp / "build"
        configured = run(["cmake", "-S", connector, "-B", build, f"-DCMAKE_PREFIX_PATH={self.prefix}",
                          f"-DCMAKE_CXX_COMPILER={harness.hub_compiler(BUILD_DIR)}"])
        self.assertEqual(configured.returncode, 0, configured.stdout + configured.stderr)
        built = run(["cmake", "--build", build])
        self.assertEqual(built.returncode, 0, built.stdout + built.stderr)
        plugin = build / f"lib{NAME}.so"
        self.assertTrue(plugin.is_file())

        kit = run([self.recolte, "connector-test", plugin, "--config", connector / "acceptance.yaml"])
        self.assertEqual(kit.returncode, 0, kit.stdout + kit.stderr)
        self.assertIn("0 failed", kit.stdout)
        self.assertNotIn("FAIL", kit.stdout)
        for check in ["options", "schema", "expected", "bookmark-change", "bookmark-future", "broken", "abi"]:
            self.assertIn(f"PASS {check}:", kit.stdout)

        # Installed next to the hub's own plugins, read over HTTP, served by the daemon.
        installed = run(["cmake", "--install", build, "--prefix", self.prefix])
        self.assertEqual(installed.returncode, 0, installed.stdout + installed.stderr)
        self.assertTrue((self.prefix / "lib" / "recolte" / "plugins" / f"lib{NAME}.so").is_file())
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *a, **kw):
                super().__init__(*a, directory=str(connector / "testdata"), **kw)

            def log_message(self, *args):
                pass

        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        self.addCleanup(httpd.server_close)
        self.addCleanup(httpd.shutdown)
        ws = harness.Workspace()
        self.addCleanup(ws.cleanup)
        config = ws.config(f"  - name: marche\n    connector: {NAME}\n"
                           f"    url: http://127.0.0.1:{httpd.server_port}/prix.json\n")
        daemon = harness.Daemon(config, expected_sources=["marche"], binary=str(self.recolte))
        self.addCleanup(daemon.stop)
        status, body = daemon.get_json("/api/v1/offers?source=marche&sort=name")
        self.assertEqual(status, 200)
        names = [o["name"] for o in body["items"]]
        source = json.loads((connector / "testdata" / "prix.json").read_text())
        self.assertEqual(sorted(names), sorted(p["nom"] for p in source["produits"]))
        self.assertEqual(harness.SchemaChecker().errors("offer", body, as_list=True), [])
        pommes = next(o for o in body["items"] if o["source_id"] == "couserans-pommes")
        self.assertEqual(round(pommes["price"]["amount"] * 100), 280)  # JSON number 2.80, compared in cents


if __name__ == "__main__":
    unittest.main()
