#!/usr/bin/env bash
# Package tests: what a user gets from `dotnet add package DiffNative` and
# `dotnet tool install DiffNative.Cli`. Packs both into a temporary folder feed (under a unique
# prerelease version, so no cached package can stand in for them), then
#   1. checks the library package's layout (assemblies, native core, README, licence, symbols),
#   2. creates a fresh console project, adds DiffNative from the feed (its dependencies from the
#      usual sources, nuget.org) and checks a gradient against its closed form (Consumer.cs),
#   3. installs the tool from the feed into a temporary tool path and runs `diffnative info` and
#      `diffnative plot --chart` (the chart needs the one SkiaSharp native the package keeps).
# Called by .ci/run; not part of `dotnet test` because packing in Release and restoring fresh
# projects takes minutes. Prints PASS/FAIL per check and ends with "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=$(mktemp -d "${TMPDIR:-/tmp}/diffnative-packages.XXXXXX")
feed=$work/feed
version="0.1.0-packagetest.$(date +%s).$$"
packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
cleanup() {
    rm -rf "$work" "$packages/diffnative/$version" "$packages/diffnative.cli/$version"
}
trap cleanup EXIT

passed=0
failed=0
pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }
finish() { echo "$passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }

# Runs a command with its output kept in a log, shown only when it fails.
logged() {
    local log=$1; shift
    if "$@" >"$work/$log.log" 2>&1; then return 0; fi
    tail -30 "$work/$log.log"; return 1
}

echo "== packing DiffNative and DiffNative.Cli $version into $feed"
if ! logged pack-library dotnet pack "$root/src/DiffNative" -c Release -o "$feed" -p:Version="$version"; then
    fail pack-library "dotnet pack src/DiffNative failed"; finish
fi
if ! logged pack-tool dotnet pack "$root/src/DiffNative.Cli" -c Release -o "$feed" -p:Version="$version"; then
    fail pack-tool "dotnet pack src/DiffNative.Cli failed"; finish
fi

# 1. The library package holds what the README promises.
library=$feed/DiffNative.$version.nupkg
listing=$(unzip -Z1 "$library" 2>&1)   # whole, once: grep -q on a pipe would cut unzip off (SIGPIPE)
missing=""
for entry in lib/net10.0/DiffNative.dll lib/net10.0/DiffNative.xml lib/net10.0/DiffNative.Interop.dll \
             runtimes/linux-x64/native/libdiffnative.so README.md LICENSE; do
    grep -qx "$entry" <<<"$listing" || missing="$missing $entry"
done
[ -f "$feed/DiffNative.$version.snupkg" ] || missing="$missing (DiffNative.$version.snupkg)"
if [ -z "$missing" ]; then pass library-package-layout; else fail library-package-layout "missing:$missing"; fi
tool=$feed/DiffNative.Cli.$version.nupkg
echo "tool package: $(du -k "$tool" | cut -f1) KiB"

# 2. A fresh console project gets the right gradient from the package.
consumer=$work/consumer
if logged new-console dotnet new console -o "$consumer" -n Consumer --framework net10.0 &&
   cat >"$consumer/nuget.config" <<NUGET &&
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="diffnative-local" value="$feed" />
  </packageSources>
</configuration>
NUGET
   cp "$root/tests/packages/Consumer.cs" "$consumer/Program.cs" &&
   logged add-package dotnet add "$consumer" package DiffNative --version "$version"; then
    if output=$(cd "$consumer" && dotnet run 2>&1); then
        echo "$output" | tail -2
        pass consumer-gradient
    else
        echo "$output" | tail -30
        fail consumer-gradient "the console project failed or its gradient was wrong (above)"
    fi
else
    fail consumer-gradient "could not create the console project or add the package"
fi

# 3. The tool installs from the feed, finds its native core and draws a chart.
tools=$work/tools
if logged tool-install dotnet tool install --tool-path "$tools" --add-source "$feed" --version "$version" DiffNative.Cli; then
    if info=$("$tools/diffnative" info --json 2>&1) && echo "$info" | grep -q '"active"'; then
        pass tool-info
    else
        echo "$info" | tail -20; fail tool-info "diffnative info --json failed"
    fi
    chart=$work/sine.png
    if "$tools/diffnative" plot --expr "sin(x)" --from 0 --to 6 --chart "$chart" >"$work/plot.log" 2>&1 &&
       [ "$(head -c 8 "$chart" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]; then
        pass tool-plot-chart
    else
        tail -20 "$work/plot.log"; fail tool-plot-chart "diffnative plot did not write a PNG"
    fi
else
    fail tool-info "dotnet tool install failed"
    fail tool-plot-chart "dotnet tool install failed"
fi

finish
