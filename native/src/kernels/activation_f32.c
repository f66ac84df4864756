/* Float activations: each float is widened to double (exactly), this ISA's double kernel runs on
 * it, and the result is rounded once to float. The double results are within 4 double ulp, so the
 * float ones are within 1 float ulp of the true value, and every ISA gives the same bits because
 * the double kernels do (their canonical NaN narrows to float.NaN). Work goes in pieces of
 * DN_F32_PIECE on the stack: the double kernel is elementwise, so the pieces change nothing.
 * Reference: ActivationReference.Apply<float> (the double reference plus a cast). */
#include "../kernels.h"
#include "vmath.h"

#define DN_F32_PIECE 512

static size_t piece(size_t n, size_t i) { return n - i < DN_F32_PIECE ? n - i : DN_F32_PIECE; }

void DN_ISA_SUFFIX(dn_activate_f32)(int kind, double alpha, const float *x, size_t n, float *value, float *derivative)
{
    double xd[DN_F32_PIECE], vd[DN_F32_PIECE], dd[DN_F32_PIECE];
    for (size_t i = 0; i < n; i += DN_F32_PIECE) {
        const size_t m = piece(n, i);
        dn_widen_f32(x + i, m, xd); /* before any write: an output may be x itself */
        DN_ISA_SUFFIX(dn_activate)(kind, alpha, xd, m, value ? vd : NULL, derivative ? dd : NULL);
        if (value) dn_narrow_f32(vd, m, value + i);
        if (derivative) dn_narrow_f32(dd, m, derivative + i);
    }
}

/* gradient = upstream * f'(x), the product taken in double and rounded once; a NaN product (an
 * upstream NaN keeps its own payload) is made the canonical NaN, in watched blocks (vmath.h). */
void DN_ISA_SUFFIX(dn_activate_backward_f32)(int kind, double alpha, const float *x, const float *upstream, size_t n,
                                             float *gradient)
{
    double xd[DN_F32_PIECE], ud[DN_F32_PIECE], dd[DN_F32_PIECE];
    for (size_t i = 0; i < n; i += DN_F32_PIECE) {
        const size_t m = piece(n, i);
        dn_widen_f32(x + i, m, xd);
        dn_widen_f32(upstream + i, m, ud);
        DN_ISA_SUFFIX(dn_activate)(kind, alpha, xd, m, NULL, dd);
        for (size_t start = 0; start < m; start += DN_NAN_BLOCK) {
            const size_t end = m - start > DN_NAN_BLOCK ? start + DN_NAN_BLOCK : m;
            dn_nan_seen seen = dn_nan_unseen();
            size_t j = start;
            for (; j + DN_LANES <= end; j += DN_LANES) {
                const dn_vec r = dn_mul(dn_load(ud + j), dn_load(dd + j));
                dn_store(dd + j, r);
                seen = dn_nan_watch(seen, r, r);
            }
            if (j < end) {
                const dn_vec r = dn_mul(dn_load_partial(ud + j, end - j, 0.0), dn_load_partial(dd + j, end - j, 0.0));
                dn_store_partial(dd + j, dn_canonical_nan(r), end - j);
            }
            dn_canonical_nan_block(dd + start, j - start, seen);
        }
        dn_narrow_f32(dd, m, gradient + i);
    }
}
