#!/usr/bin/env bash
# What a second server process on the same SQLite file costs the writer (bench/run.sh runs it
# after its phases; BENCH_ONLY=shared-database runs only it): durable order placement
# (bench/lua/place_order.lua) for BENCH_SHARED_DURATION (10) seconds per run, each run on a fresh
# copy of the dataset:
#   one         one process, loaded by one wrk -c$connections
#   one-of-two  two processes on the file, only the first loaded (what an idle neighbour costs)
#   two         two processes on the file, each loaded by its own wrk -c$connections at once
# For each: orders a second (for `two` the sum of both), p99, answers that were not 2xx (a 503
# is a write that waited DB_BUSY_TIMEOUT_MS for the other process's lock) and the ratio to `one`.
shared_duration="${BENCH_SHARED_DURATION:-10}"

# shared_pair NAME [VAR=value ...]: two servers on one fresh copy of the dataset (sets
# pair_pids and pair_ports).
shared_pair() {
  local name=$1; shift
  rm -f "$work/$name.db"*
  cp "$dataset" "$work/$name.db"
  pair_pids=() pair_ports=()
  local node
  for node in a b; do
    start_on "$name-$node" "$work/$name.db" "$@"
    pair_pids+=("$server_pid") pair_ports+=("$server_port")
  done
}

# shared_record LABEL NODE LINE: records one wrk run and prints it.
shared_record() {
  results+=("{\"section\":\"shared-database\",\"scenario\":\"$1\",\"node\":\"$2\",\"threads\":$server_threads,${3#\{}")
  printf '  %-12s %-4s %s\n' "$1" "$2" "$3"
}

rps_of() { sed -n 's/.*"rps":\([0-9.]*\).*/\1/p' <<<"$1"; }

shared_database_scenarios() {
  echo "several processes on one file: POST order (durable), ${shared_duration}s per run, wrk -c$connections per process"
  local one pair_a pair_b alone
  start_server shared-one
  one=$(wrk_json "$connections" "$shared_duration" place_order.lua "$server_port")
  stop_server
  shared_record one a "$one"

  shared_pair shared-idle
  alone=$(wrk_json "$connections" "$shared_duration" place_order.lua "${pair_ports[0]}")
  kill "${pair_pids[@]}"
  wait "${pair_pids[@]}" 2>/dev/null || true
  shared_record one-of-two a "$alone"

  shared_pair shared-two
  wrk_json "$connections" "$shared_duration" place_order.lua "${pair_ports[1]}" >"$work/shared-two-b.json" &
  local second=$!
  pair_a=$(wrk_json "$connections" "$shared_duration" place_order.lua "${pair_ports[0]}")
  wait "$second"
  pair_b=$(cat "$work/shared-two-b.json")
  kill "${pair_pids[@]}"
  wait "${pair_pids[@]}" 2>/dev/null || true
  shared_record two a "$pair_a"
  shared_record two b "$pair_b"

  awk -v one="$(rps_of "$one")" -v alone="$(rps_of "$alone")" -v a="$(rps_of "$pair_a")" -v b="$(rps_of "$pair_b")" \
    'BEGIN { printf "  orders/s: one %.0f; one-of-two %.0f (%.2f of one); two %.0f + %.0f = %.0f (%.2f of one)\n",
             one, alone, alone / one, a, b, a + b, (a + b) / one }'
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  # shellcheck source=lib.sh
  source "$(dirname "$0")/lib.sh"
  prepare
  results=()
  shared_database_scenarios
  write_results
fi
