#!/usr/bin/env bash
# Starts (or reuses) the throwaway PostgreSQL 15 cluster for development and tests,
# creates database "governance" and applies deploy/sql via apply-schema.sh.
#
#   data      <repo>/.pgdata (or /tmp/orleans-governance-pg-<hash>, see dev-env.sh)
#   network   127.0.0.1 only, port $GOV_PG_PORT (default 54329); Unix socket in the data dir
#   auth      trust: NO PASSWORD, for this local throwaway cluster only
#   GOV_PG_FAST=1  adds -c fsync=off -c synchronous_commit=off (tests; never in a deployment)
#
# Idempotent: a running cluster is left alone, an existing data dir is reused, a stale
# postmaster.pid left by a crash is removed. Works as root (runs the server as postgres).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/dev-env.sh"

die() { echo "start-dev: $*" >&2; exit 1; }
[ -x "$GOV_PG_BIN/postgres" ] || die "PostgreSQL binaries not found in $GOV_PG_BIN (set GOV_PG_BIN)"
[ "${GOV_PG_DATA_FALLBACK:-0}" = 1 ] && \
    echo "start-dev: note: $GOV_PG_OWNER cannot use $GOV_REPO_ROOT/.pgdata (untraversable parent or path too long); data dir is $GOV_PG_DATA"

port="$GOV_PG_PORT"

# 1. Create the cluster once.
if [ ! -s "$GOV_PG_DATA/PG_VERSION" ]; then
    mkdir -p "$GOV_PG_DATA"
    [ "$(id -u)" -eq 0 ] && chown "$GOV_PG_OWNER": "$GOV_PG_DATA"
    chmod 700 "$GOV_PG_DATA"
    as_pg "$GOV_PG_BIN/initdb" -D "$GOV_PG_DATA" -U postgres --auth=trust \
        --encoding=UTF8 --locale=C >"$GOV_PG_DATA.initdb.log" 2>&1 \
        || { cat "$GOV_PG_DATA.initdb.log" >&2; die "initdb failed"; }
    rm -f "$GOV_PG_DATA.initdb.log"
fi

# 2. Start it unless it is already running.
running=0
if [ -f "$GOV_PG_DATA/postmaster.pid" ]; then
    pid="$(head -1 "$GOV_PG_DATA/postmaster.pid")"
    pid_port="$(gov_pid_port)"
    if [ -n "$pid" ] && [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = postgres ] && gov_pg_ready "${pid_port:-$port}"; then
        running=1
        port="${pid_port:-$port}"
    elif [ -n "$pid" ] && [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = postgres ]; then
        # Alive but not answering (starting up or shutting down): give it a moment.
        for _ in $(seq 1 30); do gov_pg_ready "${pid_port:-$port}" && { running=1; port="${pid_port:-$port}"; break; }; sleep 1; done
        [ $running = 1 ] || die "postgres (pid $pid) owns $GOV_PG_DATA but does not answer; see $GOV_PG_LOG"
    else
        echo "start-dev: removing stale postmaster.pid (pid $pid is not running postgres)"
        rm -f "$GOV_PG_DATA/postmaster.pid" "$GOV_PG_DATA"/.s.PGSQL.*.lock
    fi
fi

if [ $running = 0 ]; then
    if gov_pg_ready "$port"; then
        die "another server already listens on 127.0.0.1:$port (set GOV_PG_PORT to use another port)"
    fi
    # Several silos each keep a connection pool: leave room for them.
    opts="-c listen_addresses=127.0.0.1 -p $port -k '$GOV_PG_DATA' -c max_connections=300"
    if [ "${GOV_PG_FAST:-0}" = 1 ]; then
        opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    as_pg "$GOV_PG_BIN/pg_ctl" -D "$GOV_PG_DATA" -l "$GOV_PG_LOG" -o "$opts" -w -t 60 -s start \
        || { tail -20 "$GOV_PG_LOG" >&2; die "pg_ctl start failed (log: $GOV_PG_LOG)"; }
fi

# 3. Database + schema.
export PGHOST=127.0.0.1 PGPORT="$port" PGUSER=postgres
if [ "$(PGDATABASE=postgres "$GOV_PG_BIN/psql" -X -At -c "SELECT 1 FROM pg_database WHERE datname = 'governance'")" != 1 ]; then
    PGDATABASE=postgres "$GOV_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE governance"
fi
PGDATABASE=governance "$(dirname "${BASH_SOURCE[0]}")/apply-schema.sh"

echo "start-dev: PostgreSQL 15 ready on 127.0.0.1:$port (data: $GOV_PG_DATA; trust auth, no password, loopback only)"
echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=governance"
