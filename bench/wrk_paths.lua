-- wrk script for bench/publish_bench.sh: requests cycle through the paths listed in the file
-- WRK_PATHS_FILE (one per line), each thread starting at a different place, so that a run covers
-- first, middle and last pages and several filters instead of one cached answer.
-- done() prints the same machine-readable RESULT line as wrk_pages.lua.

local paths = {}
local file = os.getenv("WRK_PATHS_FILE")
if file then
    for line in io.lines(file) do
        if #line > 0 then table.insert(paths, line) end
    end
end
if #paths == 0 then table.insert(paths, "/healthz") end

local next_id = 0
function setup(thread)
    thread:set("tid", next_id)
    next_id = next_id + 1
end

local counter = 0
function request()
    local i = (counter + (tid or 0) * 7919) % #paths + 1
    counter = counter + 1
    return wrk.format("GET", paths[i])
end

function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format(
        "RESULT requests=%d duration_us=%d bytes=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d " ..
        "status_errors=%d socket_errors=%d timeouts=%d\n",
        summary.requests, summary.duration, summary.bytes,
        latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
        e.status, e.connect + e.read + e.write, e.timeout))
end
