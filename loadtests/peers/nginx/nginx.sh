#!/usr/bin/env bash
# Starts or stops nginx as a peer on 127.0.0.1 with its own prefix (no system service is touched).
#   nginx.sh start --origin-port P --proxy-port Q --static-port R [--prefix DIR] [--buffering on|off] [--upstream-keepalive N]
# --buffering (default off) is nginx's proxy_buffering; --upstream-keepalive (default 128) the idle upstream
# connections kept per worker, 0 for none (a new upstream connection per request, nginx's default).
#   nginx.sh stop [--prefix DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
action="${1:-}"; shift || true
prefix="${TMPDIR:-/tmp}/corslab-nginx"
origin_port=""; proxy_port=""; static_port=""; buffering=off; keepalive=128
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --origin-port) origin_port="$2"; shift 2 ;;
    --proxy-port) proxy_port="$2"; shift 2 ;;
    --static-port) static_port="$2"; shift 2 ;;
    --buffering) buffering="$2"; shift 2 ;;
    --upstream-keepalive) keepalive="$2"; shift 2 ;;
    *) echo "nginx.sh: unknown option '$1'; valid: --prefix --origin-port --proxy-port --static-port --buffering --upstream-keepalive" >&2; exit 2 ;;
  esac
done

nginx_bin="$(command -v nginx || true)"
[ -n "$nginx_bin" ] || nginx_bin=/usr/sbin/nginx
if [ ! -x "$nginx_bin" ]; then
  echo "nginx.sh: nginx is not installed; install it with: sudo apt-get install nginx" >&2
  exit 2
fi

case "$action" in
  start)
    if [ -z "$origin_port" ] || [ -z "$proxy_port" ] || [ -z "$static_port" ]; then
      echo "nginx.sh: start needs --origin-port, --proxy-port and --static-port" >&2
      exit 2
    fi
    case "$buffering" in on|off) ;; *) echo "nginx.sh: --buffering must be on or off, not '$buffering'" >&2; exit 2 ;; esac
    case "$keepalive" in ''|*[!0-9]*) echo "nginx.sh: --upstream-keepalive must be a number of connections (0 for none), not '$keepalive'" >&2; exit 2 ;; esac
    keepalive_line="keepalive $keepalive;"
    [ "$keepalive" -gt 0 ] || keepalive_line="# no upstream keep-alive: a new connection per request"
    mkdir -p "$prefix/www"
    head -c 1024 /dev/zero | tr '\0' 'x' > "$prefix/www/1k"
    sed -e "s#@PREFIX@#$prefix#g" -e "s#@ORIGIN_PORT@#$origin_port#g" \
        -e "s#@PROXY_PORT@#$proxy_port#g" -e "s#@STATIC_PORT@#$static_port#g" \
        -e "s#@BUFFERING@#$buffering#g" -e "s|@KEEPALIVE@|$keepalive_line|g" \
        "$here/nginx.conf.template" > "$prefix/nginx.conf"
    "$nginx_bin" -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log"
    echo "nginx: proxy http://127.0.0.1:$proxy_port -> origin :$origin_port, static http://127.0.0.1:$static_port/1k"
    ;;
  stop)
    if [ -f "$prefix/nginx.pid" ]; then
      "$nginx_bin" -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" -s quit 2>/dev/null || kill "$(cat "$prefix/nginx.pid")" 2>/dev/null || true
    fi
    ;;
  *)
    echo "nginx.sh: usage: nginx.sh start|stop [options]" >&2
    exit 2
    ;;
esac
