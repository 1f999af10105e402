-- Builds order placements from the dataset's active customers, active restaurants and
-- available items (BENCH_IDS, written by bench/run.sh).
local M = {}

local ids = dofile(os.getenv("BENCH_IDS"))
local restaurants = {}
for restaurant in pairs(ids.menus) do restaurants[#restaurants + 1] = restaurant end
table.sort(restaurants)
local json_headers = { ["Content-Type"] = "application/json" }

function M.place()
  local restaurant = restaurants[math.random(1, #restaurants)]
  local menu = ids.menus[restaurant]
  local lines = {}
  for i = 1, math.random(1, 3) do
    lines[#lines + 1] = string.format('{"menu_item_id":%d,"quantity":%d}', menu[math.random(1, #menu)], math.random(1, 3))
  end
  local body = string.format(
    '{"restaurant_id":%d,"delivery_address":"12 Benchmark Street, Loopback","order_items":[%s]}',
    restaurant, table.concat(lines, ","))
  local customer = ids.customers[math.random(1, #ids.customers)]
  return wrk.format("POST", "/orders/customers/" .. customer .. "/orders/", json_headers, body)
end

return M
