# Shared by the bench scripts (sourced): timing with peak memory, and failing with the log tail.
# Expects $OUT (work folder) and $PY (/usr/bin/python3) to be set by the script.

# timed LABEL CMD...: runs CMD with stdout/stderr in $OUT/LABEL.{out,err}; leaves
# "wall_seconds peak_rss_kb" in $OUT/LABEL.time.
if [[ -x /usr/bin/time ]]; then
    timed() {
        local label=$1; shift
        /usr/bin/time -f '%e %M' -o "$OUT/$label.time" "$@" >"$OUT/$label.out" 2>"$OUT/$label.err"
    }
else
    timed() {
        local label=$1; shift
        "$PY" - "$OUT/$label.time" "$@" >"$OUT/$label.out" 2>"$OUT/$label.err" <<'EOF'
import resource, subprocess, sys, time
start = time.monotonic()
rc = subprocess.call(sys.argv[2:])
wall = time.monotonic() - start
with open(sys.argv[1], "w") as f:
    f.write(f"{wall:.2f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\n")
sys.exit(rc)
EOF
    }
fi

fail() { echo "FAILED: $1 (see $OUT/$2.err)" >&2; tail -5 "$OUT/$2.err" >&2; exit 1; }

# free_port: a free TCP port on 127.0.0.1, for a server the script starts.
free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
