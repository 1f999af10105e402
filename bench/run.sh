#!/usr/bin/env bash
# The benchmark: builds the release binary, generates the dataset, and loads the server over
# loopback with wrk — once with the in-process cache, once with Redis alone (L1 off) — next
# to the minimal epoll server of ../shared/tools/limit-server.c (L) and the server's own
# GET /health (P). Prints a table and writes bench/results/<time>.json.
# A last phase runs L, P and the cached reads again with one thread each (THREADS=1): on two
# cores that wrk shares, one event loop next to wrk is where latency is lowest.
# BENCH_DURATION (seconds per run, default 30), BENCH_CONNECTIONS (64), BENCH_THREADS (server, 2).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
shared="${SHARED_DIR:-$root/../shared}"
duration="${BENCH_DURATION:-30}"
connections="${BENCH_CONNECTIONS:-64}"
server_threads="${BENCH_THREADS:-2}"
work="$root/build/bench"
mkdir -p "$work" "$root/bench/results"
export BENCH_LUA="$root/bench/lua"

make -s build >/dev/null
cc -O2 -pthread "$shared/tools/limit-server.c" -o "$work/limit-server"

dataset="$work/dataset.db"
if [[ ! -f "$dataset" ]]; then
  echo "generating the dataset (1000 restaurants x 20 items, 10000 customers, 100000 orders)"
  DATABASE_URL="sqlite:///$dataset" build/release/zomato-api seed --restaurants 1000 \
    --menu-items-per-restaurant 20 --customers 10000 --orders 100000 --seed 42
fi

# Orders only use active customers, active restaurants and available items (bench/lua/orders.lua).
ids="$work/ids.lua"
if [[ ! -f "$ids" || "$ids" -ot "$dataset" ]]; then
  {
    echo "return {"
    echo "customers = {$(sqlite3 "$dataset" "SELECT group_concat(id) FROM customers WHERE is_active = 1")},"
    echo "menus = {"
    sqlite3 "$dataset" "SELECT '[' || restaurant_id || ']={' || group_concat(m.id) || '},' FROM menu_items m
      JOIN restaurants r ON r.id = m.restaurant_id WHERE r.is_active = 1 AND m.is_available = 1 GROUP BY restaurant_id"
    echo "}}"
  } >"$ids"
fi
export BENCH_IDS="$ids"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

free_port() {  # a loopback port nothing answers on
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# start_server NAME [VAR=value ...]: a fresh copy of the dataset, the server on a free port.
start_server() {
  local name=$1; shift
  rm -f "$work/$name.db"*
  cp "$dataset" "$work/$name.db"
  env THREADS="$server_threads" "$@" DATABASE_URL="sqlite:///$work/$name.db" PORT=0 LOG_LEVEL=warning \
    ENVIRONMENT=production build/release/zomato-api >"$work/$name.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 100); do
    grep -q "listening on" "$work/$name.log" 2>/dev/null && break
    sleep 0.1
  done
  server_port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/$name.log" | head -1)
}

stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; }

results=()
# run LABEL MODE SCRIPT PORT [VAR=value ...]: one wrk run; records its BENCH_JSON line.
run() {
  local label=$1 mode=$2 script=$3 port=$4; shift 4
  local line
  line=$(env "$@" wrk -t1 -c"$connections" -d"${duration}s" --latency -s "bench/lua/$script" \
    "http://127.0.0.1:$port" | sed -n 's/^BENCH_JSON //p')
  results+=("{\"scenario\":\"$label\",\"mode\":\"$mode\",\"threads\":$threads,${line#\{}")
  printf '  %-34s %-10s %s\n' "$label" "$mode" "$line"
}

warm() {  # warm PORT TEMPLATE: every id once, so the cached runs measure hits
  local port=$1 template=$2
  PATH_TEMPLATE="$template" MAX_ID=1000 wrk -t1 -c"$connections" -d3s -s bench/lua/read.lua \
    "http://127.0.0.1:$port" >/dev/null
}

reads=("/restaurants/{id}" "/restaurants/{id}/with-menu" "/restaurants/?limit=20"
       "/menu-items/search?vegetarian=true&category=Main%20Course&limit=20" "/reviews/restaurants/{id}/analytics")

measure_limit() {
  local port
  port=$(free_port)
  "$work/limit-server" "$port" "$threads" &
  local pid=$!
  pids+=("$pid")
  sleep 0.3
  run "limit-server (L)" "-" read.lua "$port" PATH_TEMPLATE=/ MAX_ID=1
  kill "$pid"
}

health_and_cached_reads() {  # health_and_cached_reads MODE PORT: P, then each read warmed and measured
  local mode=$1 port=$2
  run "GET /health (P)" "$mode" read.lua "$port" PATH_TEMPLATE=/health MAX_ID=1
  for template in "${reads[@]}"; do
    warm "$port" "$template"
    run "cached $template" "$mode" read.lua "$port" PATH_TEMPLATE="$template" MAX_ID=1000
  done
}

measure_mode() {  # measure_mode MODE [server env...]
  local mode=$1; shift
  start_server "$mode" "$@"
  local port=$server_port
  health_and_cached_reads "$mode" "$port"
  for template in "${reads[@]}"; do
    run "uncached $template" "$mode" read.lua "$port" PATH_TEMPLATE="$template" MAX_ID=1000 CACHE_CONTROL=no-store
  done
  run "POST order (durable)" "$mode" place_order.lua "$port"
  local placed
  placed=$(sqlite3 "$work/$mode.db" "SELECT COUNT(*) FROM orders WHERE id > 100000")
  run "PUT status (workflow steps)" "$mode" advance_orders.lua "$port" FIRST_ORDER=100001 ORDER_COUNT="$placed"
  run "90/10 read/write mix" "$mode" mix.lua "$port"
  run "GET /health (P)" "$mode" read.lua "$port" PATH_TEMPLATE=/health MAX_ID=1
  for template in "${reads[@]}"; do warm "$port" "$template"; done
  local rss
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")
  local stats
  stats=$(curl -s "http://127.0.0.1:$port/cache/stats/namespaces")
  results+=("{\"scenario\":\"memory\",\"mode\":\"$mode\",\"rss_kb\":$rss,\"cache\":$stats}")
  printf '  %-34s %-10s rss %s kB\n' "memory after warm-up" "$mode" "$rss"
  stop_server
}

measure_cached() {  # measure_cached MODE [server env...]: P and the cached reads only
  local mode=$1; shift
  start_server "$mode" "$@"
  health_and_cached_reads "$mode" "$server_port"
  run "GET /health (P)" "$mode" read.lua "$server_port" PATH_TEMPLATE=/health MAX_ID=1
  stop_server
}

echo "wrk -t1 -c$connections -d${duration}s, server THREADS=$server_threads, $(nproc) cores"
threads=$server_threads
measure_limit
measure_mode memory
measure_limit
redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >"$work/redis.log" 2>&1 &
pids+=("$!")
sleep 0.5
measure_mode redis REDIS_URL="redis://127.0.0.1:$redis_port/0" CACHE_MEMORY=off
measure_limit
threads=1
measure_limit
measure_cached memory-1t THREADS=1
measure_limit

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="bench/results/$stamp.json"
{
  printf '{"machine":"%s, %s cores","duration_s":%s,"connections":%s,"server_threads":%s,"runs":[\n' \
    "$(uname -srm)" "$(nproc)" "$duration" "$connections" "$server_threads"
  (IFS=$',\n'; printf '%s' "${results[*]}")
  printf '\n]}\n'
} >"$out"
echo "results: $out"
bench/table.sh "$out"
