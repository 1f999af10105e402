#!/usr/bin/env bash
# Prints the runs of bench/latency.sh in a results file (bench/table.sh calls it), with the
# ratios each scenario is about, all between runs of that one file, next to their targets.
set -euo pipefail
file=$1
jq -r '
  def rpad(n): tostring | . + (" " * ([n - length, 1] | max));
  def lpad(n): tostring | (" " * ([n - length, 1] | max)) + .;
  def r2: . * 100 | round / 100;
  def mean(f): (map(f) | add) / length;
  def head: "  " + ("run" | rpad(46)) + ("conns" | lpad(6)) + ("req/s" | lpad(8)) + ("p50 ms" | lpad(9))
            + ("p99 ms" | lpad(9)) + ("p99.9 ms" | lpad(10)) + ("max ms" | lpad(9)) + ("errors" | lpad(8));
  def row: "  " + (.scenario | rpad(46)) + (.connections | lpad(6)) + (.rps | floor | lpad(8))
           + (.p50_ms | lpad(9)) + (.p99_ms | lpad(9)) + (.p999_ms | lpad(10)) + (.max_ms | lpad(9))
           + (.errors | lpad(8));
  def counts: to_entries | map("\(.key) \(.value)") | join(", ");
  def verdict(ok): if ok then "met" else "NOT met" end;
  [.runs[] | select(.section == "latency")] as $runs
  | "",
    "latency scenarios: wrk -t1, server threads \($runs[0].threads), ratios within this run",
    (($runs | map(select(.group == "health"))) as $h | select($h | length > 0)
     | ($h | map(select(.load == 0)) | mean(.p99_ms)) as $idle
     | "",
       "health under slow reads: GET /health idle, then next to no-store analytics clients (background rows)",
       head,
       ($h[] | row),
       ($h[] | select(.load > 0)
        | "  with \(.load) no-store clients: p99 / idle p99 = \(.p99_ms / $idle | r2) (target <= 2: "
          + "\(verdict(.p99_ms <= 2 * $idle))), max \(.max_ms) ms (target < 20: \(verdict(.max_ms < 20)))")),
    (($runs | map(select(.group == "herd"))) as $d | select($d | length > 0)
     | "",
       "thundering herd: concurrent GETs of one analytics key, one connection each",
       ($d[]
        | "  \(.scenario): \(.answers) of \(.requests) answered (HTTP \(.http_status | counts)); "
          + "X-Cache-Status \(.cache_status | counts)",
          "    computations (MISS) = \(.cache_status.MISS // 0), target 1 (\(verdict((.cache_status.MISS // 0) == 1)));"
          + " server counts: misses +\((.server_after.misses // 0) - (.server_before.misses // 0)),"
          + " hits +\((.server_after.hits // 0) - (.server_before.hits // 0));"
          + " slowest answer \(.max_ms) ms, one uncached computation \(.uncached_ms) ms")),
    (($runs | map(select(.group == "mix"))) as $m | select($m | length > 0)
     | ($m | map(select(.uncached_ms)) | .[0].uncached_ms) as $cost
     | ($cost | [.[]] | min) as $cheapest | ($cost | [.[]] | max) as $costliest
     | "",
       "expiry mix: analytics reads under load while their entries expire (TTL \($m | map(select(.ttl_s)) | .[0].ttl_s) s)",
       "  uncached cost (ms, median of 3, idle): " + ($cost | to_entries | map("\(.key) \(.value)") | join(", ")),
       head,
       ($m[] | select(.rps) | row,
        "  X-Cache-Status: \(.cache_status | counts)",
        "  max / cheapest uncached read = \(.max_ms / $cheapest | r2), max / costliest = \(.max_ms / $costliest | r2),"
        + " p99 / cheapest = \(.p99_ms / $cheapest | r2)"
        + " (target max / cheapest < 0.5: \(verdict(.max_ms < 0.5 * $cheapest)))")),
    (($runs | map(select(.group == "nginx"))) as $n | select($n | length > 0)
     | "",
       "nginx side by side: GET /restaurants/1 (same body), L and P; \($n[0].threads) workers/threads each",
       ($n[] | select(.skipped) | "  skipped: \(.skipped)"),
       ($n | map(select(.rps))) as $r | select($r | length > 0)
       | ($r | group_by(.target) | map({key: .[0].target, value: mean(.rps)}) | from_entries) as $t
       | head,
         ($r[] | row),
         "  ours/nginx = \($t.ours / $t.nginx | r2) (target >= 1.0: \(verdict($t.ours >= $t.nginx))),"
         + " P/L = \($t.P / $t.L | r2) (target >= 0.85: \(verdict($t.P >= 0.85 * $t.L))),"
         + " nginx/L = \($t.nginx / $t.L | r2)",
         "  ours/nginx by round: " + ($r | group_by(.round) | map((map(select(.target == "ours")) | .[0].rps)
                                                                  / (map(select(.target == "nginx")) | .[0].rps) | r2)
                                   | map(tostring) | join(", ")),
         (($r | map(select(.cpu_us_per_request)) | group_by(.target)
           | map({key: .[0].target, value: mean(.cpu_us_per_request)}) | from_entries) as $c
          | select($c.ours and $c.nginx)
          | "  server CPU per request (user + system, us): nginx \($c.nginx | r2), ours \($c.ours | r2),"
            + " L \($c.L // 0 | r2), P \($c.P // 0 | r2); ours/nginx = \($c.ours / $c.nginx | r2)"
            + " (target <= 1.0: \(verdict($c.ours <= $c.nginx)))"))
' "$file"
