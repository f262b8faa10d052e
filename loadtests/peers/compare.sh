#!/usr/bin/env bash
# Throughput of every engine against nginx and the Node/Express peer, with wrk, on this machine.
# wrk is pinned to CPU 0, the proxies and the origin to CPU 1; every configuration runs
# --repeat times, interleaved; medians are printed and written to results/runs/<stamp>-compare/compare.json.
# Each round also reads the CPU time (utime + stime, /proc/PID/stat) the target and the origin used, so
# throughput can be read per core: "cpu us/req" is the proxy's own, "origin us/req" what the origin spent.
#   loadtests/peers/compare.sh [--engines "httpclient yarp"] [--duration 5] [--repeat 3] [--connections 32] [--path /bytes/1024] [--warmup 5]
#                              [--runtime-env "DOTNET_gcServer=1 DOTNET_TieredPGO=0"]
# --runtime-env: environment for the .NET engines only (not the origin), to measure another runtime configuration.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
engines="httpclient yarp"; duration=5; repeat=3; connections=32; path="/bytes/1024"; warmup=5; runtime_env=
while [ $# -gt 0 ]; do
  case "$1" in
    --engines) engines="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --path) path="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --runtime-env) runtime_env="$2"; shift 2 ;;
    *) echo "compare.sh: unknown option '$1'; valid: --engines --duration --repeat --connections --path --warmup --runtime-env" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "compare.sh: wrk is not installed; install it with: sudo apt-get install wrk" >&2; exit 2; }
command -v taskset >/dev/null || { echo "compare.sh: taskset is missing; install it with: sudo apt-get install util-linux" >&2; exit 2; }

