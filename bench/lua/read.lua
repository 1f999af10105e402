-- GET with random ids: PATH_TEMPLATE holds "{id}" (e.g. /restaurants/{id}/with-menu), ids in
-- 1..MAX_ID. CACHE_CONTROL (e.g. no-store) is sent when set. The seed is fixed per run.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local report = require("report")

local template = os.getenv("PATH_TEMPLATE")
local max_id = tonumber(os.getenv("MAX_ID") or "1000")
local cache_control = os.getenv("CACHE_CONTROL") or ""
math.randomseed(12345)

local headers = {}
if cache_control ~= "" then headers["Cache-Control"] = cache_control end

request = function()
  local path = template:gsub("{id}", tostring(math.random(1, max_id)))
  return wrk.format("GET", path, headers)
end

done = report.done
