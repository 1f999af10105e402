# Shared by bench/run.sh and bench/latency.sh (sourced, never run): settings, the dataset, the
# limit server, starting and stopping the server on a free loopback port, wrk runs and the
# results file. Every server and load generator binds or connects to 127.0.0.1 only.
# shellcheck shell=bash
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root" || exit 1
shared="${SHARED_DIR:-$root/../shared}"
duration="${BENCH_DURATION:-30}"
connections="${BENCH_CONNECTIONS:-64}"
server_threads="${BENCH_THREADS:-2}"
threads=$server_threads  # recorded with each run; a phase may change it
work="$root/build/bench"
mkdir -p "$work" "$root/bench/results"
export BENCH_LUA="$root/bench/lua"

# prepare: the limit server, the dataset (zomato-api seed) and the ids the order scripts use.
prepare() {
  if [[ ! -x build/release/zomato-api ]]; then
    echo "build/release/zomato-api is missing: run make build first" >&2
    exit 1
  fi
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
}

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

# wait_port PORT: up to 5 s until something answers on the loopback port.
wait_port() {
  for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

# start_server NAME [VAR=value ...]: a fresh copy of the dataset, the server on a free port
# (sets server_pid and server_port).
start_server() {
  rm -f "$work/$1.db"*
  cp "$dataset" "$work/$1.db"
  restart_server "$@"
}

# restart_server NAME [VAR=value ...]: the server on the copy NAME as the last run left it.
restart_server() {
  local name=$1; shift
  start_on "$name" "$work/$name.db" "$@"
}

# start_on NAME FILE [VAR=value ...]: the server on the SQLite database FILE, or on FILE itself
# when it is a postgresql:// URL, its output in NAME.log (sets server_pid and server_port).
start_on() {
  local name=$1 file=$2; shift 2
  local url="sqlite:///$file"
  [[ $file == postgresql://* ]] && url=$file
  : >"$work/$name.log"  # emptied before the start, so that the wait below never reads the last run's log
  env THREADS="$server_threads" "$@" DATABASE_URL="$url" PORT=0 LOG_LEVEL=warning \
    ENVIRONMENT=production build/release/zomato-api >"$work/$name.log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 300); do
    grep -q "listening on" "$work/$name.log" 2>/dev/null && break
    sleep 0.1
  done
  server_port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/$name.log" | head -1)
  if [[ -z "$server_port" ]]; then
    echo "the server ($name) did not start; $work/$name.log:" >&2
    cat "$work/$name.log" >&2
    exit 1
  fi
}

stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; }

start_redis() {  # a redis-server on a free loopback port, without persistence (sets redis_port, redis_pid)
  redis_port=$(free_port)
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >"$work/redis.log" 2>&1 &
  redis_pid=$!
  pids+=("$redis_pid")
  wait_port "$redis_port"
}

# wrk_json CONNECTIONS SECONDS SCRIPT PORT [VAR=value ...]: one wrk -t1 run over loopback; prints
# the BENCH_JSON line of bench/lua/report.lua. A request unanswered after wrk_timeout (2s) is an error.
wrk_json() {
  local conns=$1 seconds=$2 script=$3 port=$4; shift 4
  env "$@" wrk -t1 -c"$conns" -d"${seconds}s" --timeout "${wrk_timeout:-2s}" --latency -s "bench/lua/$script" \
    "http://127.0.0.1:$port" | sed -n 's/^BENCH_JSON //p'
}

results=()
# run LABEL MODE SCRIPT PORT [VAR=value ...]: one wrk run; records its BENCH_JSON line.
run() {
  local label=$1 mode=$2 script=$3 port=$4; shift 4
  local line
  line=$(wrk_json "$connections" "$duration" "$script" "$port" "$@")
  results+=("{\"scenario\":\"$label\",\"mode\":\"$mode\",\"threads\":$threads,${line#\{}")
  printf '  %-34s %-10s %s\n' "$label" "$mode" "$line"
}

warm() {  # warm PORT TEMPLATE: every id once, so the cached runs measure hits
  local port=$1 template=$2
  PATH_TEMPLATE="$template" MAX_ID=1000 wrk -t1 -c"$connections" -d3s -s bench/lua/read.lua \
    "http://127.0.0.1:$port" >/dev/null
}

# start_limit THREADS: the limit server on a free port (sets limit_pid and limit_port).
start_limit() {
  limit_port=$(free_port)
  "$work/limit-server" "$limit_port" "$1" &
  limit_pid=$!
  pids+=("$limit_pid")
  wait_port "$limit_port"
}

measure_limit() {
  start_limit "$threads"
  run "limit-server (L)" "-" read.lua "$limit_port" PATH_TEMPLATE=/ MAX_ID=1
  kill "$limit_pid"
}

# write_results: bench/results/<time>.json from the recorded runs (sets out).
write_results() {
  local stamp
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  out="${BENCH_RESULTS_DIR:-bench/results}/$stamp.json"
  mkdir -p "$(dirname "$out")"
  {
    printf '{"machine":"%s, %s cores","duration_s":%s,"connections":%s,"server_threads":%s,"runs":[\n' \
      "$(uname -srm)" "$(nproc)" "$duration" "$connections" "$server_threads"
    (IFS=$',\n'; printf '%s' "${results[*]}")
    printf '\n]}\n'
  } >"$out"
  echo "results: $out"
}
