/* Fornberg's recursion (Math. Comp. 51, 1988) in double-double on unit-scale offsets. Scalar code
 * on every ISA: it runs once per stencil, and the managed reference
 * (Reference/FiniteDifferenceWeightsReference.cs) performs the same operations in the same order,
 * so both give the same bits. */
#include "fornberg.h"

#include <math.h>

#include "double_double.h"

dn_status dn_fornberg_unit_offsets(const double *offsets, size_t n, double x0, dn_dd *unit, int *exponent)
{
    double widest = 0.0;
    for (size_t j = 0; j < n; ++j) {
        unit[j] = dn_dd_two_sum(offsets[j], -x0);
        if (!isfinite(unit[j].hi)) return DN_ERR_INVALID_ARGUMENT;
        const double a = fabs(unit[j].hi);
        if (a > widest) widest = a;
    }
    const int k = widest > 0.0 ? dn_exponent(widest) : 0;
    if (k > -1000 && k < 1000) {
        /* Both powers of two are normal doubles here, so multiplying by them is ldexp without the
         * library call (irregular grids scale every point's offsets): exact unless the product
         * underflows, which multiplying back detects. */
        const double down = dn_pow2(-k), up = dn_pow2(k);
        for (size_t j = 0; j < n; ++j) {
            const dn_dd u = {unit[j].hi * down, unit[j].lo * down};
            if (u.hi * up != unit[j].hi || u.lo * up != unit[j].lo) return DN_ERR_INVALID_ARGUMENT;
            unit[j] = u;
        }
    } else {
        for (size_t j = 0; j < n; ++j) {
            const dn_dd u = {ldexp(unit[j].hi, -k), ldexp(unit[j].lo, -k)};
            if (ldexp(u.hi, k) != unit[j].hi || ldexp(u.lo, k) != unit[j].lo) return DN_ERR_INVALID_ARGUMENT;
            unit[j] = u;
        }
    }
    *exponent = k;
    return DN_OK;
}

static int before(dn_dd a, dn_dd b)
{
    return a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo);
}

/* Writes the weights of column m, made exactly (anti)symmetric when the offsets are symmetric about
 * 0: mirrored points get the mean of their two double-double weights, rounded once. */
static void round_weights(int m, const dn_dd *u, size_t n, dn_dd c[][DN_FD_MAX_DERIVATIVE + 1], double *weights)
{
    size_t order[DN_FD_MAX_POINTS];
    for (size_t i = 0; i < n; ++i) {
        size_t j = i;
        for (; j > 0 && before(u[i], u[order[j - 1]]); --j) order[j] = order[j - 1];
        order[j] = i;
    }
    int symmetric = 1;
    for (size_t i = 0; i + i < n; ++i)
        if (u[order[i]].hi != -u[order[n - 1 - i]].hi || u[order[i]].lo != -u[order[n - 1 - i]].lo) symmetric = 0;
    if (!symmetric) {
        for (size_t j = 0; j < n; ++j) weights[j] = c[j][m].hi;
        return;
    }
    const int odd = m % 2 != 0;
    for (size_t i = 0; i + i + 1 < n; ++i) {
        const size_t a = order[i], b = order[n - 1 - i];
        const dn_dd sum = odd ? dn_dd_sub(c[a][m], c[b][m]) : dn_dd_add(c[a][m], c[b][m]);
        const double mean = sum.hi * 0.5;
        weights[a] = mean;
        weights[b] = odd ? -mean : mean;
    }
    if (n % 2 != 0) {
        const size_t middle = order[n / 2];
        weights[middle] = odd ? 0.0 : c[middle][m].hi;
    }
}

void dn_fornberg_unit_weights_plain(int derivative, const dn_dd *u, size_t n, double *weights)
{
    double c[DN_FD_MAX_POINTS][DN_FD_MAX_DERIVATIVE + 1];
    const int m = derivative;
    for (size_t j = 0; j < n; ++j)
        for (int k = 0; k <= m; ++k) c[j][k] = 0.0;
    c[0][0] = 1.0;
    double c1 = 1.0, c4 = u[0].hi;
    for (size_t i = 1; i < n; ++i) {
        const int mn = (int)i < m ? (int)i : m;
        double c2 = 1.0;
        const double c5 = c4;
        c4 = u[i].hi;
        for (size_t j = 0; j < i; ++j) {
            const double c3 = u[i].hi - u[j].hi;
            c2 = c2 * c3;
            if (j == i - 1) {
                for (int k = mn; k >= 1; --k)
                    c[i][k] = c1 * ((double)k * c[i - 1][k - 1] - c5 * c[i - 1][k]) / c2;
                c[i][0] = -c1 * c5 * c[i - 1][0] / c2;
            }
            for (int k = mn; k >= 1; --k)
                c[j][k] = (c4 * c[j][k] - (double)k * c[j][k - 1]) / c3;
            c[j][0] = c4 * c[j][0] / c3;
        }
        c1 = c2;
    }
    for (size_t j = 0; j < n; ++j) weights[j] = c[j][m];
}

void dn_fornberg_unit_weights(int derivative, const dn_dd *u, size_t n, double *weights)
{
    /* c[j][k]: weight of point j for the k-th derivative, built up one point at a time. */
    dn_dd c[DN_FD_MAX_POINTS][DN_FD_MAX_DERIVATIVE + 1];
    const int m = derivative;
    for (size_t j = 0; j < n; ++j)
        for (int k = 0; k <= m; ++k) c[j][k] = dn_dd_of(0.0);
    c[0][0] = dn_dd_of(1.0);
    dn_dd c1 = dn_dd_of(1.0);
    dn_dd c4 = u[0];
    for (size_t i = 1; i < n; ++i) {
        const int mn = (int)i < m ? (int)i : m;
        dn_dd c2 = dn_dd_of(1.0);
        const dn_dd c5 = c4;
        c4 = u[i];
        for (size_t j = 0; j < i; ++j) {
            const dn_dd c3 = dn_dd_sub(u[i], u[j]);
            c2 = dn_dd_mul(c2, c3);
            if (j == i - 1) {
                const dn_dd ratio = dn_dd_div(c1, c2);
                for (int k = mn; k >= 1; --k)
                    c[i][k] = dn_dd_mul(ratio, dn_dd_sub(dn_dd_mul_d(c[i - 1][k - 1], (double)k), dn_dd_mul(c[i - 1][k], c5)));
                c[i][0] = dn_dd_neg(dn_dd_mul(ratio, dn_dd_mul(c[i - 1][0], c5)));
            }
            const dn_dd inverse = dn_dd_div(dn_dd_of(1.0), c3);
            for (int k = mn; k >= 1; --k)
                c[j][k] = dn_dd_mul(dn_dd_sub(dn_dd_mul(c[j][k], c4), dn_dd_mul_d(c[j][k - 1], (double)k)), inverse);
            c[j][0] = dn_dd_mul(dn_dd_mul(c[j][0], c4), inverse);
        }
        c1 = c2;
    }
    round_weights(m, u, n, c, weights);
}
