"""/api/v1/needs on a real daemon, fed by the test connector (tests/plugins): filters, 400s, 404s
and schema validity."""

import os
import unittest

from harness import SOURCE_DIR, Daemon, SchemaChecker, Workspace

TEST_PLUGINS = os.environ.get("RECOLTE_TEST_PLUGINS", str(SOURCE_DIR / "build/lib/recolte/test-plugins"))


class NeedsApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        config = cls.ws.config("  - {name: besoins, connector: test_good, path: nowhere, count: 2, needs: 4}\n",
                               extra=f"plugins: {TEST_PLUGINS}\n")
        cls.daemon = Daemon(config, expected_sources=("besoins",))
        cls.schemas = SchemaChecker()

    @classmethod
    def tearDownClass(cls):
        cls.daemon.stop()
        cls.ws.cleanup()

    def needs(self, query="", status=200):
        code, body = self.daemon.get_json("/api/v1/needs" + query)
        self.assertEqual(code, status, body)
        schema_errors = self.schemas.errors("need" if status == 200 else "error", body, as_list=status == 200)
        self.assertEqual(schema_errors, [])
        return body

    def test_lists_and_filters_needs(self):
        self.assertEqual(self.needs()["total"], 4)
        self.assertEqual(self.needs("?departement=31")["total"], 2)
        closed = self.needs("?status=closed")["items"]
        self.assertEqual([n["source_id"] for n in closed], ["N2"])
        self.assertEqual(closed[0]["status_reason"], "sans suite")
        open_mid_december = [n["source_id"] for n in self.needs("?open_on=2026-12-15")["items"]]
        self.assertEqual(open_mid_december, ["N0"])
        vegetables = self.needs("?product_type=vegetable")
        self.assertEqual(vegetables["total"], 4)

    def test_one_need_and_errors(self):
        first = self.needs()["items"][0]
        code, one = self.daemon.get_json("/api/v1/needs/" + first["id"])
        self.assertEqual(code, 200)
        self.assertEqual(one, first)
        code, body = self.daemon.get_json("/api/v1/needs/unknown")
        self.assertEqual(code, 404)
        self.assertEqual(self.needs("?status=pending", status=400)["error"]["parameter"], "status")
        self.assertEqual(self.needs("?open_on=15/12/2026", status=400)["error"]["parameter"], "open_on")


if __name__ == "__main__":
    unittest.main()
