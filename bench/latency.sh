#!/usr/bin/env bash
# Latency and coalescing scenarios of the benchmark (bench/run.sh runs them after its phases;
# BENCH_ONLY=latency bench/run.sh, or bench/latency.sh alone, runs only these). Each run is
# bounded in time, over loopback only, with the server's THREADS=BENCH_THREADS (2); where two
# things are compared the ratio comes from this one run.
#   health  GET /health latency idle, then while 4 and then 16 other clients send uncached
#           (Cache-Control: no-store) analytics reads; p99 against idle, and the max.
#   herd    64 concurrent requests for one analytics key, cold and then expired
#           (CACHE_TTL_SECONDS=analytics=2, no stale windows): answers by X-Cache-Status.
#   mix     wrk -c16 over a few analytics reads with CACHE_TTL_SECONDS=analytics=3 (default
#           stale windows), so entries expire under load; max latency against one uncached read.
#           The default reads (popular items of 7, 30 and 90 days) each cost a few hundred ms
#           uncached: a request that waited for a recomputation would stand out.
#   nginx   nginx (2 workers) answering our exact body of GET /restaurants/1, next to our
#           cached /restaurants/1, the limit server L and our GET /health P, alternated
#           BENCH_NGINX_ROUNDS (3) times;
#           with the CPU time (user + system) each server used per request, since wrk shares
#           the two cores and caps what either can reach.
# BENCH_LATENCY_DURATION (s per run, 10), BENCH_MIX_DURATION (15), BENCH_HEALTH_CONNECTIONS (8:
# the /health client), BENCH_LATENCY_SCENARIOS ("health herd mix nginx"), BENCH_SLOW_READ and
# BENCH_HERD_PATH (/analytics/popular-items?period=30d), BENCH_HERD_REQUESTS (64),
# BENCH_MIX_PATHS, NGINX (/usr/sbin/nginx), BENCH_NGINX_ROUNDS (3). Alone it writes bench/results/<time>.json
# (BENCH_RESULTS_DIR elsewhere) and prints its table (bench/latency-table.sh).
lat_duration="${BENCH_LATENCY_DURATION:-10}"
mix_duration="${BENCH_MIX_DURATION:-15}"
health_connections="${BENCH_HEALTH_CONNECTIONS:-8}"
latency_list="${BENCH_LATENCY_SCENARIOS:-health herd mix nginx}"
slow_read="${BENCH_SLOW_READ:-/analytics/popular-items?period=30d}"
herd_path="${BENCH_HERD_PATH:-/analytics/popular-items?period=30d}"
herd_requests="${BENCH_HERD_REQUESTS:-64}"
mix_paths="${BENCH_MIX_PATHS:-/analytics/popular-items?period=7d /analytics/popular-items?period=30d /analytics/popular-items?period=90d}"
nginx_bin="${NGINX:-/usr/sbin/nginx}"
nginx_rounds="${BENCH_NGINX_ROUNDS:-3}"

# lrecord GROUP LABEL MEMBERS: one record of the latency section (MEMBERS: JSON members, no braces).
lrecord() {
  results+=("{\"section\":\"latency\",\"group\":\"$1\",\"scenario\":\"$2\",\"threads\":$server_threads,$3}")
  printf '  %-48s %s\n' "$2" "$3"
}

# cpu_ticks PID...: the clock ticks (user + system, every thread) the processes have used.
cpu_ticks() {
  local pid total=0 fields
  for pid in "$@"; do
    read -r -a fields <<<"$(sed 's/.*) //' "/proc/$pid/stat")"  # from the state on: utime 11, stime 12
    total=$((total + fields[11] + fields[12]))
  done
  echo "$total"
}

