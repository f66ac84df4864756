/* dn_fd_steps, dn_fd_combine and dn_assemble_hessian on every runnable ISA: bit-identical to the
 * formulas written out here, on every length 0..70 (every vector tail), never writing outside the
 * output; and every bad argument a status code. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "isa_list.h"

static uint64_t state = 0x2545F4914F6CDD1Dull;
static double rnd(void)
{
    state ^= state << 13; state ^= state >> 7; state ^= state << 17;
    const double u = (double)(state >> 11) / 9007199254740992.0;
    return (u - 0.5) * ldexp(1.0, (int)(state % 21) - 10);
}
static int same(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }
#define SENTINEL 987654.25

static void test_steps(dn_isa isa)
{
    double x[72], s[72], got[74], want[72];
    for (size_t n = 0; n <= 70; ++n) {
        for (size_t i = 0; i < n; ++i) { x[i] = rnd(); s[i] = fabs(rnd()) + 1e-3; }
        if (n > 3) { x[0] = 0.0; x[1] = -0.0; x[2] = 1e300; x[3] = -5e-324; }
        for (int with_scales = 0; with_scales < 2; ++with_scales) {
            const double base = 6.0554544523933395e-06;
            for (size_t i = 0; i < n; ++i) {
                const double scale = with_scales ? s[i] : 1.0, ax = fabs(x[i]);
                const double t = base * (ax > scale ? ax : scale), h = (x[i] + t) - x[i];
                want[i] = h > 0 ? h : t;
            }
            got[0] = got[n + 1] = SENTINEL;
            CHECK(dn_fd_steps(isa, x, n, with_scales ? s : NULL, base, got + 1, n) == DN_OK, "isa %d n %zu", isa, n);
            CHECK(got[0] == SENTINEL && got[n + 1] == SENTINEL, "isa %d n %zu wrote outside", isa, n);
            for (size_t i = 0; i < n; ++i)
                CHECK(same(got[i + 1], want[i]), "isa %d n %zu i %zu: %.17g vs %.17g", isa, n, i, got[i + 1], want[i]);
        }
    }
}

static void test_combine(dn_isa isa)
{
    enum { P = 5, STRIDE = 80 };
    double values[P * STRIDE], h[72], got[74], want[72];
    const double w[P] = {1.0 / 12, -2.0 / 3, 2.0 / 3, -1.0 / 12, 0.3};
    for (size_t i = 0; i < P * STRIDE; ++i) values[i] = rnd();
    for (size_t i = 0; i < 72; ++i) h[i] = fabs(rnd()) + 1e-6;
    for (int d = 1; d <= 4; ++d) {
        for (size_t n = 0; n <= 70; ++n) {
            for (size_t e = 0; e < n; ++e) {
                double sum = 0.0;
                for (size_t j = 0; j < P; ++j) sum += w[j] * values[j * STRIDE + e];
                double p = h[e];
                for (int k = 1; k < d; ++k) p *= h[e];
                want[e] = sum / p;
            }
            got[0] = got[n + 1] = SENTINEL;
            CHECK(dn_fd_combine(isa, values, P * STRIDE, STRIDE, w, P, h, n, d, got + 1, n) == DN_OK, "isa %d", isa);
            CHECK(got[0] == SENTINEL && got[n + 1] == SENTINEL, "isa %d n %zu wrote outside", isa, n);
            for (size_t e = 0; e < n; ++e)
                CHECK(same(got[e + 1], want[e]), "isa %d d %d n %zu e %zu", isa, d, n, e);
        }
    }
}

static void test_assemble_hessian(dn_isa isa)
{
    for (size_t n = 0; n <= 23; ++n) {
        const size_t pairs = n * (n - (n > 0)) / 2;
        double plus[24], minus[24], h[24], pp[300], pm[300], mp[300], mm[300];
        double *got = malloc((n * n + 2) * sizeof *got), *want = malloc((n * n + 1) * sizeof *want);
        const double centre = rnd();
        for (size_t i = 0; i < n; ++i) { plus[i] = rnd(); minus[i] = rnd(); h[i] = fabs(rnd()) + 1e-4; }
        for (size_t p = 0; p < pairs; ++p) { pp[p] = rnd(); pm[p] = rnd(); mp[p] = rnd(); mm[p] = rnd(); }
        size_t p = 0;
        for (size_t i = 0; i < n; ++i) {
            want[i * n + i] = ((plus[i] + minus[i]) - 2.0 * centre) / (h[i] * h[i]);
            for (size_t j = i + 1; j < n; ++j, ++p)
                want[i * n + j] = want[j * n + i] = (((pp[p] - pm[p]) - mp[p]) + mm[p]) / ((4.0 * h[i]) * h[j]);
        }
        got[0] = got[n * n + 1] = SENTINEL;
        CHECK(dn_assemble_hessian(isa, n, centre, plus, minus, pp, pm, mp, mm, pairs, h, got + 1, n * n) == DN_OK, "isa %d n %zu", isa, n);
        CHECK(got[0] == SENTINEL && got[n * n + 1] == SENTINEL, "isa %d n %zu wrote outside", isa, n);
        size_t bad = 0;
        for (size_t e = 0; e < n * n; ++e) bad += !same(got[e + 1], want[e]);
        CHECK(bad == 0, "isa %d n %zu: %zu entries differ", isa, n, bad);
        free(got); free(want);
    }
}

static void test_richardson(dn_isa isa)
{
    enum { L = 6, N = 37 };
    double prev[L * N], cur[(L + 1) * N], best[N], err[N], lvl[N];
    double wprev[L * N], wcur[(L + 1) * N], wbest[N], werr[N], wlvl[N];
    const double den[L] = {0.96, 2.8416, 6.53, 13.8, 28.9, 57.0};
    for (size_t count = 0; count <= N; ++count) {
        for (int level = 0; level < L; ++level) {
            for (size_t i = 0; i < (size_t)L * N; ++i) prev[i] = wprev[i] = rnd();
            for (size_t i = 0; i < (size_t)(L + 1) * N; ++i) cur[i] = wcur[i] = rnd();
            for (size_t e = 0; e < N; ++e) { best[e] = wbest[e] = rnd(); err[e] = werr[e] = fabs(rnd()) * 1e-3; lvl[e] = wlvl[e] = 1; }
            if (count > 2) { cur[1] = wcur[1] = NAN; err[2] = werr[2] = INFINITY; }
            /* the formula, written out */
            if (level == 0) {
                for (size_t e = 0; e < count; ++e) { wbest[e] = wcur[e]; werr[e] = INFINITY; wlvl[e] = 0; }
            } else {
                for (int j = 1; j <= level; ++j)
                    for (size_t e = 0; e < count; ++e) {
                        const double c = wcur[(j - 1) * count + e], l = wprev[(j - 1) * count + e];
                        const double v = c + (c - l) / den[j - 1];
                        wcur[j * count + e] = v;
                        const double d1 = fabs(v - c), d2 = fabs(v - l), d = d1 > d2 ? d1 : d2;
                        if (d <= werr[e]) { werr[e] = d; wbest[e] = v; wlvl[e] = level; }
                    }
            }
            CHECK(dn_richardson_level(isa, count, level, prev, (size_t)level * count, cur, (size_t)(level + 1) * count,
                                      den, (size_t)level, best, err, lvl, count) == DN_OK, "isa %d", isa);
            size_t bad = 0;
            for (size_t i = 0; i < (size_t)(level + 1) * count; ++i) bad += !same(cur[i], wcur[i]);
            for (size_t e = 0; e < N; ++e) bad += !same(best[e], wbest[e]) + !same(err[e], werr[e]) + !same(lvl[e], wlvl[e]);
            CHECK(bad == 0, "isa %d count %zu level %d: %zu values differ", isa, count, level, bad);
        }
    }
}

