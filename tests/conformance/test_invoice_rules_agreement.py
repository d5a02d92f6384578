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
PLACEHOLDER = "RULE-TEST"


def with_number(invoice):
    """The connector emits no invoice without a number (BT-1), and most official test invoices are
    fragments without one: those get a placeholder number (and their BR-02 expectation is not
    compared). Returns (xml, whether a number was added)."""
    root_end = invoice.index(">") + 1
    if invoice.lstrip().startswith("<rsm:"):
        doc = re.search(r"<rsm:ExchangedDocument>(.*?)</rsm:ExchangedDocument>", invoice, re.S)
        if doc and "<ram:ID>" in doc.group(1) and doc.group(1).split("<ram:ID>")[1].split("<")[0].strip():
            return invoice, False
        if doc:
            at = doc.start(1)
            return invoice[:at] + "<ram:ID>%s</ram:ID>" % PLACEHOLDER + invoice[at:].replace(
                "<ram:ID></ram:ID>", "", 1), True
        return (invoice[:root_end] + "<rsm:ExchangedDocument><ram:ID>%s</ram:ID></rsm:ExchangedDocument>" % PLACEHOLDER
                + invoice[root_end:]), True
    body = re.sub(r"<cac:[^>]*>.*?</cac:[^>]*>", "", invoice, flags=re.S)  # the root's own cbc:ID only
    m = re.search(r"<cbc:ID(?:\s[^>]*)?>([^<]*)</cbc:ID>", body)
    if m and m.group(1).strip():
        return invoice, False
    return invoice[:root_end] + "<cbc:ID>%s</cbc:ID>" % PLACEHOLDER + invoice[root_end:], True


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
            invoice, numbered = with_number(m.group(0))
            with open(target, "w", encoding="utf-8") as f:
                f.write('<?xml version="1.0" encoding="UTF-8"?>\n' + invoice + "\n")
            expected = expectations(block)
            if numbered:
                expected.pop("BR-02", None)
            cases.append((target, "%s #%d" % (rel, i + 1), expected))
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
