#!/usr/bin/env bash
# Runs clang-tidy 14 (.clang-tidy) over the files of src/ in BUILD_DIR's compile database and
# fails on any finding. Two files at a time (TIDY_JOBS): CI has two cores.
#   scripts/clang-tidy.sh BUILD_DIR [FILE...]
# A file that passed is remembered by a stamp in BUILD_DIR/clang-tidy, keyed by a hash of the
# file, its compile command, .clang-tidy and every header of src/ (what a check may look at
# besides system headers), so a second run in the same build folder checks only what changed.
set -euo pipefail
build=$(realpath "$1")
shift
# Files as the compile database names them (absolute), for the stamps' keys.
named=()
(($#)) && mapfile -t named < <(realpath "$@")
cd "$(dirname "$0")/.."
jobs=${TIDY_JOBS:-2}
stamps=$build/clang-tidy
mkdir -p "$stamps"

if (($#)); then
  files=("${named[@]}")
else
  mapfile -t files < <(jq -r '.[].file' "$build/compile_commands.json" | grep "^$PWD/src/" | sort -u)
fi
# The database is g++'s: clang does not know some of its warnings, and Asio needs to be told
# that clang 14 with libstdc++ 12 has coroutines.
extra=(--extra-arg=-Wno-unknown-warning-option --extra-arg=-DBOOST_ASIO_HAS_CO_AWAIT=1
  --extra-arg=-DBOOST_ASIO_HAS_STD_COROUTINE=1)
headers_hash=$(git ls-files -co --exclude-standard -- 'src/*.hpp' | sort | xargs cat .clang-tidy | sha256sum | cut -c1-16)

check() {
  local file=$1 key
  key=$( (jq -r --arg f "$file" '.[] | select(.file == $f) | .command' "$build/compile_commands.json"
    cat "$file"
    echo "$headers_hash") | sha256sum | cut -c1-32)
  [[ -f $stamps/$key ]] && return 0
  local out
  if out=$(clang-tidy-14 -p "$build" --quiet "${extra[@]}" "$file" 2>&1); then
    touch "$stamps/$key"
  else
    # clang-tidy's own summary lines ("N warnings generated") say nothing a finding does not.
    grep -v -E '^[0-9]+ warnings? (and [0-9]+ errors? )?generated\.$|^Error while processing|^Suppressed [0-9]+ warnings|^Use -header-filter' <<<"$out" || true
    return 1
  fi
}
export -f check
export build stamps headers_hash
export extra_args="${extra[*]}"

# xargs runs check in a fresh bash, which gets the array back from extra_args.
failed=0
printf '%s\n' "${files[@]}" |
  xargs -P "$jobs" -I{} bash -c 'extra=($extra_args); check "$1"' _ {} || failed=1
if ((failed)); then
  echo "clang-tidy: findings above (.clang-tidy)"
  exit 1
fi
echo "clang-tidy: ${#files[@]} files clean"
