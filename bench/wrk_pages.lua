-- wrk script for bench/api_bench.sh.
--   WRK_PATH   the request path, e.g. /api/v1/offers?limit=100&sort=unit_price
--   WRK_PAGES  when > 0, "&offset=K*100" is appended with K spread over 0..WRK_PAGES-1, so that the
--              connections walk through the whole catalogue instead of hitting one cached page
-- done() prints one machine-readable RESULT line that the bench script parses.

local path = os.getenv("WRK_PATH") or "/healthz"
local pages = tonumber(os.getenv("WRK_PAGES") or "0")
local page_size = tonumber(os.getenv("WRK_PAGE_SIZE") or "100")

local threads = {}
local next_id = 0

function setup(thread)
    thread:set("tid", next_id)
    next_id = next_id + 1
    table.insert(threads, thread)
end

local counter = 0

function request()
    if pages <= 0 then
        return wrk.format("GET", path)
    end
    -- A stride coprime with most page counts visits every page in a scattered order.
    local page = (counter * 7919 + tid * 104729) % pages
    counter = counter + 1
    return wrk.format("GET", path .. "&offset=" .. (page * page_size))
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
