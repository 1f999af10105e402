-- Builds order placements against the generated dataset.
local M = {}

local restaurants = tonumber(os.getenv("RESTAURANTS") or "1000")
local customers = tonumber(os.getenv("CUSTOMERS") or "10000")
local per_restaurant = tonumber(os.getenv("ITEMS_PER_RESTAURANT") or "20")
local json_headers = { ["Content-Type"] = "application/json" }

function M.place()
  local restaurant = math.random(1, restaurants)
  local lines = {}
  for i = 1, math.random(1, 3) do
    local item = (restaurant - 1) * per_restaurant + math.random(1, per_restaurant)
    lines[#lines + 1] = string.format('{"menu_item_id":%d,"quantity":%d}', item, math.random(1, 3))
  end
  local body = string.format(
    '{"restaurant_id":%d,"delivery_address":"12 Benchmark Street, Loopback","order_items":[%s]}',
    restaurant, table.concat(lines, ","))
  local customer = math.random(1, customers)
  return wrk.format("POST", "/orders/customers/" .. customer .. "/orders/", json_headers, body)
end

return M
