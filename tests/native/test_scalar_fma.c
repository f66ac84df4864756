/* The scalar ISA's two builds: the plain one (fma() a libm call) and the -mfma one the dispatcher
 * picks where the CPU has FMA. Every kernel of both tables runs on the same inputs, over lengths
 * 0..70 and a few long ones (so every tail and every 512-value piece is hit), and must give the
 * same bits (any NaN matching any NaN, as between ISAs). ctest runs this twice, the second time
 * with glibc's FMA code turned off (GLIBC_TUNABLES), so that the plain table's fma() is glibc's
 * software routine, as on a CPU without FMA. */
#include <stdbool.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fma_zero_sign.h"
#include "cpu_features.h"
#include "grid_stencils.h"
#include "kernels.h"

#define MAX_N 4099

static const size_t long_lengths[] = {127, 128, 129, 511, 512, 513, 1025, MAX_N};

static unsigned long long rng_state = 0x9E3779B97F4A7C15ull;
static double uniform(double lo, double hi)
{
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return lo + (hi - lo) * ((double)(rng_state >> 11) / 9007199254740992.0);
}

/* Mostly values where the activations do their work (the GELU series near 0, the exp ranges),
 * and every few entries one that breaks numerical code. */
static double test_value(size_t i)
{
    static const double special[] = {0.0, -0.0, NAN, INFINITY, -INFINITY, 5e-324, -1e-310, 1e300, -1e300, 745.2, -745.2, 40.0};
    if (i % 7 == 3) return special[(i / 7) % (sizeof special / sizeof special[0])];
    switch (i % 3) {
    case 0: return uniform(-1.0, 1.0);
    case 1: return uniform(-40.0, 40.0);
    default: return uniform(-800.0, 800.0);
    }
}

/* Set from fma_zero_sign.h: only under valgrind do +0 and -0 count as one. */
static bool zeros_match;

static bool same_value(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0 || (isnan(a) && isnan(b)) || (zeros_match && a == 0 && b == 0);
}

static int same_bits(const double *a, const double *b, size_t n)
{
    for (size_t i = 0; i < n; ++i)
        if (!same_value(a[i], b[i])) return 0;
    return 1;
}

/* A float widens exactly, so its bits agree exactly when the widened doubles' do. */
static int same_bits_f32(const float *a, const float *b, size_t n)
{
    for (size_t i = 0; i < n; ++i)
        if (!same_value(a[i], b[i])) return 0;
    return 1;
}

static double x[MAX_N], g[MAX_N], va[MAX_N], vb[MAX_N], da[MAX_N], db[MAX_N];
static float xf[MAX_N], gf[MAX_N], fa[MAX_N], fb[MAX_N], ea[MAX_N], eb[MAX_N];

static void fill_inputs(size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        x[i] = test_value(i);
        g[i] = uniform(-2.0, 2.0);
        xf[i] = (float)x[i];
        gf[i] = (float)g[i];
    }
}

static void test_activations(const dn_kernels *plain, const dn_kernels *fma, size_t n)
{
    static const double alphas[] = {0.01, 1.5};
    for (int kind = DN_ACTIVATION_RELU; kind <= DN_ACTIVATION_GELU; ++kind)
        for (size_t a = 0; a < 2; ++a) {
            plain->activate(kind, alphas[a], x, n, va, da);
            fma->activate(kind, alphas[a], x, n, vb, db);
            CHECK(same_bits(va, vb, n) && same_bits(da, db, n), "activate kind %d alpha %g n %zu", kind, alphas[a], n);
            plain->activate(kind, alphas[a], x, n, va, NULL);
            fma->activate(kind, alphas[a], x, n, vb, NULL);
            CHECK(same_bits(va, vb, n), "activate value only, kind %d n %zu", kind, n);
            plain->activate_f32(kind, alphas[a], xf, n, fa, ea);
            fma->activate_f32(kind, alphas[a], xf, n, fb, eb);
            CHECK(same_bits_f32(fa, fb, n) && same_bits_f32(ea, eb, n), "activate_f32 kind %d n %zu", kind, n);
            plain->activate_backward_f32(kind, alphas[a], xf, gf, n, fa);
            fma->activate_backward_f32(kind, alphas[a], xf, gf, n, fb);
            CHECK(same_bits_f32(fa, fb, n), "activate_backward_f32 kind %d n %zu", kind, n);
        }
}

