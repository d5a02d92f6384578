"""Every official example (en16931/examples/{ubl,ubl-testfiles,cii}) read by the choruspro connector
(loaded through the plugin registry) and written back with writeUbl and writeCii: each output passes
../shared/conformance/validate-invoice.sh (official XSD + EN 16931 schematron) with no FAIL."""
import glob
import os
import unittest

import conformance as c

EXAMPLES = os.path.join(c.CONFORMANCE_DIR, "en16931", "examples")


class Reexport(unittest.TestCase):
    def test_every_example_written_back_as_ubl_and_cii_passes_the_official_checks(self):
        c.require_validator(self)
        self.assertTrue(c.choruspro_available(),
                        "the choruspro plugin is not built in %s: this test reads the examples with it" % c.PLUGIN_DIR)
        files = sorted(f for d in ("ubl", "ubl-testfiles", "cii") for f in glob.glob(os.path.join(EXAMPLES, d, "*"))
                       if f.lower().endswith(".xml"))  # two examples are named *.XML
        self.assertEqual(len(files), 63)
        out = c.output_dir("reexport")
        answers = c.run_tool("reexport", out, *files)
        self.assertEqual(len(answers), len(files))
        unread = ["%s: %s %s" % (a["file"], a.get("error", ""), a.get("rejects", "")) for a in answers
                  if "error" in a or a.get("invoices") != 1]
        self.assertEqual(unread, [], "examples not read as one invoice:\n" + "\n".join(unread))
        written = [w for a in answers for w in a["written"]]
        self.assertEqual(len(written), 2 * len(files))
        source_of = {w: a["file"] for a in answers for w in a["written"]}
        results = c.validate_all(c.sanitized_sample(written))
        bad = ["%s (from %s):\n  %s" % (os.path.basename(w), os.path.relpath(source_of[w], EXAMPLES),
                                         "\n  ".join(c.failures_of(o) or [o]))
               for w, (rc, o) in sorted(results.items()) if rc != 0 or c.failures_of(o)]
        print("\n%d files written, %d checked, %d pass the official checks" % (len(written), len(results),
                                                                             len(results) - len(bad)))
        self.assertEqual(bad, [], "\n".join(bad))


if __name__ == "__main__":
    unittest.main()
