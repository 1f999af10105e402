-- A popularity-skewed read mix from the first second: restaurants by Zipf rank (P(rank k) is
-- proportional to 1/k^ZIPF_S over the RANKED list of BENCH_RANKS, the busiest restaurants first),
-- each read as itself (40 %), with its menu (30 %) or its menu alone (20 %), or the first page
-- of restaurants (10 %), at about RATE requests per second over CONNECTIONS connections (each
-- waits CONNECTIONS / RATE seconds between its requests). Every second, the thread appends "second hits answers" (cumulative,
-- X-Cache-Status HIT) to HIT_LOG. The seed is fixed per run.
package.path = package.path .. ";" .. os.getenv("BENCH_LUA") .. "/?.lua"
local report = require("report")

local ranked = dofile(os.getenv("BENCH_RANKS"))
local exponent = tonumber(os.getenv("ZIPF_S") or "1.0")
local log_path = os.getenv("HIT_LOG")
local pause_ms = 1000 * tonumber(os.getenv("CONNECTIONS")) / tonumber(os.getenv("RATE"))
math.randomseed(4242)

local cumulative = {}
local total = 0
for k = 1, #ranked do
  total = total + 1 / k ^ exponent
  cumulative[k] = total
end

local function rank()
  local x = math.random() * total
  local low, high = 1, #cumulative
  while low < high do
    local middle = math.floor((low + high) / 2)
    if cumulative[middle] < x then low = middle + 1 else high = middle end
  end
  return ranked[low]
end

request = function()
  local view = math.random()
  if view < 0.1 then return wrk.format("GET", "/restaurants/") end
  local base = "/restaurants/" .. rank()
  if view < 0.5 then return wrk.format("GET", base) end
  if view < 0.8 then return wrk.format("GET", base .. "/with-menu") end
  return wrk.format("GET", base .. "/menu")
end

delay = function() return pause_ms end

local started = nil
local second = 0
local hits = 0
local answers = 0

response = function(status, headers)
  local now = os.time()
  started = started or now
  if now - started > second then
    local log = io.open(log_path, "a")
    log:write(string.format("%d %d %d\n", second, hits, answers))
    log:close()
    second = now - started
  end
  answers = answers + 1
  if headers["X-Cache-Status"] == "HIT" or headers["x-cache-status"] == "HIT" then hits = hits + 1 end
end

done = report.done
