#!/usr/bin/env bash
# Side-by-side benchmark (issues 3 and 13): SimPy (network.py) against our simulator on the same
# network (network-<variant>.yaml), in one run: the kernel host (the default engine) and, for
# reference, the production grains on an embedded silo (--engine grains; skipped with --no-grains).
# Usage: simulation/benchmarks/run.sh [--no-grains] [1x] [10x]   (default: 1x)
# Prints each run's event-loop time (first simulated event to last: interpreter start-up on
# SimPy's side, process, silo and city start-up on ours excluded), whole-process wall time and
# peak resident memory (/usr/bin/time -v), and our ratios to SimPy.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
grains=1
variants=()
for arg in "$@"; do
  case "$arg" in
    --no-grains) grains=0 ;;
    1x|10x) variants+=("$arg") ;;
    *) echo "run.sh: unknown argument '$arg' (expected --no-grains, 1x or 10x)" >&2; exit 2 ;;
  esac
done
[ ${#variants[@]} -eq 0 ] && variants=(1x)
engines=(kernel)
[ "$grains" -eq 1 ] && engines+=(grains)

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
  read -r simpy_wall simpy_mb <<<"$(measure "$out/simpy-$v.time")"
  rows+=("$(printf '%-4s %-8s %9s %14s %12s %11s' "$v" SimPy "$simpy_cases" "$simpy_loop" "$simpy_wall" "$simpy_mb")")
  for engine in "${engines[@]}"; do
    echo "== $v: Orleans.Governance simulator, --engine $engine"
    CI=true /usr/bin/time -v -o "$out/$engine-$v.time" dotnet "$sim" run "$here/network-$v.yaml" --engine "$engine" | tee "$out/$engine-$v.txt" | grep -E "Event loop|cases created" || true
    loop="$(sed -n 's/^Event loop \([0-9.]*\) s.*/\1/p' "$out/$engine-$v.txt")"
    cases="$(sed -n 's/^.*cases created *│ *\([0-9,]*\).*/\1/p' "$out/$engine-$v.txt" | tr -d ,)"
    read -r wall mb <<<"$(measure "$out/$engine-$v.time")"
    ratio="$(awk -v a="$loop" -v b="$simpy_loop" 'BEGIN { printf "%.2f", a / b }')"
    memory="$(awk -v a="$mb" -v b="$simpy_mb" 'BEGIN { printf "%.1f", a / b }')"
    rows+=("$(printf '%-4s %-8s %9s %14s %12s %11s   %sx SimPy loop, %sx memory' "$v" "$engine" "$cases" "$loop" "$wall" "$mb" "$ratio" "$memory")")
  done
done

echo
printf '%-4s %-8s %9s %14s %12s %11s\n' run tool cases "event loop (s)" "wall (s)" "peak (MB)"
printf '%s\n' "${rows[@]}"
echo "(ours: cases created after the warm-up, which is 0 here; SimPy: all arrivals.)"
