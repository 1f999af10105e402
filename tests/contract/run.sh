#!/usr/bin/env bash
# The contract test (ctest contract.openapi): starts the server on a free port with an empty
# SQLite file, validates its /openapi.json with swagger-cli, Redocly's recommended rules and
# Spectral's spectral:oas (any error fails; warnings are printed), then runs contract.mjs.
# Usage: run.sh <zomato-api binary>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
binary="$1"
bin="$here/node_modules/.bin"
for tool in swagger-cli redocly spectral; do
  [[ -x "$bin/$tool" ]] || { echo "contract: $bin/$tool is missing; run scripts/setup.sh" >&2; exit 1; }
done

work="$(mktemp -d)"
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

HOST=127.0.0.1 PORT=0 DATABASE_URL="sqlite:///$work/contract.db" LOG_LEVEL=warning CACHE_WARM_ON_START=off \
  "$binary" >"$work/server.out" 2>&1 &
server=$!
port=""
for _ in $(seq 100); do
  port="$(sed -n 's|^listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$work/server.out")"
  [[ -n "$port" ]] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.out" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$port" ]] || { echo "contract: the server did not start" >&2; cat "$work/server.out" >&2; exit 1; }
base="http://127.0.0.1:$port"

curl -sf "$base/openapi.json" -o "$work/openapi.json"
cd "$work"
echo "== swagger-cli validate"
"$bin/swagger-cli" validate openapi.json
echo "== redocly lint (recommended)"
NO_UPDATE_NOTIFIER=1 REDOCLY_TELEMETRY=off "$bin/redocly" lint --extends=recommended --format=summary openapi.json
echo "== spectral lint (spectral:oas)"
"$bin/spectral" lint --ruleset "$here/spectral.yaml" --fail-severity=error openapi.json
echo "== contract"
node "$here/contract.mjs" "$base"
