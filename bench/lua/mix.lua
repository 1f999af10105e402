-- 90 % cached reads spread over the read scenarios, 10 % order placements. SEED (4242) seeds the
-- choices, so that two clients at once (bench/fleet.sh) need not send the same requests.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local report = require("report")
local orders = require("orders")

local restaurants = tonumber(os.getenv("RESTAURANTS") or "1000")
local reads = { "/restaurants/{id}", "/restaurants/{id}/with-menu", "/reviews/restaurants/{id}/analytics",
                "/restaurants/?limit=20", "/menu-items/search?vegetarian=true&limit=20" }
math.randomseed(tonumber(os.getenv("SEED") or "4242"))

request = function()
  if math.random(1, 10) == 1 then return orders.place() end
  local path = reads[math.random(1, #reads)]:gsub("{id}", tostring(math.random(1, restaurants)))
  return wrk.format("GET", path)
end

done = report.done
