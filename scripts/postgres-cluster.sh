#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests, on a free 127.0.0.1 port.
#
#   postgres-cluster.sh start <dir> [--fast] [--owner <pid> | --owner-parent]
#       initdb (user zomato, trust, UTF8, locale C) and start; writes <dir>/url
#       (postgresql://zomato@127.0.0.1:<port>/postgres) and prints it. A cluster already in <dir>
#       is stopped first. --fast: fsync and full_page_writes off (a test cluster no OS crash can
#       reach; synchronous_commit stays on). --owner: the cluster is stopped and removed once that
#       process is gone (a test that crashed before its own cleanup); --owner-parent: once the
#       process that started this script is gone (ctest, for the test fixture postgres.start).
#   postgres-cluster.sh stop <dir>       stops it (fast shutdown) and removes <dir>
#   postgres-cluster.sh kill <dir>       SIGKILL to the postmaster and every process it started
#   postgres-cluster.sh restart <dir>    stops it if it runs, then starts it on the same port
#
# The data and socket directories live in a short directory under /tmp (<dir>/data links to it),
# owned by the user the server runs as: PostgreSQL refuses root, so as root the server runs as
# `postgres` (or `nobody` without that user) through setpriv; otherwise as the caller.
# Every wait is bounded; any failure exits non-zero with a line on stderr (and the server log).
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
wait_seconds=30

fail() {
  echo "postgres-cluster: $*" >&2
  exit 1
}

usage() { fail "usage: $0 start <dir> [--fast] [--owner <pid> | --owner-parent] | stop <dir> | kill <dir> | restart <dir>"; }

# Runs a command as the cluster's user, from / (initdb fails in a directory that user cannot read).
as_server_user() {
  if ((EUID == 0)); then
    (cd / && setpriv --reuid="$server_user" --regid="$server_group" --clear-groups -- "$@")
  else
    (cd / && "$@")
  fi
}

pick_server_user() {
  if ((EUID != 0)); then return; fi
  if getent passwd postgres >/dev/null; then
    server_user=postgres
    server_group=$(id -g postgres)
  else
    server_user=nobody
    server_group=$(id -g nobody)
  fi
}

data_of() { readlink "$1/data" 2>/dev/null || true; }