static void test_bad_arguments(void)
{
    double x[4] = {1, 2, 3, 4}, out[4] = {7, 7, 7, 7}, w[2] = {1, -1}, h[4] = {1, 1, 1, 1}, bad[4] = {1, NAN, 1, 1};
    CHECK(dn_fd_steps(DN_ISA_SCALAR, x, 4, NULL, 0.0, out, 4) == DN_ERR_INVALID_STEP, "zero base");
    CHECK(dn_fd_steps(DN_ISA_SCALAR, x, 4, NULL, NAN, out, 4) == DN_ERR_INVALID_STEP, "NaN base");
    CHECK(dn_fd_steps(DN_ISA_SCALAR, bad, 4, NULL, 1e-5, out, 4) == DN_ERR_INVALID_ARGUMENT, "NaN x");
    CHECK(dn_fd_steps(DN_ISA_SCALAR, x, 4, bad, 1e-5, out, 4) == DN_ERR_INVALID_ARGUMENT, "NaN scale");
    CHECK(dn_fd_steps(DN_ISA_SCALAR, x, 4, NULL, 1e-5, out, 3) == DN_ERR_BUFFER_TOO_SMALL, "short steps");
    CHECK(dn_fd_steps(DN_ISA_SCALAR, NULL, 4, NULL, 1e-5, out, 4) == DN_ERR_NULL_POINTER, "null x");
    CHECK(dn_fd_steps(DN_ISA_SCALAR, x, SIZE_MAX / 2, NULL, 1e-5, out, 4) == DN_ERR_SIZE_OVERFLOW, "huge n");
    CHECK(dn_fd_combine(DN_ISA_SCALAR, x, 4, 2, w, 2, h, 2, 0, out, 4) == DN_ERR_INVALID_ARGUMENT, "derivative 0");
    CHECK(dn_fd_combine(DN_ISA_SCALAR, x, 4, 2, w, 0, h, 2, 1, out, 4) == DN_ERR_INVALID_ARGUMENT, "no points");
    CHECK(dn_fd_combine(DN_ISA_SCALAR, x, 4, 1, w, 2, h, 2, 1, out, 4) == DN_ERR_INVALID_ARGUMENT, "stride < count");
    CHECK(dn_fd_combine(DN_ISA_SCALAR, x, 3, 2, w, 2, h, 2, 1, out, 4) == DN_ERR_BUFFER_TOO_SMALL, "short values");
    CHECK(dn_fd_combine(DN_ISA_SCALAR, x, 4, 2, w, 2, h, 2, 1, out, 1) == DN_ERR_BUFFER_TOO_SMALL, "short out");
    CHECK(dn_fd_combine(DN_ISA_SCALAR, x, 4, SIZE_MAX / 2, w, 2, h, 2, 1, out, 4) == DN_ERR_SIZE_OVERFLOW, "huge stride");
    CHECK(dn_assemble_hessian(DN_ISA_SCALAR, 2, 0, x, x, x, x, x, x, 1, h, out, 3) == DN_ERR_BUFFER_TOO_SMALL, "short hessian");
    CHECK(dn_assemble_hessian(DN_ISA_SCALAR, 2, 0, x, x, x, x, x, x, 0, h, out, 4) == DN_ERR_BUFFER_TOO_SMALL, "short pairs");
    CHECK(dn_assemble_hessian(DN_ISA_SCALAR, 2, 0, x, x, NULL, x, x, x, 1, h, out, 4) == DN_ERR_NULL_POINTER, "null pp");
    CHECK(dn_assemble_hessian(DN_ISA_SCALAR, 2, 0, x, x, x, x, x, x, 1, bad, out, 4) == DN_ERR_INVALID_STEP, "NaN step");
    CHECK(dn_assemble_hessian(DN_ISA_SCALAR, SIZE_MAX / 4, 0, x, x, x, x, x, x, 1, h, out, 4) == DN_ERR_SIZE_OVERFLOW, "n*n overflows");
    double zero[1] = {0.0}, b[2] = {0, 0}, e[2] = {0, 0}, l[2] = {0, 0};
    CHECK(dn_richardson_level(DN_ISA_SCALAR, 2, 1, x, 2, out, 4, zero, 1, b, e, l, 2) == DN_ERR_INVALID_ARGUMENT, "zero denominator");
    CHECK(dn_richardson_level(DN_ISA_SCALAR, 2, 1, x, 1, out, 4, w, 1, b, e, l, 2) == DN_ERR_BUFFER_TOO_SMALL, "short previous");
    CHECK(dn_richardson_level(DN_ISA_SCALAR, 2, 1, x, 2, out, 3, w, 1, b, e, l, 2) == DN_ERR_BUFFER_TOO_SMALL, "short current");
    CHECK(dn_richardson_level(DN_ISA_SCALAR, 2, -1, x, 2, out, 4, w, 1, b, e, l, 2) == DN_ERR_INVALID_ARGUMENT, "negative level");
    CHECK(dn_richardson_level(DN_ISA_SCALAR, 2, 1, NULL, 2, out, 4, w, 1, b, e, l, 2) == DN_ERR_NULL_POINTER, "null previous");
    /* Overlaps: an output over an input or another output would be read after it is written. */
    CHECK(dn_richardson_level(DN_ISA_SCALAR, 2, 1, x, 2, out, 4, w, 1, b, b, l, 2) == DN_ERR_OVERLAP, "best = error");
    CHECK(dn_richardson_level(DN_ISA_SCALAR, 2, 1, x, 2, out, 4, w, 1, out + 2, e, l, 2) == DN_ERR_OVERLAP, "best over current");
    CHECK(dn_richardson_level(DN_ISA_SCALAR, 2, 1, x, 2, out, 4, w, 1, b, e, x, 2) == DN_ERR_OVERLAP, "best_level over previous");
    CHECK(dn_richardson_level(DN_ISA_SCALAR, 2, 1, x, 2, out, 4, w, 1, b, w, l, 2) == DN_ERR_OVERLAP, "error over denominators");
    CHECK(dn_assemble_hessian(DN_ISA_SCALAR, 2, 0, x, x, x, x, x, x, 1, h, h, 4) == DN_ERR_OVERLAP, "hessian over steps");
    CHECK(dn_assemble_hessian(DN_ISA_SCALAR, 2, 0, x, x, x, x, x, x, 1, h, x, 4) == DN_ERR_OVERLAP, "hessian over values");
    CHECK(dn_fd_steps(DN_ISA_SCALAR, x, 3, NULL, 1e-5, x + 1, 3) == DN_ERR_OVERLAP, "steps shifted over x");
    CHECK(dn_fd_steps(DN_ISA_SCALAR, h, 3, x, 1e-5, x + 1, 3) == DN_ERR_OVERLAP, "steps shifted over scales");
    CHECK(x[0] == 1 && x[1] == 2 && x[2] == 3 && x[3] == 4 && h[0] == 1 && w[0] == 1 && b[0] == 0 && l[0] == 0, "inputs untouched");
    CHECK(out[0] == 7 && out[1] == 7 && out[2] == 7 && out[3] == 7, "untouched on error");
}

int main(void)
{
    for (size_t i = 0; i < ALL_ISA_COUNT; ++i) {
        const dn_kernels *k = runnable_kernels(all_isas[i]);
        if (!k) continue;
        printf("  isa %s\n", k->name);
        test_steps(k->isa);
        test_combine(k->isa);
        test_assemble_hessian(k->isa);
        test_richardson(k->isa);
    }
    test_bad_arguments();
    return check_report("test_difference_kernels");
}
