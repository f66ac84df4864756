/* A quick A/B timer for the activation kernels: 1 M doubles in [-10, 10] (the BenchmarkDotNet
 * inputs), through dn_activate of one or two builds of the library loaded side by side, their calls
 * interleaved so that both see the same machine load; the minimum and median CPU milliseconds per
 * call (this thread's CPU time, so time spent descheduled on a busy machine does not count) are
 * printed. Not part of ctest and not the project's reported figures (those come from
 * BenchmarkDotNet on a quiet machine): it compares two builds of a kernel within a few seconds.
 *
 *   cc -O2 -Inative/include benchmarks/native/activation_timing.c -ldl -o /tmp/activation_timing
 *   cp artifacts/native/native/libdiffnative.so /tmp/before.so      # then change, rebuild
 *   /tmp/activation_timing avx2 5 /tmp/before.so artifacts/native/native/libdiffnative.so
 *
 * Arguments: ISA (scalar, avx2, avx512), seconds per kernel, one or two library paths. */
#define _POSIX_C_SOURCE 199309L
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diffnative/diffnative.h"

#define SIZE (1 << 20)
#define MAX_RUNS 4096

typedef dn_status (*activate_fn)(dn_isa, dn_activation, double, const double *, size_t, double *, size_t, double *, size_t);

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int by_value(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 4 || argc > 5) {
        fprintf(stderr, "usage: %s ISA SECONDS LIBRARY [LIBRARY]\n", argv[0]);
        return 2;
    }
    const dn_isa isa = !strcmp(argv[1], "scalar") ? DN_ISA_SCALAR : !strcmp(argv[1], "avx2") ? DN_ISA_AVX2 : DN_ISA_AVX512;
    const double seconds = atof(argv[2]);
    const int libraries = argc - 3;
    activate_fn activate[2];
    for (int l = 0; l < libraries; ++l) {
        void *handle = dlopen(argv[3 + l], RTLD_NOW | RTLD_LOCAL);
        activate[l] = handle ? (activate_fn)dlsym(handle, "dn_activate") : NULL;
        if (!activate[l]) {
            fprintf(stderr, "cannot load dn_activate from %s\n", argv[3 + l]);
            return 2;
        }
    }
    double *x = malloc(SIZE * sizeof *x), *v = malloc(SIZE * sizeof *v), *d = malloc(SIZE * sizeof *d);
    static double runs[2][MAX_RUNS];
    if (!x || !v || !d) return 1;
    unsigned long long s = 1;
    for (size_t i = 0; i < SIZE; ++i) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        x[i] = ((double)(s >> 11) / 9007199254740992.0 - 0.5) * 20.0;
    }
    const struct { const char *name; dn_activation kind; int fused; } cases[] = {
        {"sigmoid", DN_ACTIVATION_SIGMOID, 0}, {"sigmoid+derivative", DN_ACTIVATION_SIGMOID, 1},
        {"tanh", DN_ACTIVATION_TANH, 0},       {"tanh+derivative", DN_ACTIVATION_TANH, 1},
        {"gelu_tanh", DN_ACTIVATION_GELU_TANH, 0},
        {"gelu", DN_ACTIVATION_GELU, 0},       {"gelu+derivative", DN_ACTIVATION_GELU, 1},
    };
    printf("%s, 1 M doubles, CPU ms per call: min / median%s\n", argv[1], libraries == 2 ? " (first library | second)" : "");
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; ++c) {
        double *deriv = cases[c].fused ? d : NULL;
        int count = 0;
        const double end = now() + seconds; /* CPU seconds */
        for (int l = 0; l < libraries; ++l) /* warm-up */
            if (activate[l](isa, cases[c].kind, 0.0, x, SIZE, v, SIZE, deriv, deriv ? SIZE : 0) != DN_OK) {
                fprintf(stderr, "%s: not available\n", argv[1]);
                return 2;
            }
        while (count < MAX_RUNS && (count < 5 || now() < end)) {
            for (int l = 0; l < libraries; ++l) {
                const double t0 = now();
                activate[l](isa, cases[c].kind, 0.0, x, SIZE, v, SIZE, deriv, deriv ? SIZE : 0);
                runs[l][count] = now() - t0;
            }
            ++count;
        }
        printf("  %-20s", cases[c].name);
        for (int l = 0; l < libraries; ++l) {
            qsort(runs[l], (size_t)count, sizeof runs[l][0], by_value);
            printf("%s%7.3f / %7.3f", l ? "  | " : " ", 1e3 * runs[l][0], 1e3 * runs[l][count / 2]);
        }
        printf("\n");
    }
    free(x); free(v); free(d);
    return 0;
}
