#!/usr/bin/env bash
# Publishers' benchmark, with 100,000 offers stored:
#   1. the catalogue page `/`: p50/p99 time, one request at a time (no queueing: what the server
#      spends plus a loopback round trip), over first, middle and last pages and several filters;
#   2. one API page: requests/s of `recolte serve` beside nginx (Debian) serving the very same
#      bytes as a static file, in the same run, same wrk settings (nginx is the reference);
#   3. the Atom feed: time of the whole feed, of a filtered one, and of a conditional GET (304);
#   4. the exports of every offer (CSV, DFC JSON-LD): time, size, and the server's peak memory.
#
#   bench/publish_bench.sh                      # 100,000 offers, 10 s per wrk run
#   ROWS=20000 DURATION=5 bench/publish_bench.sh
#
# Environment: ROWS (default 100000), DURATION in seconds (10), THREADS (2) and CONNECTIONS (16) for
# the throughput runs, TIMEOUT (wrk's per-request timeout, 10s), BUILD (default build-bench), OUT
# (default bench/out/publish-ROWS), RESULTS (default bench/results/publish-YYYYMMDD.md, -ROWSrows
# appended when ROWS is not the default). Everything listens on 127.0.0.1 only.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
ROWS=${ROWS:-100000}
DURATION=${DURATION:-10}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
TIMEOUT=${TIMEOUT:-10}
BUILD=${BUILD:-$ROOT/build-bench}
RECOLTE=$BUILD/bin/recolte
OUT=${OUT:-$BENCH_DIR/out/publish-$ROWS}
STAMP=$(date +%Y%m%d)
if [[ -z "${RESULTS:-}" ]]; then
    RESULTS=$BENCH_DIR/results/publish-$STAMP.md
    [[ "$ROWS" == 100000 ]] || RESULTS=$BENCH_DIR/results/publish-$STAMP-${ROWS}rows.md
fi
PY=/usr/bin/python3
source "$BENCH_DIR/lib.sh"

