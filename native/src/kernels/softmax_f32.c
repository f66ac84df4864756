/* Float softmax and log-softmax and their backward passes: exactly softmax.c's double algorithm
 * on the widened row, each result rounded once to float (so within 1 float ulp wherever the double
 * one is within 4 double ulp, and the same bits on every ISA). Rows are streamed through the stack
 * in pieces of DN_F32_PIECE values (a multiple of 8, so the 8-lane sums see what one pass would
 * give them): a pass for the maximum, a pass for the sum of the terms, and a pass that writes,
 * which recomputes e^(x - m) unless the whole row fitted in one piece. Reference:
 * SoftmaxReference.Forward<float> (the double reference on a widened copy, plus a cast). */
#include <math.h>

#include "../kernels.h"
#include "softmax_terms.h"

#define DN_F32_PIECE 512

static size_t piece(size_t n, size_t i) { return n - i < DN_F32_PIECE ? n - i : DN_F32_PIECE; }

static double row_max_f32(const float *x, size_t n)
{
    dn_vec acc = dn_set1(-INFINITY);
    size_t i = 0;
    for (; i + DN_LANES <= n; i += DN_LANES) acc = dn_max_gt(dn_load_f32(x + i), acc);
    if (i < n) {
        /* the tail padded as softmax.c pads it: -inf never wins */
        double tail[DN_LANES];
        for (size_t k = 0; k < DN_LANES; ++k) tail[k] = i + k < n ? (double)x[i + k] : -INFINITY;
        acc = dn_max_gt(dn_load(tail), acc);
    }
    return dn_row_max_finish(acc);
}

static void softmax_row_f32(const float *x, size_t n, float *y, int log_form)
{
    double xd[DN_F32_PIECE], e[DN_F32_PIECE];
    const double m = row_max_f32(x, n);
    const dn_vec vm = dn_set1(m);
    dn_vec acc[DN_REDUCE_VECS];
    dn_reduce_clear(acc);
    double ties = 0.0;
    for (size_t i = 0; i < n; i += DN_F32_PIECE) {
        const size_t k = piece(n, i);
        dn_widen_f32(x + i, k, xd);
        ties += dn_exp_terms(xd, k, vm, e);
        dn_sum8_add(acc, e, k);
    }
    const double rest = dn_reduce_lanes(acc) + (ties - 1.0);
    if (dn_softmax_row_is_nan(rest)) {
        const float nan = (float)dn_first(dn_canonical_nan(dn_set1(NAN))); /* float.NaN's bits */
        for (size_t i = 0; i < n; ++i) y[i] = nan;
        return;
    }
    const int one_piece = n <= DN_F32_PIECE; /* then xd and e still hold the whole row */
    if (log_form) {
        const dn_vec vl = dn_set1(dn_first(dn_log1p(dn_set1(rest))));
        const int infinite_max = m == INFINITY;
        for (size_t i = 0; i < n; i += DN_F32_PIECE) {
            const size_t k = piece(n, i);
            if (!one_piece) dn_widen_f32(x + i, k, xd);
            for (size_t j = 0; j < k; j += DN_LANES)
                if (j + DN_LANES <= k) dn_store(e + j, dn_log_softmax_lanes(dn_load(xd + j), vm, vl, infinite_max));
                else dn_store_partial(e + j, dn_log_softmax_lanes(dn_load_partial(xd + j, k - j, 0.0), vm, vl, infinite_max), k - j);
            dn_narrow_f32(e, k, y + i);
        }
    } else {
        const dn_vec vs = dn_set1(1.0 + rest);
        for (size_t i = 0; i < n; i += DN_F32_PIECE) {
            const size_t k = piece(n, i);
            if (!one_piece) {
                dn_widen_f32(x + i, k, xd);
                dn_exp_terms(xd, k, vm, e);
            }
            for (size_t j = 0; j < k; j += DN_LANES)
                if (j + DN_LANES <= k) dn_store(e + j, dn_softmax_lanes(dn_load(xd + j), dn_load(e + j), vm, vs));
                else dn_store_partial(e + j, dn_softmax_lanes(dn_load_partial(xd + j, k - j, 0.0), dn_load_partial(e + j, k - j, 0.0), vm, vs), k - j);
            dn_narrow_f32(e, k, y + i);
        }
    }
}

void DN_ISA_SUFFIX(dn_softmax_rows_f32)(const float *x, size_t rows, size_t cols, float *y, int log_form)
{
    for (size_t r = 0; r < rows; ++r) softmax_row_f32(x + r * cols, cols, y + r * cols, log_form);
}

static void backward_row_f32(const float *y, const float *g, size_t n, float *dx, int log_form)
{
    double yd[DN_F32_PIECE], gd[DN_F32_PIECE];
    dn_vec acc[DN_REDUCE_VECS];
    dn_reduce_clear(acc);
    for (size_t i = 0; i < n; i += DN_F32_PIECE) {
        const size_t k = piece(n, i);
        dn_widen_f32(g + i, k, gd);
        if (log_form) {
            dn_sum8_add(acc, gd, k);
        } else {
            dn_widen_f32(y + i, k, yd);
            dn_dot8_add(acc, gd, yd, k);
        }
    }
    const dn_vec s = dn_set1(dn_reduce_lanes(acc));
    for (size_t i = 0; i < n; i += DN_F32_PIECE) {
        const size_t k = piece(n, i);
        dn_widen_f32(g + i, k, gd); /* both read before dx, which may be g or y, is written */
        dn_widen_f32(y + i, k, yd);
        dn_softmax_backward_span(yd, gd, k, s, log_form, yd);
        dn_narrow_f32(yd, k, dx + i);
    }
}

void DN_ISA_SUFFIX(dn_softmax_backward_rows_f32)(const float *y, const float *g, size_t rows, size_t cols, float *dx,
                                                int log_form)
{
    for (size_t r = 0; r < rows; ++r) backward_row_f32(y + r * cols, g + r * cols, cols, dx + r * cols, log_form);
}
