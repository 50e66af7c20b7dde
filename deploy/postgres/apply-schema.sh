#!/usr/bin/env bash
# Applies deploy/sql/NNN_*.sql migrations, each exactly once, in numeric order.
#
# Every migration runs in its own transaction together with the row that records it
# in schema_version, so a failed migration leaves nothing behind and is retried on the
# next run. A transaction-scoped advisory lock serialises concurrent appliers.
#
# Connection: the usual libpq variables, defaulting to the dev cluster of start-dev.sh:
#   PGHOST (127.0.0.1)  PGPORT (GOV_PG_PORT or 54329)  PGUSER (postgres)
#   PGDATABASE (governance)  PGPASSWORD / ~/.pgpass as libpq reads them.
# Options: GOV_SQL_DIR overrides the migrations folder.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
sql_dir="${GOV_SQL_DIR:-$here/../sql}"

export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-${GOV_PG_PORT:-54329}}"
export PGUSER="${PGUSER:-postgres}"
export PGDATABASE="${PGDATABASE:-governance}"
export PGOPTIONS="${PGOPTIONS:--c client_min_messages=warning}"

psql_bin="$(command -v psql || true)"
[ -n "$psql_bin" ] || psql_bin=/usr/lib/postgresql/15/bin/psql
psql=("$psql_bin" -X -q -v ON_ERROR_STOP=1)

# The bookkeeping table itself (idempotent).
"${psql[@]}" -c "CREATE TABLE IF NOT EXISTS schema_version (
    version     integer     NOT NULL PRIMARY KEY,
    name        text        NOT NULL,
    checksum    text        NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
)" >/dev/null

shopt -s nullglob
files=("$sql_dir"/[0-9][0-9][0-9]_*.sql)
[ ${#files[@]} -gt 0 ] || { echo "apply-schema: no migrations in $sql_dir" >&2; exit 1; }

applied=0
for f in "${files[@]}"; do
    name="$(basename "$f")"
    version=$((10#${name%%_*}))
    sum="$(sha256sum "$f" | cut -d' ' -f1)"
    recorded="$("${psql[@]}" -At -c "SELECT checksum FROM schema_version WHERE version = $version")"
    if [ -n "$recorded" ]; then
        [ "$recorded" = "$sum" ] || echo "apply-schema: warning: $name changed since it was applied (migrations are append-only; add a new file instead)" >&2
        continue
    fi
    # One transaction: lock, re-check (a concurrent applier may have won), apply, record.
    out="$("${psql[@]}" --single-transaction -At -f - <<SQL
SELECT pg_advisory_xact_lock(hashtext('orleans_governance_schema')) IS NULL AS locked \\gset
SELECT EXISTS (SELECT 1 FROM schema_version WHERE version = $version) AS already \\gset
\\if :already
\\echo skipped
\\else
\\i '$f'
INSERT INTO schema_version (version, name, checksum) VALUES ($version, '$name', '$sum');
\\endif
SQL
)"
    if [ "$out" = "skipped" ]; then continue; fi
    echo "apply-schema: applied $name"
    applied=$((applied + 1))
done
[ $applied -gt 0 ] || echo "apply-schema: schema up to date ($PGDATABASE @ $PGHOST:$PGPORT)"
