/* Pieces shared by the double (softmax.c) and float (softmax_f32.c) softmax kernels, so that the
 * float kernel runs exactly the double algorithm on its widened rows. */
#ifndef DIFFNATIVE_SOFTMAX_TERMS_H
#define DIFFNATIVE_SOFTMAX_TERMS_H

#include <math.h>

#include "vmath.h"

/* e^(x - m) with x - m as an exact two-sum; a NaN low part (from infinities) counts as 0. */
static inline dn_vec dn_exp_shifted(dn_vec x, dn_vec m)
{
    dn_vec em;
    const dn_vec nm = dn_neg(m);
    const dn_vec hi = dn_add(x, nm);
    const dn_vec bb = dn_sub(hi, x);
    const dn_vec lo = dn_add(dn_sub(x, dn_sub(hi, bb)), dn_sub(nm, bb));
    return dn_exp_neg(hi, dn_select(dn_isnan(lo), dn_set1(0.0), lo), 1, &em);
}

/* The row maximum's lanes folded into one double, with softmax.c's conventions: an all -inf row
 * has no maximum to subtract, and NaN makes the whole row NaN on every ISA; +0.0 makes -0 and +0
 * give the same m. */
static inline double dn_row_max_finish(dn_vec acc)
{
    double lanes[DN_LANES];
    dn_store(lanes, acc);
    double m = lanes[0];
    for (int k = 1; k < DN_LANES; ++k) m = lanes[k] > m ? lanes[k] : m;
    return m == -INFINITY ? NAN : m + 0.0;
}

/* Log-softmax's (x - m) - l, where a maximum at +inf counts x - m as 0, not inf - inf (so that it
 * gets -log(ties) as softmax gives it 1/ties); infinite_max says whether m is +inf, once per row,
 * so that finite rows pay no select. */
static inline dn_vec dn_log_softmax_lanes(dn_vec x, dn_vec m, dn_vec l, int infinite_max)
{
    const dn_vec d = dn_sub(x, m);
    return dn_sub(infinite_max ? dn_select(dn_eq(x, m), dn_set1(0.0), d) : d, l);
}

/* Softmax's (x == m ? 1 : e) / s, e = e^(x - m) from dn_exp_terms, s = 1 + rest. */
static inline dn_vec dn_softmax_lanes(dn_vec x, dn_vec e, dn_vec m, dn_vec s)
{
    return dn_div(dn_select(dn_eq(x, m), dn_set1(1.0), e), s);
}

/* Whether a forward row is NaN: exactly when rest (sum e^(x - m) - 1) is. A NaN in x makes its
 * term NaN, an all -inf row makes m NaN; otherwise every term is finite, and the only x - m that
 * could be NaN, inf - inf, belongs to a maximum, which takes 1 (log-softmax 0) instead. Such a row
 * is written as the canonical NaN throughout, with no blend in the passes that write the others. */
static inline int dn_softmax_row_is_nan(double rest) { return rest != rest; }

/* The backward passes' lanes. Softmax: dx = y (g - s), s = g.y. Log-softmax: dx = g - e^y s,
 * s = sum(g), as one FMA. NaN here is elementwise (a NaN y), so the callers watch the outputs in
 * blocks (dn_canonical_nan_block). */
static inline dn_vec dn_softmax_backward_lanes(dn_vec y, dn_vec g, dn_vec s, int log_form)
{
    if (!log_form) return dn_mul(y, dn_sub(g, s));
    const dn_vec zero = dn_set1(0.0);
    dn_vec em;
    const dn_vec p = dn_exp_neg(dn_select(dn_gt(y, zero), zero, y), zero, 0, &em);
    return dn_fma(dn_neg(p), s, g);
}

/* dx[0..n) = the backward lanes of y and g, in blocks watched for NaN. */
static inline void dn_softmax_backward_span(const double *y, const double *g, size_t n, dn_vec s, int log_form, double *dx)
{
    for (size_t start = 0; start < n; start += DN_NAN_BLOCK) {
        const size_t end = n - start > DN_NAN_BLOCK ? start + DN_NAN_BLOCK : n;
        dn_nan_seen seen = dn_nan_unseen();
        size_t i = start;
        if (log_form) /* two loops, so that each is a simple one to the compiler */
            for (; i + DN_LANES <= end; i += DN_LANES) {
                const dn_vec r = dn_softmax_backward_lanes(dn_load(y + i), dn_load(g + i), s, 1);
                dn_store(dx + i, r);
                seen = dn_nan_watch(seen, r, r);
            }
        else
            for (; i + DN_LANES <= end; i += DN_LANES) {
                const dn_vec r = dn_softmax_backward_lanes(dn_load(y + i), dn_load(g + i), s, 0);
                dn_store(dx + i, r);
                seen = dn_nan_watch(seen, r, r);
            }
        if (i < end) {
            const dn_vec r = dn_softmax_backward_lanes(dn_load_partial(y + i, end - i, 0.0), dn_load_partial(g + i, end - i, 0.0), s, log_form);
            dn_store_partial(dx + i, dn_canonical_nan(r), end - i);
        }
        dn_canonical_nan_block(dx + start, i - start, seen);
    }
}

/* The number of lanes of `ties` set, summed (small integers: exact in any order). */
static inline double dn_count_lanes(dn_vec ties)
{
    double lanes[DN_LANES];
    dn_store(lanes, ties);
    double count = 0.0;
    for (int k = 0; k < DN_LANES; ++k) count += lanes[k];
    return count;
}

/* e[j] = x[j] == m ? 0 : e^(x[j] - m) for x[0..n), vm = m in every lane; returns how many x[j]
 * equal m (the ties). The tail is padded with -inf: e = 0 and no tie (m is never -inf unless the
 * row is all -inf, and then the row is NaN anyway). */
static inline double dn_exp_terms(const double *x, size_t n, dn_vec vm, double *e)
{
    const dn_vec zero = dn_set1(0.0), one = dn_set1(1.0);
    dn_vec ties = zero;
    size_t i = 0;
    for (; i + DN_LANES <= n; i += DN_LANES) {
        const dn_vec xv = dn_load(x + i);
        const dn_mask top = dn_eq(xv, vm);
        ties = dn_add(ties, dn_select(top, one, zero));
        dn_store(e + i, dn_select(top, zero, dn_exp_shifted(xv, vm)));
    }
    if (i < n) {
        const dn_vec xv = dn_load_partial(x + i, n - i, -INFINITY);
        const dn_mask top = dn_eq(xv, vm);
        ties = dn_add(ties, dn_select(top, one, zero));
        dn_store_partial(e + i, dn_select(top, zero, dn_exp_shifted(xv, vm)), n - i);
    }
    return dn_count_lanes(ties);
}

#endif
