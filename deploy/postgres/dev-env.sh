# Shared by start-dev.sh / stop-dev.sh (sourced, not run). Works out the dev cluster's
# paths and how to run the PostgreSQL tools (as user postgres when we are root).
# Sets: GOV_REPO_ROOT GOV_PG_BIN GOV_PG_PORT GOV_PG_DATA GOV_PG_LOG and the as_pg function.

GOV_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
GOV_PG_BIN="${GOV_PG_BIN:-/usr/lib/postgresql/15/bin}"
GOV_PG_PORT="${GOV_PG_PORT:-54329}"
export PGOPTIONS="${PGOPTIONS:--c client_min_messages=warning}"

# Run a command as the cluster owner: user postgres when we are root (initdb and
# pg_ctl refuse root), ourselves otherwise.
if [ "$(id -u)" -eq 0 ]; then
    GOV_PG_OWNER=postgres
    # A machine with only the binaries may lack the account the server must run as.
    id -u postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    as_pg() { runuser -u postgres -- env PGOPTIONS="$PGOPTIONS" "$@"; }
else
    GOV_PG_OWNER="$(id -un)"
    as_pg() { "$@"; }
fi

# Data directory: <repo>/.pgdata, unless the owner cannot reach the repo (a parent folder
# it may not traverse) or the socket path would be too long for a Unix socket (~107 bytes);
# then /tmp/orleans-governance-pg-<hash of repo path>.
gov_pick_data_dir() {
    local preferred="$GOV_REPO_ROOT/.pgdata"
    local sock="$preferred/.s.PGSQL.$GOV_PG_PORT"
    if [ -n "${GOV_PG_DATA:-}" ]; then return; fi
    if [ ${#sock} -le 100 ] && as_pg test -x "$GOV_REPO_ROOT" 2>/dev/null \
       && { [ ! -e "$preferred" ] || as_pg test -w "$preferred" 2>/dev/null; }; then
        GOV_PG_DATA="$preferred"
    else
        local hash
        hash="$(printf '%s' "$GOV_REPO_ROOT" | sha256sum | cut -c1-12)"
        GOV_PG_DATA="/tmp/orleans-governance-pg-$hash"
        GOV_PG_DATA_FALLBACK=1
    fi
}
gov_pick_data_dir
GOV_PG_LOG="$GOV_PG_DATA/postgres.log"

# 0 when a server answers on our port.
gov_pg_ready() { "$GOV_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$1" -t 1; }

# Port of the server that owns the data dir (line 4 of postmaster.pid), if any.
gov_pid_port() { sed -n 4p "$GOV_PG_DATA/postmaster.pid" 2>/dev/null; }
