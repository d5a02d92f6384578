#!/usr/bin/env bash
# Cost of running the connector in a child worker process (the default, `isolation: process`)
# against running it in the syncing process (`isolation: inline`): the same `recolte sync` of a
# generated price list, fresh store then 1 % of prices changed, alternating the two modes.
#
#   ROWS=100000 bench/isolation_bench.sh
#
# Environment: ROWS (default 100000), REPEAT (default 2), BUILD (default build), OUT (default
# bench/out/isolation-ROWS), RESULTS (default bench/results/isolation-YYYYMMDD.md), SEED (42).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
ROWS=${ROWS:-100000}
REPEAT=${REPEAT:-2}
SEED=${SEED:-42}
BUILD=${BUILD:-$ROOT/build}
RECOLTE=$BUILD/bin/recolte
OUT=${OUT:-$BENCH_DIR/out/isolation-$ROWS}
RESULTS=${RESULTS:-$BENCH_DIR/results/isolation-$(date +%Y%m%d).md}
PY=/usr/bin/python3

[[ -x "$RECOLTE" ]] || { echo "missing $RECOLTE: build it first (see bench/README.md)" >&2; exit 1; }
rm -rf "$OUT"
mkdir -p "$OUT" "$(dirname "$RESULTS")"
source "$BENCH_DIR/lib.sh"  # timed, fail

echo "== generating $ROWS rows (seed $SEED)"
"$PY" "$BENCH_DIR/gen_price_list.py" -n "$ROWS" --seed "$SEED" -o "$OUT/base.csv"
"$PY" "$BENCH_DIR/gen_price_list.py" -n "$ROWS" --seed "$SEED" --change-prices 0.01 -o "$OUT/changed.csv"

for mode in inline process; do
    cat >"$OUT/$mode.yaml" <<YAML
http: {bind: 127.0.0.1, port: 0}
store: {sqlite: $OUT/$mode.db}
log: {level: warn}
sources:
  - {name: big, connector: csv, path: $OUT/current-$mode.csv, isolation: $mode}
YAML
done

for i in $(seq 1 "$REPEAT"); do
    for mode in inline process; do
        rm -f "$OUT/$mode.db"*
        cp "$OUT/base.csv" "$OUT/current-$mode.csv"
        echo "== run $i: $mode, fresh store"
        timed "fresh-$mode-$i" "$RECOLTE" sync --config "$OUT/$mode.yaml" big || fail "fresh $mode" "fresh-$mode-$i"
        cp "$OUT/changed.csv" "$OUT/current-$mode.csv"
        echo "== run $i: $mode, 1 % changed"
        timed "change-$mode-$i" "$RECOLTE" sync --config "$OUT/$mode.yaml" big || fail "1 % $mode" "change-$mode-$i"
    done
done

"$PY" - "$OUT" "$ROWS" "$REPEAT" "$RESULTS" <<'PYEOF'
import datetime, os, re, statistics, sys
out, rows, repeat, results = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]

def timing(label):
    wall, rss = open(os.path.join(out, label + ".time")).read().split()[-2:]
    return float(wall), int(rss) / 1024

def line(label):
    for l in open(os.path.join(out, label + ".out"), encoding="utf-8"):
        if l.startswith("big: "):
            return l.strip()
    raise SystemExit(f"no result line in {label}.out")

table = ["| step | inline s (median) | process s (median) | process / inline | inline peak RSS MB | counts (process) |",
         "|---|---:|---:|---:|---:|---|"]
for step, title in (("fresh", "fresh store"), ("change", "1 % prices changed")):
    inl = [timing(f"{step}-inline-{i}")[0] for i in range(1, repeat + 1)]
    pro = [timing(f"{step}-process-{i}")[0] for i in range(1, repeat + 1)]
    rss = max(timing(f"{step}-inline-{i}")[1] for i in range(1, repeat + 1))
    a, b = line(f"{step}-inline-1"), line(f"{step}-process-1")
    strip = lambda s: re.sub(r", [0-9.]+ s$", "", s)
    if strip(a) != strip(b):
        raise SystemExit(f"different results:\n{a}\n{b}")
    counts = re.sub(r"^big: ok — ", "", strip(b))
    table.append(f"| {title} | {statistics.median(inl):.2f} | {statistics.median(pro):.2f} | "
                 f"{statistics.median(pro) / statistics.median(inl):.2f} | {rss:.0f} | {counts} |")
report = [f"# Isolated connector runs: cost of the worker process, {datetime.date.today().isoformat()}", "",
          f"`bench/isolation_bench.sh`: `recolte sync` of `gen_price_list.py -n {rows}` (csv connector), "
          f"{repeat} runs of each mode, alternated; load average at the end {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} CPUs. Both modes must give the same counts (checked).", "", *table, "",
          "Peak RSS is that of the `recolte sync` process (/usr/bin/time); in process mode the connector's own memory is in the worker, not counted there. Under this load the seconds vary by ±20 % from run to run: read the ratio, not the seconds."]
open(results, "w").write("\n".join(report) + "\n")
print("\n".join(report))
PYEOF
