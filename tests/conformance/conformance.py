"""What the conformance suites share: paths from the environment (set by tests/CMakeLists.txt),
the official validator run two files at a time, and the helper that reads files with the
choruspro connector (invoice_tool)."""
import concurrent.futures
import json
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.environ.get("RECOLTE_SOURCE_DIR", os.path.normpath(os.path.join(HERE, "..", "..")))
SHARED_DIR = os.environ.get("RECOLTE_SHARED_DIR") or os.path.normpath(os.path.join(SOURCE_DIR, "..", "shared"))
CONFORMANCE_DIR = os.path.join(SHARED_DIR, "conformance")
VALIDATOR = os.path.join(CONFORMANCE_DIR, "validate-invoice.sh")
BINARY = os.environ.get("RECOLTE_BINARY", os.path.join(SOURCE_DIR, "build", "bin", "recolte"))
TOOL = os.environ.get("RECOLTE_INVOICE_TOOL", os.path.join(SOURCE_DIR, "build", "bin", "recolte_invoice_tool"))
PLUGIN_DIR = os.environ.get("RECOLTE_PLUGIN_DIR", os.path.join(SOURCE_DIR, "build", "lib", "recolte", "plugins"))


def output_dir(name):
    """A fresh folder under RECOLTE_TEST_OUTPUT (kept for a look after a failure), else a temp dir."""
    base = os.environ.get("RECOLTE_TEST_OUTPUT")
    if not base:
        return tempfile.mkdtemp(prefix="recolte-" + name + "-")
    path = os.path.join(base, name)
    if os.path.isdir(path):
        for f in os.listdir(path):
            os.remove(os.path.join(path, f))
    os.makedirs(path, exist_ok=True)
    return path


def require_validator(test):
    """The official material and the tools the validator needs: a clear failure when missing."""
    test.assertTrue(os.path.isfile(VALIDATOR),
                    "no %s: set RECOLTE_SHARED_DIR to the folder holding conformance/" % VALIDATOR)
    for tool in ("/usr/bin/xmllint", "/usr/bin/java", "/usr/share/java/Saxon-HE.jar"):
        test.assertTrue(os.path.exists(tool), "%s missing: scripts/deps.sh test installs it" % tool)


def validate(path):
    """(exit code, output) of validate-invoice.sh on one file."""
    p = subprocess.run(["bash", VALIDATOR, path], capture_output=True, text=True, timeout=300)
    return p.returncode, (p.stdout + p.stderr).strip()


def validate_all(paths):
    """{path: (exit code, output)}, two JVMs at a time (each takes about 1.5 s to start)."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(paths, pool.map(validate, paths)))


def sanitized_sample(paths, every=8):
    """Under scripts/test-sanitized (RECOLTE_SANITIZED_RUN=1) the files are still all read and written
    by the instrumented binary, but only every `every`-th is validated again: the outputs are the
    same bytes as the normal build's, which validates them all, and the JVM runs are what is slow."""
    if os.environ.get("RECOLTE_SANITIZED_RUN") == "1":
        return paths[::every]
    return paths


def failures_of(output):
    """The FAIL/ERROR lines of a validator output (WARN lines do not fail a file)."""
    return [l for l in output.splitlines() if l.startswith("FAIL") or l.startswith("ERROR")]


def run_tool(*args):
    """Lines of JSON printed by invoice_tool; the process must succeed."""
    env = dict(os.environ, RECOLTE_PLUGIN_DIR=PLUGIN_DIR, LD_BIND_NOW="1")
    p = subprocess.run([TOOL, *args], capture_output=True, text=True, env=env, timeout=600)
    if p.returncode != 0:
        raise AssertionError("invoice_tool %s failed (%d): %s" % (args[0], p.returncode, p.stderr.strip()))
    return [json.loads(l) for l in p.stdout.splitlines() if l.strip()]


def choruspro_available():
    return os.path.isfile(os.path.join(PLUGIN_DIR, "libchoruspro.so"))
