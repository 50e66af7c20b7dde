#!/usr/bin/env bash
# A local cluster of 3 silos on PostgreSQL, on loopback ports, each with its dashboard.
#
#   deploy/local-cluster.sh [start] [CITY_FILE]   start the dev database and 3 silos (default city: cities/sample.json)
#   deploy/local-cluster.sh stop                  stop the silos (the database keeps running: deploy/postgres/stop-dev.sh)
#
# Silo i (0..2): silo port 11111+i, gateway 30000+i, dashboard http://127.0.0.1:808(1+i)/dashboard/
# Logs and pids: out/cluster/. Clients join with ClusterId "governance" through the same database.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
out="$root/out/cluster"
mkdir -p "$out"

stop() {
    for pidfile in "$out"/silo-*.pid; do
        [ -e "$pidfile" ] || continue
        pid="$(cat "$pidfile")"
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" && echo "stopping silo pid $pid"
            for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        fi
        rm -f "$pidfile"
    done
}

if [ "${1:-start}" = stop ]; then
    stop
    exit 0
fi
[ "${1:-}" = start ] && shift
city="$(realpath "${1:-$root/cities/sample.json}")"

connection="$("$root/deploy/postgres/start-dev.sh" | sed -n 's/^.*\(Host=[^ ]*\).*$/\1/p' | tail -n 1)"
[ -n "$connection" ] || connection="Host=127.0.0.1;Port=${GOV_PG_PORT:-54329};Username=postgres;Database=governance"
connection="$connection;Maximum Pool Size=50"

echo "building the silo (Release)…"
dotnet build "$root/src/Orleans.Governance.Silo" -c Release -v quiet -nologo >"$out/build.log" 2>&1 \
    || { tail -20 "$out/build.log"; exit 1; }
silo="$root/src/Orleans.Governance.Silo/bin/Release/net10.0/Orleans.Governance.Silo.dll"

stop
for i in 0 1 2; do
    log="$out/silo-$i.log"
    nohup dotnet "$silo" \
        --Governance:Cluster=PostgreSql "--Governance:ConnectionString=$connection" \
        --Governance:SiloPort=$((11111 + i)) --Governance:GatewayPort=$((30000 + i)) \
        "--Governance:CityFile=$city" --Urls=http://127.0.0.1:$((8081 + i)) >"$log" 2>&1 &
    echo $! >"$out/silo-$i.pid"
done

for i in 0 1 2; do
    for _ in $(seq 1 120); do
        grep -q "Silo ready" "$out/silo-$i.log" && break
        kill -0 "$(cat "$out/silo-$i.pid")" 2>/dev/null || { echo "silo $i exited:"; tail -20 "$out/silo-$i.log"; exit 1; }
        sleep 1
    done
    grep -q "Silo ready" "$out/silo-$i.log" || { echo "silo $i not ready after 120 s (log: $out/silo-$i.log)"; exit 1; }
    echo "silo $i ready: silo port $((11111 + i)), gateway $((30000 + i)), dashboard http://127.0.0.1:$((8081 + i))/dashboard/"
done
echo "connection string for clients: $connection (ClusterId governance)"
