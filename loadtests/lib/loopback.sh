# Shell helpers the load scripts share for processes they start on 127.0.0.1. Sourced, not run.

# A port nothing listens on now (the kernel's choice of an ephemeral one).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# URL as one query value, every reserved character percent-encoded.
url_encode() { python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

# serving URL [PID]: 0 once URL answers 2xx, within 30 s; 1 when it does not, or as soon as PID (when given) has exited.
serving() {
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null --max-time 2 "$1" && return 0
    [ -z "${2:-}" ] || kill -0 "$2" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
