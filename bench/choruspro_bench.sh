#!/usr/bin/env bash
# choruspro benchmark: how long `recolte sync` takes to read a folder of 10,000 invoice files (UBL
# and CII), beside `xmllint --noout` over the same files (parsing only), measured in the same run.
#
#   bench/choruspro_bench.sh                 # 10,000 invoices
#   INVOICES=2000 bench/choruspro_bench.sh   # quick check
#
# Environment: INVOICES (default 10000), BUILD (default build-bench; needs bin/recolte and the
# choruspro plugin: `cmake --build build-bench -j2 --target recolte recolte_connector_choruspro`),
# OUT (work folder, default bench/out/choruspro-INVOICES), RESULTS (default
# bench/results/choruspro-YYYYMMDD.md, with -INVOICESinvoices appended when INVOICES is not the
# default), RECOLTE_SHARED_DIR (default ../shared: the EN 16931 examples are copied from there).
#
# The input: copies of the 48 UBL and 15 CII official examples and of the two Récolte samples, in
# turn, each with its invoice number made unique (BT-1 + "-B" + the copy's index).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
INVOICES=${INVOICES:-10000}
BUILD=${BUILD:-$ROOT/build-bench}
RECOLTE=$BUILD/bin/recolte
PLUGIN=$BUILD/lib/recolte/plugins/libchoruspro.so
SHARED=${RECOLTE_SHARED_DIR:-$ROOT/../shared}
OUT=${OUT:-$BENCH_DIR/out/choruspro-$INVOICES}
STAMP=$(date +%Y%m%d)
if [[ -z "${RESULTS:-}" ]]; then
    RESULTS=$BENCH_DIR/results/choruspro-$STAMP.md
    [[ "$INVOICES" == 10000 ]] || RESULTS=$BENCH_DIR/results/choruspro-$STAMP-${INVOICES}invoices.md
fi
PY=/usr/bin/python3

