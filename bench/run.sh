#!/usr/bin/env bash
# The benchmark: builds the release binary, generates the dataset, and loads the server over
# loopback with wrk — once with the in-process cache, once with Redis alone (L1 off) — next
# to the minimal epoll server of ../shared/tools/limit-server.c (L) and the server's own
# GET /health (P). Prints a table and writes bench/results/<time>.json.
# A last phase runs L, P and the cached reads again with one thread each (THREADS=1): on two
# cores that wrk shares, one event loop next to wrk is where latency is lowest.
# Then reads after writes (bench/lua/read_after_write.lua), in memory and with Redis alone, each
# with write-through on and off (CACHE_WRITE_THROUGH) on a fresh copy of the dataset: the PUTs of
# single restaurants, menu items and customers alone, from one client (a write's latency) and
# from all (write throughput), then each PUT followed by a GET of what it wrote (how many of those
# GETs are hits).
# Then the latency scenarios of bench/latency.sh (/health next to uncached reads, a thundering
# herd, expiries under load, nginx side by side; their settings are described there).
# BENCH_DURATION (seconds per run, default 30), BENCH_CONNECTIONS (64), BENCH_THREADS (server, 2),
# Then the warm start (bench/warmup.sh: a Zipf read mix from a node's first second, warm start
# off, on, on after a restart, and over every restaurant).
# Then two server processes on one database file (bench/shared-database.sh: durable orders on one
# process, on one of two, and on both at once).
# Then the fleet (bench/fleet.sh: two nodes on one SQLite file sharing Redis, each under its own
# wrk at once; then what the generation bump and its publish add to a write on one node).
# Then what a rate-limit check costs (bench/rate-limits.sh: limits off and on, in memory and with
# Redis, on cached reads, computed reads and writes).
# Last, SQLite and PostgreSQL side by side (bench/databases.sh: uncached reads, durable orders,
# status changes and the 90/10 mix on both engines with the same data; skipped with a line when
# PostgreSQL 15 is not installed).
# BENCH_ONLY (main: only the first phases; read-after-write: only the reads after writes;
# latency: only bench/latency.sh; warmup: only bench/warmup.sh; shared-database: only
# bench/shared-database.sh; fleet: only bench/fleet.sh; rate-limits: only bench/rate-limits.sh;
# databases: only bench/databases.sh; unset: all).
# BENCH_DATABASE=postgres runs only bench/databases.sh (as BENCH_ONLY=databases; the other
# phases run on SQLite alone) and fails when PostgreSQL 15 is missing; sqlite or unset: as above.
set -euo pipefail
only=${BENCH_ONLY:-}
case ${BENCH_DATABASE:-sqlite} in
  sqlite) ;;
  postgres)
    if [[ -n "$only" && "$only" != databases ]]; then
      echo "BENCH_DATABASE=postgres runs only the databases phase (BENCH_ONLY=databases), not BENCH_ONLY=$only" >&2
      exit 2
    fi
    if [[ ! -x /usr/lib/postgresql/15/bin/initdb ]]; then
      echo "BENCH_DATABASE=postgres needs PostgreSQL 15 (make setup installs it)" >&2
      exit 2
    fi
    only=databases
    ;;
  *)
    echo "BENCH_DATABASE must be sqlite or postgres, not ${BENCH_DATABASE}" >&2
    exit 2
    ;;
esac
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

make -s build >/dev/null
prepare

reads=("/restaurants/{id}" "/restaurants/{id}/with-menu" "/restaurants/?limit=20"
       "/menu-items/search?vegetarian=true&category=Main%20Course&limit=20" "/reviews/restaurants/{id}/analytics")

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

read_after_write() {  # read_after_write MODE [server env...]: write-through on, then off
  local mode=$1; shift
  local switch
  for switch in on off; do
    start_server "$mode-write-through-$switch" "$@" CACHE_WRITE_THROUGH=$switch
    connections=1 run "PUT entity, 1 client (write-through $switch)" "$mode" read_after_write.lua "$server_port" \
      WRITES_ONLY=1
    run "PUT entity (write-through $switch)" "$mode" read_after_write.lua "$server_port" WRITES_ONLY=1
    run "GET after its PUT (write-through $switch)" "$mode" read_after_write.lua "$server_port"
    stop_server
  done
}

measure_cached() {  # measure_cached MODE [server env...]: P and the cached reads only
  local mode=$1; shift
  start_server "$mode" "$@"
  health_and_cached_reads "$mode" "$server_port"
  run "GET /health (P)" "$mode" read.lua "$server_port" PATH_TEMPLATE=/health MAX_ID=1
  stop_server
}

[[ "$only" == databases ]] || echo "wrk -t1 -c$connections -d${duration}s, server THREADS=$server_threads, $(nproc) cores"
threads=$server_threads
if [[ -z "$only" || "$only" == main ]]; then
  measure_limit
  measure_mode memory
  measure_limit
  start_redis
  measure_mode redis REDIS_URL="redis://127.0.0.1:$redis_port/0" CACHE_MEMORY=off
  measure_limit
  threads=1
  measure_limit
  measure_cached memory-1t THREADS=1
  measure_limit
fi
if [[ -z "$only" || "$only" == read-after-write ]]; then
  threads=$server_threads
  echo "reads after writes: PUTs alone, then each PUT followed by a GET of what it wrote"
  read_after_write memory
  [[ -n "${redis_port:-}" ]] || start_redis
  read_after_write redis REDIS_URL="redis://127.0.0.1:$redis_port/0" CACHE_MEMORY=off
fi
if [[ -z "$only" || "$only" == latency ]]; then
  # shellcheck source=latency.sh
  source bench/latency.sh
  latency_scenarios
fi
if [[ -z "$only" || "$only" == warmup ]]; then
  # shellcheck source=warmup.sh
  source bench/warmup.sh
  warmup_scenarios
fi
if [[ -z "$only" || "$only" == shared-database ]]; then
  # shellcheck source=shared-database.sh
  source bench/shared-database.sh
  shared_database_scenarios
fi
if [[ -z "$only" || "$only" == fleet ]]; then
  # shellcheck source=fleet.sh
  source bench/fleet.sh
  fleet_scenarios
fi
if [[ -z "$only" || "$only" == rate-limits ]]; then
  # shellcheck source=rate-limits.sh
  source bench/rate-limits.sh
  rate_limit_scenarios
fi

if [[ -z "$only" || "$only" == databases ]]; then
  # shellcheck source=databases.sh
  source bench/databases.sh
  databases_scenarios
fi

write_results
bench/table.sh "$out"
