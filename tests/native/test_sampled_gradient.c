/* dn_sampled_gradient on every runnable ISA: bit-identical to numpy's formula written out here
 * independently, exact on polynomials of degree <= 2, second-order on sin, and never touching
 * memory outside its buffers (guard pages). */
#define _DEFAULT_SOURCE
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check.h"
#include "isa_list.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static double random_value(void)
{
    rng_state ^= rng_state << 13; rng_state ^= rng_state >> 7; rng_state ^= rng_state << 17;
    const double unit = (double)(rng_state >> 11) / 9007199254740992.0; /* [0, 1) */
    const int exponent = (int)(rng_state % 41) - 20;                  /* 1e-20 .. 1e20 scales */
    return (unit - 0.5) * ldexp(1.0, exponent);
}

/* numpy.gradient(y, h, edge_order=2), transcribed from numpy's documented algorithm. */
static void expected_gradient(const double *y, size_t n, double h, double *out)
{
    for (size_t i = 1; i + 1 < n; ++i)
        out[i] = (y[i + 1] - y[i - 1]) / (2.0 * h);
    out[0] = (-1.5 / h) * y[0] + (2.0 / h) * y[1] + (-0.5 / h) * y[2];
    out[n - 1] = (0.5 / h) * y[n - 3] + (-2.0 / h) * y[n - 2] + (1.5 / h) * y[n - 1];
}

static int same_bits(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }

static void test_bit_identical_to_reference(dn_isa isa)
{
    static const size_t extra[] = {127, 128, 129, 1000, 4099, 65537};
    double *y = malloc(70000 * sizeof *y), *got = malloc(70002 * sizeof *got), *want = malloc(70000 * sizeof *want);
    for (size_t t = 0; t < 71 + sizeof extra / sizeof extra[0]; ++t) {
        const size_t n = t < 71 ? t : extra[t - 71];
        const double h = t % 3 == 0 ? 0.1 : (t % 3 == 1 ? 1.0 : 3.7e-3);
        for (size_t i = 0; i < n; ++i) y[i] = random_value();
        got[0] = got[n + 1] = 12345.0; /* sentinels either side of the output */
        const dn_status s = dn_sampled_gradient(isa, y, n, h, got + 1, n);
        if (n == 1 || n == 2) {
            CHECK(s == DN_ERR_LENGTH, "isa %d n %zu: status %d", isa, n, s);
            continue;
        }
        CHECK(s == DN_OK, "isa %d n %zu: status %d", isa, n, s);
        CHECK(got[0] == 12345.0 && got[n + 1] == 12345.0, "isa %d n %zu: wrote outside", isa, n);
        if (n < 3) continue;
        expected_gradient(y, n, h, want);
        size_t bad = 0;
        for (size_t i = 0; i < n; ++i) bad += !same_bits(got[i + 1], want[i]);
        CHECK(bad == 0, "isa %d n %zu: %zu elements differ from numpy's formula", isa, n, bad);
    }
    free(y); free(got); free(want);
}

static void test_exact_on_quadratics(dn_isa isa)
{
    /* y = 3 + 2x - x^2/2 on x = -4 + i/4: every value and every derivative 2 - x is a short
     * binary fraction, so a second-order formula must reproduce the derivative exactly. */
    for (size_t n = 3; n <= 70; ++n) {
        double y[70], d[70];
        for (size_t i = 0; i < n; ++i) {
            const double x = -4.0 + 0.25 * (double)i;
            y[i] = 3.0 + 2.0 * x - 0.5 * x * x;
        }
        CHECK(dn_sampled_gradient(isa, y, n, 0.25, d, n) == DN_OK, "isa %d n %zu", isa, n);
        for (size_t i = 0; i < n; ++i) {
            const double x = -4.0 + 0.25 * (double)i;
            CHECK(d[i] == 2.0 - x, "isa %d n %zu i %zu: %.17g != %.17g", isa, n, i, d[i], 2.0 - x);
        }
    }
}

static double max_error_on_sin(dn_isa isa, size_t n)
{
    double *y = malloc(n * sizeof *y), *d = malloc(n * sizeof *d);
    const double h = 1.0 / (double)(n - 1);
    for (size_t i = 0; i < n; ++i) y[i] = sin((double)i * h);
    CHECK(dn_sampled_gradient(isa, y, n, h, d, n) == DN_OK, "isa %d", isa);
    double worst = 0.0;
    for (size_t i = 0; i < n; ++i) worst = fmax(worst, fabs(d[i] - cos((double)i * h)));
    free(y); free(d);
    return worst;
}

static void test_second_order_on_sin(dn_isa isa)
{
    const double coarse = max_error_on_sin(isa, 101), fine = max_error_on_sin(isa, 201);
    const double ratio = coarse / fine; /* halving h divides an O(h^2) error by 4 */
    CHECK(ratio > 3.6 && ratio < 4.4, "isa %d: error ratio %g (errors %g, %g)", isa, ratio, coarse, fine);
    CHECK(coarse < 1e-4, "isa %d: error %g too large for h = 0.01", isa, coarse);
}

/* Buffers whose last byte abuts a PROT_NONE page: a read or write past the end faults. */
static double *guarded(size_t n, void **base, size_t *size)
{
    const size_t page = (size_t)sysconf(_SC_PAGESIZE);
    const size_t data_pages = (n * sizeof(double) + page - 1) / page + 1;
    *size = (data_pages + 1) * page;
    char *p = mmap(NULL, *size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return NULL;
    mprotect(p + data_pages * page, page, PROT_NONE);
    *base = p;
    return (double *)(p + data_pages * page) - n;
}

static void test_guard_pages(dn_isa isa)
{
    for (size_t n = 0; n <= 70; ++n) {
        void *by = NULL, *bo = NULL; size_t sy = 0, so = 0;
        double *y = guarded(n, &by, &sy), *out = guarded(n, &bo, &so);
        CHECK(y && out, "mmap failed");
        if (!y || !out) return;
        for (size_t i = 0; i < n; ++i) y[i] = (double)i * (double)i;
        const dn_status s = dn_sampled_gradient(isa, y, n, 1.0, out, n);
        CHECK(s == (n == 1 || n == 2 ? DN_ERR_LENGTH : DN_OK), "isa %d n %zu: status %d", isa, n, s);
        munmap(by, sy); munmap(bo, so);
    }
}

int main(void)
{
    for (size_t i = 0; i < ALL_ISA_COUNT; ++i) {
        const dn_kernels *k = runnable_kernels(all_isas[i]);
        if (!k) continue;
        printf("  isa %s\n", k->name);
        test_bit_identical_to_reference(k->isa);
        test_exact_on_quadratics(k->isa);
        test_second_order_on_sin(k->isa);
        test_guard_pages(k->isa);
    }
    return check_report("test_sampled_gradient");
}
