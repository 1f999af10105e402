#!/usr/bin/env bash
# run-fuzzer.sh <target> <seed corpus> <seconds> <findings folder>: runs one libFuzzer target
# for a bounded time from its seeds (never adding to them); fails, keeping the input, on any
# crash, sanitizer report, leak, timeout or memory blow-up.
set -euo pipefail
target=$1 seeds=$2 seconds=$3 findings=$4
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$findings"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
"$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 -max_len=16384 -print_final_stats=1 \
  -artifact_prefix="$findings/$(basename "$target")-" "$scratch" "$seeds"
