#!/usr/bin/env bash
# PostgreSQL beside SQLite: the same syncs (fresh store, unchanged file, 1 % of prices changed) and
# the same API requests (wrk) on each engine, reported as ratios PostgreSQL / SQLite.
#
#   bench/pg_bench.sh                    # 100,000 offers
#   ROWS=1000000 bench/pg_bench.sh       # 1,000,000 offers (long: run it nice'd)
#
# Environment: ROWS (default 100000), DURATION of each wrk run in seconds (default 10), THREADS (2),
# CONNECTIONS (16), SEED (42), BUILD (default build-bench), OUT (default bench/out/pg-ROWS), RESULTS
# (default bench/results/pg-YYYYMMDD-ROWSrows.md), RECOLTE_TEST_POSTGRESQL (a libpq conninfo of a
# server to use; without it a throwaway server is started by scripts/pg-throwaway.sh). Everything
# listens on 127.0.0.1 only; the benchmark database is created and dropped here.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
ROWS=${ROWS:-100000}
DURATION=${DURATION:-10}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
SEED=${SEED:-42}
BUILD=${BUILD:-$ROOT/build-bench}
RECOLTE=$BUILD/bin/recolte
OUT=${OUT:-$BENCH_DIR/out/pg-$ROWS}
RESULTS=${RESULTS:-$BENCH_DIR/results/pg-$(date +%Y%m%d)-${ROWS}rows.md}
PY=/usr/bin/python3
COMMAND="ROWS=$ROWS DURATION=$DURATION bench/pg_bench.sh"

[[ -x "$RECOLTE" ]] || { echo "missing $RECOLTE: build it first (see bench/README.md)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "missing wrk (apt-get install wrk)" >&2; exit 1; }
command -v psql >/dev/null || { echo "missing psql (apt-get install postgresql)" >&2; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT" "$(dirname "$RESULTS")"
source "$BENCH_DIR/lib.sh"  # timed, fail, free_port

SERVER_PIDS=()
cleanup() {
    for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    [[ -n "${PG_DB:-}" ]] && psql "$RECOLTE_TEST_POSTGRESQL" -X -q -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1
    [[ -n "${PG_THROWAWAY_DIR:-}" ]] && "$ROOT/scripts/pg-throwaway.sh" stop "$PG_THROWAWAY_DIR"
    return 0
}
trap cleanup EXIT
if [[ -z "${RECOLTE_TEST_POSTGRESQL:-}" ]]; then
    echo "== starting a throwaway PostgreSQL"
    eval "$("$ROOT/scripts/pg-throwaway.sh" start)"
fi
PG_DB=recolte_bench_$$
psql "$RECOLTE_TEST_POSTGRESQL" -X -q -c "CREATE DATABASE $PG_DB" >/dev/null
PG_CONNINFO="$RECOLTE_TEST_POSTGRESQL dbname=$PG_DB"
PG_VERSION=$(psql "$PG_CONNINFO" -X -A -t -c "SHOW server_version")

echo "== generating $ROWS rows (seed $SEED) into $OUT"
"$PY" "$BENCH_DIR/gen_price_list.py" -n "$ROWS" --seed "$SEED" -o "$OUT/base.csv"
"$PY" "$BENCH_DIR/gen_price_list.py" -n "$ROWS" --seed "$SEED" --change-prices 0.01 -o "$OUT/changed.csv"

# store_yaml ENGINE: the store line of the configuration.
store_yaml() {
    if [[ $1 == sqlite ]]; then echo "{sqlite: $OUT/hub.db}"; else echo "{postgresql: \"$PG_CONNINFO\"}"; fi
}

for engine in sqlite postgresql; do
    printf 'http: {bind: 127.0.0.1, port: 0}\nstore: %s\nlog: {level: warn}\nsources:\n  - {name: big, connector: csv, path: %s}\n' \
        "$(store_yaml $engine)" "$OUT/current-$engine.csv" >"$OUT/$engine.yaml"
    for step in fresh:base unchanged:base 1pct:changed; do
        label=${engine}_sync_${step%%:*}
        cp "$OUT/${step#*:}.csv" "$OUT/current-$engine.csv"
        echo "== $label"
        timed "$label" "$RECOLTE" sync --config "$OUT/$engine.yaml" big || fail "recolte sync ($label)" "$label"
        grep -E '^big: ' "$OUT/$label.out" || fail "no result line ($label)" "$label"
    done
done
SQLITE_MB=$(du -cm "$OUT"/hub.db* | tail -1 | cut -f1)
PG_MB=$(psql "$PG_CONNINFO" -X -A -t -c "SELECT pg_database_size(current_database()) / 1048576")

# The API: each engine's store served by a daemon without sources (no start-up sync competes), the
# same paths with wrk, one engine after the other.
OFFER_IDS=$(sqlite3 "$OUT/hub.db" "SELECT id FROM offers ORDER BY id LIMIT 200")
printf '/api/v1/offers/%s\n' $OFFER_IDS >"$OUT/paths-offer.txt"
echo "/api/v1/offers?limit=100" >"$OUT/paths-first.txt"
echo "/api/v1/offers?limit=100&sort=unit_price&offset=$((ROWS / 2))" >"$OUT/paths-deep.txt"
echo "/api/v1/offers?limit=20&q=tomate&sort=unit_price" >"$OUT/paths-search.txt"
echo "/api/v1/offers?limit=20&departement=09&label=BIO" >"$OUT/paths-filter.txt"
echo "/api/v1/sources" >"$OUT/paths-sources.txt"
echo "/feed.atom" >"$OUT/paths-feed.txt"
API_RUNS="first deep search filter offer sources feed"

for engine in sqlite postgresql; do
    port=$(free_port)
    sed -e "s/port: 0/port: $port/" -e '/^sources:/,$d' "$OUT/$engine.yaml" >"$OUT/$engine-serve.yaml"
    "$RECOLTE" serve --config "$OUT/$engine-serve.yaml" --port "$port" >"$OUT/$engine-serve.out" 2>&1 &
    SERVER_PIDS+=($!)
    for _ in $(seq 100); do
        curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
        sleep 0.2
    done
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$OUT/$engine-serve.out" >&2; exit 1; }
    for run in $API_RUNS; do
        echo "== wrk $engine $run: $(head -1 "$OUT/paths-$run.txt") (${DURATION}s)"
        WRK_PATHS_FILE="$OUT/paths-$run.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d2s --timeout 10s \
            -s "$BENCH_DIR/wrk_paths.lua" "http://127.0.0.1:$port" >/dev/null
        WRK_PATHS_FILE="$OUT/paths-$run.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s \
            --latency -s "$BENCH_DIR/wrk_paths.lua" "http://127.0.0.1:$port" >"$OUT/${engine}_api_$run.wrk"
        grep -E 'Requests/sec|RESULT' "$OUT/${engine}_api_$run.wrk"
    done
    kill "${SERVER_PIDS[-1]}"; wait "${SERVER_PIDS[-1]}" 2>/dev/null || true
done

"$PY" "$BENCH_DIR/pg_report.py" "$OUT" "$RESULTS" "$ROWS" "$API_RUNS" "$SQLITE_MB" "$PG_MB" "$PG_VERSION" \
    "$COMMAND" "$THREADS" "$CONNECTIONS" "$DURATION"
