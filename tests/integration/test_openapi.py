"""schemas/openapi.yaml against a real hub serving the samples it quotes: every response example is
the answer to its request (same shape, same values except timestamps, durations and paths), every
JSON example and answer matches the schema the description gives, every $ref resolves, every route
of the daemon's route tables is described, and /openapi.yaml serves the file itself."""

import json
import pathlib
import re
import unittest
import urllib.parse
import warnings
import xml.etree.ElementTree as ET

import yaml
from jsonschema import Draft202012Validator

from harness import SCHEMAS, SOURCE_DIR, Daemon, Workspace, validate_json

warnings.filterwarnings("ignore", category=DeprecationWarning)
from jsonschema import RefResolver  # noqa: E402  (bookworm's jsonschema 4.10)

# The sources the examples come from (see the description's "Examples" paragraph).
SOURCES = """\
  - name: ferme-du-couserans
    connector: csv
    path: data/ferme-du-couserans.csv
    every: 1h
    producer_name: Ferme du Couserans
    producer_siret: "81234567600017"
    producer_street: Le Bourg
    producer_postcode: "09200"
    producer_city: Saint-Girons
  - name: cooperative-lauragais
    connector: csv
    path: data/cooperative-lauragais.csv
    every: 15m
  - name: agrilocal-09
    connector: agrilocal
    path: data/agrilocal-09.xml
    every: 1h
"""
HOST = "127.0.0.1:8080"  # the examples' absolute URLs name this host
DOC_URI = "https://recolte.example/schemas/openapi.yaml"
# Values that depend on when and where the hub runs: compared by type only.
VOLATILE = {"updated_at", "started", "finished", "duration_seconds", "at", "file"}
JSON_TYPES = {"application/json", "application/ld+json", "application/schema+json"}


def differences(example, actual, where="$"):
    """Where `actual` departs from `example`: keys, lengths, types, and values outside VOLATILE."""
    if isinstance(example, dict):
        if not isinstance(actual, dict):
            return [f"{where}: expected an object, got {type(actual).__name__}"]
        out = []
        if set(example) != set(actual):
            out.append(f"{where}: keys differ: missing {sorted(set(example) - set(actual))}, "
                       f"unexpected {sorted(set(actual) - set(example))}")
        for key in sorted(set(example) & set(actual)):
            if key in VOLATILE:
                if type(example[key]) is not type(actual[key]) and not (
                        isinstance(example[key], (int, float)) and isinstance(actual[key], (int, float))):
                    out.append(f"{where}.{key}: type {type(actual[key]).__name__}, "
                               f"expected {type(example[key]).__name__}")
                elif key == "file" and isinstance(actual[key], str):  # same file, wherever it lives
                    if pathlib.PurePath(actual[key]).name != pathlib.PurePath(example[key]).name:
                        out.append(f"{where}.file: {actual[key]!r} is not {example[key]!r}")
            else:
                out += differences(example[key], actual[key], f"{where}.{key}")
        return out
    if isinstance(example, list):
        if not isinstance(actual, list):
            return [f"{where}: expected an array, got {type(actual).__name__}"]
        if len(example) != len(actual):
            return [f"{where}: {len(actual)} elements, expected {len(example)}"]
        out = []
        for i, (e, a) in enumerate(zip(example, actual)):
            out += differences(e, a, f"{where}[{i}]")
        return out
    if type(example) is not type(actual) and not (
            isinstance(example, (int, float)) and isinstance(actual, (int, float))
            and not isinstance(example, bool) and not isinstance(actual, bool)):
        return [f"{where}: {actual!r} ({type(actual).__name__}), expected {example!r}"]
    if example != actual:
        return [f"{where}: {actual!r}, expected {example!r}"]
    return []


def atom_outline(text):
    """The feed-level fields and the element names of the first entry."""
    ns = "{http://www.w3.org/2005/Atom}"
    root = ET.fromstring(text.encode("utf-8"))
    entry = root.find(ns + "entry")
    return {
        "root": root.tag,
        "id": root.findtext(ns + "id"),
        "title": root.findtext(ns + "title"),
        "links": sorted((link.get("rel"), link.get("href")) for link in root.findall(ns + "link")),
        "entry": [child.tag for child in entry] if entry is not None else None,
    }


class OpenApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ws = Workspace()
        for name in ("ferme-du-couserans.csv", "cooperative-lauragais.csv", "agrilocal-09.xml"):
            cls.ws.copy_sample(name)
        config = cls.ws.config(SOURCES)
        cls.daemon = Daemon(config, expected_sources=("ferme-du-couserans", "cooperative-lauragais", "agrilocal-09"))
        cls.text = (SCHEMAS / "openapi.yaml").read_text(encoding="utf-8")
        cls.doc = yaml.safe_load(cls.text)
        cls.store = validate_json.load_store(SCHEMAS)
        cls.store[DOC_URI] = cls.doc

    @classmethod
    def tearDownClass(cls):
        cls.daemon.stop()
        cls.ws.cleanup()

    def resolver(self):
        return RefResolver(base_uri=DOC_URI, referrer=self.doc, store=self.store)

    def schema_errors(self, schema, instance):
        validator = Draft202012Validator(schema, resolver=self.resolver(), format_checker=validate_json.format_checker())
        return [f"{'/'.join(map(str, e.absolute_path)) or '$'}: {e.message}" for e in validator.iter_errors(instance)]

    def examples(self):
        """(path, status, media type, example name, example, response schema, operation) of every GET
        (POST /api/v1/invoices creates invoices, the admin POST and PUT act on sources: their examples
        are not replayed)."""
        for path, item in self.doc["paths"].items():
            for method, op in item.items():
                self.assertIn((method, path) if method != "get" else method,
                              ("get", ("post", "/api/v1/invoices"), ("post", "/api/v1/sources/{name}/sync"),
                               ("put", "/api/v1/sources/{name}/files/{file}")), f"{path}: unexpected method {method}")
                if method != "get":
                    continue
                for status, response in op["responses"].items():
                    for media, content in response.get("content", {}).items():
                        for name, example in content.get("examples", {}).items():
                            yield path, int(status), media, name, example, content.get("schema"), op

    def request_for(self, path, op, name):
        query = []
        for p in op.get("parameters", []):
            if name not in p.get("examples", {}):
                continue
            value = str(p["examples"][name]["value"])
            if p["in"] == "path":
                path = path.replace("{" + p["name"] + "}", urllib.parse.quote(value, safe=""))
            elif p["in"] == "query":
                query.append((p["name"], value))
        self.assertNotIn("{", path, f"example {name!r} gives no value for a path parameter of {path}")
        return path + ("?" + urllib.parse.urlencode(query) if query else "")

    def test_description_is_openapi_3_1_and_every_ref_resolves(self):
        self.assertEqual(self.doc["openapi"], "3.1.0")
        resolver = self.resolver()

        def walk(node, where):
            if isinstance(node, dict):
                ref = node.get("$ref")
                if isinstance(ref, str):
                    try:
                        resolver.resolve(ref)
                    except Exception as e:  # noqa: BLE001 - any failure is the finding
                        self.fail(f"{where}: $ref {ref} does not resolve: {e}")
                for k, v in node.items():
                    walk(v, f"{where}/{k}")
            elif isinstance(node, list):
                for i, v in enumerate(node):
                    walk(v, f"{where}/{i}")

        walk(self.doc, "#")
        for name, schema in self.doc["components"]["schemas"].items():
            Draft202012Validator.check_schema(schema)

    def test_every_route_of_the_daemon_but_the_html_pages_is_described(self):
        # The route tables, read from the sources so that a new route cannot go undescribed.
        tables = [*sorted((SOURCE_DIR / "hub/src/api").glob("*routes.cpp")),
                  *sorted((SOURCE_DIR / "hub/src/publish").glob("*routes.cpp"))]
        routes = set()
        for table in tables:
            if table.name in ("pages_routes.cpp", "publish_routes.cpp"):
                continue  # HTML for people, and the list of lists
            routes |= set(re.findall(r'\{"(?:GET|POST|PUT)", "(/[^"]*)"', table.read_text(encoding="utf-8")))
        self.assertIn("/api/v1/offers", routes)
        described = set(self.doc["paths"])
        self.assertEqual(sorted(routes - described), [], "routes missing from schemas/openapi.yaml")
        self.assertEqual(sorted(described - routes), [], "paths the hub does not serve")

    def test_every_example_is_what_the_hub_answers(self):
        count = 0
        for path, status, media, name, example, schema, op in self.examples():
            count += 1
            with self.subTest(path=path, status=status, example=name):
                url = self.request_for(path, op, name)
                code, headers, body = self.daemon.get(url, headers={"Host": HOST})
                self.assertEqual(code, status, f"GET {url}: {body[:300]!r}")
                self.assertEqual(headers.get("Content-Type", "").split(";")[0].strip(), media, f"GET {url}")
                value = example["value"]
                if media in JSON_TYPES:
                    actual = json.loads(body)
                    self.assertEqual(differences(value, actual), [], f"GET {url}")
                    if schema is not None:
                        self.assertEqual(self.schema_errors(schema, value), [], f"example {name} of {path}")
                        self.assertEqual(self.schema_errors(schema, actual), [], f"answer to GET {url}")
                    continue
                text = body.decode("utf-8")
                mode = example.get("x-compare", "exact")
                if mode == "exact":
                    self.assertEqual(text, value, f"GET {url}")
                elif mode == "first-line":
                    self.assertEqual(text.lstrip("\ufeff").split("\r\n")[0], value.lstrip("\ufeff").split("\r\n")[0])
                    self.assertEqual(text.count("\n"), value.count("\n"), f"GET {url}: number of lines")
                elif mode == "prometheus-families":
                    for line in value.splitlines():
                        if line.startswith("# TYPE "):
                            self.assertIn(line, text.splitlines())
                elif mode == "atom":
                    self.assertEqual(atom_outline(text), atom_outline(value), f"GET {url}")
                else:
                    self.fail(f"unknown x-compare {mode!r}")
        self.assertGreaterEqual(count, 25)

    def test_the_hub_serves_this_file_and_its_schemas(self):
        code, headers, body = self.daemon.get("/openapi.yaml")
        self.assertEqual(code, 200)
        self.assertEqual(body.decode("utf-8"), self.text)
        self.assertEqual(headers["Content-Type"], "application/yaml")
        code, _, _ = self.daemon.get("/openapi.yaml", headers={"If-None-Match": headers["ETag"]})
        self.assertEqual(code, 304)
        for schema_id in self.store:
            if schema_id == DOC_URI:
                continue
            name = schema_id.rsplit("/", 1)[-1]
            code, headers, body = self.daemon.get("/schemas/" + name)
            self.assertEqual(code, 200, name)
            self.assertEqual(json.loads(body), self.store[schema_id], name)


if __name__ == "__main__":
    unittest.main()
