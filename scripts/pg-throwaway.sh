#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the store tests and the benchmarks (about 1 s).
#
#   eval "$(scripts/pg-throwaway.sh start)"   # exports RECOLTE_TEST_POSTGRESQL and PG_THROWAWAY_DIR
#   trap 'scripts/pg-throwaway.sh stop "$PG_THROWAWAY_DIR"' EXIT
#
# Environment: PG_PORT (default 55432; the next free port is taken when it is busy).
# As root the server runs as the postgres user (initdb refuses root); otherwise as the caller.
# Trust authentication on loopback only: the data folder is deleted at stop.
set -euo pipefail

pgbin() {
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [[ -n "$d" ]] || { echo "pg-throwaway: no PostgreSQL server (apt-get install postgresql)" >&2; exit 1; }
    echo "$d"
}

as_owner() {
    if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_busy() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
    local bin dir port
    bin=$(pgbin)
    dir=$(mktemp -d "${TMPDIR:-/tmp}/recolte-pg.XXXXXX")
    chmod 755 "$dir"
    [[ $(id -u) == 0 ]] && chown postgres: "$dir"
    port=${PG_PORT:-55432}
    while port_busy "$port"; do port=$((port + 1)); done
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null \
        || { cat "$dir/log" >&2; exit 1; }
    echo "export RECOLTE_TEST_POSTGRESQL='host=127.0.0.1 port=$port user=postgres'"
    echo "export PG_THROWAWAY_DIR='$dir'"
}

stop() {
    local dir=${1:?usage: pg-throwaway.sh stop DIR}
    [[ -d "$dir/data" ]] || return 0
    as_owner "$(pgbin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    *) echo "usage: pg-throwaway.sh start | stop DIR" >&2; exit 2 ;;
esac
