-- Reads that follow writes of the same entities: a PUT of one restaurant (description), menu
-- item (price) or customer (address) of the dataset, picked at random, and, once it is answered
-- 200, a GET of that entity (the next request of any connection). The PUT sends the entity's
-- path as its X-Request-Id, which the server sends back, so the answer names what was written.
-- The GETs are counted by X-Cache-Status ("cache_status" in the JSON line; the PUTs, which
-- carry none, are not). WRITES_ONLY=1 sends the PUTs alone, to measure what a write costs.
-- RESTAURANTS, MENU_ITEMS, CUSTOMERS: the ids to pick from (1..n; the dataset of bench/run.sh).
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local report = require("report")

local writes_only = os.getenv("WRITES_ONLY") == "1"
local kinds = {
  { path = "/restaurants/", count = tonumber(os.getenv("RESTAURANTS") or "1000"),
    body = function(n) return string.format('{"description":"Benchmark description %d"}', n) end },
  { path = "/menu-items/", count = tonumber(os.getenv("MENU_ITEMS") or "20000"),
    body = function(n) return string.format('{"price":%d.%02d}', 5 + n % 40, n % 100) end },
  { path = "/customers/", count = tonumber(os.getenv("CUSTOMERS") or "10000"),
    body = function(n) return string.format('{"address":"%d Benchmark Road, Loopback"}', n) end },
}
math.randomseed(2024)

-- The paths whose PUT was answered and whose GET is not sent yet, oldest first.
local written, oldest, newest = {}, 1, 0
local n = 0
statuses = {}  -- of the GETs, per thread, summed by report.done_with_statuses

setup = report.keep_thread

request = function()
  if oldest <= newest then
    local path = written[oldest]
    written[oldest] = nil
    oldest = oldest + 1
    return wrk.format("GET", path)
  end
  n = n + 1
  local kind = kinds[math.random(1, #kinds)]
  local path = kind.path .. math.random(1, kind.count)
  return wrk.format("PUT", path, { ["Content-Type"] = "application/json", ["X-Request-Id"] = path }, kind.body(n))
end

response = function(status, headers)
  local cache_status = headers["x-cache-status"]
  if cache_status then
    statuses[cache_status] = (statuses[cache_status] or 0) + 1
  elseif status == 200 and not writes_only and headers["x-request-id"] then
    newest = newest + 1
    written[newest] = headers["x-request-id"]
  end
end

done = report.done_with_statuses