# lrun GROUP LABEL MEMBERS CONNECTIONS SECONDS SCRIPT PORT [VAR=value ...]: one wrk run, recorded.
# With cpu_pids set (the serving processes), also the CPU they used per request, in microseconds.
# shellcheck disable=SC2086  # cpu_pids is a list of pids, split on purpose
lrun() {
  local group=$1 label=$2 members=$3 conns=$4 seconds=$5; shift 5
  local line before=""
  [[ -z "${cpu_pids:-}" ]] || before=$(cpu_ticks $cpu_pids)
  line=$(wrk_json "$conns" "$seconds" "$@")
  [[ -n "$line" ]] || { echo "wrk gave no figures for $label" >&2; exit 1; }
  if [[ -n "$before" ]]; then
    local used requests
    used=$(($(cpu_ticks $cpu_pids) - before))
    requests=$(sed -n 's/.*"requests":\([0-9]*\).*/\1/p' <<<"$line")
    members+="${members:+,}\"cpu_us_per_request\":$(awk -v t="$used" -v hz="$(getconf CLK_TCK)" -v n="$requests" \
      'BEGIN { printf "%.2f", (n > 0 ? t * 1e6 / hz / n : 0) }')"
  fi
  lrecord "$group" "$label" "${members:+$members,}\"connections\":$conns,${line:1:${#line}-2}"
}

# header_of URL [curl options]: the X-Cache-Status of one GET ("none" without one).
header_of() {
  local url=$1; shift
  local status
  status=$(curl -s -o /dev/null --max-time 30 -w '%header{x-cache-status}' "$@" "$url")
  echo "${status:-none}"
}

# uncached_ms URL: the median over 3 uncached GETs (Cache-Control: no-store) of the time from
# the request sent to the first byte of the answer, in ms; fails unless each answers 200.
uncached_ms() {
  local i out times=()
  for i in 1 2 3; do
    out=$(curl -s -o /dev/null --max-time 30 -H 'Cache-Control: no-store' \
      -w '%{http_code} %{time_pretransfer} %{time_starttransfer}' "$1")
    [[ "${out%% *}" == 200 ]] || { echo "GET $1 answered ${out%% *}" >&2; exit 1; }
    times+=("$(awk '{printf "%.3f", ($3 - $2) * 1000}' <<<"$out")")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}

# server_counts PORT: the server's analytics hits and misses, from /cache/stats/namespaces.
server_counts() {
  curl -s --max-time 5 "http://127.0.0.1:$1/cache/stats/namespaces" |
    jq -c '.namespace_statistics.analytics // {} | {hits, misses}'
}

latency_health() {
  echo "health under slow reads: GET /health (wrk -c$health_connections, ${lat_duration}s) idle, then next to" \
    "4 and 16 clients of $slow_read with Cache-Control: no-store"
  start_server lat-health
  local port=$server_port load line bg
  echo "  one uncached $slow_read: $(uncached_ms "http://127.0.0.1:$port$slow_read") ms"
  lrun health "GET /health idle" '"load":0' "$health_connections" "$lat_duration" read.lua "$port" \
    PATH_TEMPLATE=/health MAX_ID=1
  for load in 4 16; do
    # The background clients start a second before and stop a second after the measured run.
    # Uncached reads queue behind each other: wrk waits up to 30 s for each.
    (wrk_timeout=30s wrk_json "$load" "$((lat_duration + 2))" read.lua "$port" PATH_TEMPLATE="$slow_read" \
      MAX_ID=1 CACHE_CONTROL=no-store) >"$work/lat-background.json" &
    bg=$!
    pids+=("$bg")
    sleep 1
    lrun health "GET /health + $load no-store clients" "\"load\":$load" "$health_connections" "$lat_duration" \
      read.lua "$port" PATH_TEMPLATE=/health MAX_ID=1
    wait "$bg"
    line=$(<"$work/lat-background.json")
    [[ -n "$line" ]] || { echo "the background wrk gave no figures" >&2; exit 1; }
    lrecord health "  the $load no-store clients" "\"background\":$load,\"connections\":$load,${line:1:${#line}-2}"
  done
  lrun health "GET /health idle (again)" '"load":0' "$health_connections" "$lat_duration" read.lua "$port" \
    PATH_TEMPLATE=/health MAX_ID=1
  stop_server
}

