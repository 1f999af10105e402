#!/usr/bin/env bash
# The warm start in numbers (bench/run.sh runs it after its phases; BENCH_ONLY=warmup runs only
# it): a node starts on the dataset and a popularity-skewed read mix (bench/lua/zipf.lua: Zipf
# over the restaurants ranked by their orders of the last 30 days, ZIPF_S 1.0) reaches it from its
# first second, for BENCH_WARMUP_DURATION (60) seconds at about BENCH_WARMUP_RATE (500) requests
# per second over BENCH_WARMUP_CONNECTIONS (16): a busy node's traffic rather than wrk's most,
# at which even a cold cache fills within a second or two. Three starts:
#   off        CACHE_WARM_ON_START=off
#   popular    the default: the busiest restaurants' views, the lists and the analytics
#   restarted  popular again on the database the popular run stopped with, so that the usage
#              book it recorded at the stop decides what is warmed first
#   top-1000   popular with CACHE_WARM_TOP=1000: every restaurant's views
#   redis      popular on a fresh copy of the dataset with a new redis-server (REDIS_URL)
#   redis-restarted  the same node stopped and started again next to that Redis: the fleet's
#              shared L2 outlives the node, so it serves what it held before from its first second
# For each: the hit ratio of the answers per 10-second window and per second, and the seconds
# until one second's answers are 90 % hits.
warmup_duration="${BENCH_WARMUP_DURATION:-60}"
warmup_rate="${BENCH_WARMUP_RATE:-500}"
warmup_connections="${BENCH_WARMUP_CONNECTIONS:-16}"

# warmup_ranks: the restaurants by their orders in the last 30 days of orders, busiest first.
warmup_ranks() {
  ranks="$work/ranks.lua"
  {
    echo "return {"
    sqlite3 "$dataset" "SELECT group_concat(id) FROM (SELECT r.id FROM restaurants r LEFT JOIN orders o
      ON o.restaurant_id = r.id AND o.order_date >= (SELECT strftime('%Y-%m-%dT%H:%M:%S', MAX(order_date), '-30 days')
      FROM orders) GROUP BY r.id ORDER BY COUNT(o.id) DESC, r.id)"
    echo "}"
  } >"$ranks"
}

# warmup_run LABEL DATABASE_COPY [VAR=value ...]: one start and its load; records the windows.
warmup_run() {
  local label=$1 copy=$2; shift 2
  local log="$work/hits-$label.log"
  rm -f "$log"
  if [[ "$copy" == fresh ]]; then
    start_server "warmup" "$@"
  else
    restart_server "warmup" "$@"
  fi
  local line
  line=$(wrk_json "$warmup_connections" "$warmup_duration" zipf.lua "$server_port" BENCH_RANKS="$ranks" HIT_LOG="$log" \
    RATE="$warmup_rate" CONNECTIONS="$warmup_connections")
  stop_server
  local windows seconds to90
  windows=$(awk -v w=10 '{ s = $1; h[s] = $2; a[s] = $3; last = s }
    END { ph = 0; pa = 0; out = "";
          for (e = w; e <= last + 1; e += w) { k = (e - 1 > last) ? last : e - 1;
            out = out (out == "" ? "" : ",") sprintf("%.3f", (a[k] - pa) ? (h[k] - ph) / (a[k] - pa) : 0);
            ph = h[k]; pa = a[k] }
          print out }' "$log")
  seconds=$(awk '{ printf "%s%.3f", (NR > 1 ? "," : ""), ($3 - pa) ? ($2 - ph) / ($3 - pa) : 0; ph = $2; pa = $3 }' "$log")
  to90=$(awk '{ if (($3 - pa) > 0 && ($2 - ph) / ($3 - pa) >= 0.9) { print $1 + 1; found = 1; exit } ph = $2; pa = $3 }
    END { if (!found) print "null" }' "$log")
  results+=("{\"section\":\"warmup\",\"scenario\":\"$label\",\"threads\":$server_threads,\"hit_ratio_by_10s\":[$windows],\"hit_ratio_by_second\":[$seconds],\"seconds_to_90\":$to90,${line#\{}")
  printf '  %-12s hit ratio by 10 s: %s; first 90 %% second: %s; %s\n' "$label" "$windows" "$to90" "$line"
}

warmup_scenarios() {
  echo "warm start: Zipf read mix from the first second, ${warmup_duration}s at $warmup_rate req/s, -c$warmup_connections"
  warmup_ranks
  warmup_run off fresh CACHE_WARM_ON_START=off
  warmup_run popular fresh CACHE_WARM_ON_START=popular
  warmup_run restarted kept CACHE_WARM_ON_START=popular
  warmup_run top-1000 fresh CACHE_WARM_ON_START=popular CACHE_WARM_TOP=1000
  local redis_url
  [[ -n "${redis_port:-}" ]] || start_redis
  redis_url="redis://127.0.0.1:$redis_port/0"
  redis-cli -p "$redis_port" FLUSHALL >/dev/null
  warmup_run redis fresh CACHE_WARM_ON_START=popular REDIS_URL="$redis_url"
  warmup_run redis-restarted kept CACHE_WARM_ON_START=popular REDIS_URL="$redis_url"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  # shellcheck source=lib.sh
  source "$(dirname "$0")/lib.sh"
  prepare
  results=()
  warmup_scenarios
  write_results
  bench/warmup-table.sh "$out"
fi
