#!/usr/bin/env bash
# SQLite and PostgreSQL side by side on the same data (issue 17, item 6). bench/run.sh runs it
# last; BENCH_ONLY=databases, or BENCH_DATABASE=postgres, runs only it; run by itself it does the
# same (bench/databases.sh). Needs PostgreSQL 15 (make setup installs it).
#
# The data: the dataset of bench/lib.sh's prepare, a copy of its file for SQLite; for PostgreSQL
# one throwaway cluster (scripts/postgres-cluster.sh, WITHOUT --fast: fsync, full_page_writes
# and synchronous_commit on) on a free 127.0.0.1 port, in which a database `bench` is seeded by
# `zomato-api seed` with prepare's arguments (the same rows, ids included). Each engine's data is
# seeded once and its five scenarios run on it in order, as in the main phase: the status changes
# move the orders the order placements just made, and the mix runs after both.
#
# Two servers, each with THREADS=$server_threads and every other setting at its default (DB_POOL_SIZE
# 16, READ_THREADS 4, WRITE_THREADS 3), one on each engine, both up for the whole phase. Each
# scenario runs on SQLite and then on PostgreSQL, wrk -t1 -c$connections for BENCH_DB_DURATION (10)
# seconds each, so that the two figures of a row are measured a few seconds apart on a machine
# whose load drifts:
#   uncached /restaurants/{id}            read.lua, Cache-Control: no-store, ids 1..1000
#   uncached /restaurants/{id}/with-menu  the same, 20 menu items each
#   POST order (durable)                  place_order.lua
#   PUT status (workflow steps)           advance_orders.lua over the orders the run before placed
#   90/10 read/write mix                  mix.lua (reads through the cache, as in the main phase)
# Before each run the phase waits (at most 30 s) until no autovacuum worker runs in the cluster,
# so that the vacuum PostgreSQL's writes set off does not land in SQLite's next run.
#
# Around each run it records what the engines did: for both, write groups and their writes from
# /metrics (zomato_db_write_group_members: a group is one COMMIT; on PostgreSQL each write is
# its own), the CPU time of the server (and on PostgreSQL of the cluster's processes) and of
# wrk, how idle the machine was, the CPU time others used meanwhile (the machine may be shared:
# all cores' busy time less the server's, the cluster's and wrk's) and for what share of the run
# some task waited for a CPU (/proc/pressure/cpu); for PostgreSQL, from its statistics views
# (read 11 s after the run: an idle backend sends its figures within 10 s), transactions, WAL
# records, bytes, syncs and the time they took (pg_stat_wal), shared buffer hits and reads,
# checkpoints and autovacuums. BENCH_DB_STATEMENTS=1 also loads pg_stat_statements (not a
# default, so better left out of the figures of record) and records each run's statements with
# their calls and time: each statement is one round trip, but for
# "BEGIN; SELECT pg_advisory_xact_lock(...)", two statements sent as one.
#
# PostgreSQL's settings: its defaults (as initdb writes them), the cluster script's
# max_connections=300, and BENCH_PG_SETTINGS (name=value separated by spaces, set by ALTER SYSTEM
# before a restart; empty: none), by default:
#   shared_buffers=512MB      the seeded database is 159 MiB (196 MiB after the runs), more than
#                             the default 128 MiB; 512 MiB holds all of it, as the server's page
#                             cache and the OS hold SQLite's file. Measured, it changes nothing in
#                             these scenarios: the buffer reads a run counts are each page's first
#                             read since the load (COPY and VACUUM use a small ring of buffers),
#                             as many with the default.
#   track_wal_io_timing=on    only to measure: the time of each WAL sync (pg_stat_wal), what a
#                             durable write waits for (two clock reads per WAL write and sync).
# Left at their defaults, measured: max_wal_size (a run writes at most 56 MB of WAL, no
# checkpoint is forced), commit_delay (writes are serialized by the server's advisory lock, held
# until the COMMIT's flush is done, so no two commits can share a flush), wal_sync_method
# (pg_test_fsync: open_datasync and fdatasync within noise of each other here).
# fsync, full_page_writes and synchronous_commit stay on (the server sets synchronous_commit=on
# on its connections anyway), and nothing else is changed. After the seed a CHECKPOINT writes its
# pages (and the SQLite copy is synced), so that neither engine starts with the load's dirty
# pages still to write; before it a VACUUM ANALYZE, what autovacuum would otherwise do to every
# loaded table within a minute or two, in the middle of the runs (the seed's own ANALYZE runs in
# the load's transaction, so the load's rows still count as changes since the last analyze).
#
# Prints one table (bench/databases-table.sh) and records every run in the results file with
# "section":"databases" and "engine":"sqlite" or "postgres".
# shellcheck shell=bash
db_duration="${BENCH_DB_DURATION:-10}"
db_pg_settings="${BENCH_PG_SETTINGS-shared_buffers=512MB track_wal_io_timing=on}"
db_statements="${BENCH_DB_STATEMENTS:-0}"
db_cluster="$work/databases-pg"

