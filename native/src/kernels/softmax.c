/* Softmax and log-softmax over rows, and their backward passes (vector-Jacobian products).
 * One source, compiled once per ISA; sums use the fixed 8-lane order of vmath.h, so every ISA and
 * the managed reference (Reference/SoftmaxReference.cs) give the same bits.
 *
 * Forward, per row: m = max x (+0.0 so that -0 and +0 give the same m); y_j = e^(x_j - m) for
 * x_j < m, 0 for the maxima, with x_j - m carried as two doubles (its rounding would cost
 * |x_j - m| / 2 ulp in e^(x_j - m)); rest = sum y + (ties - 1), i.e. sum_j e^(x_j - m) - 1 without
 * rounding away the small terms. Softmax: y_j = (x_j == m ? 1 : y_j) / (1 + rest). Log-softmax:
 * y_j = (x_j - m) - log1p(rest), exact for [1000, 0]; where m is +inf the maxima take 0 for x_j - m
 * (not inf - inf), so that they share the row as softmax shares it: -log(ties). A row whose rest is
 * NaN (a NaN in it, or all -inf) is the canonical NaN throughout. */
#include <math.h>

#include "../kernels.h"
#include "softmax_terms.h"

static double row_max(const double *x, size_t n)
{
    dn_vec acc = dn_set1(-INFINITY);
    size_t i = 0;
    for (; i + DN_LANES <= n; i += DN_LANES) acc = dn_max_gt(dn_load(x + i), acc);
    if (i < n) acc = dn_max_gt(dn_load_partial(x + i, n - i, -INFINITY), acc);
    return dn_row_max_finish(acc);
}

/* y_j = x_j == m ? 0 : e^(x_j - m); returns sum_j e^(x_j - m) - 1. */
static double exp_terms(const double *x, size_t n, double m, double *y)
{
    const double ties = dn_exp_terms(x, n, dn_set1(m), y);
    return dn_sum8(y, n) + (ties - 1.0);
}

/* The row as the canonical NaN. */
static void nan_row(size_t n, double *y)
{
    const dn_vec nan = dn_canonical_nan(dn_set1(NAN));
    size_t i = 0;
    for (; i + DN_LANES <= n; i += DN_LANES) dn_store(y + i, nan);
    if (i < n) dn_store_partial(y + i, nan, n - i);
}

static void softmax_row(const double *x, size_t n, double *y)
{
    const double m = row_max(x, n);
    const double rest = exp_terms(x, n, m, y);
    if (dn_softmax_row_is_nan(rest)) {
        nan_row(n, y);
        return;
    }
    const dn_vec vm = dn_set1(m), vs = dn_set1(1.0 + rest);
    size_t i = 0;
    for (; i + DN_LANES <= n; i += DN_LANES) dn_store(y + i, dn_softmax_lanes(dn_load(x + i), dn_load(y + i), vm, vs));
    if (i < n) dn_store_partial(y + i, dn_softmax_lanes(dn_load_partial(x + i, n - i, 0.0), dn_load_partial(y + i, n - i, 0.0), vm, vs), n - i);
}

static void log_softmax_row(const double *x, size_t n, double *y)
{
    const double m = row_max(x, n);
    const double rest = exp_terms(x, n, m, y);
    if (dn_softmax_row_is_nan(rest)) {
        nan_row(n, y);
        return;
    }
    const double l = dn_first(dn_log1p(dn_set1(rest)));
    const dn_vec vm = dn_set1(m), vl = dn_set1(l);
    const int infinite_max = m == INFINITY;
    size_t i = 0;
    for (; i + DN_LANES <= n; i += DN_LANES) dn_store(y + i, dn_log_softmax_lanes(dn_load(x + i), vm, vl, infinite_max));
    if (i < n) dn_store_partial(y + i, dn_log_softmax_lanes(dn_load_partial(x + i, n - i, 0.0), vm, vl, infinite_max), n - i);
}

void DN_ISA_SUFFIX(dn_softmax_rows)(const double *x, size_t rows, size_t cols, double *y, int log_form)
{
    for (size_t r = 0; r < rows; ++r) {
        if (log_form) log_softmax_row(x + r * cols, cols, y + r * cols);
        else softmax_row(x + r * cols, cols, y + r * cols);
    }
}

/* Softmax: dx = y (g - g.y). Log-softmax: dx = g - e^y sum(g), as one FMA. */
void DN_ISA_SUFFIX(dn_softmax_backward_rows)(const double *y, const double *g, size_t rows, size_t cols, double *dx, int log_form)
{
    for (size_t r = 0; r < rows; ++r) {
        const double *yr = y + r * cols, *gr = g + r * cols;
        double *dr = dx + r * cols;
        const size_t n = cols;
        const dn_vec s = dn_set1(log_form ? dn_sum8(gr, n) : dn_dot8(gr, yr, n));
        dn_softmax_backward_span(yr, gr, n, s, log_form, dr);
    }
}
