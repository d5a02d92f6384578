#!/usr/bin/python3
"""Validate JSON documents against Récolte's schemas (schemas/*.schema.json), offline.

Usage:
  validate_json.py SCHEMA_DIR SCHEMA_NAME FILE...         each FILE must match SCHEMA_NAME
  validate_json.py SCHEMA_DIR --list SCHEMA_NAME FILE...  each FILE is a paged list of SCHEMA_NAME
  validate_json.py SCHEMA_DIR --check-schemas             every schema is valid and its $refs resolve

SCHEMA_NAME is "offer", "offer.schema.json" or a full $id. FILE may be "-" for stdin.
Prints each error with its file and JSON path. Exit status: 0 all valid, 1 some invalid, 2 usage error.

Run it with Debian's /usr/bin/python3 (python3-jsonschema 4.10 in bookworm: RefResolver with a store
preloaded from SCHEMA_DIR, so the relative $refs between schema files never touch the network).
Other test code may import it: load_store(), validator_for(), list_schema_for(), errors_of().
"""

import datetime
import json
import pathlib
import re
import sys
import urllib.parse
import warnings

import jsonschema
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import best_match

# jsonschema >= 4.18 deprecates RefResolver in favour of `referencing`; bookworm has 4.10.
warnings.filterwarnings("ignore", category=DeprecationWarning)
from jsonschema import RefResolver  # noqa: E402

SCHEMA_SUFFIX = ".schema.json"
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"

# RFC 3339 date-time: bookworm lacks rfc3339-validator, so jsonschema would skip "date-time" silently.
_RFC3339 = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


def _is_date_time(instance):
    if not isinstance(instance, str):
        return True
    m = _RFC3339.match(instance)
    if not m:
        return False
    year, month, day, hour, minute, second = (int(g) for g in m.groups()[:6])
    datetime.date(year, month, day)  # raises ValueError on 2024-02-30
    if hour > 23 or minute > 59 or second > 60:  # 60: leap second
        raise ValueError("heure invalide")
    offset = m.group(8)
    if offset not in ("Z", "z") and (int(offset[1:3]) > 23 or int(offset[4:6]) > 59):
        raise ValueError("décalage horaire invalide")
    return True


def format_checker():
    checker = FormatChecker(formats=("date", "email", "ipv4", "ipv6", "regex", "uuid"))
    checker.checks("date-time", raises=ValueError)(_is_date_time)
    return checker


def load_store(schema_dir):
    """Every *.schema.json of the directory, keyed by $id. Raises ValueError on a bad file."""
    store = {}
    directory = pathlib.Path(schema_dir)
    paths = sorted(directory.glob("*" + SCHEMA_SUFFIX))
    if not paths:
        raise ValueError(f"{directory}: no *{SCHEMA_SUFFIX} file")
    for path in paths:
        try:
            schema = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise ValueError(f"{path}: cannot read: {e}") from e
        schema_id = schema.get("$id") if isinstance(schema, dict) else None
        if not isinstance(schema_id, str):
            raise ValueError(f"{path}: no \"$id\"")
        if schema_id in store:
            raise ValueError(f"{path}: \"$id\" {schema_id} already used by another file")
        store[schema_id] = schema
    return store


def schema_id_for(store, name):
    """Maps "offer", "offer.schema.json" or a full $id to the $id in the store."""
    if name in store:
        return name
    file_name = name if name.endswith(SCHEMA_SUFFIX) else name + SCHEMA_SUFFIX
    for schema_id in store:
        if schema_id.rsplit("/", 1)[-1] == file_name:
            return schema_id
    known = ", ".join(sorted(i.rsplit("/", 1)[-1][: -len(SCHEMA_SUFFIX)] for i in store))
    raise ValueError(f"unknown schema {name!r}; known: {known}")


def _validator(store, schema, base_uri):
    resolver = RefResolver(base_uri=base_uri, referrer=schema, store=store)
    return Draft202012Validator(schema, resolver=resolver, format_checker=format_checker())


def validator_for(store, name):
    schema_id = schema_id_for(store, name)
    return _validator(store, store[schema_id], schema_id)


