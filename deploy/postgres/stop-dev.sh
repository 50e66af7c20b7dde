#!/usr/bin/env bash
# Stops the dev cluster started by start-dev.sh (fast shutdown). Data is kept;
# delete the data dir printed below to start from nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/dev-env.sh"

if [ ! -s "$GOV_PG_DATA/PG_VERSION" ]; then
    echo "stop-dev: no dev cluster at $GOV_PG_DATA"
    exit 0
fi
if as_pg "$GOV_PG_BIN/pg_ctl" -D "$GOV_PG_DATA" status >/dev/null 2>&1; then
    as_pg "$GOV_PG_BIN/pg_ctl" -D "$GOV_PG_DATA" -m fast -w -t 60 -s stop
    echo "stop-dev: stopped (data kept in $GOV_PG_DATA)"
else
    echo "stop-dev: not running (data in $GOV_PG_DATA)"
fi