# herd LABEL PORT: herd_requests concurrent GETs of herd_path (one connection each), counted by
# X-Cache-Status, next to the server's own count of hits and misses.
herd() {
  local label=$1 port=$2
  local url="http://127.0.0.1:$port$herd_path" before after args=() i
  for ((i = 0; i < herd_requests; i++)); do args+=(-o /dev/null "$url"); done
  before=$(server_counts "$port")
  curl -s --no-progress-meter --parallel --parallel-immediate --parallel-max "$herd_requests" --max-time 60 \
    -w '%header{x-cache-status}|%{http_code}|%{time_total}\n' "${args[@]}" >"$work/lat-herd.txt" 2>"$work/lat-herd.err" || true
  after=$(server_counts "$port")
  local statuses codes slowest
  statuses=$(awk -F'|' '{s[$1 == "" ? "none" : $1]++} END {for (k in s) printf "%s\"%s\":%d", n++ ? "," : "", k, s[k]}' \
    "$work/lat-herd.txt")
  codes=$(awk -F'|' '{s[$2]++} END {for (k in s) printf "%s\"%s\":%d", n++ ? "," : "", k, s[k]}' "$work/lat-herd.txt")
  slowest=$(awk -F'|' 'BEGIN {m = 0} $3 > m {m = $3} END {printf "%.3f", m * 1000}' "$work/lat-herd.txt")
  lrecord herd "$label" "\"requests\":$herd_requests,\"answers\":$(wc -l <"$work/lat-herd.txt"),\"cache_status\":{$statuses},\"http_status\":{$codes},\"max_ms\":$slowest,\"uncached_ms\":$herd_cost,\"server_before\":${before:-null},\"server_after\":${after:-null}"
}

latency_herd() {
  local ttl=2
  echo "thundering herd: $herd_requests concurrent GET $herd_path, CACHE_TTL_SECONDS=analytics=$ttl, no stale windows"
  start_server lat-herd CACHE_TTL_SECONDS=analytics=$ttl CACHE_STALE_WHILE_REVALIDATE_SECONDS=analytics=0 \
    CACHE_STALE_IF_ERROR_SECONDS=analytics=0
  local port=$server_port
  herd_cost=$(uncached_ms "http://127.0.0.1:$port$herd_path")
  echo "  one uncached computation: $herd_cost ms"
  herd "thundering herd, cold key" "$port"
  echo "  next GET: $(header_of "http://127.0.0.1:$port$herd_path") (stored)"
  # The entry is stored once the cold herd's computation ended; TTL + both stale windows (0) + 1 s.
  sleep $((ttl + 1))
  herd "thundering herd, expired key" "$port"
  stop_server
}

