/* A quick before/after timer for the activation kernels through the public API: 1 M doubles in
 * [-10, 10] (the BenchmarkDotNet inputs), each kernel repeated for about a second, the median
 * milliseconds per call printed. Not part of ctest and not the project's reported figures (those
 * come from BenchmarkDotNet on a quiet machine); it is for comparing two builds of a kernel on the
 * same machine within a few seconds. Build and run against a CMake build in artifacts/native:
 *
 *   cc -O2 -Inative/include benchmarks/native/activation_timing.c -Lartifacts/native/native \
 *      -ldiffnative -Wl,-rpath,$PWD/artifacts/native/native -lm -o /tmp/activation_timing
 *   /tmp/activation_timing [avx2|avx512|scalar] [seconds per kernel, default 1]
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diffnative/diffnative.h"

#define SIZE (1 << 20)
#define MAX_RUNS 4096

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int by_value(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median_ms(dn_isa isa, dn_activation kind, const double *x, double *v, double *d, double seconds)
{
    static double runs[MAX_RUNS];
    int count = 0;
    const double end = now() + seconds;
    dn_activate(isa, kind, 0.0, x, SIZE, v, SIZE, d, d ? SIZE : 0); /* warm-up */
    while (count < MAX_RUNS && (count < 5 || now() < end)) {
        const double t0 = now();
        if (dn_activate(isa, kind, 0.0, x, SIZE, v, SIZE, d, d ? SIZE : 0) != DN_OK) return -1.0;
        runs[count++] = now() - t0;
    }
    qsort(runs, (size_t)count, sizeof runs[0], by_value);
    return 1e3 * runs[count / 2];
}

int main(int argc, char **argv)
{
    dn_isa isa = DN_ISA_AVX2;
    if (argc > 1 && dn_isa_parse(argv[1], &isa) != DN_OK) {
        fprintf(stderr, "unknown ISA %s\n", argv[1]);
        return 2;
    }
    const double seconds = argc > 2 ? atof(argv[2]) : 1.0;
    double *x = malloc(SIZE * sizeof *x), *v = malloc(SIZE * sizeof *v), *d = malloc(SIZE * sizeof *d);
    if (!x || !v || !d) return 1;
    unsigned long long s = 1;
    for (size_t i = 0; i < SIZE; ++i) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        x[i] = ((double)(s >> 11) / 9007199254740992.0 - 0.5) * 20.0;
    }
    const struct { const char *name; dn_activation kind; int fused; } cases[] = {
        {"sigmoid", DN_ACTIVATION_SIGMOID, 0}, {"sigmoid+derivative", DN_ACTIVATION_SIGMOID, 1},
        {"tanh", DN_ACTIVATION_TANH, 0},       {"gelu_tanh", DN_ACTIVATION_GELU_TANH, 0},
        {"gelu", DN_ACTIVATION_GELU, 0},       {"gelu+derivative", DN_ACTIVATION_GELU, 1},
    };
    const char *name = "?";
    dn_isa_name(isa, &name);
    printf("%s, 1 M doubles, median ms per call\n", name);
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; ++c) {
        const double ms = median_ms(isa, cases[c].kind, x, v, cases[c].fused ? d : NULL, seconds);
        if (ms < 0) { fprintf(stderr, "%s: ISA not available\n", name); return 2; }
        printf("  %-20s %7.3f\n", cases[c].name, ms);
    }
    free(x); free(v); free(d);
    return 0;
}
