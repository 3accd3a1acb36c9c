#!/usr/bin/env bash
# An external PostgreSQL for the benchmarks (docs/BENCHMARKS.md): Debian's PostgreSQL 15 in a
# cluster of its own, run as the non-root user "postgres" (PostgreSQL refuses to run as root), on
# a free port on 127.0.0.1, with PostgreSQL's DEFAULT durability (fsync=on, synchronous_commit=on,
# full_page_writes=on — initdb's defaults, nothing overridden) and default shared_buffers (128MB).
#
#   bench/external-postgres.sh start    # initdb (first time) + start; prints DATABASE_URL=jdbc:...
#   bench/external-postgres.sh url      # prints DATABASE_URL of the running cluster
#   bench/external-postgres.sh stop     # stops it (the data directory is kept; "destroy" removes it)
#
# Env: PG_BIN (/usr/lib/postgresql/15/bin), PG_DATA (/tmp/loyalty-bench-external-pg), PG_USER (postgres).
set -euo pipefail
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DATA=${PG_DATA:-/tmp/loyalty-bench-external-pg}
PG_USER=${PG_USER:-postgres}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi
}

url() {
  local port
  port=$(cat "$PG_DATA/bench-port")
  echo "DATABASE_URL=jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres"
}

case "${1:-}" in
  start)
    if [ ! -f "$PG_DATA/PG_VERSION" ]; then
      mkdir -p "$PG_DATA"
      [ "$(id -u)" = 0 ] && chown "$PG_USER" "$PG_DATA"
      chmod 700 "$PG_DATA"
      as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PG_DATA.initdb.log"
    fi
    if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
      url
      exit 0
    fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    echo "$port" | as_pg tee "$PG_DATA/bench-port" >/dev/null
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
      -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DATA -c max_connections=100" start >/dev/null
    url
    ;;
  url) url ;;
  stop) as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null && echo stopped ;;
  destroy)
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DATA" "$PG_DATA.initdb.log"
    ;;
  *) echo "usage: $0 start|url|stop|destroy" >&2; exit 2 ;;
esac