# db_psql SQL: one query on the bench database, unaligned, no header.
db_psql() { psql -X -Atq -v ON_ERROR_STOP=1 "$db_pg_url" -c "$1"; }

# db_wait_quiet: until no autovacuum worker runs in the cluster, at most 30 s; prints the seconds waited.
db_wait_quiet() {
  local start=$SECONDS
  while (($(db_psql "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'") > 0)); do
    ((SECONDS - start < 30)) || break
    sleep 0.5
  done
  echo $((SECONDS - start))
}

# db_groups PORT: "groups writes" so far, from the server's /metrics.
db_groups() {
  curl -s "http://127.0.0.1:$1/metrics" |
    awk '/^zomato_db_write_group_members_count / {c = $2} /^zomato_db_write_group_members_sum / {s = $2}
         END {printf "%d %d\n", c, s}'
}

# db_pg_counters: the cluster's counters of the bench database, as JSON members (without braces).
db_pg_counters() {
  db_psql "SELECT json_build_object('transactions', d.xact_commit + d.xact_rollback, 'blks_hit', d.blks_hit,
      'blks_read', d.blks_read, 'wal_records', w.wal_records, 'wal_bytes', w.wal_bytes, 'wal_syncs', w.wal_sync,
      'wal_sync_ms', round(w.wal_sync_time), 'checkpoints', b.checkpoints_timed + b.checkpoints_req,
      'autovacuums', (SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0) FROM pg_stat_user_tables))
    FROM pg_stat_database d, pg_stat_wal w, pg_stat_bgwriter b WHERE d.datname = current_database()" |
    sed 's/^{//; s/}$//'
}

# db_delta BEFORE AFTER: the members of AFTER less those of BEFORE (both from db_pg_counters).
db_delta() {
  jq -cn --argjson a "{$1}" --argjson b "{$2}" '$b | with_entries(.value -= $a[.key])' | sed 's/^{//; s/}$//'
}

# db_start_postgres: the cluster with the settings above and the seeded database (sets db_pg_url).
db_start_postgres() {
  local base
  base=$(scripts/postgres-cluster.sh start "$db_cluster" --owner $$)  # removed once this shell ends, if not before
  local setting settings
  read -ra settings <<<"$db_pg_settings"
  [[ "$db_statements" == 1 ]] && settings+=("shared_preload_libraries=pg_stat_statements")
  for setting in "${settings[@]}"; do
    psql -X -Atq -v ON_ERROR_STOP=1 "$base" -c "ALTER SYSTEM SET ${setting%%=*} = '${setting#*=}'"
  done
  scripts/postgres-cluster.sh restart "$db_cluster"
  psql -X -Atq -v ON_ERROR_STOP=1 "$base" -c "CREATE DATABASE bench"
  db_pg_url="${base%/*}/bench"
  local started=$SECONDS
  DATABASE_URL="$db_pg_url" build/release/zomato-api seed --restaurants 1000 --menu-items-per-restaurant 20 \
    --customers 10000 --orders 100000 --seed 42 >/dev/null
  db_seed_s=$((SECONDS - started))
  db_psql "VACUUM ANALYZE"  # what autovacuum would do to the loaded tables within a minute or two, during the runs
  db_psql "CHECKPOINT"
  [[ "$db_statements" == 1 ]] && db_psql "CREATE EXTENSION pg_stat_statements"
  db_postmaster=$(head -1 "$(readlink "$db_cluster/data")/postmaster.pid")
}

# db_cpu PID...: the CPU time (clock ticks, user and system) the processes have used so far.
db_cpu() {
  local pid stat total=0
  for pid in "$@"; do
    read -r stat 2>/dev/null <"/proc/$pid/stat" || continue
    read -ra stat <<<"${stat##*) }"  # fields from the state on: utime and stime are the 12th and 13th
    total=$((total + stat[11] + stat[12]))
  done
  echo "$total"
}

