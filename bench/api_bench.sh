#!/usr/bin/env bash
# API benchmark: requests/s and latency of a page of 100 offers from `recolte serve`, against
# /healthz (a tiny response through the same HTTP stack) measured in the same run.
#
#   bench/api_bench.sh                     # 100,000 offers, 20 s per wrk run
#   ROWS=20000 DURATION=5 bench/api_bench.sh
#
# Environment: ROWS (default 100000), DURATION in seconds (default 20), THREADS (2), CONNECTIONS
# (16), TIMEOUT (wrk's per-request timeout, default 10s, so that slow pages are measured rather
# than dropped), SEARCH (the q= word, default tomate), BUILD (default build-bench), OUT (default
# bench/out/api-ROWS), RESULTS (default bench/results/api-YYYYMMDD.md, -ROWSrows appended when ROWS
# is not the default). Everything listens on 127.0.0.1 only.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
ROWS=${ROWS:-100000}
DURATION=${DURATION:-20}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
TIMEOUT=${TIMEOUT:-10}
SEARCH=${SEARCH:-tomate}
BUILD=${BUILD:-$ROOT/build-bench}
RECOLTE=$BUILD/bin/recolte
OUT=${OUT:-$BENCH_DIR/out/api-$ROWS}
STAMP=$(date +%Y%m%d)
if [[ -z "${RESULTS:-}" ]]; then
    RESULTS=$BENCH_DIR/results/api-$STAMP.md
    [[ "$ROWS" == 100000 ]] || RESULTS=$BENCH_DIR/results/api-$STAMP-${ROWS}rows.md
fi
PY=/usr/bin/python3

[[ -x "$RECOLTE" ]] || { echo "missing $RECOLTE: build it first (see bench/README.md)" >&2; exit 1; }
if ! command -v wrk >/dev/null; then
    echo "== installing wrk (Debian package)"
    apt-get install -y --no-install-recommends wrk >/dev/null
fi

rm -rf "$OUT"
mkdir -p "$OUT" "$(dirname "$RESULTS")"

echo "== generating and syncing $ROWS offers"
"$PY" "$BENCH_DIR/gen_price_list.py" -n "$ROWS" -o "$OUT/prices.csv"
cat >"$OUT/sync.yaml" <<EOF
http: {bind: 127.0.0.1, port: 0}
store: {sqlite: $OUT/hub.db}
log: {level: warn}
sources:
  - {name: big, connector: csv, path: $OUT/prices.csv}
EOF
"$RECOLTE" sync --config "$OUT/sync.yaml" big | tee "$OUT/sync.out"

# The server reads the same store but declares no source, so that no start-up sync competes with
# the measurement.
PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$OUT/serve.yaml" <<EOF
http: {bind: 127.0.0.1, port: $PORT}
store: {sqlite: $OUT/hub.db}
log: {level: warn}
EOF
"$RECOLTE" serve --config "$OUT/serve.yaml" --port "$PORT" >"$OUT/serve.out" 2>"$OUT/serve.err" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
BASE=http://127.0.0.1:$PORT

# fetch PATH: the body, or nothing while the server is not up yet.
fetch() {
    "$PY" -c 'import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1], timeout=10).read().decode())' \
        "$BASE$1" 2>/dev/null
}
for _ in $(seq 100); do
    fetch /healthz >/dev/null && break
    kill -0 "$SERVER" 2>/dev/null || { echo "recolte serve exited:" >&2; cat "$OUT/serve.err" >&2; exit 1; }
    sleep 0.2
done
fetch /healthz >/dev/null || { echo "recolte serve did not answer on $BASE" >&2; exit 1; }

total() { fetch "$1" | "$PY" -c 'import json, sys; print(json.load(sys.stdin)["total"])'; }
OFFERS=$(total "/api/v1/offers?limit=1")
MATCHES=$(total "/api/v1/offers?limit=1&q=$SEARCH")
echo "   serving $OFFERS offers on $BASE; q=$SEARCH matches $MATCHES"
[[ "$OFFERS" -gt 0 ]] || { echo "no offers served" >&2; exit 1; }

