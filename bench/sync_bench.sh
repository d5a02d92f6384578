#!/usr/bin/env bash
# Sync benchmark: how long `recolte sync` takes to land a big price list, against the floor of
# landing the same bytes in SQLite with the sqlite3 shell, measured in the same run.
#
#   bench/sync_bench.sh                 # 1,000,000 rows (a few minutes)
#   ROWS=100000 bench/sync_bench.sh     # quick check
#
# Environment: ROWS (default 1000000), BUILD (default build-bench), OUT (work folder, default
# bench/out/sync-ROWS), RESULTS (default bench/results/sync-YYYYMMDD.md, with -ROWSrows appended
# when ROWS is not the default), SEED (default 42).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
ROWS=${ROWS:-1000000}
SEED=${SEED:-42}
BUILD=${BUILD:-$ROOT/build-bench}
RECOLTE=$BUILD/bin/recolte
OUT=${OUT:-$BENCH_DIR/out/sync-$ROWS}
STAMP=$(date +%Y%m%d)
if [[ -z "${RESULTS:-}" ]]; then
    RESULTS=$BENCH_DIR/results/sync-$STAMP.md
    [[ "$ROWS" == 1000000 ]] || RESULTS=$BENCH_DIR/results/sync-$STAMP-${ROWS}rows.md
fi
PY=/usr/bin/python3