[[ -x "$RECOLTE" ]] || { echo "missing $RECOLTE: build it first (see bench/README.md)" >&2; exit 1; }
[[ -f "$PLUGIN" ]] || { echo "missing $PLUGIN: cmake --build $BUILD -j2 --target recolte_connector_choruspro" >&2; exit 1; }
command -v xmllint >/dev/null || { echo "missing xmllint (apt-get install libxml2-utils)" >&2; exit 1; }
[[ -d "$SHARED/conformance/en16931/examples" ]] || { echo "missing $SHARED/conformance (RECOLTE_SHARED_DIR)" >&2; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT/invoices" "$(dirname "$RESULTS")"

source "$BENCH_DIR/lib.sh"  # timed, fail

echo "== copying $INVOICES invoices into $OUT/invoices"
"$PY" - "$INVOICES" "$SHARED/conformance/en16931/examples" "$ROOT/data/samples/choruspro" "$OUT/invoices" <<'EOF'
import os, re, sys
count, examples, samples, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
sources = []
for folder in (os.path.join(examples, d) for d in ("ubl", "ubl-testfiles", "cii")):
    sources += sorted(os.path.join(folder, f) for f in os.listdir(folder))
sources += sorted(os.path.join(samples, f) for f in os.listdir(samples))
texts = [open(p, "rb").read().decode("utf-8") for p in sources]
# BT-1: the first cbc:ID after the UBL header, or ram:ID right inside rsm:ExchangedDocument.
ubl = re.compile(r"(<cbc:ID>)([^<]*)(</cbc:ID>)")
cii = re.compile(r"(<rsm:ExchangedDocument>\s*<ram:ID>)([^<]*)(</ram:ID>)")
for i in range(count):
    text = texts[i % len(texts)]
    pattern = cii if "CrossIndustryInvoice" in text[:2000] else ubl
    text = pattern.sub(lambda m: m.group(1) + m.group(2) + f"-B{i}" + m.group(3), text, count=1)
    with open(os.path.join(out, f"facture-{i:06d}.xml"), "w", encoding="utf-8") as f:
        f.write(text)
EOF
DIR_MB=$(du -sm "$OUT/invoices" | cut -f1)
echo "   $DIR_MB MB"

# (a) The floor: xmllint parses every file, nothing kept (one process for all files).
echo "== (a) xmllint --noout"
timed xmllint bash -c "cd '$OUT/invoices' && find . -name '*.xml' -print0 | xargs -0 xmllint --noout" || fail "xmllint" xmllint

# (b) recolte sync into a fresh store, (c) the same folder again (the bookmark says unchanged).
cat >"$OUT/recolte.yaml" <<EOF
http: {bind: 127.0.0.1, port: 0}
store: {sqlite: $OUT/hub.db}
log: {level: warn}
sources:
  - {name: big, connector: choruspro, path: $OUT/invoices}
EOF
for step in sync_fresh sync_unchanged; do
    echo "== $step"
    timed "$step" "$RECOLTE" sync --config "$OUT/recolte.yaml" big || fail "recolte sync ($step)" "$step"
    grep -E '^big: ' "$OUT/$step.out" || { cat "$OUT/$step.out"; fail "no result line ($step)" "$step"; }
done
read_count=$(grep -oE 'read [0-9]+' "$OUT/sync_fresh.out" | head -1 | cut -d' ' -f2)
[[ "$read_count" == "$INVOICES" ]] || { echo "recolte read $read_count invoices, expected $INVOICES" >&2; exit 1; }

"$PY" - "$OUT" "$INVOICES" "$RESULTS" "$DIR_MB" <<'EOF'
import datetime, os, re, subprocess, sys
out, invoices, results, dir_mb = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

def timing(label):
    wall, rss = open(os.path.join(out, label + ".time")).read().split()[-2:]
    return float(wall), int(rss) / 1024

def sync_line(label):
    for line in open(os.path.join(out, label + ".out"), encoding="utf-8"):
        if line.startswith("big: "):
            return line.strip()
    return ""

floor_s, _ = timing("xmllint")
table = ["| step | invoices | seconds | invoices/s | peak RSS MB | × xmllint --noout | sync counts |",
         "|---|---:|---:|---:|---:|---:|---|"]
for label, title in [("xmllint", "(a) xmllint --noout (floor)"),
                     ("sync_fresh", "(b) recolte sync, fresh store"),
                     ("sync_unchanged", "(c) recolte sync, unchanged folder")]:
    wall, rss = timing(label)
    counts = dict(re.findall(r"(read|accepted|rejected|added|changed|removed|unchanged) (\d+)", sync_line(label)))
    shown = ", ".join(f"{k} {counts[k]}" for k in ("read", "accepted", "rejected", "added", "unchanged") if k in counts)
    rate = invoices / wall if wall > 0 else float("inf")
    ratio = wall / floor_s if floor_s > 0 else float("inf")
    table.append(f"| {title} | {invoices:,} | {wall:.2f} | {rate:,.0f} | {rss:.0f} | {ratio:.2f} | {shown} |")

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
xmllint = subprocess.run(["xmllint", "--version"], capture_output=True, text=True).stderr.splitlines()[0]
report = [
    f"# choruspro benchmark, {datetime.date.today().isoformat()}",
    "",
    f"Machine: {os.cpu_count()} CPUs ({cpu}), load average before the table: {os.getloadavg()[0]:.2f}. {xmllint}.",
    f"Input: a folder of {invoices:,} invoice files ({dir_mb} MB): copies, in turn, of the 48 UBL and 15 CII "
    "EN 16931 examples and of the two Récolte samples, each with a unique invoice number; "
    "`bench/choruspro_bench.sh` makes it.",
    "",
    *table,
    "",
    "(a) only parses each file with libxml2 (one xmllint process for all files). (b) lists the folder, hashes "
    "every file for the bookmark, then reads each one again: kind detection, libxml2 SAX2 into an element tree, "
    "the UBL or CII mapping of every EN 16931 term the record holds; the hub then checks each invoice against "
    "its EN 16931 rules and stores it (public JSON, full stored form, indexed columns) in one SQLite transaction. "
    "(c) hashes the folder, finds the bookmark unchanged and emits nothing. Ratios divide by the wall time of (a), "
    "measured in the same run: compare ratios between runs, not seconds.",
    "",
    "Result lines printed by `recolte sync`:",
    "",
    "```",
    *(sync_line(l) for l in ("sync_fresh", "sync_unchanged")),
    "```",
    "",
]
text = "\n".join(report)
print()
print(text)
with open(results, "w", encoding="utf-8") as f:
    f.write(text)
print(f"written to {results}")
EOF