# bench LABEL PATH PAGES: one wrk run (after a short warm-up), output in $OUT/LABEL.wrk.
bench() {
    echo "== wrk $1: $2 (${DURATION}s, $THREADS threads, $CONNECTIONS connections)"
    WRK_PATH=$2 WRK_PAGES=$3 wrk -t"$THREADS" -c"$CONNECTIONS" -d2s --timeout "${TIMEOUT}s" \
        -s "$BENCH_DIR/wrk_pages.lua" "$BASE" >/dev/null
    WRK_PATH=$2 WRK_PAGES=$3 wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout "${TIMEOUT}s" --latency \
        -s "$BENCH_DIR/wrk_pages.lua" "$BASE" >"$OUT/$1.wrk"
    grep -E 'Requests/sec|RESULT' "$OUT/$1.wrk"
}
PAGES=$(( (OFFERS + 99) / 100 ))
SEARCH_PAGES=$(( (MATCHES + 99) / 100 ))
(( SEARCH_PAGES > 0 )) || SEARCH_PAGES=1
bench healthz "/healthz" 0
bench offers "/api/v1/offers?limit=100&sort=unit_price" "$PAGES"
bench search "/api/v1/offers?limit=100&sort=unit_price&q=$SEARCH" "$SEARCH_PAGES"
# One request at a time at the first, middle and last page: shows how a page's cost grows with
# its offset, without the queueing of 16 connections on 2 cores. Median of 3, in ms.
probe() {
    "$PY" - "$BASE" "$1" "$2" <<'PYEOF'
import statistics, sys, time, urllib.request
base, path, pages = sys.argv[1], sys.argv[2], int(sys.argv[3])
out = []
for page in sorted({0, pages // 2, max(0, pages - 1)}):
    times = []
    for _ in range(3):
        t = time.monotonic()
        urllib.request.urlopen(f"{base}{path}&offset={page * 100}", timeout=60).read()
        times.append((time.monotonic() - t) * 1000)
    out.append(f"{page * 100}:{statistics.median(times):.1f}")
print(" ".join(out))
PYEOF
}
echo "== single requests (offset:ms)"
PROBE_OFFERS=$(probe "/api/v1/offers?limit=100&sort=unit_price" "$PAGES")
PROBE_SEARCH=$(probe "/api/v1/offers?limit=100&sort=unit_price&q=$SEARCH" "$SEARCH_PAGES")
echo "   offers: $PROBE_OFFERS"
echo "   search: $PROBE_SEARCH"
RSS_KB=$(awk '/VmHWM/ { print $2 }' "/proc/$SERVER/status")

"$PY" - "$OUT" "$RESULTS" "$ROWS" "$OFFERS" "$SEARCH" "$MATCHES" "$PAGES" "$SEARCH_PAGES" "$RSS_KB" \
    "$THREADS" "$CONNECTIONS" "$DURATION" "$TIMEOUT" "$PROBE_OFFERS" "$PROBE_SEARCH" <<'EOF'
import datetime, os, sys
(out, results, rows, offers, search, matches, pages, search_pages, rss_kb, threads, conns, duration, timeout,
 probe_offers, probe_search) = sys.argv[1:]

def result(label):
    for line in open(os.path.join(out, label + ".wrk")):
        if line.startswith("RESULT "):
            return {k: int(v) for k, v in (kv.split("=") for kv in line.split()[1:])}
    raise SystemExit(f"no RESULT line in {label}.wrk")

runs = [("healthz", "`/healthz` (reference)"),
        ("offers", f"`/api/v1/offers?limit=100&sort=unit_price`, offset over {pages} pages"),
        ("search", f"same with `q={search}` ({matches} matches), offset over {search_pages} pages")]
ref = result("healthz")
ref_rps = ref["requests"] / (ref["duration_us"] / 1e6)
table = ["| run | completed | requests/s | × /healthz | p50 ms | p99 ms | KB/response | non-2xx | socket errors | timeouts |",
         "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
for label, title in runs:
    r = result(label)
    rps = r["requests"] / (r["duration_us"] / 1e6)
    kb = r["bytes"] / max(1, r["requests"]) / 1024
    shown_rps = f"{rps:,.0f}" if rps >= 100 else f"{rps:.2f}"
    table.append(f"| {title} | {r['requests']:,} | {shown_rps} | {rps / ref_rps:.3g} | {r['p50_us'] / 1000:.2f} "
                 f"| {r['p99_us'] / 1000:.2f} "
                 f"| {kb:.1f} | {r['status_errors']} | {r['socket_errors']} | {r['timeouts']} |")

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
text = "\n".join([
    f"# API benchmark, {datetime.date.today().isoformat()}",
    "",
    f"Machine: {os.cpu_count()} CPUs ({cpu}); wrk and the server share them; load average at the end: "
    f"{os.getloadavg()[0]:.1f}. "
    f"Store: {offers} offers from `gen_price_list.py -n {rows}`, SQLite. "
    f"wrk -t{threads} -c{conns} -d{duration}s --timeout {timeout}s --latency, after a 2 s warm-up, against 127.0.0.1. "
    f"Server peak RSS (VmHWM) after all runs: {int(rss_kb) / 1024:.0f} MB.",
    "",
    *table,
    "",
    "× /healthz divides by the reference measured in the same run; compare ratios between runs, not requests/s. "
    "Latency percentiles cover completed requests only: read them with the timeouts column.",
    "",
    "One request at a time (median of 3), by offset:",
    "",
    "| request | " + " | ".join(f"offset {p.split(':')[0]}" for p in probe_offers.split()) + " |",
    "|---|" + "---:|" * len(probe_offers.split()),
    "| offers, sort=unit_price | " + " | ".join(f"{p.split(':')[1]} ms" for p in probe_offers.split()) + " |",
    "",
    "| request | " + " | ".join(f"offset {p.split(':')[0]}" for p in probe_search.split()) + " |",
    "|---|" + "---:|" * len(probe_search.split()),
    f"| q={search}, sort=unit_price | " + " | ".join(f"{p.split(':')[1]} ms" for p in probe_search.split()) + " |",
    "",
])
print()
print(text)
with open(results, "w", encoding="utf-8") as f:
    f.write(text)
print(f"written to {results}")
EOF
