-- PUT /orders/{id}/status over ORDER_COUNT orders from FIRST_ORDER on: each pass over all of
-- them moves every order one step (confirmed, preparing, out_for_delivery, delivered), so two
-- requests for one order are never in flight together. Past four passes the orders are
-- final and further requests are refused (counted as non-2xx).
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local report = require("report")

local first = tonumber(os.getenv("FIRST_ORDER") or "100001")
local count = math.max(1, tonumber(os.getenv("ORDER_COUNT") or "1"))
local steps = { "confirmed", "preparing", "out_for_delivery", "delivered" }
local json_headers = { ["Content-Type"] = "application/json" }
local k = 0

-- wrk calls request() once before the run and drops what it answers: that first call gets a
-- harmless GET, so the first order's first step is really sent.
request = function()
  if k == 0 then
    k = 1
    return wrk.format("GET", "/health")
  end
  local n = k - 1
  local order = first + (n % count)
  local step = steps[math.min(#steps, math.floor(n / count) + 1)]
  k = k + 1
  return wrk.format("PUT", "/orders/" .. order .. "/status", json_headers, '{"order_status":"' .. step .. '"}')
end

done = report.done
