#!/usr/bin/env bash
# Sourced by run.sh and test.sh. When ConnectionStrings__Postgres is not set, starts a private
# PostgreSQL 15 cluster (Debian's binaries) on a free loopback port in the git-ignored .local/,
# exports ConnectionStrings__Postgres, and registers its stop on exit.
set -euo pipefail

PG_ROOT="${PG_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.local/postgres}"

pg_bin_dir() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && { echo "$dir"; return 0; }
  done
  return 1
}

ensure_pg_binaries() {
  pg_bin_dir >/dev/null && return 0
  echo "PostgreSQL binaries not found: installing Debian's postgresql package..." >&2
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  pg_bin_dir >/dev/null || { echo "PostgreSQL could not be installed." >&2; return 1; }
}

# Runs a command as the cluster's owner: postgres when we are root (initdb refuses root), else ourselves.
as_pg_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "no free port found" >&2; return 1
}

start_private_postgres() {
  local database="$1"
  if [[ -n "${ConnectionStrings__Postgres:-}" ]]; then
    echo "Using the PostgreSQL server named by ConnectionStrings__Postgres." >&2
    return 0
  fi
  ensure_pg_binaries
  local bin; bin=$(pg_bin_dir)
  local data="$PG_ROOT/data-$$"
  mkdir -p "$PG_ROOT"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres "$PG_ROOT"
    # The postgres user must be able to reach the folder; a checkout under a private home may not allow it.
    if ! runuser -u postgres -- test -w "$PG_ROOT"; then
      PG_ROOT=$(mktemp -d /tmp/cocreation-pg.XXXXXX); chown postgres "$PG_ROOT"; data="$PG_ROOT/data-$$"
    fi
  fi
  PG_PORT=$(free_port)
  PG_DATA="$data"
  # Tests and the demo trade crash safety for speed; benchmarks (PG_DURABLE=1) keep PostgreSQL's durable defaults.
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [[ "${PG_DURABLE:-0}" == 1 ]] && durability=""
  as_pg_owner "$bin/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg_owner "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories='$PG_DATA' -c max_connections=300 $durability" \
    start >/dev/null
  trap stop_private_postgres EXIT
  as_pg_owner "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "create database \"$database\"" >/dev/null
  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$database;Maximum Pool Size=100"
  echo "Private PostgreSQL 15 on 127.0.0.1:$PG_PORT (data in $PG_DATA)." >&2
}

stop_private_postgres() {
  [[ -n "${PG_DATA:-}" && -d "$PG_DATA" ]] || return 0
  as_pg_owner "$(pg_bin_dir)/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DATA"
}
