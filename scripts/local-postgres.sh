#!/usr/bin/env bash
# Starts a private PostgreSQL cluster for this checkout (in .local/postgres) and prints its
# connection string. Installs Debian's PostgreSQL server when its binaries are absent.
# Usage: scripts/local-postgres.sh [start|stop] [database, default portal]
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
data="$repo/.local/postgres"
port="${PORTAL_PG_PORT:-55432}"
database="${2:-portal}"

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

bin="$(find_bin)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL server binaries not found; installing Debian's postgresql package..." >&2
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q postgresql >&2
  bin="$(find_bin)"
fi

# PostgreSQL refuses to run as root: use the postgres system user then.
run_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-start}" = "stop" ]; then
  [ -f "$data/PG_VERSION" ] && run_pg "$bin/pg_ctl" -D "$data" -m fast stop >&2 || true
  exit 0
fi

if [ ! -f "$data/PG_VERSION" ]; then
  mkdir -p "$data"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data" && chmod 700 "$data"
  # The .local folder must be reachable by the postgres user when we run as root.
  [ "$(id -u)" -eq 0 ] && chmod o+x "$repo" "$repo/.local"
  run_pg "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi

if ! run_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  if ! run_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $data" start >/dev/null 2>&1; then
    if tail -n 20 "$data/server.log" | grep -q "Address already in use"; then
      echo "The local PostgreSQL cannot start: port $port on 127.0.0.1 is taken (another PostgreSQL, perhaps another checkout's)." >&2
      echo "Stop that one, or choose a free port, e.g. PORTAL_PG_PORT=55433 $0 ${1:-start}" >&2
    else
      echo "The local PostgreSQL cannot start; the end of its log ($data/server.log):" >&2
      tail -n 5 "$data/server.log" >&2
    fi
    exit 1
  fi
fi

run_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_database where datname = '$database'" | grep -q 1 \
  || run_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$database"

echo "Host=127.0.0.1;Port=$port;Database=$database;Username=postgres"
