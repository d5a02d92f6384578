#!/usr/bin/env bash
# Load held during a sync: wrk with 64 connections for 60 s on a mix of catalogue pages, API pages
# and the Atom feed while `recolte serve` re-syncs a 100,000-offer source whose every price changed;
# the same mix on the idle daemon first, as the reference of the same session.
#
#   bench/load_bench.sh                           # 100,000 offers, 60 s, 64 connections
#   ROWS=20000 DURATION=15 bench/load_bench.sh    # a quick look
#
# Environment: ROWS (100000), DURATION (60), THREADS (2), CONNECTIONS (64), TIMEOUT (10, wrk's
# per-request timeout in s), BUILD (default build-bench), OUT (bench/out/load-ROWS), RESULTS
# (bench/results/load-YYYYMMDD.md, -ROWSrows appended when ROWS is not the default).
# Reports errors (target 0), requests/s and p99 per run. Everything listens on 127.0.0.1 only.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
ROWS=${ROWS:-100000}
DURATION=${DURATION:-60}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
TIMEOUT=${TIMEOUT:-10}
BUILD=${BUILD:-$ROOT/build-bench}
RECOLTE=$BUILD/bin/recolte
OUT=${OUT:-$BENCH_DIR/out/load-$ROWS}
STAMP=$(date +%Y%m%d)
if [[ -z "${RESULTS:-}" ]]; then
    RESULTS=$BENCH_DIR/results/load-$STAMP.md
    [[ "$ROWS" == 100000 ]] || RESULTS=$BENCH_DIR/results/load-$STAMP-${ROWS}rows.md
fi
PY=/usr/bin/python3
source "$BENCH_DIR/lib.sh"

[[ -x "$RECOLTE" ]] || { echo "missing $RECOLTE: build it first (see bench/README.md)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "== installing wrk (Debian package)"; apt-get install -y --no-install-recommends wrk >/dev/null; }

rm -rf "$OUT"
mkdir -p "$OUT" "$(dirname "$RESULTS")"

echo "== generating $ROWS offers (two versions: every price differs) and syncing the first"
"$PY" "$BENCH_DIR/gen_price_list.py" -n "$ROWS" -o "$OUT/a.csv"
"$PY" "$BENCH_DIR/gen_price_list.py" -n "$ROWS" --change-prices 1.0 -o "$OUT/b.csv"
cp "$OUT/a.csv" "$OUT/prices.csv"
PORT=$(free_port)
cat >"$OUT/hub.yaml" <<EOF
http: {bind: 127.0.0.1, port: $PORT}
store: {sqlite: $OUT/hub.db}
log: {level: warn}
sources:
  - {name: big, connector: csv, path: $OUT/prices.csv, every: 1d}
EOF
timed sync-a "$RECOLTE" sync --config "$OUT/hub.yaml" || fail "first sync" sync-a
cat "$OUT/sync-a.out"

SERVER=
start_server() {
    "$RECOLTE" serve --config "$OUT/hub.yaml" --port "$PORT" >"$OUT/serve-$1.out" 2>"$OUT/serve-$1.err" &
    SERVER=$!
    for _ in $(seq 300); do
        "$PY" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=5)' \
            "http://127.0.0.1:$PORT/healthz" 2>/dev/null && return 0
        kill -0 "$SERVER" 2>/dev/null || { echo "recolte serve exited:" >&2; cat "$OUT/serve-$1.err" >&2; exit 1; }
        sleep 0.1
    done
    echo "recolte serve did not answer" >&2; exit 1
}
stop_server() { [[ -n "$SERVER" ]] && { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; SERVER=; }; }
trap stop_server EXIT

# The mix: catalogue pages (first, middle, last, filtered), API pages over the whole catalogue, the
# Atom feed, the producer directory. Each wrk thread starts at its own place in the list.
PAGES=$(( (ROWS + 49) / 50 ))
{
    for k in 0 1 2 3 4 5 6 7 8 9; do
        page=$(( k * PAGES / 10 + 1 ))
        echo "/?page=$page"
        echo "/api/v1/offers?limit=50&sort=unit_price&offset=$(( (page - 1) * 50 ))"
        echo "/api/v1/offers?limit=50&offset=$(( (page - 1) * 50 ))"
    done
    echo "/?departement=09"
    echo "/?sort=unit_price&label=BIO"
    echo "/feed.atom"
    echo "/feed.atom?departement=31"
    echo "/producteurs"
    echo "/api/v1/producers?limit=50"
    echo "/api/v1/sources"
} >"$OUT/paths.txt"

