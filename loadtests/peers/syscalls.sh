#!/usr/bin/env bash
# System calls per proxied request, per engine: a count, so it does not depend on how busy the machine is.
# `corslab origin` serves /bytes/N; each engine (and nginx as a proxy) is traced with `strace -q -c -f -p PID` while
# one curl sends COUNT GETs over one keep-alive connection (1 in flight) after a warm-up of 50. Prints, per target,
# the calls per request for the socket calls and the total, and keeps strace's full table in the log folder.
#   loadtests/peers/syscalls.sh [--engines "httpclient yarp pipelines"] [--bytes 1048576] [--count 200] [--no-nginx] [--no-setup]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
engines="httpclient yarp pipelines"; bytes=1048576; count=200; setup=1; nginx=1
while [ $# -gt 0 ]; do
  case "$1" in
    --engines) engines="$2"; shift 2 ;;
    --bytes) bytes="$2"; shift 2 ;;
    --count) count="$2"; shift 2 ;;
    --no-nginx) nginx=0; shift ;;
    --no-setup) setup=0; shift ;;
    *) echo "syscalls.sh: unknown option '$1'; valid: --engines --bytes --count --no-nginx --no-setup" >&2; exit 2 ;;
  esac
done
[[ "$bytes" =~ ^[0-9]+$ && "$count" =~ ^[0-9]+$ ]] || { echo "syscalls.sh: --bytes and --count are numbers" >&2; exit 2; }
command -v strace >/dev/null || { echo "syscalls.sh: strace is not installed (sudo apt-get install strace)" >&2; exit 2; }

[ "$setup" -eq 1 ] && "$root/scripts/setup.sh"
dll="$root/cli/CorsLab.Cli/bin/Release/net10.0/corslab.dll"
[ -f "$dll" ] || { echo "syscalls.sh: $dll is missing; run scripts/setup.sh" >&2; exit 2; }
corslab=(dotnet "$dll")
logs="$(mktemp -d)"; chmod 755 "$logs"  # nginx workers run as nobody when started by root
prefix="$logs/nginx"
pids=()
cleanup() {
  [ "$nginx" -eq 1 ] && "$root/loadtests/peers/nginx/nginx.sh" stop --prefix "$prefix" >/dev/null 2>&1 || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

source "$root/loadtests/lib/loopback.sh"
wait_up() { serving "$1" || { echo "syscalls.sh: $1 did not come up (logs in $logs)" >&2; exit 1; }; }
requests() { # url n: a curl config of n GETs, sent one after another over one connection
  for _ in $(seq 1 "$2"); do printf 'url = "%s"\noutput = /dev/null\n' "$1"; done
}

origin_port=$(free_port)
"${corslab[@]}" origin --urls "http://127.0.0.1:$origin_port" >"$logs/origin.log" 2>&1 & pids+=($!)
wait_up "http://127.0.0.1:$origin_port/healthz"
target="http://127.0.0.1:$origin_port/bytes/$bytes"

measure() { # name pid url
  requests "$3" 50 >"$logs/warm.curl"; curl -s -K "$logs/warm.curl" --max-time 60 || true
  requests "$3" "$count" >"$logs/run.curl"
  strace -q -c -f -p "$2" -o "$logs/$1.strace" & local tracer=$!
  sleep 1
  timeout 120 curl -s -K "$logs/run.curl" || echo "syscalls.sh: $1: curl failed" >&2
  sleep 0.5
  kill -INT "$tracer"; wait "$tracer" 2>/dev/null || true
  python3 - "$1" "$logs/$1.strace" "$count" <<'PY'
import sys
name, path, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
calls = {}
for line in open(path):
    parts = line.split()
    if len(parts) >= 5 and parts[0][0].isdigit() and parts[-1] != "total":
        calls[parts[-1]] = int(parts[3])
total = sum(calls.values())
socket = ["sendto", "sendmsg", "writev", "write", "recvfrom", "recvmsg", "readv", "read", "epoll_wait", "epoll_ctl", "futex"]
print(f"{name:<12}" + "".join(f"{calls.get(c, 0) / n:>11.1f}" for c in socket) + f"{total / n:>11.1f}")
PY
}

printf '%-12s' target; for c in sendto sendmsg writev write recvfrom recvmsg readv read epoll_wait epoll_ctl futex total; do printf '%11s' "$c"; done; echo
for engine in $engines; do
  port=$(free_port)
  "${corslab[@]}" proxy --engine "$engine" --urls "http://127.0.0.1:$port" >"$logs/$engine.log" 2>&1 & pid=$!; pids+=("$pid")
  wait_up "http://127.0.0.1:$port/healthcheck"
  measure "$engine" "$pid" "http://127.0.0.1:$port/?url=$(url_encode "$target")"
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
done
if [ "$nginx" -eq 1 ]; then
  proxy_port=$(free_port); static_port=$(free_port)
  "$root/loadtests/peers/nginx/nginx.sh" start --prefix "$prefix" --origin-port "$origin_port" --proxy-port "$proxy_port" --static-port "$static_port" >/dev/null
  wait_up "http://127.0.0.1:$static_port/1k"
  measure nginx-proxy "$(pgrep -P "$(cat "$prefix/nginx.pid")" | head -1)" "http://127.0.0.1:$proxy_port/bytes/$bytes"
fi
echo "per request, $count GETs of $bytes bytes, 1 in flight; strace tables in $logs"
