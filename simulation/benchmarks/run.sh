#!/usr/bin/env bash
# Side-by-side benchmark (issue 3): SimPy (network.py) against our simulator (network-<variant>.yaml)
# on the same network, in one run. Usage: simulation/benchmarks/run.sh [1x] [10x]   (default: 1x)
# Prints each tool's event-loop time (first simulated event to last: interpreter start-up on
# SimPy's side, process, silo and city start-up on ours excluded), whole-process wall time and
# peak resident memory (/usr/bin/time -v).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
variants=("$@")
[ ${#variants[@]} -eq 0 ] && variants=(1x)

if ! /usr/bin/python3 -c 'import simpy' 2>/dev/null; then
  echo "Installing Debian's python3-simpy3…"
  apt-get install -y python3-simpy3 >/dev/null
fi
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (apt-get install -y time)" >&2; exit 1; }

echo "Building the simulator (Release)…"
dotnet build "$root/simulation/Orleans.Governance.Simulation" -c Release -v quiet -nologo >/dev/null
sim="$root/simulation/Orleans.Governance.Simulation/bin/Release/net10.0/gov-sim.dll"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

measure() { # file -> "wall_seconds peak_MB"
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; wall = s }
              /Maximum resident set size/ { mb = $2 / 1024 }
              END { printf "%.2f %.0f", wall, mb }' "$1"
}

rows=()
for v in "${variants[@]}"; do
  echo "== $v: SimPy"
  /usr/bin/time -v -o "$out/simpy-$v.time" /usr/bin/python3 "$here/network.py" "$v" | tee "$out/simpy-$v.json"
  simpy_loop="$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["eventLoopSeconds"])' "$out/simpy-$v.json")"
  simpy_cases="$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["cases"])' "$out/simpy-$v.json")"
  echo "== $v: Orleans.Governance simulator"
  CI=true /usr/bin/time -v -o "$out/ours-$v.time" dotnet "$sim" run "$here/network-$v.yaml" | tee "$out/ours-$v.txt" | grep -E "Event loop|cases created" || true
  ours_loop="$(sed -n 's/^Event loop \([0-9.]*\) s.*/\1/p' "$out/ours-$v.txt")"
  ours_cases="$(sed -n 's/^.*cases created *│ *\([0-9,]*\).*/\1/p' "$out/ours-$v.txt" | tr -d ,)"
  read -r simpy_wall simpy_mb <<<"$(measure "$out/simpy-$v.time")"
  read -r ours_wall ours_mb <<<"$(measure "$out/ours-$v.time")"
  ratio="$(awk -v a="$ours_loop" -v b="$simpy_loop" 'BEGIN { printf "%.1f", a / b }')"
  rows+=("$(printf '%-4s %-8s %9s %14s %12s %11s' "$v" SimPy "$simpy_cases" "$simpy_loop" "$simpy_wall" "$simpy_mb")")
  rows+=("$(printf '%-4s %-8s %9s %14s %12s %11s   %sx SimPy' "$v" ours "$ours_cases" "$ours_loop" "$ours_wall" "$ours_mb" "$ratio")")
done

echo
printf '%-4s %-8s %9s %14s %12s %11s\n' run tool cases "event loop (s)" "wall (s)" "peak (MB)"
printf '%s\n' "${rows[@]}"
echo "(ours: cases created after the warm-up, which is 0 here; SimPy: all arrivals.)"