# wrk_run LABEL: one run of the mix against the running server.
wrk_run() {
    echo "== wrk $1: $(wc -l <"$OUT/paths.txt") paths, ${DURATION}s, $THREADS threads, $CONNECTIONS connections"
    WRK_PATHS_FILE=$OUT/paths.txt wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout "${TIMEOUT}s" \
        --latency -s "$BENCH_DIR/wrk_paths.lua" "http://127.0.0.1:$PORT" >"$OUT/$1.wrk"
    grep -E 'Requests/sec|Non-2xx|Socket errors|RESULT' "$OUT/$1.wrk"
}

# Reference: the idle daemon (its start-up sync sees the same file: nothing to write).
start_server idle
sleep 2
wrk_run idle
stop_server

# Under sync: every price changed, so the daemon's start-up sync rewrites the 100,000 offers (and
# logs as many price changes) while wrk runs.
cp "$OUT/b.csv" "$OUT/prices.csv"
start_server sync
SYNC_START=$(date +%s.%N)
wrk_run during-sync
"$PY" - "http://127.0.0.1:$PORT" "$OUT/sync-status.json" <<'PYEOF'
import json, sys, time, urllib.request
base, out = sys.argv[1], sys.argv[2]
deadline = time.time() + 1800
while time.time() < deadline:
    src = json.load(urllib.request.urlopen(base + "/api/v1/sources", timeout=60))["items"][0]
    run = src.get("last_sync") or {}
    if run.get("changed", 0) or run.get("outcome") == "failed":
        json.dump(run, open(out, "w"))
        break
    time.sleep(1)
PYEOF
stop_server

"$PY" - "$OUT" "$RESULTS" "$ROWS" "$THREADS" "$CONNECTIONS" "$DURATION" "$TIMEOUT" <<'EOF'
import datetime, json, os, sys
out, results, rows, threads, conns, duration, timeout = sys.argv[1:]

def result(label):
    for line in open(os.path.join(out, label + ".wrk")):
        if line.startswith("RESULT "):
            return {k: int(v) for k, v in (kv.split("=") for kv in line.split()[1:])}
    raise SystemExit(f"no RESULT line in {label}.wrk")

idle, busy = result("idle"), result("during-sync")
def rps(r): return r["requests"] / (r["duration_us"] / 1e6)
def errors(r): return r["status_errors"] + r["socket_errors"] + r["timeouts"]
sync = json.load(open(os.path.join(out, "sync-status.json"))) if os.path.exists(os.path.join(out, "sync-status.json")) else {}
sync_s = float(sync.get("duration_seconds", 0))
rows_t = ["| run | completed | requests/s | × idle | p50 ms | p99 ms | max ms | non-2xx | socket errors | timeouts |",
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
for label, r in (("idle daemon (reference)", idle), ("during the sync", busy)):
    rows_t.append(f"| {label} | {r['requests']:,} | {rps(r):,.0f} | {rps(r) / rps(idle):.2f} | {r['p50_us'] / 1000:.1f} "
                  f"| {r['p99_us'] / 1000:.1f} | {r['max_us'] / 1000:.0f} | {r['status_errors']} | {r['socket_errors']} "
                  f"| {r['timeouts']} |")
verdict = "met" if errors(busy) == 0 else "NOT met"
text = "\n".join([
    f"# Load during a sync, {datetime.date.today().isoformat()}",
    "",
    f"Machine: {os.cpu_count()} CPUs shared by wrk, the daemon and its sync; load average at the end "
    f"{os.getloadavg()[0]:.1f}. Store: SQLite (WAL), {rows} offers. wrk -t{threads} -c{conns} -d{duration}s "
    f"--timeout {timeout}s --latency over a mix of catalogue pages, API pages (whole catalogue), the Atom feed "
    "and the producer directory (bench/out/load-*/paths.txt).",
    "",
    *rows_t,
    "",
    f"The sync (every one of the {rows} prices changed): outcome {sync.get('outcome', '?')}, "
    f"{sync.get('changed', '?')} changed, {sync_s:.1f} s, started with the wrk run; "
    + (f"it covered the whole {duration} s run." if sync_s >= float(duration) else
       f"it covered {sync_s:.0f} s of the {duration} s run."),
    "",
    f"Errors during the sync (non-2xx + socket errors + timeouts): {errors(busy)}; target 0: **{verdict}**.",
    "",
])
print()
print(text)
open(results, "w", encoding="utf-8").write(text)
print(f"written to {results}")
EOF