def list_schema_for(store, name):
    """A schema for the paged list envelope whose items all match schema `name`."""
    item_id = schema_id_for(store, name)
    list_id = schema_id_for(store, "list")
    return {
        "$schema": DRAFT_2020_12,
        "$id": _list_of_id(store, name),
        "allOf": [
            {"$ref": list_id},
            {"properties": {"items": {"items": {"$ref": item_id}}}},
        ],
    }


def _list_of_id(store, name):
    # Its own $id: RefResolver maps base_uri to the referrer, so reusing list's $id would loop.
    item_id = schema_id_for(store, name)
    return urllib.parse.urljoin(item_id, "list-of-" + item_id.rsplit("/", 1)[-1])


def list_validator_for(store, name):
    schema = list_schema_for(store, name)
    return _validator(store, schema, schema["$id"])


def _describe(error):
    where = error.json_path
    message = error.message
    # anyOf/oneOf failures say only "not valid under any": add the closest sub-error, skipping the
    # "not of type 'null'" of a nullable field's other branch.
    if error.context:
        depth = len(error.absolute_path)
        telling = [e for e in error.context if len(e.absolute_path) > depth or e.validator != "type"]
        inner = best_match(telling or error.context)
        if inner is not None:
            message += f" ({inner.json_path}: {inner.message})"
    return f"{where}: {message}"


def errors_of(validator, instance):
    """Error lines, sorted by path, empty when valid."""
    errors = sorted(validator.iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])
    return [_describe(e) for e in errors]


def _read_instance(file_name):
    if file_name == "-":
        return json.load(sys.stdin)
    with open(file_name, encoding="utf-8") as f:
        return json.load(f)


def validate_files(store, name, files, as_list=False):
    validator = list_validator_for(store, name) if as_list else validator_for(store, name)
    failed = 0
    for file_name in files:
        try:
            instance = _read_instance(file_name)
        except (OSError, UnicodeDecodeError) as e:
            print(f"{file_name}: cannot read: {e}")
            failed += 1
            continue
        except json.JSONDecodeError as e:
            print(f"{file_name}:{e.lineno}:{e.colno}: not JSON: {e.msg}")
            failed += 1
            continue
        errors = errors_of(validator, instance)
        for line in errors:
            print(f"{file_name}: {line}")
        if errors:
            failed += 1
    return failed


def _refs(node, pointer="#"):
    """Yields (json pointer, $ref value) for every $ref in a schema."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield pointer, value
            else:
                yield from _refs(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _refs(value, f"{pointer}/{index}")


def check_schemas(store):
    """Problems with the schemas themselves: meta-schema errors, dangling $refs, missing metadata."""
    problems = []
    for schema_id, schema in sorted(store.items()):
        name = schema_id.rsplit("/", 1)[-1]
        try:
            Draft202012Validator.check_schema(schema)
        except jsonschema.exceptions.SchemaError as e:
            problems.append(f"{name}: {_describe(e)}")
        if schema.get("$schema") != DRAFT_2020_12:
            problems.append(f"{name}: \"$schema\" must be {DRAFT_2020_12}")
        if not isinstance(schema.get("x-recolte-schema-version"), int):
            problems.append(f"{name}: \"x-recolte-schema-version\" must be an integer")
        if not schema.get("description"):
            problems.append(f"{name}: no \"description\"")
        resolver = RefResolver(base_uri=schema_id, referrer=schema, store=store)
        for pointer, ref in _refs(schema):
            try:
                resolver.resolve(urllib.parse.urljoin(schema_id, ref))
            except jsonschema.exceptions.RefResolutionError as e:
                problems.append(f"{name}: {pointer}: $ref {ref!r} does not resolve: {e}")
    return problems


def main(argv):
    if len(argv) < 3 or argv[1] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        store = load_store(argv[1])
        if argv[2] == "--check-schemas":
            problems = check_schemas(store)
            for line in problems:
                print(line)
            if not problems:
                print(f"{len(store)} schemas valid")
            return 1 if problems else 0
        as_list = argv[2] == "--list"
        rest = argv[3:] if as_list else argv[2:]
        if len(rest) < 2:
            print("expected SCHEMA_NAME and at least one FILE", file=sys.stderr)
            return 2
        schema_id_for(store, rest[0])  # unknown name -> usage error, not a validation failure
        return 1 if validate_files(store, rest[0], rest[1:], as_list) else 0
    except ValueError as e:
        print(e, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
