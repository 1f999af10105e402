#!/usr/bin/env bash
# Prints the warm start runs (bench/warmup.sh) of a results file: per start, the hit ratio of
# its answers in each 10-second window, the first second whose answers were 90 % hits, and its
# first ten seconds one by one.
set -euo pipefail
jq -r '
  def pct: . * 100 | floor | tostring + " %";
  (.runs | map(select(.section == "warmup"))) as $w
  | select($w | length > 0)
  | "",
    "warm start: a Zipf read mix from the first second (hit ratio of the answers)",
    ($w[] | "  \(.scenario): by 10 s \(.hit_ratio_by_10s | map(pct) | join(", ")); first second with 90 % hits: "
            + "\(if .seconds_to_90 then "second \(.seconds_to_90)" else "none" end); first 10 s "
            + "\(.hit_ratio_by_second[0:10] | map(pct) | join(" ")); \(.rps | floor) req/s")
' "$1"
