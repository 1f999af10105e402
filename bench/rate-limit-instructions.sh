#!/usr/bin/env bash
# What a rate-limit check costs in instructions (issue 19): the server under callgrind with one
# event loop, one write thread and one read thread, on a fresh database with one restaurant,
# answers N and then 2N requests of one kind from one keep-alive client (python3, outside
# callgrind); (instructions(2N) - instructions(N)) / N is the cost of one request, start-up and
# shutdown cancelled. Kinds: a cached GET /restaurants/1 (a hit), the same with
# Cache-Control: no-store (computed: a read check), and PUT /restaurants/1 (a write check); each
# with limits off and on (RATE_LIMIT_WRITES and RATE_LIMIT_READS 1000000/1000000, nothing
# refused), in memory (no Redis). BENCH_INSTRUCTIONS_REQUESTS: N (default 2000). Prints one line
# per kind: instructions per request off, on, and on - off. Unlike requests a second on a shared
# machine, these counts barely move between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
work=build/bench/instructions
mkdir -p "$work"
n=${BENCH_INSTRUCTIONS_REQUESTS:-2000}
on=(RATE_LIMIT_WRITES=1000000/1000000 RATE_LIMIT_READS=1000000/1000000)

# instructions KIND COUNT [VAR=value ...]: the server's instructions (every thread) for COUNT requests.
instructions() {
  local kind=$1 count=$2; shift 2
  rm -f "$work"/db.sqlite* "$work"/callgrind.out
  : >"$work/log"  # emptied before the start, so that the wait below never reads the last run's log
  env THREADS=1 WRITE_THREADS=1 READ_THREADS=1 PORT=0 LOG_LEVEL=warning CACHE_WARM_ON_START=off \
    DATABASE_URL="sqlite:///$PWD/$work/db.sqlite" "$@" \
    valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" build/release/zomato-api >"$work/log" 2>&1 &
  local pid=$! port=""
  for _ in $(seq 600); do
    port=$(sed -n 's/^listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/log")
    [[ -n "$port" ]] && break
    sleep 0.1
  done
  [[ -n "$port" ]] || { cat "$work/log" >&2; exit 1; }
  python3 - "$port" "$kind" "$count" <<'PY'
import http.client, json, sys
port, kind, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
c = http.client.HTTPConnection("127.0.0.1", port)
def ask(method, path, body=None, headers=None):
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse(); r.read()
    if r.status >= 300: sys.exit(f"{method} {path}: {r.status}")
ask("POST", "/restaurants/", json.dumps({"name": "Counted Corner", "cuisine_type": "Thai",
    "address": "1 Loopback Lane, Localhost", "phone_number": "+1-555-0123"}), {"Content-Type": "application/json"})
ask("GET", "/restaurants/1")
for i in range(count):
    if kind == "cached":
        ask("GET", "/restaurants/1")
    elif kind == "no-store":
        ask("GET", "/restaurants/1", headers={"Cache-Control": "no-store"})
    else:
        ask("PUT", "/restaurants/1", json.dumps({"description": f"Counted {i}"}), {"Content-Type": "application/json"})
PY
  kill -TERM "$pid"
  wait "$pid" || true
  sed -n 's/^summary: \([0-9]*\)/\1/p' "$work/callgrind.out"
}

per_request() {  # per_request KIND [VAR=value ...]
  local once twice
  once=$(instructions "$1" "$n" "${@:2}")
  twice=$(instructions "$1" $((2 * n)) "${@:2}")
  echo $(((twice - once) / n))
}

echo "instructions per request (callgrind, THREADS=1, $n and $((2 * n)) requests)"
for kind in cached no-store put; do
  off=$(per_request "$kind")
  with=$(per_request "$kind" "${on[@]}")
  printf '  %-9s off %8d  on %8d  on-off %+6d\n' "$kind" "$off" "$with" $((with - off))
done