# db_cluster_pids: the postmaster and the processes it started (its backends among them).
db_cluster_pids() {
  local stat line
  echo "$db_postmaster"
  for stat in /proc/[0-9]*/stat; do
    read -r line 2>/dev/null <"$stat" || continue
    read -ra line <<<"${line##*) }"
    if [[ ${line[1]} == "$db_postmaster" ]]; then
      stat=${stat#/proc/}
      echo "${stat%/stat}"
    fi
  done
}

# db_machine: "idle busy stalled now" so far: the milliseconds of CPU time of all the machine's
# cores idle (iowait included) and busy, the microseconds in which some runnable task waited for a
# CPU (/proc/pressure/cpu; 0 without it) and the clock in microseconds.
db_machine() {
  local stalled=0
  [[ -r /proc/pressure/cpu ]] && stalled=$(sed -n 's/^some .*total=\([0-9]*\).*/\1/p' /proc/pressure/cpu)
  awk -v hz="$(getconf CLK_TCK)" -v stalled="$stalled" -v now="$(date +%s%6N)" \
    '/^cpu / { printf "%d %d %s %s\n", ($5 + $6) * 1000 / hz, ($2 + $3 + $4 + $7 + $8 + $9) * 1000 / hz, stalled, now }' \
    /proc/stat
}

# db_children_cpu: the milliseconds of CPU time this shell's finished children used so far (in
# db_children_ms; `times` runs in this shell, not in a subshell that has no children).
db_children_cpu() {
  times >"$work/databases-times"
  db_children_ms=$(awk 'END { split($1, u, /[ms]/); split($2, s, /[ms]/);
    printf "%d\n", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 }' "$work/databases-times")
}

# db_run LABEL ENGINE PORT PID SCRIPT [VAR=value ...]: one run on the server PID, recorded with
# what the engines and the machine did meanwhile.
db_run() {
  local label=$1 engine=$2 port=$3 pid=$4 script=$5; shift 5
  local waited before groups_before line groups_after pg="" cluster=() server_cpu cluster_cpu wrk_cpu machine
  waited=$(db_wait_quiet)
  groups_before=$(db_groups "$port")
  if [[ $engine == postgres ]]; then
    before=$(db_pg_counters)
    [[ "$db_statements" == 1 ]] && db_psql "SELECT pg_stat_statements_reset()" >/dev/null
    mapfile -t cluster < <(db_cluster_pids)
  fi
  server_cpu=$(db_cpu "$pid") cluster_cpu=$(db_cpu "${cluster[@]}") machine=$(db_machine)
  db_children_cpu
  wrk_cpu=$db_children_ms
  line=$(wrk_json "$connections" "$db_duration" "$script" "$port" "$@")
  db_children_cpu
  wrk_cpu=$((db_children_ms - wrk_cpu))
  local machine_after
  machine_after=$(db_machine)
  [[ $engine == postgres ]] && mapfile -t cluster < <(db_cluster_pids)  # with the backends opened since
  local hz
  hz=$(getconf CLK_TCK)
  server_cpu=$((($(db_cpu "$pid") - server_cpu) * 1000 / hz))
  cluster_cpu=$((($(db_cpu "${cluster[@]}") - cluster_cpu) * 1000 / hz))
  # Others: what the machine's cores did besides the server, the cluster and wrk (other users' work).
  machine=$(awk -v b="$machine" -v a="$machine_after" -v ours=$((server_cpu + cluster_cpu + wrk_cpu)) 'BEGIN {
    split(b, x, " "); split(a, y, " ");
    printf "\"machine_idle\":%.3f,\"others_cpu_ms\":%d,\"cpu_pressure\":%.3f",
      (y[1] - x[1]) / (y[1] + y[2] - x[1] - x[2]), y[2] - x[2] - ours, (y[3] - x[3]) / (y[4] - x[4]) }')
  groups_after=$(db_groups "$port")
  if [[ $engine == postgres ]]; then
    sleep 11  # an idle backend sends its statistics within 10 s (PGSTAT_IDLE_INTERVAL)
    pg=",$(db_delta "$before" "$(db_pg_counters)")"
    if [[ "$db_statements" == 1 ]]; then
      pg+=",\"statements\":$(db_psql "SELECT coalesce(json_agg(json_build_object('calls', calls,
        'ms', round(total_exec_time), 'query', query) ORDER BY calls DESC), '[]') FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'bench') AND query !~ 'pg_stat'")"
    fi
  fi
  local groups writes
  read -r groups writes <<<"$(awk -v b="$groups_before" -v a="$groups_after" \
    'BEGIN { split(b, x, " "); split(a, y, " "); print y[1] - x[1], y[2] - x[2] }')"
  results+=("{\"section\":\"databases\",\"engine\":\"$engine\",\"scenario\":\"$label\",\"threads\":$server_threads,\
\"waited_s\":$waited,\"server_cpu_ms\":$server_cpu,\"postgres_cpu_ms\":$cluster_cpu,\"wrk_cpu_ms\":$wrk_cpu,$machine,\
\"commits\":$groups,\"writes\":$writes$pg,${line#\{}")
  printf '  %-36s %-9s %s\n' "$label" "$engine" "$line"
}

