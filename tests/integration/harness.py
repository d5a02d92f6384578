"""Shared support for the integration tests: the real `recolte` binary, a temp folder holding a
config and a SQLite store, a daemon on a free loopback port, and plain HTTP (urllib) to talk to it."""

import hashlib
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

SOURCE_DIR = pathlib.Path(os.environ.get("RECOLTE_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
BINARY = os.environ.get("RECOLTE_BINARY", str(SOURCE_DIR / "build" / "bin" / "recolte"))
SAMPLES = SOURCE_DIR / "data" / "samples"
SCHEMAS = SOURCE_DIR / "schemas"

sys.path.insert(0, str(SOURCE_DIR / "tests" / "support"))
import validate_json  # noqa: E402


def token_sha256(token):
    """What `recolte hash-token` prints for `token`: the value of auth.tokens[].sha256."""
    return hashlib.sha256(token.encode()).hexdigest()


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def hub_compiler(build_dir):
    """The C++ compiler `build_dir` was configured with: out-of-tree connectors must use it (the hub
    refuses a plugin built by another compiler, e.g. gcc plugins in the clang sanitizer build)."""
    for line in (pathlib.Path(build_dir) / "CMakeCache.txt").read_text().splitlines():
        if line.startswith("CMAKE_CXX_COMPILER:"):
            return line.split("=", 1)[1]
    raise RuntimeError(f"no CMAKE_CXX_COMPILER in {build_dir}/CMakeCache.txt")


def run(*args, timeout=120):
    """Runs `recolte ARGS...`, returns CompletedProcess with text output."""
    return subprocess.run([BINARY, *args], capture_output=True, text=True, timeout=timeout)


class Workspace:
    """A temp folder with a config whose paths point into it."""

    def __init__(self):
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="recolte-it-"))

    def write(self, name, text, encoding="utf-8"):
        path = self.dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
        return path

    def copy_sample(self, name):
        target = self.dir / "data" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLES / name, target)
        return target

    def config(self, sources_yaml, port=0, extra="", http=""):
        """`http` adds keys to the http: map (", max_uri: 2048")."""
        text = (f"http: {{bind: 127.0.0.1, port: {port}{http}}}\n"
                f"store: {{sqlite: {self.dir / 'hub.db'}}}\n"
                f"log: {{level: warn}}\n{extra}"
                f"sources:\n{sources_yaml}")
        return self.write("recolte.yaml", text)

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


class Daemon:
    """`recolte serve` on a free port; waits until it answers and every source has synced once."""

    def __init__(self, config_path, expected_sources=(), extra_args=(), binary=None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.TemporaryFile(mode="w+")
        self.proc = subprocess.Popen([binary or BINARY, "serve", "--config", str(config_path), "--port", str(self.port),
                                      *extra_args], stdout=self.log, stderr=subprocess.STDOUT)
        self._wait(expected_sources)

    def _wait(self, expected_sources, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"daemon exited with {self.proc.returncode}:\n{self.output()}")
            try:
                status, body = self.get_json("/api/v1/sources")
                synced = {s["name"] for s in body["items"] if s["last_sync"]}
                if status == 200 and set(expected_sources) <= synced:
                    return
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.1)
        raise RuntimeError(f"daemon not ready after {timeout}s:\n{self.output()}")

    def output(self):
        self.log.seek(0)
        return self.log.read()

    def get(self, path, method="GET", headers=None):
        req = urllib.request.Request(self.base + path, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return resp.status, dict(resp.headers), resp.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def get_json(self, path):
        status, headers, body = self.get(path)
        return status, json.loads(body)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


class SchemaChecker:
    def __init__(self):
        self.store = validate_json.load_store(SCHEMAS)

    def errors(self, schema_name, instance, as_list=False):
        if as_list:
            validator = validate_json.list_validator_for(self.store, schema_name)
        else:
            validator = validate_json.validator_for(self.store, schema_name)
        return validate_json.errors_of(validator, instance)
