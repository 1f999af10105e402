#!/usr/bin/env bash
# Prints a results file of bench/run.sh as a table: each run with its ratio to the server's
# own GET /health (P, same mode, mean of its runs) and to the limit server (L with as many
# threads as the server had, mean of its runs), then the hit ratio of the GETs that followed a
# PUT of their entity. The runs of bench/latency.sh follow in a table of their own
# (bench/latency-table.sh), then the warm start's (bench/warmup-table.sh), then the fleet's
# (bench/fleet.sh): its runs as rows of the same kind, P per node, then each node's "fleet"
# figures from /cache/stats, the staleness probe and what the bump adds to a write.
set -euo pipefail
file=$1

# runs_table SECTION: the runs of one section ("" for the first phases) with their ratios.
runs_table() {
jq -r --arg section "$1" '
  def mean(f): (map(f) | add) / length;
  .runs |= map(select((.section // "") == $section))
  | (.runs | map(select(.scenario == "limit-server (L)")) | group_by(.threads)
       | map({key: (.[0].threads | tostring), value: mean(.rps)}) | from_entries) as $L
  | (.runs | map(select(.scenario == "GET /health (P)")) | group_by(.mode)
       | map({key: .[0].mode, value: mean(.rps)}) | from_entries) as $P
  | (if $section == "" then
       "machine: \(.machine); wrk -t1 -c\(.connections) -d\(.duration_s)s; server threads \(.server_threads) (memory-1t: 1)",
       "L (limit server) = \($L | to_entries | map("\(.value | floor) with \(.key) threads") | join(", ")) req/s"
     else empty end),
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
}

if jq -e '.runs | any(.section == null)' "$file" >/dev/null; then
  runs_table ""
fi
if jq -e '.runs | any(.section == "latency")' "$file" >/dev/null; then
  "$(dirname "$0")/latency-table.sh" "$file"
fi
"$(dirname "$0")/warmup-table.sh" "$file"
if jq -e '.runs | any(.section == "fleet")' "$file" >/dev/null; then
  jq -r '.runs[] | select(.section == "fleet" and .scenario == "settings") | "",
    "fleet: two nodes (THREADS=1 each) on one SQLite file and one Redis, each under its own wrk -t1 -c\(.connections_per_node) at once;",
    "then one node alone (wrk -t1 -c\(.connections_alone)), in-process cache only (alone-memory) and with REDIS_URL (alone-redis); \(.duration_s) s per run"' "$file"
  runs_table fleet
  jq -r '
    def n: if . == null then "-" elif type == "number" then (. * 100 | round / 100 | tostring) else tostring end;
    def per_write_us($b; $a): if $b == null or $a == null or (($a.bumps // 0) - ($b.bumps // 0)) <= 0 then null
      else ($a.bump_mean_us * $a.bumps - $b.bump_mean_us * $b.bumps) / ($a.bumps - $b.bumps) end;
    [.runs[] | select(.section == "fleet")] as $f
    | ($f | map(select(.scenario == "fleet stats")) | .[] |
        "\(.mode) after the mix: " + (if .fleet == null then "no \"fleet\" in /cache/stats (-)" else
          (.fleet as $s | "state \($s.state | n), bound_ms \($s.bound_ms | n); delivery from the other node: \($s.delivery_ms.count | n) messages, "
           + "p50 \($s.delivery_ms.p50 | n) ms, p99 \($s.delivery_ms.p99 | n) ms, max \($s.delivery_ms.max | n) ms"
           + (if $s.delivery_ms.max != null and $s.bound_ms != null then
                (if $s.delivery_ms.max <= $s.bound_ms then " (within the bound)" else " (OVER the bound)" end) else "" end)
           + "; messages_received \($s.messages_received | n), resyncs \($s.resyncs | n); bumps \($s.bumps | n), "
           + "bump_failures \($s.bump_failures | n), bump_mean_us \($s.bump_mean_us | n)") end)),
      ($f | map(select(.cache_counts != null and .scenario != "GET /health (P)")) | .[] | .cache_counts as $c |
        ($c.hits_memory + $c.hits_redis) as $hits |
        "\(.scenario) on \(.mode): \($hits) of \(.requests) answers from the cache (\($hits / .requests * 100 | n) %; memory \($c.hits_memory), "
        + "redis \($c.hits_redis)), computed \($c.misses), coalesced \($c.coalesced), without the cache or not a cached read "
        + "\(.requests - $hits - $c.misses - $c.coalesced)"),
      ($f | map(select(.scenario == "staleness probe")) | .[] | .probe as $p |
        if $p == null then "staleness probe: no figures" else
        "staleness probe during the mix (bench/fleet-probe.c: a restaurant held by fleet-b, PUT on fleet-a, then GETs on fleet-b): "
        + "\($p.probes) probes (\($p.not_held) not held, \($p.put_failures) PUTs not answered 200); first GET after the acknowledgement "
        + "fresh in \($p.fresh_first_read); stale answers \($p.stale_answers), the latest sent \($p.latest_stale_start_ms | n) ms after the acknowledgement; "
        + "never fresh within 1 s: \($p.never_fresh_in_1s); "
        + "acknowledgement to fresh answer mean \($p.mean_ms_to_fresh | n) ms, max \($p.max_ms_to_fresh | n) ms "
        + "(one GET on fleet-b \($p.read_ms | n) ms, one PUT on fleet-a \($p.put_ms | n) ms)" end),
      "what a write costs with REDIS_URL (one node alone; alone-redis against alone-memory; with Redis the L2 takes the write-through refresh too):",
      ($f | map(select(.mode == "alone-memory" and .rps != null and .scenario != "GET /health (P)")) | .[] | . as $m
        | ($f | map(select(.mode == "alone-redis" and .scenario == $m.scenario)) | .[0]) as $r
        | if $r == null then empty else
          "  \($m.scenario): alone-memory \($m.rps | floor), alone-redis \($r.rps | floor) req/s (x \($r.rps / $m.rps | n)); p50 \($m.p50_ms) and \($r.p50_ms) ms (\($r.p50_ms - $m.p50_ms | if . >= 0 then "+" else "" end)\($r.p50_ms - $m.p50_ms | n))"
          + (if $r.fleet == null then "; bumps: -" else
              "; bumps in the run \(($r.fleet.bumps // 0) - ($r.fleet_before.bumps // 0)) (\(((($r.fleet.bumps // 0) - ($r.fleet_before.bumps // 0)) / $r.seconds) | floor)/s), "
              + "mean \(per_write_us($r.fleet_before; $r.fleet) | n) us, failures \(($r.fleet.bump_failures // 0) - ($r.fleet_before.bump_failures // 0))" end)
          end)
  ' "$file"
fi
# SQLite and PostgreSQL side by side (bench/databases.sh).
"$(dirname "$0")/databases-table.sh" "$file"
