/* dn_finite_difference_weights against hand-known stencils (Fornberg 1988, Table 1), exactly rounded; symmetry,
 * extreme spacings, the refusals and the argument checks. Expected values are fractions p/q
 * written as one IEEE division of two small integers, which rounds the fraction once. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "diffnative/diffnative.h"

static int same_bits(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

static void expect_weights_at(int d, const double *x, size_t n, double x0, const double *want, const char *what)
{
    double w[DN_FD_MAX_POINTS];
    CHECK(dn_finite_difference_weights(d, x, n, x0, w, DN_FD_MAX_POINTS) == DN_OK, "%s: d=%d n=%zu", what, d, n);
    for (size_t i = 0; i < n; ++i)
        CHECK(w[i] == want[i], "%s: d=%d n=%zu w[%zu]=%.17g want %.17g", what, d, n, i, w[i], want[i]);
}

static void expect_weights(int d, const double *x, size_t n, const double *want)
{
    expect_weights_at(d, x, n, 0.0, want, "table");
}

static void exactly_rounded_tables(void)
{
    const double c3[] = {-1, 0, 1}, c5[] = {-2, -1, 0, 1, 2}, c7[] = {-3, -2, -1, 0, 1, 2, 3}, f3[] = {0, 1, 2};
    expect_weights(1, c3, 3, (const double[]){-0.5, 0, 0.5});
    expect_weights(2, c3, 3, (const double[]){1, -2, 1});
    expect_weights(1, c5, 5, (const double[]){1.0 / 12, -2.0 / 3, 0, 2.0 / 3, -1.0 / 12});
    expect_weights(2, c5, 5, (const double[]){-1.0 / 12, 4.0 / 3, -5.0 / 2, 4.0 / 3, -1.0 / 12});
    expect_weights(3, c5, 5, (const double[]){-0.5, 1, 0, -1, 0.5});
    expect_weights(4, c5, 5, (const double[]){1, -4, 6, -4, 1});
    expect_weights(1, c7, 7, (const double[]){-1.0 / 60, 3.0 / 20, -3.0 / 4, 0, 3.0 / 4, -3.0 / 20, 1.0 / 60});
    expect_weights(2, c7, 7, (const double[]){1.0 / 90, -3.0 / 20, 3.0 / 2, -49.0 / 18, 3.0 / 2, -3.0 / 20, 1.0 / 90});
    expect_weights(1, f3, 3, (const double[]){-1.5, 2, -0.5});
    /* Irregular: exact weights from a Vandermonde solve in Python fractions. */
    const double irregular[] = {-2, -1, 0, 0.5, 3};
    expect_weights(1, irregular, 5, (const double[]){3.0 / 50, -0.5, -5.0 / 6, 32.0 / 25, -1.0 / 150});
    expect_weights(2, irregular, 5, (const double[]){-4.0 / 25, 11.0 / 6, -14.0 / 3, 224.0 / 75, 1.0 / 150});
}

/* Mirrored offsets (in a shuffled order) give equal weights for even d, opposite ones for odd d,
 * and +0 at the point for odd d. */
static void symmetry(void)
{
    const double x[] = {3, -0.5, 0, -3, 1.25, 0.5, -1.25};
    const size_t n = sizeof x / sizeof x[0];
    for (int d = 0; d < (int)n; ++d) {
        double w[8];
        CHECK(dn_finite_difference_weights(d, x, n, 0.0, w, 8) == DN_OK, "symmetric d=%d", d);
        for (size_t i = 0; i < n; ++i)
            for (size_t j = 0; j < n; ++j)
                if (x[j] == -x[i] && i != j)
                    CHECK(w[j] == (d % 2 ? -w[i] : w[i]), "d=%d: w at %g is %.17g, at %g %.17g", d, x[j], w[j], x[i], w[i]);
        if (d % 2) CHECK(same_bits(w[2], 0.0), "d=%d: the weight at 0 is %g", d, w[2]);
    }
    /* The same about x0 = 0.75, from offsets 0.75 +- s. */
    const double shifted[] = {0.75 - 2, 0.75 - 0.5, 0.75, 0.75 + 0.5, 0.75 + 2};
    double w[5];
    CHECK(dn_finite_difference_weights(1, shifted, 5, 0.75, w, 5) == DN_OK, "shifted");
    CHECK(w[0] == -w[4] && w[1] == -w[3] && same_bits(w[2], 0.0), "shifted: %.17g %.17g %.17g", w[0], w[4], w[2]);
}

/* Index-order sums of correctly rounded weights: 0 for the short stencils, 3 * 2^-56 for the
 * 5-point first derivative (no 1-ulp change of its symmetric weights sums to 0). */
static void sums(void)
{
    const double c3[] = {-1, 0, 1}, c5[] = {-2, -1, 0, 1, 2};
    double w[5];
    for (int d = 1; d <= 2; ++d) {
        dn_finite_difference_weights(d, c3, 3, 0.0, w, 5);
        CHECK(((0.0 + w[0]) + w[1]) + w[2] == 0.0, "3-point d=%d", d);
    }
    for (int d = 3; d <= 4; ++d) {
        dn_finite_difference_weights(d, c5, 5, 0.0, w, 5);
        CHECK(((((0.0 + w[0]) + w[1]) + w[2]) + w[3]) + w[4] == 0.0, "5-point d=%d", d);
    }
    dn_finite_difference_weights(1, c5, 5, 0.0, w, 5);
    CHECK(((((0.0 + w[0]) + w[1]) + w[2]) + w[3]) + w[4] == 0x3p-56, "5-point d=1");
}

/* Any spacing: [-h, 0, h] has weights exactly +-1/(2h) (one IEEE division rounds them once), and
 * a power-of-two spacing scales the unit weights exactly. */
