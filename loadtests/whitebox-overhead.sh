#!/usr/bin/env bash
# What the white-box evidence costs the engine it watches: one engine, five ways, measured by wrk in interleaved
# rounds (1 KB GET through the proxy, the small-get request): bare; traced at sampling 1.0 and 0.01 (OTLP/HTTP to
# `corslab receive`); under an EventPipe session without CPU sampling and with it (`corslab capture --pid`).
# Prints per variant the median over rounds of its rps and p50 divided by bare's in the same round (the rounds are
# interleaved, so a per-round ratio cancels most of what the machine did meanwhile), with the rounds' range.
#   loadtests/whitebox-overhead.sh [--engine pipelines] [--repeat 5] [--duration 5] [--connections 32] [--warmup 5]
# wrk, the receiver and the capture readers run on CPU 0 (the lab's side: a collector is elsewhere in production);
# the engines and the origin on CPU 1.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
engine=pipelines; repeat=5; duration=5; connections=32; warmup=5
while [ $# -gt 0 ]; do
  case "$1" in
    --engine) engine="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    *) echo "whitebox-overhead.sh: unknown option '$1'; valid: --engine --repeat --duration --connections --warmup" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "whitebox-overhead.sh: wrk is not installed; install it with: sudo apt-get install wrk" >&2; exit 2; }

"$root/scripts/setup.sh"
corslab=(dotnet "$root/cli/CorsLab.Cli/bin/Release/net10.0/corslab.dll")
out="$root/results/runs/$(date -u +%Y%m%dT%H%M%SZ)-whitebox-overhead"; mkdir -p "$out"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

source "$root/loadtests/lib/loopback.sh"
wait_up() { serving "$1" || { echo "whitebox-overhead.sh: $1 did not come up" >&2; exit 1; }; }

origin_port=$(free_port)
taskset -c 1 "${corslab[@]}" origin --urls "http://127.0.0.1:$origin_port" >"$out/origin.log" 2>&1 & pids+=($!)
wait_up "http://127.0.0.1:$origin_port/healthz"
encoded=$(url_encode "http://127.0.0.1:$origin_port/bytes/1024")

exec 3< <(taskset -c 0 "${corslab[@]}" receive --out "$out/spans" 2>"$out/receiver.log")
read -r ready <&3
receiver=$(sed -nE 's/.*http=([^ ]+).*/\1/p' <<<"$ready")
[ -n "$receiver" ] || { echo "whitebox-overhead.sh: the receiver did not start: $ready" >&2; exit 1; }
pids+=("$(sed -nE 's/.*pid=([0-9]+).*/\1/p' <<<"$ready")")

declare -A urls
start_engine() { # name, extra arguments...: one engine process on CPU 1
  local name=$1 port; shift
  port=$(free_port)
  OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf taskset -c 1 "${corslab[@]}" proxy --engine "$engine" --urls "http://127.0.0.1:$port" "$@" >"$out/$name.log" 2>&1 & pids+=($!)
  last_pid=$!
  wait_up "http://127.0.0.1:$port/healthcheck"
  urls[$name]="http://127.0.0.1:$port/?url=$encoded"
}
start_engine bare
start_engine traced-1.0 --otlp-endpoint "$receiver" --trace-sampling 1
start_engine traced-0.01 --otlp-endpoint "$receiver" --trace-sampling 0.01
start_engine eventpipe
taskset -c 0 "${corslab[@]}" capture --pid "$last_pid" --duration 3600s --out "$out/eventpipe" >"$out/eventpipe-capture.log" 2>&1 & pids+=($!)
start_engine eventpipe-cpu
taskset -c 0 "${corslab[@]}" capture --pid "$last_pid" --duration 3600s --capture-cpu --out "$out/eventpipe-cpu" >"$out/eventpipe-cpu-capture.log" 2>&1 & pids+=($!)
sleep 2  # the sessions' rundown, before any measured round
variants=(bare traced-1.0 traced-0.01 eventpipe eventpipe-cpu)

# Warm-up, not recorded: tier-0 code and dynamic PGO's instrumented tier would rank JIT warm-up, not the evidence's cost.
for variant in "${variants[@]}"; do taskset -c 0 wrk -t1 -c"$connections" -d"${warmup}s" "${urls[$variant]}" >/dev/null 2>&1; done

samples="$out/samples.tsv"; : > "$samples"
for round in $(seq 1 "$repeat"); do
  for variant in "${variants[@]}"; do
    line=$(taskset -c 0 wrk -t1 -c"$connections" -d"${duration}s" --latency "${urls[$variant]}" 2>&1)
    rps=$(awk '/Requests\/sec:/ {print $2}' <<<"$line"); p50=$(awk '$1=="50%" {print $2}' <<<"$line")
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$line"); non2xx=${non2xx:-0}
    printf '%s\t%s\t%s\t%s\t%s\n' "$variant" "$round" "$rps" "$p50" "$non2xx" >> "$samples"
    printf 'round %s %-14s %10s rps  p50 %s  non-2xx %s\n' "$round" "$variant" "$rps" "$p50" "$non2xx"
  done
done

python3 - "$samples" "$out/overhead.json" "$engine" "$connections" "$duration" <<'PY'
import json, statistics, sys
def micros(text):
    for unit, scale in (("us", 1), ("ms", 1e3), ("s", 1e6)):
        if text.endswith(unit):
            return float(text[:-len(unit)]) * scale
    raise ValueError(text)
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
by = {}
for variant, rnd, rps, p50, non2xx in rows:
    by.setdefault(variant, []).append((float(rps), micros(p50), int(non2xx)))
bare = by["bare"]
summary = {}
print(f"\n{'variant':<15}{'median rps':>12}{'rps x bare':>12}{'range':>16}{'p50 us':>10}{'p50 x bare':>12}{'range':>16}{'non-2xx':>9}")
for variant, v in by.items():
    rps_ratios = [x[0] / b[0] for x, b in zip(v, bare)]
    p50_ratios = [x[1] / b[1] for x, b in zip(v, bare)]
    summary[variant] = {"rps": [x[0] for x in v], "p50Micros": [x[1] for x in v], "non2xx": sum(x[2] for x in v),
                        "rpsToBare": statistics.median(rps_ratios), "p50ToBare": statistics.median(p50_ratios),
                        "rpsToBareRange": [min(rps_ratios), max(rps_ratios)], "p50ToBareRange": [min(p50_ratios), max(p50_ratios)]}
    s = summary[variant]
    print(f"{variant:<15}{statistics.median(x[0] for x in v):>12.0f}{s['rpsToBare']:>12.3f}{s['rpsToBareRange'][0]:>8.3f}-{s['rpsToBareRange'][1]:<7.3f}"
          f"{statistics.median(x[1] for x in v):>10.0f}{s['p50ToBare']:>12.3f}{s['p50ToBareRange'][0]:>8.3f}-{s['p50ToBareRange'][1]:<7.3f}{s['non2xx']:>9}")
json.dump({"engine": sys.argv[3], "connections": int(sys.argv[4]), "durationSeconds": int(sys.argv[5]), "rounds": len(bare), "variants": summary},
          open(sys.argv[2], "w"), indent=2)
print(f"\n{len(bare)} interleaved rounds of {sys.argv[5]} s, wrk -c{sys.argv[4]}, 1 KB GET; written to {sys.argv[2]}")
PY