[[ -x "$RECOLTE" ]] || { echo "missing $RECOLTE: build it first (see bench/README.md)" >&2; exit 1; }
need=()
command -v wrk >/dev/null || need+=(wrk)
[[ -x /usr/sbin/nginx ]] || need+=(nginx)
if (( ${#need[@]} )); then
    echo "== installing ${need[*]} (Debian packages)"
    # policy-rc.d may refuse to start the packaged nginx service; the script starts its own.
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" >/dev/null
fi

rm -rf "$OUT"
mkdir -p "$OUT/static" "$(dirname "$RESULTS")"
chmod 755 "$OUT" "$OUT/static"  # nginx's workers run as nobody


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
# A second sync with 1 % of the prices raised: the change log then holds price changes, as a
# running hub's does, and the feed shows them.
"$PY" "$BENCH_DIR/gen_price_list.py" -n "$ROWS" --change-prices 0.01 -o "$OUT/prices.csv"
"$RECOLTE" sync --config "$OUT/sync.yaml" big | tee -a "$OUT/sync.out"

# The server reads the same store but declares the source without syncing it again: no source at
# all would leave the catalogue's platform filter empty, so it is declared with a long period
# and its first sync (unchanged file: nothing written) is over before the measurements start.
PORT=$(free_port)
cat >"$OUT/serve.yaml" <<EOF
http: {bind: 127.0.0.1, port: $PORT}
store: {sqlite: $OUT/hub.db}
log: {level: warn}
sources:
  - {name: big, connector: csv, path: $OUT/prices.csv, every: 1d}
EOF
"$RECOLTE" serve --config "$OUT/serve.yaml" --port "$PORT" >"$OUT/serve.out" 2>"$OUT/serve.err" &
SERVER=$!
NGINX_PID=
cleanup() {
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    if [[ -n "$NGINX_PID" ]]; then kill "$NGINX_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT
BASE=http://127.0.0.1:$PORT

# fetch PATH [FILE]: the body (to FILE or stdout); fails while the server is not up.
fetch() {
    "$PY" - "$BASE$1" "${2:-}" <<'PYEOF' 2>/dev/null
import sys, urllib.request
body = urllib.request.urlopen(sys.argv[1], timeout=600).read()
if sys.argv[2]:
    open(sys.argv[2], "wb").write(body)
else:
    sys.stdout.buffer.write(body)
PYEOF
}
for _ in $(seq 300); do
    fetch /api/v1/sources | grep -q '"last_sync":{' && break
    kill -0 "$SERVER" 2>/dev/null || { echo "recolte serve exited:" >&2; cat "$OUT/serve.err" >&2; exit 1; }
    sleep 0.2
done
OFFERS=$(fetch "/api/v1/offers?limit=1" | "$PY" -c 'import json, sys; print(json.load(sys.stdin)["total"])')
echo "   serving $OFFERS offers on $BASE"
[[ "$OFFERS" -gt 0 ]] || { echo "no offers served" >&2; exit 1; }
HAS_CATALOGUE=yes
fetch "/" >/dev/null || HAS_CATALOGUE=no

# wrk_run LABEL THREADS CONNECTIONS URL_BASE PATHS_FILE [SECONDS]: one run after a 2 s warm-up.
wrk_run() {
    local label=$1 threads=$2 conns=$3 base=$4 paths=$5 seconds=${6:-$DURATION}
    echo "== wrk $label (${seconds}s, $threads threads, $conns connections)"
    WRK_PATHS_FILE=$paths wrk -t"$threads" -c"$conns" -d2s --timeout "${TIMEOUT}s" -s "$BENCH_DIR/wrk_paths.lua" \
        "$base" >/dev/null
    WRK_PATHS_FILE=$paths wrk -t"$threads" -c"$conns" -d"${seconds}s" --timeout "${TIMEOUT}s" --latency \
        -s "$BENCH_DIR/wrk_paths.lua" "$base" >"$OUT/$label.wrk"
    grep -E 'Requests/sec|RESULT' "$OUT/$label.wrk"
}

# probe PATHS_FILE: each path alone, median of 3, in ms (which page or filter costs what).
probe() {
    "$PY" - "$BASE" "$1" <<'PYEOF'
import statistics, sys, time, urllib.request
base, paths = sys.argv[1], [l.strip() for l in open(sys.argv[2]) if l.strip()]
for path in paths:
    times = []
    for _ in range(3):
        t = time.monotonic()
        urllib.request.urlopen(base + path, timeout=600).read()
        times.append((time.monotonic() - t) * 1000)
    print(f"{statistics.median(times):.1f}\t{path}")
PYEOF
}

# 1. Catalogue pages: 50 per page; first, middle and last pages, with and without filters.
PAGES=$(( (OFFERS + 49) / 50 ))
# catalogue_paths PREFIX: the same pages and filters as catalogue pages ("/?") or API pages.
catalogue_paths() {
    "$PY" - "$PAGES" "$1" <<'PYEOF'
import sys
pages, api = int(sys.argv[1]), sys.argv[2] == "api"
def page(p):  # the catalogue shows 50 offers a page
    return f"limit=50&offset={(p - 1) * 50}" if api else f"page={p}"
prefix = "/api/v1/offers?" if api else "/?"
for p in sorted({1, 2, pages // 4, pages // 2, 3 * pages // 4, pages}):
    print(f"{prefix}{page(p)}")
    print(f"{prefix}sort=unit_price&{page(p)}")
for p in (1, 2):
    for filters in ("q=tomate", "departement=09&sort=unit_price", "product_type=vegetable&label=BIO",
                    "q=fromage&departement=12"):
        print(f"{prefix}{filters}&{page(p)}")
PYEOF
}
CATALOGUE_PATHS=$OUT/catalogue.paths
if [[ $HAS_CATALOGUE == yes ]]; then
    catalogue_paths html >"$CATALOGUE_PATHS"
else
    echo "== no catalogue page at / in this build: measuring /api/v1/offers pages instead"
    catalogue_paths api >"$CATALOGUE_PATHS"
fi
# Three times the usual duration: a page costs far more than an API call, and p99 needs samples.
wrk_run catalogue 1 1 "$BASE" "$CATALOGUE_PATHS" $(( DURATION * 3 ))
echo "== catalogue pages one by one (median of 3, ms)"
probe "$CATALOGUE_PATHS" | tee "$OUT/catalogue.probe"

# 2. One API page from the hub, and the same bytes from nginx.
API_PATH="/api/v1/offers?limit=100&sort=unit_price&offset=$(( OFFERS / 2 ))"
fetch "$API_PATH" "$OUT/static/page.json"
echo "$API_PATH" >"$OUT/api.paths"
echo "/page.json" >"$OUT/static.paths"
NGINX_PORT=$(free_port)
cat >"$OUT/nginx.conf" <<EOF
worker_processes auto;
pid $OUT/nginx.pid;
error_log $OUT/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    types { application/json json; }
    default_type application/json;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $OUT/static;
    }
}
EOF
/usr/sbin/nginx -c "$OUT/nginx.conf" -p "$OUT" -g 'daemon off;' &
NGINX_PID=$!
for _ in $(seq 50); do
    cmp -s <("$PY" -c 'import sys, urllib.request; sys.stdout.buffer.write(urllib.request.urlopen(sys.argv[1]).read())' \
        "http://127.0.0.1:$NGINX_PORT/page.json" 2>/dev/null) "$OUT/static/page.json" && break
    sleep 0.1
done
cmp -s <(fetch "$API_PATH") "$OUT/static/page.json" || { echo "the hub's page changed between two reads" >&2; exit 1; }
wrk_run nginx "$THREADS" "$CONNECTIONS" "http://127.0.0.1:$NGINX_PORT" "$OUT/static.paths"
wrk_run api "$THREADS" "$CONNECTIONS" "$BASE" "$OUT/api.paths"
kill "$NGINX_PID" 2>/dev/null || true
wait "$NGINX_PID" 2>/dev/null || true
NGINX_PID=

# 3. The feed: whole, filtered (Ariège vegetables), and a conditional GET that finds it unchanged.
echo "/feed.atom" >"$OUT/feed.paths"
echo "/feed.atom?product_type=vegetable&departement=09" >"$OUT/feed-filtered.paths"
ETAG=$("$PY" -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1]).headers["ETag"])' "$BASE/feed.atom")
wrk_run feed 1 1 "$BASE" "$OUT/feed.paths"
wrk_run feed-filtered 1 1 "$BASE" "$OUT/feed-filtered.paths"
echo "== wrk feed-304 (${DURATION}s, 1 thread, 1 connection)"
WRK_PATHS_FILE=$OUT/feed.paths wrk -t1 -c1 -d"${DURATION}s" --timeout "${TIMEOUT}s" --latency -H "If-None-Match: $ETAG" \
    -s "$BENCH_DIR/wrk_paths.lua" "$BASE" >"$OUT/feed-304.wrk"
grep -q 'Non-2xx or 3xx' "$OUT/feed-304.wrk" && { echo "the conditional GET did not answer 304" >&2; exit 1; }
grep -E 'Requests/sec|RESULT' "$OUT/feed-304.wrk"
FEED_ENTRIES=$(fetch /feed.atom | grep -c '<entry>')

# 4. Exports of every offer, one request each (streamed: the peak memory says whether they are).
export_time() {
    "$PY" - "$BASE$1" <<'PYEOF'
import sys, time, urllib.request
t = time.monotonic()
size = 0
with urllib.request.urlopen(sys.argv[1], timeout=600) as r:
    while chunk := r.read(1 << 20):
        size += len(chunk)
print(f"{time.monotonic() - t:.2f} {size}")
PYEOF
}
echo "== exports"
EXPORT_CSV=$(export_time /export/offres.csv)
EXPORT_DFC=$(export_time /api/dfc/catalog)
echo "   offres.csv: $EXPORT_CSV; dfc: $EXPORT_DFC (seconds bytes)"
RSS_KB=$(awk '/VmHWM/ { print $2 }' "/proc/$SERVER/status")

"$PY" - "$OUT" "$RESULTS" "$ROWS" "$OFFERS" "$HAS_CATALOGUE" "$API_PATH" "$THREADS" "$CONNECTIONS" "$DURATION" \
    "$TIMEOUT" "$FEED_ENTRIES" "$EXPORT_CSV" "$EXPORT_DFC" "$RSS_KB" "$PAGES" <<'EOF'
import datetime, os, sys
(out, results, rows, offers, has_catalogue, api_path, threads, conns, duration, timeout, feed_entries, export_csv,
 export_dfc, rss_kb, pages) = sys.argv[1:]

def result(label):
    for line in open(os.path.join(out, label + ".wrk")):
        if line.startswith("RESULT "):
            return {k: int(v) for k, v in (kv.split("=") for kv in line.split()[1:])}
    raise SystemExit(f"no RESULT line in {label}.wrk")

def rps(r):
    return r["requests"] / (r["duration_us"] / 1e6)

def ms(us):
    return f"{us / 1000:.2f}"

def latency_row(title, r):
    return (f"| {title} | {r['requests']:,} | {ms(r['p50_us'])} | {ms(r['p99_us'])} | {ms(r['max_us'])} "
            f"| {r['bytes'] / max(1, r['requests']) / 1024:.1f} | {r['status_errors']} | {r['socket_errors'] + r['timeouts']} |")

cat, ngx, api = result("catalogue"), result("nginx"), result("api")
feed, feed_f, feed_304 = result("feed"), result("feed-filtered"), result("feed-304")
csv_s, csv_b = export_csv.split()
dfc_s, dfc_b = export_dfc.split()
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
what = ("`/` catalogue pages" if has_catalogue == "yes" else
        "**`/api/v1/offers` pages (this build has no catalogue page at `/`)**")
text = "\n".join([
    f"# Publishers' benchmark, {datetime.date.today().isoformat()}",
    "",
    f"Machine: {os.cpu_count()} CPUs ({cpu}); wrk, nginx and the hub share them, and other work ran on the "
    f"machine meanwhile: compare ratios between runs, not absolute numbers. Store: {offers} offers from "
    f"`gen_price_list.py -n {rows}`, synced, then re-synced with 1 % of the prices raised (SQLite). Each wrk run "
    f"lasts {duration} s after a 2 s warm-up, `--timeout {timeout}s`, against 127.0.0.1. "
    f"Hub peak RSS (VmHWM) after every run: {int(rss_kb) / 1024:.0f} MB.",
    "",
    "## Catalogue page: server time",
    "",
    f"{what}, one request at a time (wrk -t1 -c1: no queueing, so the latency is the server's time plus a "
    f"loopback round trip), cycling through first, middle and last pages of {pages} (by name and by unit price) "
    "and searches/filters (`q=tomate`, `departement=09&sort=unit_price`, `product_type=vegetable&label=BIO`, "
    "`q=fromage&departement=12`, pages 1 and 2).",
    "",
    "| run | requests | p50 ms | p99 ms | max ms | KB/response | non-2xx | errors |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    latency_row("catalogue pages", cat),
    "",
    "Each page alone (median of 3 requests, ms), to see which page or filter costs what:",
    "",
    "| ms | page |",
    "|---:|---|",
    *[f"| {ms} | `{path}` |" for ms, path in (l.rstrip("\n").split("\t", 1) for l in open(os.path.join(out, "catalogue.probe")))],
    "",
    "## One API page beside nginx",
    "",
    f"`{api_path}` from the hub, and the same bytes ({os.path.getsize(os.path.join(out, 'static', 'page.json')):,} B, "
    f"saved from the hub) served by nginx (Debian, `worker_processes auto`, sendfile, access log off) as a static "
    f"file, in the same run: wrk -t{threads} -c{conns}. nginx is the reference: the ratio says what share of a "
    "static server's rate the hub keeps while querying SQLite and writing JSON for each request.",
    "",
    "| server | requests/s | × nginx | p50 ms | p99 ms | non-2xx | errors |",
    "|---|---:|---:|---:|---:|---:|---:|",
    f"| nginx, static file | {rps(ngx):,.0f} | 1.000 | {ms(ngx['p50_us'])} | {ms(ngx['p99_us'])} | "
    f"{ngx['status_errors']} | {ngx['socket_errors'] + ngx['timeouts']} |",
    f"| recolte serve | {rps(api):,.0f} | {rps(api) / rps(ngx):.3f} | {ms(api['p50_us'])} | {ms(api['p99_us'])} | "
    f"{api['status_errors']} | {api['socket_errors'] + api['timeouts']} |",
    "",
    "## Atom feed",
    "",
    f"`/feed.atom` ({feed_entries} entries, newest first, each with its offer's current document), one request at "
    "a time.",
    "",
    "| request | requests | p50 ms | p99 ms | max ms | KB/response | non-2xx | errors |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    latency_row("`/feed.atom`", feed),
    latency_row("`/feed.atom?product_type=vegetable&departement=09`", feed_f),
    latency_row("`/feed.atom` with `If-None-Match` (304)", feed_304),
    "",
    "## Exports of every offer",
    "",
    "One request each, streamed (chunked), read to the end.",
    "",
    "| export | seconds | MB |",
    "|---|---:|---:|",
    f"| `/export/offres.csv` | {csv_s} | {int(csv_b) / 1e6:.1f} |",
    f"| `/api/dfc/catalog` | {dfc_s} | {int(dfc_b) / 1e6:.1f} |",
    "",
])
print()
print(text)
with open(results, "w", encoding="utf-8") as f:
    f.write(text)
print(f"written to {results}")
EOF
