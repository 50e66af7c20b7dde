#!/usr/bin/env bash
# Side-by-side benchmark (issues 3 and 13): SimPy (network.py) against our simulator on the same
# network (network-<variant>.yaml), in one run: the kernel host (the default engine) and, for
# reference, the production grains on an embedded silo (--engine grains; skipped with --no-grains).
# Usage: simulation/benchmarks/run.sh [--no-grains] [--warm] [--runs N] [1x] [10x]   (default: 3 runs of 1x)
# Prints, as medians of N alternating runs, the event-loop time (first simulated event to last:
# interpreter start-up on SimPy's side, process, silo and city start-up on ours excluded),
# whole-process wall time and peak resident memory (/usr/bin/time -v), and our ratios to SimPy.
# --warm adds both tools at steady state: three replications one after another in one process,
# the loop being the mean of the second and third (the first pays for compiling our code and for
# faulting in the memory the run grows into).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
grains=1
warm=0
runs=3
variants=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-grains) grains=0 ;;
    --warm) warm=1 ;;
    --runs)
      [[ "${2:-}" =~ ^[1-9][0-9]?$ ]] || { echo "run.sh: --runs needs a number of runs from 1 to 99, got '${2:-}'" >&2; exit 2; }
      runs="$2"; shift ;;
    1x|10x) variants+=("$1") ;;
    *) echo "run.sh: unknown argument '$1' (expected --no-grains, --warm, --runs N, 1x or 10x)" >&2; exit 2 ;;
  esac
  shift
done
[ ${#variants[@]} -eq 0 ] && variants=(1x)
engines=(kernel)
[ "$grains" -eq 1 ] && engines+=(grains)
tools=(simpy "${engines[@]}")
[ "$warm" -eq 1 ] && tools+=(simpy-warm kernel-warm)

if ! /usr/bin/python3 -c 'import simpy' 2>/dev/null; then
  echo "Installing Debian's python3-simpy3…"
  # A fresh machine may have no package lists yet: refresh them once if the package is not found.
  apt-get install -y python3-simpy3 >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y python3-simpy3 >/dev/null; }
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

# One run: "loop wall peak cases" of SimPy or of our simulator with an engine, for variant $2.
run_simpy() {
  /usr/bin/time -v -o "$out/t" /usr/bin/python3 "$here/network.py" "$1" >"$out/simpy.json"
  read -r wall mb <<<"$(measure "$out/t")"
  /usr/bin/python3 -c 'import json,sys; j = json.load(open(sys.argv[1])); print(j["eventLoopSeconds"], sys.argv[2], sys.argv[3], j["cases"])' "$out/simpy.json" "$wall" "$mb"
}
cases_created() { sed -n 's/^.*cases created *│ *\([0-9,]*\).*/\1/p' "$out/ours.txt" | tr -d ,; }
run_ours() {
  CI=true /usr/bin/time -v -o "$out/t" dotnet "$sim" run "$here/network-$2.yaml" --engine "$1" >"$out/ours.txt"
  read -r wall mb <<<"$(measure "$out/t")"
  echo "$(sed -n 's/^Event loop \([0-9.]*\) s.*/\1/p' "$out/ours.txt") $wall $mb $(cases_created)"
}
# Steady state: replications 2 and 3 of three run one after another in one process (one processor
# on our side, so that they do not run in parallel); "mean-loop wall peak cases".
run_simpy_warm() {
  /usr/bin/time -v -o "$out/t" /usr/bin/python3 "$here/network.py" "$1" 1 3 >"$out/simpy.jsonl"
  read -r wall mb <<<"$(measure "$out/t")"
  /usr/bin/python3 -c 'import json,sys; r = [json.loads(l) for l in open(sys.argv[1])][1:]; print(round(sum(x["eventLoopSeconds"] for x in r) / len(r), 3), sys.argv[2], sys.argv[3], r[0]["cases"])' "$out/simpy.jsonl" "$wall" "$mb"
}
run_ours_warm() {
  DOTNET_PROCESSOR_COUNT=1 CI=true /usr/bin/time -v -o "$out/t" dotnet "$sim" run "$here/network-$1.yaml" --engine kernel --replications 3 >"$out/ours.txt"
  read -r wall mb <<<"$(measure "$out/t")"
  echo "$(sed -n 's/^Event loop [0-9.]* s = [0-9.]* + \([0-9.]*\) + \([0-9.]*\) .*/\1 \2/p' "$out/ours.txt" | awk '{ printf "%.3f", ($1 + $2) / 2 }') $wall $mb $(cases_created)"
}
shown() { tail -1 "$1" | awk '{ printf "   event loop %s s, wall %s s, peak %s MB\n", $1, $2, $3 }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The machines are shared and noisy: SimPy and the kernel host run in turns, $runs times each, and
# the table gives medians (the event loop's range beside them). The grain host, for reference, runs once.
rows=()
for v in "${variants[@]}"; do
  for tool in "${tools[@]}"; do : >"$out/$tool-$v"; done
  for r in $(seq 1 "$runs"); do
    echo "== $v, run $r of $runs: SimPy"
    run_simpy "$v" >>"$out/simpy-$v" && shown "$out/simpy-$v"
    echo "== $v, run $r of $runs: Orleans.Governance simulator, --engine kernel"
    run_ours kernel "$v" >>"$out/kernel-$v" && shown "$out/kernel-$v"
    if [ "$warm" -eq 1 ]; then
      echo "== $v, run $r of $runs: SimPy, three replications in one process"
      run_simpy_warm "$v" >>"$out/simpy-warm-$v" && shown "$out/simpy-warm-$v"
      echo "== $v, run $r of $runs: Orleans.Governance simulator, --engine kernel, three replications in one process"
      run_ours_warm "$v" >>"$out/kernel-warm-$v" && shown "$out/kernel-warm-$v"
    fi
  done
  if [ "$grains" -eq 1 ]; then
    echo "== $v: Orleans.Governance simulator, --engine grains"
    run_ours grains "$v" >>"$out/grains-$v" && shown "$out/grains-$v"
  fi
  for tool in "${tools[@]}"; do
    f="$out/$tool-$v"
    loop="$(cut -d' ' -f1 "$f" | median)"; wall="$(cut -d' ' -f2 "$f" | median)"; mb="$(cut -d' ' -f3 "$f" | median)"
    spread="$(cut -d' ' -f1 "$f" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s-%s", lo, hi }')"
    label=$(echo "$tool" | sed 's/^simpy/SimPy/; s/-warm$/*/')
    line="$(printf '%-4s %-8s %4s %9s %8.2f %-13s %10.2f %10.0f' "$v" "$label" "$(wc -l <"$f")" "$(head -1 "$f" | cut -d' ' -f4)" "$loop" "($spread)" "$wall" "$mb")"
    if [[ "$tool" == simpy* ]]; then
      simpy_loop="$loop" simpy_mb="$mb"
    else
      line+="$(awk -v a="$loop" -v b="$simpy_loop" -v m="$mb" -v n="$simpy_mb" 'BEGIN { printf "   %.2fx SimPy loop, %.1fx memory", a / b, m / n }')"
    fi
    rows+=("$line")
  done
done

echo
printf '%-4s %-8s %4s %9s %22s %10s %10s\n' net tool runs cases "event loop, s (range)" "wall, s" "peak, MB"
printf '%s\n' "${rows[@]}"
echo "(ours: cases created after the warm-up, which is 0 here; SimPy: all arrivals.)"
if [ "$warm" -eq 1 ]; then echo "(*: steady state, the mean loop of replications 2 and 3 of three run in one process, against SimPy's own; wall and peak: that process's.)"; fi
