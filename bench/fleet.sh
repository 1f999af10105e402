#!/usr/bin/env bash
# One cache for a fleet (issue 16) in numbers (bench/run.sh runs it after the warm start;
# BENCH_ONLY=fleet runs only it, about 3.5 minutes with 10-second runs).
# Two nodes, nothing in front of them: two server processes (THREADS=1 each, one event loop per
# core) on one SQLite file, sharing one redis-server (REDIS_URL: the L2, the generations and the
# invalidation channel). Each node is loaded by its own wrk -t1 with half the connections, both
# at once:
#   GET /health (P of each node), cached GET /restaurants/{id}, then the 90/10 mix
#   (bench/lua/mix.lua, another SEED per node), during which a probe (bench/fleet-probe.c) PUTs
#   a restaurant's description on node a and, from a's acknowledgement on, reads that restaurant
#   on node b until b answers the new description (what a client of the fleet sees);
# with what each node's cache counters of /metrics moved by in each run (hits by level, misses:
# a read answered without the cache because the node's link was late is neither);
# then each node's "fleet" figures of GET /cache/stats (publish-to-apply delivery latency of the
# other node's messages against bound_ms, messages received, resyncs, bumps, their mean time and
# failures; "-" while a server has no such object).
# Then what a write costs: one node alone (THREADS=1, BENCH_CONNECTIONS), with the in-process
# cache only (no REDIS_URL), then with REDIS_URL (a fresh redis-server): P, the mix, order
# placements alone (place_order.lua) and PUTs of restaurants, menu items and customers alone
# (read_after_write.lua WRITES_ONLY=1), from all connections and then from one client (where p50
# is a write's own latency rather than its queueing). With Redis, each write also moves the
# generations in Redis and publishes them before its acknowledgement (and its write-through
# refresh goes to Redis too); /cache/stats before and after each run gives the bumps of that run
# and their mean time, the direct measure of the bump and its publish.
# Each phase starts on a fresh copy of the dataset. Results go into the run's JSON as records of
# section "fleet"; bench/table.sh prints them.
# BENCH_FLEET_DURATION (s per run; BENCH_DURATION, else 10), BENCH_FLEET_CONNECTIONS (per node
# when both are loaded; half of BENCH_CONNECTIONS), BENCH_FLEET_PROBES (at most 100 probes, within
# the mix's duration).
fleet_names=(fleet-a fleet-b)
fleet_ports=()

# fleet_stats PORT: the "fleet" object of the node's GET /cache/stats as one line of JSON, or
# null (no such object, or no answer).
fleet_stats() {
  local body fleet
  body=$(curl -s --max-time 10 "http://127.0.0.1:$1/cache/stats" || true)
  fleet=$(jq -c '.fleet // null' <<<"$body" 2>/dev/null || true)
  echo "${fleet:-null}"
}

