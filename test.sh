#!/usr/bin/env bash
# Runs every test project (real processes and sockets on 127.0.0.1) and ends with one line:
# "N passed, N failed" (", N skipped" when some were).
set -uo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --force || exit $?

# One test project at a time: they start real servers and load them, and a 2-core machine shared by
# several loaded projects turns their bounds into noise.
log=$(mktemp)
dotnet test CorsLab.sln -c "${CORSLAB_CONFIGURATION:-Release}" --no-build -nologo -m:1 -v quiet --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=0; failed=0; skipped=0
while read -r f p s; do
  failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
done < <(sed -nE 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+), Total.*/\1 \2 \3/p' "$log")
rm -f "$log"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the run broke before counting (build or crash): never report green
fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$status" -eq 0 ]
