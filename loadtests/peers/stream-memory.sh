#!/usr/bin/env bash
# Memory of each engine while one large body streams through it: `corslab origin` serves /bytes/N, each
# engine proxies it to curl (written to /dev/null), and the engine's VmRSS is sampled from /proc every 100 ms.
# Prints, per engine, the resident set before the transfer (after a 1 MB warm-up, so JIT and pools are in),
# the peak during it, the growth, and VmHWM (the kernel's own peak since the process started).
#   loadtests/peers/stream-memory.sh [--engines "pipelines yarp"] [--bytes 1073741824] [--timeout 300] [--no-setup]
# --no-setup uses the CLI as built (scripts/setup.sh otherwise builds it when sources are newer).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
engines="pipelines"; bytes=1073741824; timeout=300; setup=1; keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --engines) engines="$2"; shift 2 ;;
    --bytes) bytes="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    --no-setup) setup=0; shift ;;
    --keep-logs) keep=1; shift ;;
    *) echo "stream-memory.sh: unknown option '$1'; valid: --engines --bytes --timeout --no-setup" >&2; exit 2 ;;
  esac
done
[[ "$bytes" =~ ^[0-9]+$ ]] || { echo "stream-memory.sh: --bytes must be a number of bytes" >&2; exit 2; }
[[ "$timeout" =~ ^[0-9]+$ ]] || { echo "stream-memory.sh: --timeout must be a number of seconds" >&2; exit 2; }
command -v curl >/dev/null || { echo "stream-memory.sh: curl is not installed" >&2; exit 2; }

[ "$setup" -eq 1 ] && "$root/scripts/setup.sh"
dll="$root/cli/CorsLab.Cli/bin/Release/net10.0/corslab.dll"
[ -f "$dll" ] || { echo "stream-memory.sh: $dll is missing; run scripts/setup.sh" >&2; exit 2; }
corslab=(dotnet "$dll")
logs="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "$keep" -eq 1 ]; then echo "logs: $logs" >&2; else rm -rf "$logs"; fi
}
trap cleanup EXIT INT TERM

source "$root/loadtests/lib/loopback.sh"
wait_up() { # url pid
  serving "$1" "$2" && return 0
  echo "stream-memory.sh: $1 did not come up (logs in $logs)" >&2; trap - EXIT; cleanup_keep_logs; exit 1
}
cleanup_keep_logs() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
status_kb() { awk -v key="$2:" '$1 == key {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
mb() { awk -v kb="$1" 'BEGIN {printf "%.1f", kb / 1024}'; }

origin_port=$(free_port)
"${corslab[@]}" origin --urls "http://127.0.0.1:$origin_port" >"$logs/origin.log" 2>&1 & origin_pid=$!; pids+=("$origin_pid")
wait_up "http://127.0.0.1:$origin_port/healthz" "$origin_pid"

printf '%-12s %10s %10s %10s %10s %12s %8s %s\n' engine "start MB" "peak MB" "growth MB" "VmHWM MB" bytes seconds result
for engine in $engines; do
  port=$(free_port)
  "${corslab[@]}" proxy --engine "$engine" --urls "http://127.0.0.1:$port" >"$logs/$engine.log" 2>&1 & pid=$!; pids+=("$pid")
  wait_up "http://127.0.0.1:$port/healthcheck" "$pid"
  proxy="http://127.0.0.1:$port/?url="
  curl -fs -o /dev/null --max-time 30 "$proxy$(url_encode "http://127.0.0.1:$origin_port/bytes/1048576")" || true
  sleep 0.5

  start=$(status_kb "$pid" VmRSS); peak=$start
  began=$(date +%s.%N)
  curl -s -o /dev/null --max-time "$timeout" -w '%{http_code} %{size_download}' \
    "$proxy$(url_encode "http://127.0.0.1:$origin_port/bytes/$bytes")" >"$logs/$engine.curl" 2>/dev/null & curl_pid=$!
  # Bounded: curl gives up after --timeout seconds, so this loop does too.
  while kill -0 "$curl_pid" 2>/dev/null; do
    rss=$(status_kb "$pid" VmRSS); [ "${rss:-0}" -gt "$peak" ] && peak=$rss
    sleep 0.1
  done
  wait "$curl_pid" || true
  ended=$(date +%s.%N)
  rss=$(status_kb "$pid" VmRSS); [ "${rss:-0}" -gt "$peak" ] && peak=$rss
  hwm=$(status_kb "$pid" VmHWM)
  code=000; got=0
  read -r code got <"$logs/$engine.curl" || true  # curl's -w line has no newline: read still fills both
  result=ok; { [ "$code" = 200 ] && [ "$got" = "$bytes" ]; } || result="FAILED (status $code, $got bytes)"
  printf '%-12s %10s %10s %10s %10s %12s %8.1f %s\n' "$engine" "$(mb "$start")" "$(mb "$peak")" "$(mb $((peak - start)))" "$(mb "$hwm")" "$got" \
    "$(awk -v a="$began" -v b="$ended" 'BEGIN {print b - a}')" "$result"
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
done
