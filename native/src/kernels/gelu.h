/* The exact GELU, x Phi(x), and its derivative Phi(x) + x phi(x), in the dn_* vocabulary so that
 * every ISA and the managed reference (Reference/GeluReference.cs, the same operations in the same
 * order) give the same bits. Included by activation.c only.
 *
 * Near zero, Phi(x) = 1/2 + x P(x^2) and Phi(x) + x phi(x) = 1/2 + x D(x^2), each a single FMA
 * from a polynomial. Elsewhere, with a = |x| and E = e^(-a^2/2), the left tail is carried in
 * relative terms: x Phi(x) = -E G(a) below zero and x - E G(a) above, the derivative -E H(a) and
 * 1 + E H(a), where G and H are smooth and read from polynomial pieces (each lane its own row). a^2 is
 * kept as two doubles so that E loses nothing to its rounding, and E is never rounded on its own
 * (dn_exp_times), so results that are subnormal are rounded once. gelu_coefficients.h comes from
 * generate_gelu_coefficients.py. */
#ifndef DIFFNATIVE_GELU_H
#define DIFFNATIVE_GELU_H

#include "gelu_coefficients.h"
#include "vmath.h"

static inline dn_vec gelu_small(const double *c, dn_vec t)
{
    dn_vec p = dn_set1(c[DN_GELU_SMALL_DEGREE]);
    for (int j = DN_GELU_SMALL_DEGREE - 1; j >= 0; --j) p = dn_fma(p, t, dn_set1(c[j]));
    return p;
}

static inline void act_gelu(dn_vec x, dn_vec alpha, dn_vec *v, dn_vec *d)
{
    (void)alpha;
    const dn_vec zero = dn_set1(0.0), one = dn_set1(1.0), half = dn_set1(0.5);
    /* a = |x| clamped to 40; NaN read as 0: it takes the small path, which keeps it. */
    dn_vec a = dn_clamp(dn_abs(x), 0.0, DN_GELU_CLAMP);
    a = dn_select(dn_isnan(a), zero, a);
    const dn_mask small = dn_lt(a, dn_set1(DN_GELU_SMALL_LIMIT));
    /* |x| < 0.75, skipped when no lane needs it (the lanes that do get the same bits either way) */
    dn_vec v_small = zero, d_small = zero;
    if (dn_any(small)) {
        const dn_vec t = dn_mul(x, x);
        v_small = dn_mul(x, dn_fma(x, gelu_small(dn_gelu_small_p, t), half));
        d_small = dn_fma(x, gelu_small(dn_gelu_small_d, t), half);
    }
    /* the tails */
    const dn_vec y = dn_mul(dn_sub(a, dn_set1(DN_GELU_SMALL_LIMIT)), dn_set1(DN_GELU_PIECE_SCALE));
    const dn_vec piece = dn_clamp(dn_floor(y), 0.0, DN_GELU_TAIL_PIECE); /* one instruction, not three additions */
    const dn_index row = dn_to_index(dn_mul(piece, dn_set1((double)DN_GELU_ROW)));
    dn_vec head[4]; /* G's lead high, H's, the center (unused), 0 */
    dn_gather4_at(dn_gelu_pieces, row, head);
    const dn_mask tail = dn_eq(piece, dn_set1(DN_GELU_TAIL_PIECE));
    const dn_vec a2 = dn_mul(a, a);
    const dn_vec a2lo = dn_fma(a, a, dn_neg(a2));
    /* the row's center, computed (exactly) rather than loaded: everything after waits for s, and a
     * load that waits for the row index is the longest path here (the fused pass measured 9 % faster) */
    const dn_vec center = dn_select(tail, dn_set1(DN_GELU_TAIL_CENTER),
                                    dn_fma(piece, dn_set1(1.0 / DN_GELU_PIECE_SCALE), dn_set1(DN_GELU_SMALL_LIMIT + 0.5 / DN_GELU_PIECE_SCALE)));
    const dn_vec s = dn_sub(dn_select(tail, dn_div(one, a2), a), center);
    /* G = lead high + (s O_G(s^2) + E_G(s^2)) and H alike: four Horner chains in s^2, read from each
     * lane's row whole (one transpose at the end instead of one per four coefficients) */
    dn_vec part[4]; /* E_G, E_H, O_G, O_H */
    dn_row_horner4(dn_gelu_pieces + 4, row, dn_mul(s, s), DN_GELU_QUADS, part);
    dn_vec scale;
    const dn_vec q = dn_exp_neg_reduce(dn_mul(a2, dn_set1(-0.5)), dn_mul(a2lo, dn_set1(-0.5)), 1, -1000.0, &scale);
    const dn_mask positive = dn_gt(x, zero);
    const dn_vec eg = dn_exp_times(q, scale, dn_add(head[0], dn_fma(s, part[2], part[0])));
    *v = dn_select(small, v_small, dn_select(positive, dn_sub(x, eg), dn_neg(eg)));
    /* the tail's table holds H/a */
    const dn_vec h = dn_mul(dn_add(head[1], dn_fma(s, part[3], part[1])), dn_select(tail, a, one));
    const dn_vec eh = dn_exp_times(q, scale, h);
    *d = dn_select(small, d_small, dn_select(positive, dn_add(one, eh), dn_neg(eh)));
}

#if DN_GELU_ROW != 4 + 4 * DN_GELU_QUADS
#error "a row is a head of four entries and DN_GELU_QUADS quads"
#endif

#endif
