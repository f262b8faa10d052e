#!/usr/bin/env bash
# Fuzzes the parsers with afl-fuzz through SharpFuzz (loadtests/CorsLab.Fuzz), DURATION per target, and prints per
# target: executions, executions per second, crashes, hangs and the queue size. Exit 1 when anything crashed or hung.
#
# usage: loadtests/fuzz/run.sh DURATION [TARGET...]
#   DURATION  seconds, or with a unit: 90s, 10m, 1h
#   TARGET    request, chunked, response-head, target-url (default: all four, one after another)
#   FUZZ_JOBS=2 runs two targets at a time (each afl-fuzz is single-threaded); FUZZ_OUT sets the output folder.
#   FUZZ_KEEP=1 adds the run's queue, minimised (afl-cmin), to the committed corpus as q-<sha1> files.
#
# Installs what is missing: Debian's afl++ (apt, when root) and SharpFuzz.CommandLine (the tool manifest in .config/).
# Seeds: loadtests/fuzz/corpus/<target>/; findings, queues and logs: loadtests/fuzz/out/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/../.."

all_targets=(request chunked response-head target-url)
if [ $# -lt 1 ]; then
  sed -n '5,9p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi

case "$1" in
  *[0-9]h) seconds=$(( ${1%h} * 3600 )) ;;
  *[0-9]m) seconds=$(( ${1%m} * 60 )) ;;
  *[0-9]s) seconds=${1%s} ;;
  *) seconds=$1 ;;
esac
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "fuzz: '$1' is not a duration (e.g. 90s, 10m, 1h)" >&2
  exit 2
fi
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
  if [ ! -d "loadtests/fuzz/corpus/$target" ]; then
    echo "fuzz: unknown target '$target' (targets: ${all_targets[*]})" >&2
    exit 2
  fi
done

if ! command -v afl-fuzz >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "fuzz: installing afl++" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
  else
    echo "fuzz: afl-fuzz is missing (sudo apt-get install afl++)" >&2
    exit 2
  fi
fi
dotnet tool restore >/dev/null

out=${FUZZ_OUT:-loadtests/fuzz/out}
bin="$out/bin"
# A fresh publish each time: the instrumented dlls must never be instrumented twice, nor stale.
rm -rf "$bin"
echo "fuzz: building and instrumenting into $bin" >&2
dotnet publish loadtests/CorsLab.Fuzz/CorsLab.Fuzz.csproj -c Release -o "$bin" -nologo -v quiet -clp:ErrorsOnly >&2
# Only the code under test carries coverage probes; the harness, SharpFuzz and the framework do not.
for assembly in CorsLab.Proxies.Pipelines CorsLab.Proxies.Core; do
  dotnet sharpfuzz "$bin/$assembly.dll" >/dev/null
done

# .NET is no afl-instrumented binary; a busy shared machine has no free core to pin and may scale frequencies.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1
# Containers rarely let us point core_pattern away from a handler; a .NET crash here is an exception, not a core.
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
# The first execution starts the runtime and JITs the parsers.
export AFL_FORKSRV_INIT_TMOUT=60000

# afl-fuzz and afl-cmin want the program by its path.
harness=("$(command -v dotnet)" "$bin/CorsLab.Fuzz.dll")

# The queue, minimised to the inputs that add coverage, joins the seeds under content-hash names.
keep_queue() {
  local target=$1 minimised="$out/cmin/$target" corpus="loadtests/fuzz/corpus/$target" file hash
  rm -rf "$minimised"
  nice -n 10 afl-cmin -i "$out/findings/$target/default/queue" -o "$minimised" -t 2000 -m none -- "${harness[@]}" "$target" >"$out/$target.cmin.log" 2>&1 \
    || { echo "fuzz: afl-cmin for $target failed, see $out/$target.cmin.log" >&2; return; }
  local known
  known=$(sha1sum "$corpus"/* | cut -c1-40)
  for file in "$minimised"/*; do
    hash=$(sha1sum "$file" | cut -c1-40)
    grep -q "$hash" <<<"$known" || cp "$file" "$corpus/q-${hash:0:16}"
  done
}

fuzz_one() {
  local target=$1 dict=loadtests/fuzz/dict/http.dict
  [ "$target" = target-url ] && dict=loadtests/fuzz/dict/url.dict
  rm -rf "$out/findings/$target"
  mkdir -p "$out/findings"
  # -t 2000: a parse takes microseconds; two seconds leaves room for a loaded machine and still calls a loop a hang.
  local command=(nice -n 10 afl-fuzz -i "loadtests/fuzz/corpus/$target" -o "$out/findings/$target" -x "$dict"
    -V "$seconds" -t 2000 -m none -- "${harness[@]}" "$target")
  echo "fuzz: $target for ${seconds}s: ${command[*]}" >&2
  "${command[@]}" >"$out/$target.log" 2>&1 || echo "fuzz: afl-fuzz for $target failed, see $out/$target.log" >&2
  if [ "${FUZZ_KEEP:-0}" = 1 ]; then keep_queue "$target"; fi
}

jobs=${FUZZ_JOBS:-1}
for target in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  fuzz_one "$target" &
done
wait

stat() { sed -nE "s/^$1 *: *([0-9.]+).*/\1/p" "$2"; }
status=0
printf '%-14s %10s %12s %9s %8s %7s %7s\n' target seconds executions execs/s crashes hangs queue
for target in "${targets[@]}"; do
  stats="$out/findings/$target/default/fuzzer_stats"
  if [ ! -f "$stats" ]; then
    printf '%-14s did not run (see %s)\n' "$target" "$out/$target.log"
    status=1
    continue
  fi
  runtime=$(stat run_time "$stats"); execs=$(stat execs_done "$stats")
  crashes=$(stat saved_crashes "$stats"); hangs=$(stat saved_hangs "$stats"); queue=$(stat corpus_count "$stats")
  printf '%-14s %10s %12s %9s %8s %7s %7s\n' "$target" "$runtime" "$execs" "$(( execs / (runtime > 0 ? runtime : 1) ))" "$crashes" "$hangs" "$queue"
  if [ "$crashes" -gt 0 ] || [ "$hangs" -gt 0 ]; then status=1; fi
done
[ "$status" -eq 0 ] || echo "fuzz: inputs that crashed or hung are in $out/findings/<target>/default/{crashes,hangs}; replay one with: dotnet $bin/CorsLab.Fuzz.dll TARGET < FILE" >&2
exit "$status"