/* One row of n and, where n splits, rows of a few columns: row ends are tails too. */
static void test_softmax(const dn_kernels *plain, const dn_kernels *fma, size_t n)
{
    const size_t shapes[][2] = {{1, n}, {n % 5 == 0 ? n / 5 : 0, 5}};
    for (size_t s = 0; s < 2; ++s) {
        const size_t rows = shapes[s][0], cols = shapes[s][1];
        if (rows * cols == 0) continue;
        for (int log_form = 0; log_form <= 1; ++log_form) {
            plain->softmax_rows(x, rows, cols, va, log_form);
            fma->softmax_rows(x, rows, cols, vb, log_form);
            CHECK(same_bits(va, vb, rows * cols), "softmax log %d %zu x %zu", log_form, rows, cols);
            plain->softmax_backward_rows(va, g, rows, cols, da, log_form);
            fma->softmax_backward_rows(va, g, rows, cols, db, log_form);
            CHECK(same_bits(da, db, rows * cols), "softmax backward log %d %zu x %zu", log_form, rows, cols);
            plain->softmax_rows_f32(xf, rows, cols, fa, log_form);
            fma->softmax_rows_f32(xf, rows, cols, fb, log_form);
            CHECK(same_bits_f32(fa, fb, rows * cols), "softmax_f32 log %d %zu x %zu", log_form, rows, cols);
            plain->softmax_backward_rows_f32(fa, gf, rows, cols, ea, log_form);
            fma->softmax_backward_rows_f32(fa, gf, rows, cols, eb, log_form);
            CHECK(same_bits_f32(ea, eb, rows * cols), "softmax_backward_f32 log %d %zu x %zu", log_form, rows, cols);
        }
    }
}

/* The kernels that write no FMA: the same source under other flags must still agree. */
static void test_differences_and_grids(const dn_kernels *plain, const dn_kernels *fma, size_t n)
{
    for (size_t i = 0; i < n; ++i) x[i] = uniform(-3.0, 3.0);
    if (n >= 3) {
        plain->sampled_gradient(x, n, 0.3, va);
        fma->sampled_gradient(x, n, 0.3, vb);
        CHECK(same_bits(va, vb, n), "sampled_gradient n %zu", n);
    }
    plain->fd_steps(x, n, NULL, 1e-5, va);
    fma->fd_steps(x, n, NULL, 1e-5, vb);
    CHECK(same_bits(va, vb, n), "fd_steps n %zu", n);
    const double weights[3] = {-0.5, 0.0, 0.5};
    if (n >= 3) {
        const size_t count = n / 3;
        plain->fd_combine(x, count, weights, 3, g, count, 1, va);
        fma->fd_combine(x, count, weights, 3, g, count, 1, vb);
        CHECK(same_bits(va, vb, count), "fd_combine count %zu", count);
    }
    dn_grid_stencils s;
    size_t needed = 0;
    if (dn_build_grid_stencils(2, 4, 0.3, &s, &needed) == DN_OK && n >= needed) {
        plain->grid_lines(x, n, 1, &s, 0, 0, n, va);
        fma->grid_lines(x, n, 1, &s, 0, 0, n, vb);
        CHECK(same_bits(va, vb, n), "grid_lines n %zu", n);
    }
}

int main(void)
{
#if defined(DN_HAVE_SCALAR_FMA)
    const int runs = dn_cpu_can_run_scalar_fma(dn_detect_cpu_features());
    CHECK(dn_kernels_for(DN_ISA_SCALAR) == (runs ? &dn_kernels_scalar_fma : &dn_kernels_scalar),
          "the scalar ISA uses the -mfma build exactly when the CPU has FMA");
    if (!runs) {
        printf("  this CPU has no FMA: only the plain scalar build runs here, nothing to compare\n");
        return check_report("test_scalar_fma");
    }
    zeros_match = zeros_match_under_valgrind();
    const dn_kernels *plain = &dn_kernels_scalar, *fma = &dn_kernels_scalar_fma;
    for (size_t n = 0; n <= 70 + sizeof long_lengths / sizeof long_lengths[0]; ++n) {
        const size_t length = n <= 70 ? n : long_lengths[n - 71];
        fill_inputs(length);
        test_activations(plain, fma, length);
        test_softmax(plain, fma, length);
        test_differences_and_grids(plain, fma, length);
    }
#else
    printf("  no -mfma build of the scalar kernels in this library (compiler or target without it)\n");
#endif
    return check_report("test_scalar_fma");
}