[[ -x "$RECOLTE" ]] || { echo "missing $RECOLTE: build it first (see bench/README.md)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "missing sqlite3 (apt-get install sqlite3)" >&2; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT" "$(dirname "$RESULTS")"

source "$BENCH_DIR/lib.sh"  # timed, fail

echo "== generating $ROWS rows (seed $SEED) into $OUT"
gen_start=$(date +%s.%N)
"$PY" "$BENCH_DIR/gen_price_list.py" -n "$ROWS" --seed "$SEED" -o "$OUT/base.csv"
"$PY" "$BENCH_DIR/gen_price_list.py" -n "$ROWS" --seed "$SEED" --change-prices 0.01 -o "$OUT/changed.csv"
gen_end=$(date +%s.%N)
FILE_MB=$(awk -v b="$(stat -c %s "$OUT/base.csv")" 'BEGIN { printf "%.1f", b / 1048576 }')
echo "   $FILE_MB MB per file, $(awk -v a="$gen_start" -v b="$gen_end" 'BEGIN { printf "%.1f", b - a }') s for both"

# (a) The floor: the sqlite3 shell landing the same bytes in a fresh database, and the same into a
# table keyed by the reference (closer to what a store does: it finds each record by its key).
echo "== (a) sqlite3 .import"
timed sqlite_import sqlite3 "$OUT/floor.db" -cmd ".mode csv" -cmd ".separator ;" ".import $OUT/base.csv t" \
    || fail "sqlite3 import" sqlite_import
timed sqlite_keyed sqlite3 "$OUT/floor-keyed.db" \
    -cmd "CREATE TABLE t(ref TEXT PRIMARY KEY, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14)" \
    -cmd ".mode csv" -cmd ".separator ;" ".import --skip 1 $OUT/base.csv t" \
    || fail "sqlite3 keyed import" sqlite_keyed
imported=$(sqlite3 "$OUT/floor.db" "SELECT count(*) FROM t")
[[ "$imported" == "$ROWS" ]] || { echo "sqlite3 imported $imported rows, expected $ROWS" >&2; exit 1; }

# (b)-(d) recolte: the source reads current.csv, which each step replaces.
cat >"$OUT/recolte.yaml" <<EOF
http: {bind: 127.0.0.1, port: 0}
store: {sqlite: $OUT/hub.db}
log: {level: warn}
sources:
  - {name: big, connector: csv, path: $OUT/current.csv}
EOF

sync_step() {  # LABEL FILE
    cp "$2" "$OUT/current.csv"
    echo "== $1"
    timed "$1" "$RECOLTE" sync --config "$OUT/recolte.yaml" big || fail "recolte sync ($1)" "$1"
    grep -E '^big: ' "$OUT/$1.out" || { cat "$OUT/$1.out"; fail "no result line ($1)" "$1"; }
}
sync_step sync_fresh "$OUT/base.csv"
STORE_MB=$(du -cm "$OUT"/hub.db* | tail -1 | cut -f1)
sync_step sync_unchanged "$OUT/base.csv"
sync_step sync_1pct "$OUT/changed.csv"

FLOOR_MB=$(du -m "$OUT/floor.db" | cut -f1)

# The table, from the .time files and the sync result lines.
"$PY" - "$OUT" "$ROWS" "$RESULTS" "$FILE_MB" "$STORE_MB" "$FLOOR_MB" <<'EOF'
import datetime, os, re, subprocess, sys
out, rows, results, file_mb, store_mb, floor_mb = sys.argv[1], int(sys.argv[2]), sys.argv[3], *sys.argv[4:]

def timing(label):
    wall, rss = open(os.path.join(out, label + ".time")).read().split()[-2:]
    return float(wall), int(rss) / 1024

def sync_line(label):
    for line in open(os.path.join(out, label + ".out"), encoding="utf-8"):
        if line.startswith("big: "):
            return line.strip()
    return ""

def counts(line):
    return {k: int(v) for k, v in re.findall(r"(read|accepted|rejected|added|changed|removed|unchanged) (\d+)", line)}

floor_s, _ = timing("sqlite_import")
steps = [
    ("sqlite_import", "(a) sqlite3 .import (floor)", ""),
    ("sqlite_keyed", "(a') sqlite3 .import, keyed table", ""),
    ("sync_fresh", "(b) recolte sync, fresh store", None),
    ("sync_unchanged", "(c) recolte sync, unchanged file", None),
    ("sync_1pct", "(d) recolte sync, 1 % prices changed", None),
]
table = ["| step | rows | seconds | rows/s | peak RSS MB | × sqlite import | sync counts |",
         "|---|---:|---:|---:|---:|---:|---|"]
for label, title, note in steps:
    wall, rss = timing(label)
    line = sync_line(label) if note is None else ""
    c = counts(line)
    shown = ", ".join(f"{k} {c[k]}" for k in ("accepted", "rejected", "added", "changed", "removed", "unchanged") if k in c)
    rate = rows / wall if wall > 0 else float("inf")
    table.append(f"| {title} | {rows:,} | {wall:.2f} | {rate:,.0f} | {rss:.0f} | {wall / floor_s:.2f} | {shown} |")

def cmd(args):
    try:
        return subprocess.run(args, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"

store_breakdown = cmd(["sqlite3", os.path.join(out, "hub.db"),
                       "SELECT printf('%-32s %8.1f', name, sum(pgsize) / 1048576.0) FROM dbstat "
                       "GROUP BY name ORDER BY sum(pgsize) DESC LIMIT 8"])
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
report = [
    f"# Sync benchmark, {datetime.date.today().isoformat()}",
    "",
    f"Machine: {os.cpu_count()} CPUs ({cpu}), load average before the table: {os.getloadavg()[0]:.2f}. "
    f"sqlite3 {cmd(['sqlite3', '--version']).split(' ')[0]}.",
    f"Input: `gen_price_list.py -n {rows}` ({file_mb} MB, ';'-separated UTF-8); step (d) is the same file with "
    f"`--change-prices 0.01`. Store after (b): {store_mb} MB; sqlite3 floor database: {floor_mb} MB.",
    "",
    *table,
    "",
    "Ratios divide by the wall time of (a), measured in the same run: compare ratios between runs, not seconds.",
    "",
    "Where the store's bytes are after (d) (SQLite dbstat, MB):",
    "",
    "```",
    store_breakdown,
    "```",
    "",
    "Result lines printed by `recolte sync`:",
    "",
    "```",
    *(sync_line(l) for l in ("sync_fresh", "sync_unchanged", "sync_1pct")),
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
