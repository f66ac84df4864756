/* The exact GELU, x Phi(x), and its derivative Phi(x) + x phi(x), in the dn_* vocabulary so that
 * every ISA and the managed reference (Reference/GeluReference.cs, the same operations in the same
 * order) give the same bits. Included by activation.c only.
 *
 * Near zero, Phi(x) = 1/2 + x P(x^2) and Phi(x) + x phi(x) = 1/2 + x D(x^2), each a single FMA
 * from a polynomial. Elsewhere, with a = |x| and E = e^(-a^2/2), the left tail is carried in
 * relative terms: x Phi(x) = -E G(a) below zero and x - E G(a) above, the derivative -E H(a) and
 * 1 + E H(a), where G and H are smooth and read from polynomial pieces (gathered by lane). a^2 is
 * kept as two doubles so that E loses nothing to its rounding, and E is never rounded on its own
 * (dn_exp_times), so results that are subnormal are rounded once. gelu_coefficients.h comes from
 * generate_gelu_coefficients.py. */
#ifndef DIFFNATIVE_GELU_H
#define DIFFNATIVE_GELU_H

#include "gelu_coefficients.h"
#include "vmath.h"

/* Horner over one half of a row, c = lead high, lead low, c1..c13: lead high + (lead low +
 * s (c1 + s (c2 + ...))), the lead split in two doubles so that only the final addition rounds it.
 * (Two chains joined by s^6 measured no faster: the kernel is bound by throughput, not latency.) */
static inline dn_vec gelu_piece(const dn_vec *c, dn_vec s)
{
    dn_vec p = c[1 + DN_GELU_DEGREE];
    for (int j = DN_GELU_DEGREE; j >= 2; --j) p = dn_fma(p, s, c[j]);
    p = dn_fma(p, s, c[1]);
    return dn_add(c[0], p);
}

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
    const dn_vec shift = dn_set1(DN_ROUND_SHIFT);
    const dn_vec y = dn_mul(dn_sub(a, dn_set1(DN_GELU_SMALL_LIMIT)), dn_set1(DN_GELU_PIECE_SCALE));
    const dn_vec piece = dn_clamp(dn_sub(dn_add(dn_sub(y, half), shift), shift), 0.0, DN_GELU_TAIL_PIECE);
    const dn_index row = dn_to_index(dn_mul(piece, dn_set1((double)DN_GELU_ROW)));
    dn_vec c[DN_GELU_ROW]; /* this lane's row: center, G's coefficients, H's (unused ones are dropped) */
    for (int j = 0; j < DN_GELU_ROW; j += 4) dn_gather4_at(dn_gelu_pieces + j, row, c + j);
    const dn_mask tail = dn_eq(piece, dn_set1(DN_GELU_TAIL_PIECE));
    const dn_vec a2 = dn_mul(a, a);
    const dn_vec a2lo = dn_fma(a, a, dn_neg(a2));
    const dn_vec s = dn_sub(dn_select(tail, dn_div(one, a2), a), c[0]);
    dn_vec scale;
    const dn_vec q = dn_exp_neg_reduce(dn_mul(a2, dn_set1(-0.5)), dn_mul(a2lo, dn_set1(-0.5)), 1, -1000.0, &scale);
    const dn_mask positive = dn_gt(x, zero);
    const dn_vec eg = dn_exp_times(q, scale, gelu_piece(c + 1, s));
    *v = dn_select(small, v_small, dn_select(positive, dn_sub(x, eg), dn_neg(eg)));
    /* the tail's table holds H/a */
    const dn_vec h = dn_mul(gelu_piece(c + 3 + DN_GELU_DEGREE, s), dn_select(tail, a, one));
    const dn_vec eh = dn_exp_times(q, scale, h);
    *d = dn_select(small, d_small, dn_select(positive, dn_add(one, eh), dn_neg(eh)));
}

#if DN_GELU_ROW % 4 != 0
#error "rows are read four entries at a time"
#endif

#endif
