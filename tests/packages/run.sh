#!/usr/bin/env bash
# Package tests: the README's "Installing the packages" section, command for command. In the
# repository root it
#   1. packs with the README's `dotnet tool restore && dotnet cake --target=Pack` (into
#      artifacts/packages) and checks the library package's layout (assemblies, native core,
#      licence, symbols) and that each package ships its own readme (src/<project>/README.md);
#   2. as a fresh user (an empty HOME: default NuGet config, empty package cache, so a copy of the
#      same version cached by an earlier pack cannot stand in, and the caller's config and cache
#      are left alone) registers artifacts/packages with the README's `dotnet nuget add source`,
#      creates a console project, adds DiffNative with the README's `dotnet add … package
#      DiffNative` (its dependencies come from nuget.org) and runs it: it prints a gradient and
#      checks it against its closed form (Consumer.cs);
#   3. installs the tool with the README's `dotnet tool install … DiffNative.Cli`, into a
#      temporary --tool-path instead of --global, and runs `diffnative info` and
#      `diffnative plot --chart` (the chart needs the one SkiaSharp native the package keeps).
# Called by .ci/run; not part of `dotnet test` because packing in Release and restoring fresh
# projects takes minutes. Prints PASS/FAIL per check and ends with "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=$(mktemp -d "${TMPDIR:-/tmp}/diffnative-packages.XXXXXX")
cleanup() { rm -rf "$work"; }
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

cd "$root" || { fail setup "no repository root at $root"; finish; }

# 1. The README's pack command.
echo "== dotnet tool restore && dotnet cake --target=Pack"
if ! logged pack bash -c 'dotnet tool restore && dotnet cake --target=Pack'; then
    fail pack "the README's pack command failed"; finish
fi
version=$(dotnet msbuild src/DiffNative -getProperty:PackageVersion 2>/dev/null | tr -d '[:space:]')
library=artifacts/packages/DiffNative.$version.nupkg
tool=artifacts/packages/DiffNative.Cli.$version.nupkg
if [ -z "$version" ] || [ ! -f "$library" ] || [ ! -f "$tool" ]; then
    fail pack "no DiffNative and DiffNative.Cli '$version' packages in artifacts/packages"; finish
fi
echo "packed $version: library $(du -k "$library" | cut -f1) KiB, tool $(du -k "$tool" | cut -f1) KiB"

listing=$(unzip -Z1 "$library" 2>&1)   # whole, once: grep -q on a pipe would cut unzip off (SIGPIPE)
missing=""
for entry in lib/net10.0/DiffNative.dll lib/net10.0/DiffNative.xml lib/net10.0/DiffNative.Interop.dll \
             runtimes/linux-x64/native/libdiffnative.so README.md LICENSE; do
    grep -qx "$entry" <<<"$listing" || missing="$missing $entry"
done
[ -f "artifacts/packages/DiffNative.$version.snupkg" ] || missing="$missing (DiffNative.$version.snupkg)"
if [ -z "$missing" ]; then pass library-package-layout; else fail library-package-layout "missing:$missing"; fi

# Each package's readme is its project's, not the repository's README.
for package in "$library:src/DiffNative/README.md" "$tool:src/DiffNative.Cli/README.md"; do
    nupkg=${package%%:*} readme=${package#*:}
    name=$(basename "$nupkg")
    if unzip -p "$nupkg" README.md 2>/dev/null | cmp -s - "$readme" &&
       unzip -p "$nupkg" '*.nuspec' 2>/dev/null | grep -q '<readme>README.md</readme>'; then
        pass "package-readme $name"
    else
        fail "package-readme $name" "its README.md is not $readme (or the nuspec names no readme)"
    fi
done

# 2. A fresh user registers the folder and adds the library to a new console project.
export HOME=$work/home NUGET_PACKAGES=$work/home/.nuget/packages
mkdir -p "$HOME"
consumer=$work/consumer
if logged add-source dotnet nuget add source "$PWD/artifacts/packages" --name diffnative-local &&
   logged new-console dotnet new console -o "$consumer" -n Consumer --framework net10.0 &&
   cp tests/packages/Consumer.cs "$consumer/Program.cs" &&
   logged add-package dotnet add "$consumer/Consumer.csproj" package DiffNative; then
    if output=$(dotnet run --project "$consumer" 2>&1); then
        echo "$output" | tail -2
        pass consumer-gradient
    else
        echo "$output" | tail -30
        fail consumer-gradient "the console project failed or its gradient was wrong (above)"
    fi
    # The assembly it ran is the one just packed, not a cached one.
    if unzip -p "$library" lib/net10.0/DiffNative.dll | cmp -s - "$consumer/bin/Debug/net10.0/DiffNative.dll"; then
        pass consumer-uses-packed-library
    else
        fail consumer-uses-packed-library "the console project's DiffNative.dll is not the packed one"
    fi
else
    fail consumer-gradient "could not create the console project or add the package"
fi

# 3. The tool installs from the registered folder, finds its native core and draws a chart.
tools=$work/tools
if logged tool-install dotnet tool install --tool-path "$tools" DiffNative.Cli; then
    if info=$("$tools/diffnative" info 2>&1) && grep -q "active ISA" <<<"$info"; then
        echo "$info" | grep -E "version|active ISA"
        pass tool-info
    else
        echo "$info" | tail -20; fail tool-info "diffnative info failed"
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
