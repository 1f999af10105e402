-- PUT placed -> confirmed on consecutive orders from FIRST_ORDER on, each order once.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local report = require("report")

local next_order = tonumber(os.getenv("FIRST_ORDER") or "100001")
local json_headers = { ["Content-Type"] = "application/json" }
local body = '{"order_status":"confirmed"}'

request = function()
  local path = "/orders/" .. next_order .. "/status"
  next_order = next_order + 1
  return wrk.format("PUT", path, json_headers, body)
end

done = report.done
