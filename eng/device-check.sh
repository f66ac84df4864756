#!/usr/bin/env bash
# The native checks for a machine with AVX-512 and no .NET (the device machine some sessions are
# lent): build the C core and its tests with CMake, run ctest — every C test walks every ISA the
# CPU has, so AVX-512 runs against the scalar reference there — then time the activation kernels
# on each ISA. A few minutes in all; logs and a summary go to $OUT (or artifacts/device).
#
#   bash eng/device-check.sh            # from the repository root
set -u
out=${OUT:-artifacts/device}
build=artifacts/native-device
mkdir -p "$out"
if grep -qw avx512f /proc/cpuinfo; then echo "cpu: avx512f present" | tee "$out/summary.txt"
else echo "cpu: no avx512f (only the scalar and AVX2 paths can run here)" | tee "$out/summary.txt"; fi
if ! { cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >"$out/configure.log" 2>&1 &&
       cmake --build "$build" --parallel >"$out/build.log" 2>&1; }; then
    echo "native build failed; see $out/configure.log and $out/build.log" | tee -a "$out/summary.txt"
    tail -20 "$out/build.log"
    exit 1
fi
ctest --test-dir "$build" -V >"$out/ctest.log" 2>&1
tests=$?
grep -E "tests passed|tests failed" "$out/ctest.log" | tee -a "$out/summary.txt"
# Each C test names the ISAs it ran and skipped: count them, so a run shows whether AVX-512 ran.
grep -oE "isa (scalar|avx2|avx512|[0-9]+: not supported[^,]*)" "$out/ctest.log" | sort | uniq -c | tee -a "$out/summary.txt"
if cc -O2 -Inative/include benchmarks/native/activation_timing.c -ldl -o "$build/activation_timing" 2>"$out/timer-build.log"; then
    for isa in scalar avx2 avx512; do
        echo "== $isa" >>"$out/activation-timing.txt"
        "$build/activation_timing" "$isa" 2 "$build/native/libdiffnative.so" >>"$out/activation-timing.txt" 2>&1
    done
    cat "$out/activation-timing.txt"
fi
exit $tests
