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

/* The number of lanes of `ties` set, summed (small integers: exact in any order). */
static inline double dn_count_lanes(dn_vec ties)
{
    double lanes[DN_LANES];
    dn_store(lanes, ties);
    double count = 0.0;
    for (int k = 0; k < DN_LANES; ++k) count += lanes[k];
    return count;
}

#endif
