#!/usr/bin/python3
"""The report of bench/pg_bench.sh: sync wall times and wrk figures of both engines from the files the
script left in OUT, as ratios PostgreSQL / SQLite, written to RESULTS (Markdown)."""

import datetime
import os
import re
import sys

(out, results, rows, api_runs, sqlite_mb, pg_mb, pg_version, command, threads, conns, duration) = sys.argv[1:]
rows = int(rows)


def wall(label):
    return float(open(os.path.join(out, label + ".time")).read().split()[-2])


def sync_line(label):
    return next((l.strip() for l in open(os.path.join(out, label + ".out"), encoding="utf-8") if l.startswith("big: ")), "")


def wrk(label):
    for line in open(os.path.join(out, label + ".wrk")):
        if line.startswith("RESULT "):
            r = {k: int(v) for k, v in (kv.split("=") for kv in line.split()[1:])}
            r["rps"] = r["requests"] / (r["duration_us"] / 1e6)
            r["errors"] = r["status_errors"] + r["socket_errors"] + r["timeouts"]
            return r
    raise SystemExit(f"no RESULT line in {label}.wrk")


sync_table = ["| sync | SQLite s | PostgreSQL s | PostgreSQL / SQLite | counts (PostgreSQL run) |",
              "|---|---:|---:|---:|---|"]
for step, title in (("fresh", "fresh store"), ("unchanged", "unchanged file"), ("1pct", "1 % of prices changed")):
    s, p = wall(f"sqlite_sync_{step}"), wall(f"postgresql_sync_{step}")
    counts = re.sub(r"^big: \S+ — ", "", sync_line(f"postgresql_sync_{step}"))
    sync_table.append(f"| {title} | {s:.2f} | {p:.2f} | **{p / s:.2f}** | {counts} |")

api_table = ["| request | SQLite req/s | PostgreSQL req/s | req/s PostgreSQL / SQLite | SQLite p99 ms "
             "| PostgreSQL p99 ms | p99 PostgreSQL / SQLite | errors (SQLite / PostgreSQL) |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
for run in api_runs.split():
    s, p = wrk(f"sqlite_api_{run}"), wrk(f"postgresql_api_{run}")
    path = open(os.path.join(out, f"paths-{run}.txt")).readline().strip()
    shown = "/api/v1/offers/{id} (200 ids in turn)" if run == "offer" else path
    # A request that never completed within wrk's timeout gives 0 req/s: no ratio then.
    rps_ratio = f"**{p['rps'] / s['rps']:.2f}**" if s['rps'] > 0 else "n/a (SQLite 0)"
    p99_ratio = f"**{p['p99_us'] / s['p99_us']:.2f}**" if s['p99_us'] > 0 and p['p99_us'] > 0 else "n/a"
    api_table.append(f"| `{shown}` | {s['rps']:,.2f} | {p['rps']:,.2f} | {rps_ratio} "
                     f"| {s['p99_us'] / 1000:.1f} | {p['p99_us'] / 1000:.1f} "
                     f"| {p99_ratio} | {s['errors']} / {p['errors']} |")

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
text = "\n".join([
    f"# PostgreSQL beside SQLite, {rows:,} offers, {datetime.date.today().isoformat()}",
    "",
    f"Command: `{command}`. Machine: {os.cpu_count()} CPUs ({cpu}), shared with other work (load average at "
    f"the end: {os.getloadavg()[0]:.1f}): compare the ratios, measured in the same run, rather than the seconds. "
    f"PostgreSQL {pg_version} on the same machine (the throwaway server of the tests, fsync off), reached over "
    f"127.0.0.1; SQLite in WAL mode. Input: `gen_price_list.py -n {rows}`, then the same file with "
    f"`--change-prices 0.01`. Store size after the syncs: SQLite {sqlite_mb} MB, PostgreSQL {pg_mb} MB.",
    "",
    "## Sync (`recolte sync`, wall time)",
    "",
    *sync_table,
    "",
    f"## API (`recolte serve` without sources, wrk -t{threads} -c{conns} -d{duration}s --latency after a 2 s warm-up)",
    "",
    *api_table,
    "",
])
print()
print(text)
with open(results, "w", encoding="utf-8") as f:
    f.write(text)
print(f"written to {results}")
