#!/usr/bin/env bash
# Starts the Node/Express peer on 127.0.0.1.
#   start.sh --port P [--buffer]
# Installs its dependencies (npm ci, from the committed package-lock.json) the first time.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port=""; extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="${2:-}"; shift 2 ;;
    --buffer) extra+=(--buffer); shift ;;
    *) echo "start.sh: unknown option '$1'; valid: --port P, --buffer" >&2; exit 2 ;;
  esac
done
[ -n "$port" ] || { echo "start.sh: --port P is required" >&2; exit 2; }
command -v node >/dev/null || { echo "start.sh: node is not installed; install it with: sudo apt-get install nodejs npm" >&2; exit 2; }
if [ ! -d "$here/node_modules" ]; then
  command -v npm >/dev/null || { echo "start.sh: npm is not installed; install it with: sudo apt-get install npm" >&2; exit 2; }
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
exec node "$here/server.js" --port "$port" "${extra[@]}"
