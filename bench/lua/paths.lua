-- GET the paths of PATHS (separated by spaces) in turn; CACHE_CONTROL (e.g. no-store) is sent
-- when set. Counts the answers by their X-Cache-Status header ("none" without one) and adds
-- them to the JSON line as "cache_status".
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local report = require("report")

local paths = {}
for path in (os.getenv("PATHS") or "/"):gmatch("%S+") do paths[#paths + 1] = path end
local cache_control = os.getenv("CACHE_CONTROL") or ""
local headers = {}
if cache_control ~= "" then headers["Cache-Control"] = cache_control end

setup = report.keep_thread

local n = 0
statuses = {}  -- per thread, summed by done()

request = function()
  n = n % #paths + 1
  return wrk.format("GET", paths[n], headers)
end

response = function(status, response_headers)
  local s = response_headers["x-cache-status"] or response_headers["X-Cache-Status"] or "none"
  statuses[s] = (statuses[s] or 0) + 1
end

done = report.done_with_statuses
