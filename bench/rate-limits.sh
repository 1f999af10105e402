# What a rate-limit check costs (issue 19; bench/run.sh runs it last; BENCH_ONLY=rate-limits runs
# only it, about 6 minutes with 10-second runs). One server (BENCH_THREADS loops), limits off and
# then on with rates no load here reaches (RATE_LIMIT_WRITES and RATE_LIMIT_READS 1000000/1000000:
# every request is checked, none refused), twice in turn (off, on, off, on) so that a drift of the
# shared machine falls on both; with the in-process cache alone, then with Redis (REDIS_URL, a
# fresh redis-server: the buckets are shared, one EVAL per check through the loop's pipeline).
# Each server: cached GET /restaurants/{id} (warmed: hits, which are never checked), the same
# reads with Cache-Control: no-store (computed, so checked), and PUTs (read_after_write.lua
# WRITES_ONLY=1). Every client is 127.0.0.1, so all of them share one bucket of each kind: the
# worst case for the local table's lock. Prints, per scenario, the mean requests a second of each
# setting and on/off. BENCH_RATE_DURATION: seconds per run (BENCH_DURATION, else 10).
# shellcheck shell=bash

rate_limit_scenarios() {
  local seconds=${BENCH_RATE_DURATION:-${BENCH_DURATION:-10}}
  local saved_duration=$duration
  duration=$seconds
  local on=(RATE_LIMIT_WRITES=1000000/1000000 RATE_LIMIT_READS=1000000/1000000)
  [[ -n "${redis_port:-}" ]] || start_redis
  local backend limits round
  echo "rate limits: what a check costs (wrk -t1 -c$connections -d${seconds}s, THREADS=$server_threads)"
  for backend in memory redis; do
    local backend_env=()
    [[ $backend == redis ]] && backend_env=(REDIS_URL="redis://127.0.0.1:$redis_port/0")
    for round in 1 2; do
      for limits in off on; do
        local limit_env=()
        [[ $limits == on ]] && limit_env=("${on[@]}")
        start_server "rate-$backend" "${backend_env[@]}" "${limit_env[@]}"
        warm "$server_port" "/restaurants/{id}"
        run "cached /restaurants/{id}" "$backend-$limits" read.lua "$server_port" \
          PATH_TEMPLATE="/restaurants/{id}" MAX_ID=1000
        run "no-store /restaurants/{id}" "$backend-$limits" read.lua "$server_port" \
          PATH_TEMPLATE="/restaurants/{id}" MAX_ID=1000 CACHE_CONTROL=no-store
        run "PUT restaurant/item/customer" "$backend-$limits" read_after_write.lua "$server_port" WRITES_ONLY=1
        stop_server
      done
    done
  done
  duration=$saved_duration
  printf '%s\n' "${results[@]}" | jq -rs '
    [.[] | select(.mode | test("^(memory|redis)-(on|off)$"))]
    | group_by(.scenario + " " + (.mode | split("-")[0]))[]
    | (map(select(.mode | endswith("-off")) | .rps) | add / length) as $off
    | (map(select(.mode | endswith("-on")) | .rps) | add / length) as $on
    | "  \(.[0].scenario) [\(.[0].mode | split("-")[0])]: off \($off | floor)/s, on \($on | floor)/s, on/off \(($on / $off * 1000 | round) / 1000)"'
}
