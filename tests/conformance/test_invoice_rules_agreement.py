"""The hub's own EN 16931 checks (checkEn16931) against the official rule tests
(../shared/conformance/en16931/unit-tests: VEFA testSet files; each <test> holds one invoice and the
rule ids expected to succeed or fail). Every test invoice is read with the choruspro connector (loaded
through the plugin registry, like the daemon) and checked; for every rule id the hub implements and
the test names, the hub must fire the rule iff the test expects an error. Prints a table rule ->
agreed/total and fails on any disagreement."""
import collections
import glob
import os
import re
import unittest

import conformance as c

UNIT_TESTS = os.path.join(c.CONFORMANCE_DIR, "en16931", "unit-tests")
TEST_RE = re.compile(r"<test>(.*?)</test>", re.S)
INVOICE_RE = re.compile(r"<((?:\w+:)?(?:Invoice|CreditNote|CrossIndustryInvoice))[\s>].*?</\1>", re.S)


def expectations(block):
    """{rule id: 'success' | 'error' | 'warning'} named in the test's <assert>."""
    head = block.split("</assert>", 1)[0]
    return {rule.strip(): kind for kind, rule in re.findall(r"<(success|error|warning)>([^<]+)</\1>", head)}


def extract(out_dir):
    """Writes each test's invoice to its own file; returns [(path, source, expectations)]."""
    cases = []
    for path in sorted(glob.glob(os.path.join(UNIT_TESTS, "**", "*.xml"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        rel = os.path.relpath(path, UNIT_TESTS)
        for i, block in enumerate(TEST_RE.findall(text)):
            m = INVOICE_RE.search(block)
            if not m:
                continue
            name = re.sub(r"[^A-Za-z0-9.-]", "_", rel[:-4]) + "-%d.xml" % (i + 1)
            target = os.path.join(out_dir, name)
            with open(target, "w", encoding="utf-8") as f:
                f.write('<?xml version="1.0" encoding="UTF-8"?>\n' + m.group(0) + "\n")
            cases.append((target, "%s #%d" % (rel, i + 1), expectations(block)))
    return cases


class RuleAgreement(unittest.TestCase):
    def test_hub_rules_agree_with_the_official_rule_tests(self):
        self.assertTrue(os.path.isdir(UNIT_TESTS), "no %s: set RECOLTE_SHARED_DIR" % UNIT_TESTS)
        self.assertTrue(c.choruspro_available(),
                        "the choruspro plugin is not built in %s: this test reads the official test "
                        "invoices with it" % c.PLUGIN_DIR)
        implemented = set(c.run_tool("implemented")[0])
        cases = extract(c.output_dir("rule-tests"))
        self.assertGreater(len(cases), 250)
        results = {r["file"]: r for r in c.run_tool("check", *[p for p, _, _ in cases])}

        agreed, total = collections.Counter(), collections.Counter()
        disagreements, unread = [], []
        for path, source, expected in cases:
            r = results.get(path)
            if r is None or "error" in r or r.get("invoices", 0) != 1:
                unread.append("%s: %s" % (source, r.get("error") if r else "no answer") +
                              (" (rejects: %s)" % r.get("rejects") if r and r.get("rejects") else ""))
                continue
            fired = set(r["fired"])
            for rule, kind in expected.items():
                if rule not in implemented or kind == "warning":
                    continue
                total[rule] += 1
                if (rule in fired) == (kind == "error"):
                    agreed[rule] += 1
                else:
                    disagreements.append("%s: %s expected %s, the hub %s" % (
                        source, rule, kind, "fires it" if rule in fired else "does not fire it"))

        print("\nrule          agreed/total")
        for rule in sorted(total):
            print("%-13s %d/%d%s" % (rule, agreed[rule], total[rule], "" if agreed[rule] == total[rule] else "  <-- disagrees"))
        untested = sorted(implemented - set(total))
        print("implemented but not covered by a readable official test: %s" % (", ".join(untested) or "none"))
        print("test invoices the connector did not read as one invoice: %d of %d" % (len(unread), len(cases)))
        for u in unread[:20]:
            print("  " + u)
        self.assertGreater(sum(total.values()), 100, "too few comparisons: is the connector reading the tests?")
        self.assertEqual(disagreements, [], "\n".join(disagreements))


if __name__ == "__main__":
    unittest.main()
