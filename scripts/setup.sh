#!/usr/bin/env bash
# Installs what CorsLab needs on a fresh Debian machine and builds it once.
# Idempotent: a second run only checks. Used by ./corslab, ./test.sh and .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH" >&2
  exit 2
fi

# Debian packages the lab drives: none is needed for the engines and the spec; later features add theirs here.
# wrk: the external load driver (corslab bench --driver wrk), the yardstick for our own load client.
# fonts-dejavu-core: the font the report plots (ScottPlot/SkiaSharp, headless) measure and draw their text with.
# nodejs npm: the Node/Express peer (loadtests/peers/node-express) that `corslab diagnose --target` is tested on.
# chromium: the browser that judges the CORS contract (`corslab spec --browser`, proxies/CorsLab.Spec.Browser) and opens
#   report.html in the tests; Playwright drives this one, since its own browser download is not available here.
packages=(nginx wrk fonts-dejavu-core chromium nodejs npm)
missing=()
for package in "${packages[@]}"; do
  # A node installed another way (nodesource, nvm, a tarball) counts: only ask apt when the command is missing.
  case "$package" in
    nodejs) command -v node >/dev/null 2>&1 && continue ;;
    npm) command -v npm >/dev/null 2>&1 && continue ;;
  esac
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: missing Debian packages: ${missing[*]} (sudo apt-get install ${missing[*]})" >&2
  fi
fi

configuration="${CORSLAB_CONFIGURATION:-Release}"
built="cli/CorsLab.Cli/bin/$configuration/net10.0/corslab.dll"
needs_build() {
  [ "${1:-}" = "--force" ] && return 0
  [ -f "$built" ] || return 0
  # Rebuild when any source or project file is newer than the built CLI.
  [ -n "$(find cli proxies loadtests diagnostics results protocol Directory.*.props -newer "$built" \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -print -quit 2>/dev/null)" ]
}
if needs_build "${1:-}"; then
  echo "setup: building CorsLab ($configuration)" >&2
  dotnet build CorsLab.sln -c "$configuration" -nologo -v quiet -clp:ErrorsOnly >&2
fi
