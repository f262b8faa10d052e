#!/usr/bin/env bash
# The gate's sensitivity, measured: RUNS gate runs with no change and RUNS with cpu-tax=P on one engine, in each mode
# (--baseline: against a baseline of 5 runs written first by this script; --against: beside a clean process of the
# same engine).
# Prints per mode and change how many runs called a regression (exit 1), passed (0) or could not measure (3), how many
# of the regressions each of the p50 and CPU rows called, and the mean wall time; every run's gate.json stays in OUT.
#   loadtests/gate-sensitivity.sh [--runs 10] [--engine pipelines] [--taxes "10"] [--modes "baseline against"] [--out DIR]
# Target (DESIGN.md, "The gate"): at most 1 false alarm in 10 unchanged runs, at least 9 detections in 10 taxed runs.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=10; engine=pipelines; taxes="10"; modes="baseline against"; out="results/runs/gate-sensitivity-$(date -u +%Y%m%dT%H%M%SZ)"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --engine) engine=$2; shift 2 ;;
    --taxes) taxes=$2; shift 2 ;;
    --modes) modes=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--engine NAME] [--taxes \"5 10\"] [--modes \"baseline against\"] [--out DIR]" >&2; exit 2 ;;
  esac
done

scripts/setup.sh || exit $?
corslab=(dotnet "cli/CorsLab.Cli/bin/${CORSLAB_CONFIGURATION:-Release}/net10.0/corslab.dll")
mkdir -p "$out"
summary="$out/summary.tsv"
printf 'mode\tchange\truns\tregression\tpass\tcould-not-measure\tother\tp50-row\tcpu-row\tmean-wall-s\n' > "$summary"
reference_pid=""
reference_args=()
trap '[ -n "$reference_pid" ] && kill "$reference_pid" 2>/dev/null' EXIT

# The flags the gate starts its candidate engine with (LabComponents.StartEngineAsync; the CA only matters for https):
# a reference without the upstream timeout spent 5 % less CPU per request than the candidate with no change at all.
candidate_flags=(--upstream-timeout 2s --deny-target 127.0.0.2)

# The --against reference: a clean process of the same engine, started fresh for each run as the candidate is (a
# process that has served earlier runs is fully JIT-tiered, a fresh one still compiles, and that CPU would count
# against the candidate). Sets reference_args; stopped by stop_reference (by its pid).
start_reference() {
  exec 3< <("${corslab[@]}" proxy --engine "$engine" --urls http://127.0.0.1:0 "${candidate_flags[@]}")
  local ready url
  read -r ready <&3
  url=$(echo "$ready" | sed -nE 's/.*url=([^ ]+).*/\1/p')
  reference_pid=$(echo "$ready" | sed -nE 's/.*pid=([0-9]+).*/\1/p')
  [ -n "$url" ] || { echo "reference engine did not start: $ready" >&2; exit 3; }
  reference_args=(--against "$url/?url={url}" --against-pid "$reference_pid")
}

stop_reference() {
  [ -n "$reference_pid" ] && kill "$reference_pid" 2>/dev/null
  reference_pid=""
  exec 3<&-
}

# One series: RUNS gate runs with the given arguments (and, in --against mode, a fresh reference each); one summary line.
series() {
  local mode=$1 change=$2; shift 2
  local regression=0 pass=0 unmeasured=0 other=0 p50=0 cpu=0 total=0 i rc start log
  for i in $(seq 1 "$runs"); do
    reference_args=()
    [ "$mode" = against ] && start_reference
    start=$(date +%s.%N)
    log="$out/$mode-$change-$i.log"
    "${corslab[@]}" gate --engines "$engine" --out "$out/runs" "$@" "${reference_args[@]}" > "$log" 2>&1
    rc=$?
    [ "$mode" = against ] && stop_reference
    grep -qE '^p50 over direct .*REGRESSION' "$log" && p50=$((p50 + 1))
    grep -qE '^CPU per request .*REGRESSION' "$log" && cpu=$((cpu + 1))
    total=$(echo "$total + $(date +%s.%N) - $start" | bc)
    case $rc in 0) pass=$((pass + 1)) ;; 1) regression=$((regression + 1)) ;; 3) unmeasured=$((unmeasured + 1)) ;; *) other=$((other + 1)) ;; esac
    echo "$mode $change run $i: exit $rc ($(grep '^gate:' "$out/$mode-$change-$i.log" | tail -1))"
  done
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.0f\n' "$mode" "$change" "$runs" "$regression" "$pass" "$unmeasured" "$other" "$p50" "$cpu" "$(echo "$total / $runs" | bc -l)" >> "$summary"
}

for mode in $modes; do
  case $mode in
    baseline)
      baseline="$out/baseline-$engine.json"
      "${corslab[@]}" gate --engines "$engine" --baseline "$baseline" --update-baseline --out "$out/runs" > "$out/baseline-update.log" 2>&1 || { echo "baseline not written: $(tail -1 "$out/baseline-update.log")" >&2; exit 3; }
      args=(--baseline "$baseline") ;;
    against)
      args=() ;;
    *) echo "unknown mode '$mode' (baseline, against)" >&2; exit 2 ;;
  esac

  series "$mode" none "${args[@]}"
  for tax in $taxes; do
    series "$mode" "cpu-tax=$tax" "${args[@]}" --fault "cpu-tax=$tax"
  done
done

echo
column -t -s $'\t' "$summary"