postmaster_pid() {
  local data=$1
  [[ -f $data/postmaster.pid ]] || return 1
  local pid
  pid=$(head -n 1 "$data/postmaster.pid")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

free_port() {
  local port attempt
  for attempt in $(seq 1 50); do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  fail "no free port found"
}

show_log() {
  local data=$1
  local log
  log=$(dirname "$data")/server.log
  [[ -f $log ]] && tail -n 20 "$log" >&2
  return 0
}

# Starts the cluster of <dir> on its recorded port and waits until it accepts connections; on a
# failure, shows the server's log, leaves no process behind and returns 1.
launch() {
  local dir=$1 data base port options
  data=$(data_of "$dir")
  base=$(dirname "$data")
  port=$(cat "$dir/port")
  options=$(cat "$dir/options")
  if ! as_server_user "$bin/pg_ctl" -D "$data" -l "$base/server.log" -w -t "$wait_seconds" \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $base/socket $options" start >/dev/null; then
    show_log "$data"
    kill_cluster "$dir"
    return 1
  fi
  local deadline=$((SECONDS + wait_seconds))
  until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U zomato -d postgres -t 2; do
    if ((SECONDS >= deadline)); then
      show_log "$data"
      echo "postgres-cluster: the cluster in $dir does not accept connections on port $port" >&2
      kill_cluster "$dir"
      return 1
    fi
    sleep 0.1
  done
}

# Fast shutdown, bounded; SIGKILL when it does not end in time.
halt() {
  local dir=$1 data
  data=$(data_of "$dir")
  [[ -n $data && -d $data ]] || return 0
  if postmaster_pid "$data" >/dev/null; then
    as_server_user "$bin/pg_ctl" -D "$data" -m fast -w -t "$wait_seconds" stop >/dev/null 2>&1 || kill_cluster "$dir"
  fi
}

# The processes whose parent is `parent` (from /proc: procps is not always installed).
children_of() {
  local parent=$1 stat line ppid child
  for stat in /proc/[0-9]*/stat; do
    read -r line 2>/dev/null <"$stat" || continue
    line=${line##*) }
    read -r _ ppid _ <<<"$line"
    if [[ $ppid == "$parent" ]]; then
      child=${stat#/proc/}
      echo -n "${child%/stat} "
    fi
  done
}

# True while the process exists and is not a zombie (whoever adopted it may reap it late).
alive() {
  local line
  read -r line 2>/dev/null <"/proc/$1/stat" || return 1
  line=${line##*) }
  [[ ${line:0:1} != Z ]]
}

# SIGKILL to the postmaster and its children (stopped first, so that it starts no new one), then
# waits until all are gone, so that a restart finds no process still attached to shared memory.
kill_cluster() {
  local dir=$1 data pid children
  data=$(data_of "$dir")
  pid=$(postmaster_pid "$data") || return 0
  kill -STOP "$pid" 2>/dev/null || true
  children=$(children_of "$pid")
  # shellcheck disable=SC2086
  kill -KILL "$pid" $children 2>/dev/null || true
  local deadline=$((SECONDS + wait_seconds))
  for process in $pid $children; do
    while alive "$process"; do
      ((SECONDS < deadline)) || fail "process $process of the cluster in $dir outlived SIGKILL"
      sleep 0.05
    done
  done
}

remove() {
  local dir=$1 data
  data=$(data_of "$dir")
  [[ -n $data ]] && rm -rf "$(dirname "$data")"
  rm -rf "$dir"
}

# Stops the cluster and removes it once the process `owner` has ended, unless <dir> no longer
# holds this cluster (stopped, or replaced by a later start).
watch_owner() {
  local dir=$1 owner=$2 data
  data=$(data_of "$dir")
  (
    trap '' HUP
    while kill -0 "$owner" 2>/dev/null && [[ $(data_of "$dir") == "$data" ]]; do sleep 1; done
    if [[ $(data_of "$dir") == "$data" ]]; then
      halt "$dir"
      remove "$dir"
    fi
  ) </dev/null >/dev/null 2>&1 &
  disown
}

start() {
  local dir=$1
  shift
  local fast=0 owner=
  while (($#)); do
    case $1 in
      --fast) fast=1 ;;
      --owner)
        owner=${2:-}
        [[ $owner =~ ^[0-9]+$ ]] || usage
        shift
        ;;
      --owner-parent) owner=$PPID ;;
      *) usage ;;
    esac
    shift
  done
  if [[ -e $dir ]]; then
    halt "$dir"
    remove "$dir"
  fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  local base
  base=$(mktemp -d "${TMPDIR_FOR_CLUSTER}/zomato-pg.XXXXXX")
  ln -s "$base/data" "$dir/data"
  mkdir "$base/socket"
  if ((EUID == 0)); then
    chown "$server_user:$server_group" "$base" "$base/socket"
    chmod 0755 "$base"
  fi
  if ! as_server_user "$bin/initdb" -D "$base/data" -U zomato --auth=trust -E UTF8 --locale=C --no-sync \
    >"$base/initdb.log" 2>&1; then
    cat "$base/initdb.log" >&2
    remove "$dir"
    fail "initdb failed in $base/data"
  fi
  local options="-c max_connections=300"
  ((fast)) && options+=" -c fsync=off -c full_page_writes=off"
  echo "$options" >"$dir/options"
  local attempt
  for attempt in 1 2 3 4 5; do
    free_port >"$dir/port"
    if launch "$dir"; then break; fi
    if ((attempt == 5)); then
      remove "$dir"
      fail "the cluster in $dir did not start"
    fi
  done
  local url
  url="postgresql://zomato@127.0.0.1:$(cat "$dir/port")/postgres"
  echo "$url" >"$dir/url"
  [[ -n $owner ]] && watch_owner "$dir" "$owner"
  echo "$url"
}

(($# >= 2)) || usage
command=$1
dir=$2
shift 2
server_user=
server_group=
pick_server_user
TMPDIR_FOR_CLUSTER=/tmp
((EUID == 0)) || TMPDIR_FOR_CLUSTER=${TMPDIR:-/tmp}

case $command in
  start) start "$dir" "$@" ;;
  stop)
    (($# == 0)) || usage
    halt "$dir"
    remove "$dir"
    ;;
  kill)
    (($# == 0)) || usage
    [[ -n $(data_of "$dir") ]] || fail "no cluster in $dir"
    kill_cluster "$dir"
    ;;
  restart)
    (($# == 0)) || usage
    [[ -f $dir/port ]] || fail "no cluster in $dir"
    halt "$dir"
    launch "$dir" || fail "the cluster in $dir did not start again on port $(cat "$dir/port")"
    ;;
  *) usage ;;
esac