# db_placed ENGINE: the orders placed since the seed (ids from 100001 on, without gaps).
db_placed() {
  local count last
  if [[ $1 == sqlite ]]; then
    read -r count last <<<"$(sqlite3 -separator ' ' "$work/databases-sqlite.db" \
      "SELECT COUNT(*), coalesce(MAX(id), 100000) FROM orders WHERE id > 100000")"
  else
    read -r count last <<<"$(db_psql "SELECT count(*) || ' ' || coalesce(max(id), 100000) FROM orders WHERE id > 100000")"
  fi
  if ((last - 100000 != count)); then
    echo "databases: $1 holds $count new orders up to id $last; the status changes assume ids without gaps" >&2
  fi
  echo "$count"
}

databases_scenarios() {
  if [[ ! -x /usr/lib/postgresql/15/bin/initdb ]]; then
    echo "databases: PostgreSQL 15 is not installed (make setup installs it); SQLite and PostgreSQL not compared"
    return 0
  fi
  echo "SQLite and PostgreSQL: the same data, wrk -c$connections -d${db_duration}s per run, server THREADS=$server_threads"
  db_start_postgres
  echo "  PostgreSQL $(db_psql "SHOW server_version") seeded in ${db_seed_s} s; settings beyond the defaults: ${db_pg_settings:-none}"
  local statements=false
  [[ "$db_statements" == 1 ]] && statements=true
  results+=("$(jq -cn --argjson duration_s "$db_duration" --argjson connections "$connections" \
    --argjson threads "$server_threads" --argjson cores "$(nproc)" --arg postgres_version "$(db_psql "SHOW server_version")" \
    --arg postgres_settings "$db_pg_settings" --argjson pg_stat_statements "$statements" --argjson postgres_seed_s "$db_seed_s" \
    --argjson postgres_database_bytes "$(db_psql "SELECT pg_database_size('bench')")" \
    '{section: "databases", scenario: "settings"} + $ARGS.named')")

  start_server databases-sqlite
  sync "$work/databases-sqlite.db"
  local sqlite_port=$server_port sqlite_pid=$server_pid
  start_on databases-postgres "$db_pg_url"
  local pg_port=$server_port pg_pid=$server_pid

  # db_on ENGINE LABEL SCRIPT [VAR=value ...]: db_run on that engine's server.
  db_on() {
    if [[ $1 == sqlite ]]; then
      db_run "$2" sqlite "$sqlite_port" "$sqlite_pid" "${@:3}"
    else
      db_run "$2" postgres "$pg_port" "$pg_pid" "${@:3}"
    fi
  }
  local engine template
  for template in "/restaurants/{id}" "/restaurants/{id}/with-menu"; do
    for engine in sqlite postgres; do
      db_on "$engine" "uncached $template" read.lua PATH_TEMPLATE="$template" MAX_ID=1000 CACHE_CONTROL=no-store
    done
  done
  for engine in sqlite postgres; do db_on "$engine" "POST order (durable)" place_order.lua; done
  for engine in sqlite postgres; do
    db_on "$engine" "PUT status (workflow steps)" advance_orders.lua FIRST_ORDER=100001 ORDER_COUNT="$(db_placed "$engine")"
  done
  for engine in sqlite postgres; do db_on "$engine" "90/10 read/write mix" mix.lua; done

  kill "$sqlite_pid" "$pg_pid"
  wait "$sqlite_pid" "$pg_pid" 2>/dev/null || true
  # What the phase left: the sizes, and which tables autovacuum visited.
  results+=("$(jq -cn --argjson postgres_database_bytes "$(db_psql "SELECT pg_database_size('bench')")" \
    --argjson sqlite_file_bytes "$(stat -c %s "$work/databases-sqlite.db")" \
    --argjson autovacuumed "$(db_psql "SELECT coalesce(json_object_agg(relname, json_build_object('vacuums',
      autovacuum_count, 'analyzes', autoanalyze_count)), '{}') FROM pg_stat_user_tables
      WHERE autovacuum_count + autoanalyze_count > 0")" \
    '{section: "databases", scenario: "after"} + $ARGS.named')")
  scripts/postgres-cluster.sh stop "$db_cluster"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  # shellcheck source=lib.sh
  source "$(dirname "$0")/lib.sh"
  prepare
  results=()
  databases_scenarios
  write_results
  bench/databases-table.sh "$out"
fi