"$root/scripts/setup.sh"
corslab=(dotnet "$root/cli/CorsLab.Cli/bin/Release/net10.0/corslab.dll")
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$root/results/runs/$stamp-compare"; mkdir -p "$out"
prefix="$out/nginx"
pids=()
cleanup() {
  "$root/loadtests/peers/nginx/nginx.sh" stop --prefix "$prefix" >/dev/null 2>&1 || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

source "$root/loadtests/lib/loopback.sh"
wait_up() { serving "$1" || { echo "compare.sh: $1 did not come up" >&2; exit 1; }; }

origin_port=$(free_port)
# The origin's idle thread-pool workers sleep at once instead of spinning for work: on the core it shares with a
# single-threaded proxy (nginx), the spin held the core nginx needed next (loadtests/peers/README.md, "A fair nginx").
DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 taskset -c 1 "${corslab[@]}" origin --urls "http://127.0.0.1:$origin_port" >"$out/origin.log" 2>&1 & pids+=($!)
wait_up "http://127.0.0.1:$origin_port/healthz"
target_url="http://127.0.0.1:$origin_port$path"
encoded=$(url_encode "$target_url")

declare -A urls
declare -A cpu_pids  # target -> the processes whose CPU time is the target's (space-separated)
origin_pid=${pids[0]}
urls[direct]="$target_url"; cpu_pids[direct]=""
for engine in $engines; do
  port=$(free_port)
  # shellcheck disable=SC2086  # the assignments split on purpose
  env $runtime_env taskset -c 1 "${corslab[@]}" proxy --engine "$engine" --urls "http://127.0.0.1:$port" >"$out/$engine.log" 2>&1 & pids+=($!)
  cpu_pids[$engine]=$!
  wait_up "http://127.0.0.1:$port/healthcheck"
  urls[$engine]="http://127.0.0.1:$port/?url=$encoded"
done
if command -v node >/dev/null; then
  port=$(free_port)
  taskset -c 1 "$root/loadtests/peers/node-express/start.sh" --port "$port" >"$out/node-express.log" 2>&1 & pids+=($!)
  cpu_pids[node-express]=$!  # start.sh execs node: the same pid
  wait_up "http://127.0.0.1:$port/healthcheck"
  urls[node-express]="http://127.0.0.1:$port/?url=$encoded"
else
  echo "compare.sh: node is not installed (sudo apt-get install nodejs npm); comparing without the Node/Express peer" >&2
fi
if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then
  proxy_port=$(free_port); static_port=$(free_port)
  taskset -c 1 "$root/loadtests/peers/nginx/nginx.sh" start --prefix "$prefix" --origin-port "$origin_port" --proxy-port "$proxy_port" --static-port "$static_port" >/dev/null
  wait_up "http://127.0.0.1:$static_port/1k"
  urls[nginx-static]="http://127.0.0.1:$static_port/1k"
  urls[nginx-proxy]="http://127.0.0.1:$proxy_port$path"
  workers=$(pgrep -P "$(cat "$prefix/nginx.pid")" | tr '\n' ' ')
  cpu_pids[nginx-static]="$workers"; cpu_pids[nginx-proxy]="$workers"
else
  echo "compare.sh: nginx is not installed (sudo apt-get install nginx); comparing without it" >&2
fi

targets=(direct nginx-static nginx-proxy node-express $engines)

cpu_ticks() { # pids...: utime + stime of them all, in clock ticks
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
hz=$(getconf CLK_TCK)

# Warm-up, not recorded: .NET engines run tier-0 code (and dynamic PGO's instrumented tier) for their first
# seconds under load; measuring that would rank JIT warm-up, not forwarding.
for target in "${targets[@]}"; do
  [ -n "${urls[$target]:-}" ] || continue
  taskset -c 0 wrk -t1 -c"$connections" -d"${warmup}s" "${urls[$target]}" >/dev/null 2>&1
done

results="$out/samples.tsv"; : > "$results"
for round in $(seq 1 "$repeat"); do
  for target in "${targets[@]}"; do
    [ -n "${urls[$target]:-}" ] || continue
    # shellcheck disable=SC2086  # the pid lists split on purpose
    before=$(cpu_ticks ${cpu_pids[$target]:-}); origin_before=$(cpu_ticks "$origin_pid")
    line=$(taskset -c 0 wrk -t1 -c"$connections" -d"${duration}s" --latency "${urls[$target]}" 2>&1)
    # shellcheck disable=SC2086
    cpu=$(( $(cpu_ticks ${cpu_pids[$target]:-}) - before )); origin_cpu=$(( $(cpu_ticks "$origin_pid") - origin_before ))
    rps=$(awk '/Requests\/sec:/ {print $2}' <<<"$line")
    p50=$(awk '$1=="50%" {print $2}' <<<"$line")
    requests=$(awk '/requests in/ {print $1}' <<<"$line"); requests=${requests:-0}
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$line"); non2xx=${non2xx:-0}
    cpu_us=$(awk -v t="$cpu" -v n="$requests" -v hz="$hz" 'BEGIN {printf "%.1f", (n > 0 ? t * 1e6 / hz / n : 0)}')
    origin_us=$(awk -v t="$origin_cpu" -v n="$requests" -v hz="$hz" 'BEGIN {printf "%.1f", (n > 0 ? t * 1e6 / hz / n : 0)}')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$round" "$rps" "$p50" "$non2xx" "$cpu_us" "$origin_us" >> "$results"
    printf 'round %s %-13s %10s rps  p50 %s  non-2xx %s  cpu %s us/req  origin %s us/req\n' "$round" "$target" "$rps" "$p50" "$non2xx" "$cpu_us" "$origin_us"
  done
done

python3 - "$results" "$out/compare.json" "$duration" "$connections" "$path" "$runtime_env" <<'PY'
import json, statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
by = {}
for target, rnd, rps, p50, non2xx, cpu, origin in rows:
    by.setdefault(target, []).append((float(rps), p50, int(non2xx), float(cpu), float(origin)))
summary = {t: {"rpsMedian": statistics.median(r[0] for r in v), "rps": [r[0] for r in v], "p50": [r[1] for r in v],
               "non2xx": sum(r[2] for r in v), "cpuMicrosPerRequest": [r[3] for r in v], "originCpuMicrosPerRequest": [r[4] for r in v]}
           for t, v in by.items()}
# Rounds are interleaved, so a ratio per round cancels most of what the machine did meanwhile; its median is the figure.
def ratio(a, b):
    if a not in by or b not in by:
        return float("nan")
    return statistics.median(x[0] / y[0] for x, y in zip(by[a], by[b]))
ref = summary.get("direct", {}).get("rpsMedian")
print(f"\n{'target':<14}{'median rps':>12}{'x direct':>10}{'x nginx-proxy':>15}{'cpu us/req':>12}{'origin us/req':>15}")
for t, s in summary.items():
    d = s["rpsMedian"] / ref if ref else float("nan")
    n = ratio(t, "nginx-proxy")
    s["ratioToNginxProxy"] = n
    print(f"{t:<14}{s['rpsMedian']:>12.0f}{d:>10.2f}{n:>15.2f}{statistics.median(s['cpuMicrosPerRequest']):>12.1f}{statistics.median(s['originCpuMicrosPerRequest']):>15.1f}")
if "pipelines" in by and "yarp" in by:
    print(f"pipelines / yarp, median of per-round ratios: {ratio('pipelines', 'yarp'):.2f}")
json.dump({"schema": "corslab.compare/1", "tool": "wrk", "durationSeconds": float(sys.argv[3]), "connections": int(sys.argv[4]), "path": sys.argv[5], "pinning": "wrk cpu0; proxies and origin cpu1", "runtimeEnv": sys.argv[6], "targets": summary}, open(sys.argv[2], "w"), indent=2)
PY
echo "wrote $out/compare.json"
