#!/usr/bin/env bash
# Prints a results file of bench/run.sh as a table: each run with its ratio to the server's
# own GET /health (P, same mode, mean of its runs) and to the limit server (L with as many
# threads as the server had, mean of its runs), then the hit ratio of the GETs that followed a
# PUT of their entity. The runs of bench/latency.sh follow in a table of their own
# (bench/latency-table.sh).
set -euo pipefail
file=$1
if jq -e '.runs | any(.section == null)' "$file" >/dev/null; then
jq -r '
  def mean(f): (map(f) | add) / length;
  .runs |= map(select(.section == null))
  | (.runs | map(select(.scenario == "limit-server (L)")) | group_by(.threads)
       | map({key: (.[0].threads | tostring), value: mean(.rps)}) | from_entries) as $L
  | (.runs | map(select(.scenario == "GET /health (P)")) | group_by(.mode)
       | map({key: .[0].mode, value: mean(.rps)}) | from_entries) as $P
  | "machine: \(.machine); wrk -t1 -c\(.connections) -d\(.duration_s)s; server threads \(.server_threads) (memory-1t: 1)",
    "L (limit server) = \($L | to_entries | map("\(.value | floor) with \(.key) threads") | join(", ")) req/s",
    "P (GET /health) = \($P | to_entries | map("\(.key) \(.value | floor)") | join(", ")) req/s",
    "",
    (["scenario", "mode", "threads", "req/s", "x P", "x L", "p50 ms", "p99 ms", "p99.9 ms", "errors"] | @tsv),
    (.runs[] | select(.rps != null) | [
      .scenario, .mode, .threads, (.rps | floor),
      (if $P[.mode] then (.rps / $P[.mode] * 100 | floor / 100) else "-" end),
      (if $L[.threads | tostring] then (.rps / $L[.threads | tostring] * 100 | floor / 100) else "-" end),
      .p50_ms, .p99_ms, .p999_ms, .errors] | @tsv),
    "",
    (.runs[] | select(.scenario == "memory") |
      "memory (\(.mode)): RSS \(.rss_kb / 1024 | floor) MB after warm-up; cached keys \(.cache.overview.total_keys), \(.cache.overview.memory_estimate_bytes) bytes"),
    (.runs[] | select(.scenario | startswith("GET after its PUT")) | (.cache_status | add // 0) as $gets |
      "\(.scenario) (\(.mode)): \(.cache_status.HIT // 0) of \($gets) GETs were hits (\(if $gets > 0 then (.cache_status.HIT // 0) / $gets * 10000 | floor / 100 else 0 end) %)")
' "$file" | column -t -s $'\t'
fi
if jq -e '.runs | any(.section == "latency")' "$file" >/dev/null; then
  "$(dirname "$0")/latency-table.sh" "$file"
fi
"$(dirname "$0")/warmup-table.sh" "$file"
