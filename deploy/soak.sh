#!/usr/bin/env bash
# Soak: runs the fault suite (tests/Orleans.Governance.Durability.Tests, FaultTests) with a longer
# load, each fault after the other, ROUNDS times, and prints one table of what each run showed.
#
#   deploy/soak.sh                       # 3 rounds of 2,000 lifecycles per fault
#   ROUNDS=10 LIFECYCLES=5000 deploy/soak.sh
#
# Needs root (PostgreSQL runs as the postgres user; the full-disk fault mounts a tmpfs; the
# cut-off silo runs in a network namespace of its own, ip netns).
set -uo pipefail
cd "$(dirname "$0")/.."
rounds="${ROUNDS:-3}"
report="$(mktemp)"
logs="$(mktemp -d /tmp/soak-XXXXXX)"
export GOV_FAULT_LIFECYCLES="${LIFECYCLES:-2000}" GOV_FAULT_REPORT="$report"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build tests/Orleans.Governance.Durability.Tests -v q >/dev/null || { echo "soak: build failed" >&2; exit 1; }
status=0
for round in $(seq 1 "$rounds"); do
    echo "soak: round $round of $rounds, $GOV_FAULT_LIFECYCLES lifecycles per fault"
    # Each round's whole test output is kept: a failure's message and stack are in it.
    dotnet test tests/Orleans.Governance.Durability.Tests --no-build --filter "Category=Fault" --logger "console;verbosity=normal" \
        >"$logs/round-$round.log" 2>&1 || { status=1; echo "soak: round $round had a failure: $logs/round-$round.log"; }
done

echo
echo "fault | load held | faults injected | acknowledged cases checked | lost | duplicated | note"
echo "--- | --- | --- | --- | --- | --- | ---"
sed -E 's/ load held: / /; s/ faults injected: / /; s/ acknowledged cases checked: / /; s/ lost: / /; s/ duplicated: / /' "$report"
rm -f "$report"
[ "$status" = 0 ] && echo "soak: all runs passed (test output in $logs)" || echo "soak: a run failed; the failing rounds' output is named above (grep -n '\[FAIL\]' $logs/*.log)"
exit "$status"
