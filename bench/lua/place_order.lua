-- POST an order for a random customer at a random restaurant with 1-3 of its items. The
-- generated dataset gives restaurant r the menu items (r-1)*ITEMS_PER_RESTAURANT+1 .. r*ITEMS_PER_RESTAURANT.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local report = require("report")
local orders = require("orders")

math.randomseed(777)

request = function()
  return orders.place()
end

done = report.done
