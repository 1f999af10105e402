#!/usr/bin/env bash
# Installs what the build, the tests and the docs need on Debian 12, only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake ninja-build ccache make pkg-config libboost1.74-dev nlohmann-json3-dev libsqlite3-dev libssl-dev
  libhiredis-dev libpq-dev libgtest-dev googletest clang-format clang-14 libclang-rt-14-dev clang-tidy-14 redis-server postgresql-15 sqlite3 wrk nginx prometheus jq curl ca-certificates)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ ! -f third_party/node_modules/swagger-ui-dist/swagger-ui-bundle.js ||
      ! -f third_party/node_modules/redoc/bundles/redoc.standalone.js ]]; then
  echo "setup: installing the Swagger UI and ReDoc assets"
  (cd third_party && npm ci --no-audit --no-fund --omit=peer --ignore-scripts --loglevel=error)
fi

if [[ ! -x tests/contract/node_modules/.bin/redocly || ! -x tests/contract/node_modules/.bin/spectral ||
      ! -x tests/contract/node_modules/.bin/swagger-cli || ! -f tests/contract/node_modules/ajv/package.json ]]; then
  echo "setup: installing the OpenAPI validators the contract test runs"
  (cd tests/contract && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
fi