latency_mix() {
  local ttl=3 path costs=() port
  echo "expiry mix: wrk -c16 -d${mix_duration}s over ${mix_paths// /, } with CACHE_TTL_SECONDS=analytics=$ttl"
  start_server lat-mix CACHE_TTL_SECONDS=analytics=$ttl
  port=$server_port
  for path in $mix_paths; do costs+=("\"$path\":$(uncached_ms "http://127.0.0.1:$port$path")"); done
  lrecord mix "uncached cost of each read (ms)" "\"uncached_ms\":{$(IFS=,; echo "${costs[*]}")}"
  for path in $mix_paths; do header_of "http://127.0.0.1:$port$path" >/dev/null; done  # the entries exist
  lrun mix "expiry mix, 16 clients" "\"ttl_s\":$ttl" 16 "$mix_duration" paths.lua "$port" PATHS="$mix_paths"
  stop_server
}

latency_nginx() {
  echo "nginx side by side: wrk -c64 -d${lat_duration}s, $nginx_rounds rounds of nginx, ours, L, P ($server_threads workers/threads each)"
  if [[ ! -x "$nginx_bin" ]]; then
    echo "  skipped: no $nginx_bin (Debian package nginx; nginx-light is a transitional name for it)"
    lrecord nginx "nginx side by side" '"skipped":"nginx is not installed"'
    return
  fi
  start_server lat-nginx
  local port=$server_port dir nginx_port nginx_pid
  dir=$(mktemp -d "$work/nginx.XXXXXX")
  curl -s --max-time 10 -o "$dir/body" "http://127.0.0.1:$port/restaurants/1"
  if grep -q '\$' "$dir/body"; then  # nginx would read $name in the text as a variable
    echo "  skipped: the body of /restaurants/1 holds a \$"
    lrecord nginx "nginx side by side" '"skipped":"the body holds a $"'
    stop_server
    return
  fi
  nginx_port=$(free_port)
  local temp_paths="" module
  for module in client_body proxy fastcgi uwsgi scgi; do  # in the prefix, not /var/lib/nginx
    "$nginx_bin" -V 2>&1 | grep -q -- "--without-http_${module}_module" ||
      temp_paths+="  ${module}_temp_path $dir/$module;"$'\n'
  done
  cat >"$dir/nginx.conf" <<EOF
worker_processes $server_threads;
daemon off;
master_process on;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 100000000;  # as our server: wrk's connections are not closed every 1000 requests
$temp_paths  server {
    listen 127.0.0.1:$nginx_port reuseport;  # one accept queue per worker, as our loops (SO_REUSEPORT)
    location = /restaurants/1 {
      default_type application/json;
      return 200 '$(sed -e 's/\\/\\\\/g' -e "s/'/\\\\'/g" "$dir/body")';
    }
  }
}
EOF
  "$nginx_bin" -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log" &
  nginx_pid=$!
  pids+=("$nginx_pid")
  if ! wait_port "$nginx_port"; then
    echo "  skipped: nginx did not start ($dir/error.log: $(tail -3 "$dir/error.log" 2>/dev/null))"
    lrecord nginx "nginx side by side" '"skipped":"nginx did not start"'
    kill "$nginx_pid" 2>/dev/null || true
    stop_server
    return
  fi
  curl -s --max-time 10 -o "$dir/nginx-body" "http://127.0.0.1:$nginx_port/restaurants/1"
  cmp -s "$dir/body" "$dir/nginx-body" ||
    echo "  warning: nginx's body differs from ours ($(wc -c <"$dir/nginx-body") / $(wc -c <"$dir/body") bytes)"
  header_of "http://127.0.0.1:$port/restaurants/1" >/dev/null
  echo "  our /restaurants/1 is now a $(header_of "http://127.0.0.1:$port/restaurants/1"), $(wc -c <"$dir/body") bytes"
  start_limit "$server_threads"
  local round nginx_pids
  nginx_pids="$nginx_pid $(pgrep -P "$nginx_pid" | tr '\n' ' ')"
  for round in $(seq "$nginx_rounds"); do
    cpu_pids=$nginx_pids lrun nginx "nginx /restaurants/1" "\"target\":\"nginx\",\"round\":$round" 64 \
      "$lat_duration" read.lua "$nginx_port" PATH_TEMPLATE=/restaurants/1 MAX_ID=1
    cpu_pids=$server_pid lrun nginx "ours cached /restaurants/1" "\"target\":\"ours\",\"round\":$round" 64 \
      "$lat_duration" read.lua "$port" PATH_TEMPLATE=/restaurants/1 MAX_ID=1
    cpu_pids=$limit_pid lrun nginx "limit-server (L)" "\"target\":\"L\",\"round\":$round" 64 "$lat_duration" \
      read.lua "$limit_port" PATH_TEMPLATE=/ MAX_ID=1
    cpu_pids=$server_pid lrun nginx "GET /health (P)" "\"target\":\"P\",\"round\":$round" 64 "$lat_duration" \
      read.lua "$port" PATH_TEMPLATE=/health MAX_ID=1
  done
  kill "$limit_pid" "$nginx_pid"
  wait "$nginx_pid" 2>/dev/null || true
  stop_server
  rm -rf "$dir"
}

latency_scenarios() {
  # shellcheck disable=SC2034  # recorded by run() of lib.sh
  threads=$server_threads
  local scenario
  for scenario in $latency_list; do
    case $scenario in
      health) latency_health ;;
      herd) latency_herd ;;
      mix) latency_mix ;;
      nginx) latency_nginx ;;
      *) echo "unknown scenario in BENCH_LATENCY_SCENARIOS: $scenario" >&2; exit 2 ;;
    esac
  done
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  # shellcheck source=lib.sh
  source "$(dirname "$0")/lib.sh"
  prepare
  latency_scenarios
  write_results
  bench/table.sh "$out"
fi