static void spacings(void)
{
    const double hs[] = {1e-160, 1e-200, 1e-300, 1e150, 1e-307};
    for (size_t k = 0; k < sizeof hs / sizeof hs[0]; ++k) {
        const double h = hs[k], x[] = {-h, 0, h};
        expect_weights_at(1, x, 3, 0.0, (const double[]){-0.5 / h, 0, 0.5 / h}, "spacing");
    }
    const double big[] = {-1e150, 0, 1e150};
    expect_weights_at(2, big, 3, 0.0, (const double[]){0x1.56e1fc2f8f359p-997, -0x1.56e1fc2f8f359p-996, 0x1.56e1fc2f8f359p-997},
                      "spacing 1e150, d=2");
    const double unit[] = {-2, -1, 0, 0.5, 3};
    for (int e = -1000; e <= 1000; e += 50) {
        double x[5], w1[5], w[5];
        for (size_t j = 0; j < 5; ++j) x[j] = ldexp(unit[j], e);
        for (int d = 1; d <= 4; ++d) {
            dn_finite_difference_weights(d, unit, 5, 0.0, w1, 5);
            int representable = 1;
            for (size_t j = 0; j < 5; ++j)
                if (w1[j] != 0 && (ilogb(w1[j]) - e * d > 1023 || ilogb(w1[j]) - e * d < -1022)) representable = 0;
            const dn_status st = dn_finite_difference_weights(d, x, 5, 0.0, w, 5);
            CHECK(st == (representable ? DN_OK : DN_ERR_INVALID_ARGUMENT), "2^%d d=%d: status %d", e, d, (int)st);
            if (st != DN_OK) continue;
            for (size_t j = 0; j < 5; ++j)
                CHECK(same_bits(w[j], ldexp(w1[j], -e * d)), "2^%d d=%d w[%zu]", e, d, j);
        }
    }
    /* An offset - x0 that rounds is taken exactly: [t - 1/2, -2t, t + 1/2] at t = 0.1. */
    const double c3[] = {-1, 0, 1};
    expect_weights_at(1, c3, 3, 0.1, (const double[]){-0.4, -0.2, 0.6}, "x0 = 0.1");
}

static void refusals(void)
{
    double w[4] = {7, 7, 7, 7};
    const double tiny[] = {-1e-310, 0, 1e-310}, small[] = {-1e-160, 0, 1e-160}, large[] = {-2e150, -1e150, 0, 1e150};
    const double far[] = {-1e308, 1e308}, lost[] = {-1e300, 0, 1e300};
    CHECK(dn_finite_difference_weights(1, tiny, 3, 0, w, 4) == DN_ERR_INVALID_ARGUMENT, "d=1 at 1e-310 overflows");
    CHECK(dn_finite_difference_weights(2, small, 3, 0, w, 4) == DN_ERR_INVALID_ARGUMENT, "d=2 at 1e-160 overflows");
    CHECK(dn_finite_difference_weights(3, large, 4, 0, w, 4) == DN_ERR_INVALID_ARGUMENT, "d=3 at 1e150 underflows");
    CHECK(dn_finite_difference_weights(1, far, 2, -1e308, w, 4) == DN_ERR_INVALID_ARGUMENT, "offset - x0 overflows");
    CHECK(dn_finite_difference_weights(1, lost, 3, 1e-300, w, 4) == DN_ERR_INVALID_ARGUMENT, "rounding error below 2^-1022 of 1e300");
    CHECK(w[0] == 7 && w[1] == 7 && w[2] == 7 && w[3] == 7, "untouched on refusal");
}

static void argument_checks(void)
{
    double w[4] = {7, 7, 7, 7};
    const double c3[] = {-1, 0, 1}, dup[] = {0, 1, 1}, nan_offsets[] = {0, NAN};
    CHECK(dn_finite_difference_weights(1, dup, 3, 0, w, 4) == DN_ERR_INVALID_ARGUMENT, "repeated offsets");
    CHECK(dn_finite_difference_weights(1, nan_offsets, 2, 0, w, 4) == DN_ERR_INVALID_ARGUMENT, "NaN offset");
    CHECK(dn_finite_difference_weights(3, c3, 3, 0, w, 4) == DN_ERR_INVALID_ARGUMENT, "derivative >= points");
    CHECK(dn_finite_difference_weights(-1, c3, 3, 0, w, 4) == DN_ERR_INVALID_ARGUMENT, "negative derivative");
    CHECK(dn_finite_difference_weights(1, c3, 0, 0, w, 4) == DN_ERR_INVALID_ARGUMENT, "no points");
    CHECK(dn_finite_difference_weights(1, c3, 65, 0, w, 4) == DN_ERR_INVALID_ARGUMENT, "too many points");
    CHECK(dn_finite_difference_weights(1, c3, 3, 0, w, 2) == DN_ERR_BUFFER_TOO_SMALL, "short output");
    CHECK(dn_finite_difference_weights(1, c3, 3, INFINITY, w, 4) == DN_ERR_INVALID_ARGUMENT, "infinite x0");
    CHECK(dn_finite_difference_weights(1, NULL, 3, 0, w, 4) == DN_ERR_NULL_POINTER, "null offsets");
    CHECK(dn_finite_difference_weights(1, c3, 3, 0, NULL, 4) == DN_ERR_NULL_POINTER, "null weights");
    CHECK(w[0] == 7 && w[1] == 7 && w[2] == 7 && w[3] == 7, "untouched on error");
}

int main(void)
{
    exactly_rounded_tables();
    symmetry();
    sums();
    spacings();
    refusals();
    argument_checks();
    return check_report("test_finite_difference_weights");
}
