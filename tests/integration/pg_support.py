"""The throwaway PostgreSQL server of the test script (RECOLTE_TEST_POSTGRESQL, a libpq conninfo such
as "host=127.0.0.1 port=55432 user=postgres"): a fresh database per test, dropped afterwards. Without
the variable the PostgreSQL tests skip, or fail when RECOLTE_REQUIRE_POSTGRESQL=1 (CI)."""

import itertools
import os
import subprocess
import unittest

SERVER = os.environ.get("RECOLTE_TEST_POSTGRESQL", "")
_numbers = itertools.count(1)


def require_postgresql():
    """Skips (or fails, when PostgreSQL is required) a test case without a server to run on."""
    if SERVER:
        return
    if os.environ.get("RECOLTE_REQUIRE_POSTGRESQL") == "1":
        raise AssertionError("RECOLTE_REQUIRE_POSTGRESQL=1 but RECOLTE_TEST_POSTGRESQL is not set (scripts/test sets it)")
    raise unittest.SkipTest("no PostgreSQL server: set RECOLTE_TEST_POSTGRESQL (scripts/test does)")


def psql(conninfo, sql):
    """Runs SQL through psql; returns the rows as lists of strings."""
    out = subprocess.run(["psql", conninfo, "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise RuntimeError(f"psql failed: {out.stderr}")
    return [line.split("\t") for line in out.stdout.splitlines() if line]


class FreshDatabase:
    """A new empty database on the test server; `conninfo` reaches it."""

    def __init__(self, prefix="recolte_it"):
        self.name = f"{prefix}_{os.getpid()}_{next(_numbers)}"
        psql(SERVER, f"DROP DATABASE IF EXISTS {self.name}")
        psql(SERVER, f"CREATE DATABASE {self.name}")
        self.conninfo = f"{SERVER} dbname={self.name}"

    def query(self, sql):
        return psql(self.conninfo, sql)

    def drop(self):
        psql(SERVER, f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
