#!/usr/bin/env bash
# Starts or stops nginx as a peer on 127.0.0.1 with its own prefix (no system service is touched).
#   nginx.sh start --origin-port P --proxy-port Q --static-port R [--prefix DIR]
#   nginx.sh stop [--prefix DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
action="${1:-}"; shift || true
prefix="${TMPDIR:-/tmp}/corslab-nginx"
origin_port=""; proxy_port=""; static_port=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --origin-port) origin_port="$2"; shift 2 ;;
    --proxy-port) proxy_port="$2"; shift 2 ;;
    --static-port) static_port="$2"; shift 2 ;;
    *) echo "nginx.sh: unknown option '$1'; valid: --prefix --origin-port --proxy-port --static-port" >&2; exit 2 ;;
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
    mkdir -p "$prefix/www"
    head -c 1024 /dev/zero | tr '\0' 'x' > "$prefix/www/1k"
    sed -e "s#@PREFIX@#$prefix#g" -e "s#@ORIGIN_PORT@#$origin_port#g" \
        -e "s#@PROXY_PORT@#$proxy_port#g" -e "s#@STATIC_PORT@#$static_port#g" \
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