# fleet_counts PORT: the node's cache counters of /metrics, summed over the namespaces, as JSON
# (hits_memory, hits_redis, misses, coalesced). A read a node answers without its cache (no
# no-store asked, but its link to the fleet late) is in none of them.
fleet_counts() {
  { curl -s --max-time 10 "http://127.0.0.1:$1/metrics" || true; } | awk '
    /^zomato_cache_hits_total\{.*level="memory"/ { hm += $NF }
    /^zomato_cache_hits_total\{.*level="redis"/ { hr += $NF }
    /^zomato_cache_misses_total\{/ { m += $NF }
    /^zomato_cache_coalesced_total\{/ { c += $NF }
    END { printf "{\"hits_memory\":%d,\"hits_redis\":%d,\"misses\":%d,\"coalesced\":%d}\n", hm, hr, m, c }'
}

# fleet_record LABEL MODE LINE [MEMBERS]: records one wrk run (LINE: its BENCH_JSON object;
# MEMBERS: more JSON members, no braces) and prints it.
fleet_record() {
  local label=$1 mode=$2 line=$3 members=${4:-}
  [[ -n "$line" ]] || { echo "wrk gave no figures for $label ($mode)" >&2; exit 1; }
  results+=("{\"section\":\"fleet\",\"scenario\":\"$label\",\"mode\":\"$mode\",\"threads\":1,${members:+$members,}${line#\{}")
  printf '  %-34s %-12s %s\n' "$label" "$mode" "$line"
}

# fleet_pair LABEL SCRIPT [VAR=value ...]: one wrk per node, both at once, each with
# fleet_connections; records both runs, each with what its node's cache counters moved by
# (cache_counts).
fleet_pair() {
  local label=$1 script=$2; shift 2
  local i wrk_pids=() before=() counts
  for i in 0 1; do before+=("$(fleet_counts "${fleet_ports[$i]}")"); done
  for i in 0 1; do
    wrk_json "$fleet_connections" "$fleet_duration" "$script" "${fleet_ports[$i]}" "$@" SEED=$((4242 + i)) \
      >"$work/${fleet_names[$i]}.out" &
    wrk_pids+=("$!")
  done
  wait "${wrk_pids[@]}"
  for i in 0 1; do
    counts=$(jq -nc --argjson after "$(fleet_counts "${fleet_ports[$i]}")" --argjson before "${before[$i]}" \
      '$after | with_entries(.value -= $before[.key])')
    fleet_record "$label" "${fleet_names[$i]}" "$(cat "$work/${fleet_names[$i]}.out")" "\"cache_counts\":$counts"
  done
}

# fleet_two_nodes: redis, the two nodes on one database copy, their loads and their figures.
fleet_two_nodes() {
  local i probe_pid
  start_redis
  rm -f "$work/fleet.db"*
  cp "$dataset" "$work/fleet.db"
  fleet_ports=()
  local node_pids=()
  for i in 0 1; do
    start_on "${fleet_names[$i]}" "$work/fleet.db" THREADS=1 REDIS_URL="redis://127.0.0.1:$redis_port/0"
    fleet_ports+=("$server_port")
    node_pids+=("$server_pid")
  done
  fleet_pair "GET /health (P)" read.lua PATH_TEMPLATE=/health MAX_ID=1
  local warm_pids=()
  for i in 0 1; do
    warm "${fleet_ports[$i]}" "/restaurants/{id}" &
    warm_pids+=("$!")
  done
  wait "${warm_pids[@]}"
  fleet_pair "cached /restaurants/{id}" read.lua PATH_TEMPLATE="/restaurants/{id}" MAX_ID=1000
  (sleep 1 && "$work/fleet-probe" "${fleet_ports[0]}" "${fleet_ports[1]}" "$((fleet_duration - 2))" "$fleet_probes" \
    >"$work/fleet-probe.out") &
  probe_pid=$!
  fleet_pair "90/10 read/write mix" mix.lua
  local probe=null
  wait "$probe_pid" && probe=$(cat "$work/fleet-probe.out")
  results+=("{\"section\":\"fleet\",\"scenario\":\"staleness probe\",\"mode\":\"fleet-a to fleet-b\",\"probe\":${probe:-null}}")
  printf '  %-34s %-12s %s\n' "staleness probe (PUT a, GET b)" "during mix" "$probe"
  for i in 0 1; do
    local stats
    stats=$(fleet_stats "${fleet_ports[$i]}")
    results+=("{\"section\":\"fleet\",\"scenario\":\"fleet stats\",\"mode\":\"${fleet_names[$i]}\",\"fleet\":$stats}")
    printf '  %-34s %-12s %s\n' "fleet stats after the mix" "${fleet_names[$i]}" "$stats"
  done
  for i in 0 1; do kill "${node_pids[$i]}"; done
  wait "${node_pids[@]}" 2>/dev/null || true
  kill "$redis_pid"
  wait "$redis_pid" 2>/dev/null || true
}

# fleet_alone_run LABEL MODE SCRIPT [VAR=value ...]: one wrk run on the single node, with its
# /cache/stats "fleet" object before and after.
fleet_alone_run() {
  local label=$1 mode=$2 script=$3; shift 3
  local before after line
  before=$(fleet_stats "$server_port")
  line=$(wrk_json "$connections" "$fleet_duration" "$script" "$server_port" "$@")
  after=$(fleet_stats "$server_port")
  fleet_record "$label" "$mode" "$line" "\"fleet_before\":$before,\"fleet\":$after"
}

# fleet_alone MODE [VAR=value ...]: one node alone on a fresh copy: P, the mix, orders alone, PUTs
# alone, then orders and PUTs from one client (a write's own latency, without the queueing).
fleet_alone() {
  local mode=$1; shift
  start_server "fleet-$mode" THREADS=1 "$@"
  fleet_alone_run "GET /health (P)" "$mode" read.lua PATH_TEMPLATE=/health MAX_ID=1
  fleet_alone_run "90/10 read/write mix" "$mode" mix.lua
  fleet_alone_run "POST order (durable)" "$mode" place_order.lua
  fleet_alone_run "PUT entity" "$mode" read_after_write.lua WRITES_ONLY=1
  connections=1 fleet_alone_run "POST order, 1 client" "$mode" place_order.lua
  connections=1 fleet_alone_run "PUT entity, 1 client" "$mode" read_after_write.lua WRITES_ONLY=1
  stop_server
}

fleet_scenarios() {
  fleet_duration="${BENCH_FLEET_DURATION:-${BENCH_DURATION:-10}}"
  fleet_connections="${BENCH_FLEET_CONNECTIONS:-$((connections / 2))}"
  fleet_probes="${BENCH_FLEET_PROBES:-100}"
  cc -O2 -Wall -Wextra "$root/bench/fleet-probe.c" -o "$work/fleet-probe"
  echo "fleet: two nodes (THREADS=1) on one SQLite file and one Redis, each under its own wrk -t1 -c$fleet_connections" \
    "-d${fleet_duration}s at once; then one node alone (-c$connections), without and with REDIS_URL"
  results+=("{\"section\":\"fleet\",\"scenario\":\"settings\",\"duration_s\":$fleet_duration,\"connections_per_node\":$fleet_connections,\"connections_alone\":$connections}")
  local saved_redis_port=${redis_port:-} saved_redis_pid=${redis_pid:-}
  fleet_two_nodes
  fleet_alone alone-memory
  start_redis
  fleet_alone alone-redis REDIS_URL="redis://127.0.0.1:$redis_port/0"
  kill "$redis_pid"
  wait "$redis_pid" 2>/dev/null || true
  redis_port=$saved_redis_port
  redis_pid=$saved_redis_pid
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  # shellcheck source=lib.sh
  source "$(dirname "$0")/lib.sh"
  prepare
  results=()
  fleet_scenarios
  write_results
  bench/table.sh "$out"
fi
