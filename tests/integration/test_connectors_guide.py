"""docs/connectors.md, replayed: its ```sh replay blocks run in order, word for word, in one bash
in an empty folder, against this build (RECOLTE_BUILD, as the guide's first step exports). Only the
two loopback ports are swapped for free ones so that parallel tests never collide."""

import os
import pathlib
import re
import shutil
import signal
import subprocess
import tempfile
import unittest

import harness

BUILD_DIR = pathlib.Path(os.environ.get("RECOLTE_BUILD_DIR", harness.SOURCE_DIR / "build"))
GUIDE = harness.SOURCE_DIR / "docs" / "connectors.md"


def replay_blocks(text):
    return re.findall(r"^```sh replay\n(.*?)^```$", text, flags=re.S | re.M)


class GuideReplay(unittest.TestCase):
    def test_the_guide_replays_from_an_empty_folder(self):
        blocks = replay_blocks(GUIDE.read_text(encoding="utf-8"))
        self.assertGreaterEqual(len(blocks), 5, "the guide lost its replayed blocks")
        script = "set -euo pipefail\n" + "\n".join(blocks)
        http_port, hub_port = harness.free_port(), harness.free_port()
        self.assertIn("8765", script)
        self.assertIn("8766", script)
        script = script.replace("8765", str(http_port)).replace("8766", str(hub_port))
        work = pathlib.Path(tempfile.mkdtemp(prefix="recolte-guide-"))
        self.addCleanup(shutil.rmtree, work, True)
        env = dict(os.environ, RECOLTE_BUILD=str(BUILD_DIR), HOME=str(work), CXX=harness.hub_compiler(BUILD_DIR))
        proc = subprocess.Popen(["bash", "-c", script], cwd=work, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, start_new_session=True)
        try:
            out, _ = proc.communicate(timeout=600)
        finally:
            # Background servers the guide starts die with its process group, even on failure.
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        self.assertEqual(proc.returncode, 0, out[-6000:])
        self.assertIn("0 failed", out)  # connector-test
        self.assertIn("accepted 4, rejected 0", out)  # sync
        self.assertIn("Pommes Reinette du Couserans", out)  # served by the daemon
        self.assertIn('"total": 4', out)


if __name__ == "__main__":
    unittest.main()
