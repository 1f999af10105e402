#!/usr/bin/env bash
# Prints the runs of bench/databases.sh in a results file: each scenario on SQLite and on
# PostgreSQL side by side with the ratio of their rates, then what each engine did per request
# (write groups, and PostgreSQL's transactions, WAL syncs and bytes, buffer reads, checkpoints,
# and with BENCH_DB_STATEMENTS=1 its statements, one round trip each).
set -euo pipefail
file=$1
jq -e '.runs | any(.section == "databases" and .engine != null)' "$file" >/dev/null || exit 0

# shellcheck disable=SC2016 # jq's variables
common='
  def r2: . * 100 | round / 100;
  def r1: . * 10 | round / 10;
  [.runs[] | select(.section == "databases")] as $d
  | ($d | map(select(.scenario == "settings")) | .[0]) as $s
  | [$d[] | select(.engine != null)] as $runs
  | (reduce ($runs[] | .scenario) as $x ([]; if index([$x]) then . else . + [$x] end)) as $scenarios
  | def run(e; x): $runs | map(select(.engine == e and .scenario == x)) | .[0];'

jq -r "$common"'
  "",
  "SQLite and PostgreSQL \($s.postgres_version) side by side: the same seeded data, server THREADS=\($s.threads), wrk -t1 -c\($s.connections) -d\($s.duration_s)s per run",
  "PostgreSQL on 127.0.0.1, fsync and synchronous_commit on; beyond its defaults: \(if $s.postgres_settings == "" then "nothing" else $s.postgres_settings end)\(if $s.pg_stat_statements then " and pg_stat_statements" else "" end)",
  ""' "$file"
jq -r "$common"'
  (["scenario", "SQLite req/s", "p99 ms", "PostgreSQL req/s", "p99 ms", "PostgreSQL / SQLite"] | @tsv),
  ($scenarios[] as $x | run("sqlite"; $x) as $a | run("postgres"; $x) as $b
    | [$x, ($a.rps | floor), $a.p99_ms, ($b.rps | floor), $b.p99_ms, ($b.rps / $a.rps | r2)] | @tsv)' "$file" |
  column -t -s $'\t' -o '  ' -R 2,3,4,5,6
jq -r "$common"'
  def us(ms; n): ms * 1000 / n | round;
  def others(r): [r.others_cpu_ms / (r.seconds * 10 * $s.cores) | round, 0] | max;
  "",
  "per request: CPU of the server (on PostgreSQL also of its cluster); the machine meanwhile (others: other users);",
  "on PostgreSQL transactions and what a write waited for",
  "(a commit is one COMMIT: a group of writes on SQLite, one write on PostgreSQL; WAL syncs from pg_stat_wal; statements with BENCH_DB_STATEMENTS=1):",
  ($scenarios[] as $x | run("sqlite"; $x) as $a | run("postgres"; $x) as $b
    | "  \($x):",
      "    SQLite      server \(us($a.server_cpu_ms; $a.requests)) us CPU; machine \($a.machine_idle * 100 | round) % idle, others \(others($a)) % of its CPU"
      + "\(if $a.writes > 0 then "; \($a.writes / $a.commits | r1) writes per commit" else "" end)"
      + "\(if $a.non_2xx + $a.errors > 0 then "; \($a.non_2xx) non-2xx, \($a.errors) errors" else "" end)",
      "    PostgreSQL  server \(us($b.server_cpu_ms; $b.requests)) us + cluster \(us($b.postgres_cpu_ms; $b.requests)) us CPU; machine \($b.machine_idle * 100 | round) % idle, others \(others($b)) % of its CPU;"
      + " \($b.transactions / $b.requests | r2) transactions"
      + "\(if $b.statements then ", \(($b.statements | map(.calls) | add) / $b.requests | r1) statements" else "" end)"
      + "\(if $b.writes > 0 then "; \($b.wal_syncs / $b.writes | r2) WAL syncs per write\(if $b.wal_sync_ms > 0 then ", \($b.wal_sync_ms / $b.wal_syncs | r2) ms each (\($b.wal_sync_ms / ($b.seconds * 10) | round) % of the run)" else "" end)" else "" end)"
      + "; \($b.blks_read) buffer reads, \($b.checkpoints) checkpoints, \($b.autovacuums) autovacuums"
      + "\(if $b.non_2xx + $b.errors > 0 then "; \($b.non_2xx) non-2xx, \($b.errors) errors" else "" end)")' "$file"
