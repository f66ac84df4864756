#ifndef DIFFNATIVE_FORNBERG_H
#define DIFFNATIVE_FORNBERG_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <math.h>

#include "diffnative/diffnative.h"
#include "double_double.h"

/* 2^e for -1022 <= e <= 1023, built from its bits: multiplying by it is ldexp without the library
 * call (the same correctly rounded result), which irregular grids pay at every point. */
static inline double dn_pow2(int e)
{
    const uint64_t bits = (uint64_t)(e + 1023) << 52;
    double value;
    memcpy(&value, &bits, sizeof value);
    return value;
}

/* ilogb(x) for a finite x > 0, from its bits where x is normal. */
static inline int dn_exponent(double x)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    const int biased = (int)((bits >> 52) & 0x7ff);
    return biased != 0 ? biased - 1023 : ilogb(x);
}

/* ldexp(x, e) through dn_pow2 where 2^e is a normal double, ldexp itself elsewhere. */
static inline double dn_scale2(double x, int e)
{
    return e >= -1022 && e <= 1023 ? x * dn_pow2(e) : ldexp(x, e);
}

/* unit[j] = (offsets[j] - x0) * 2^-exponent exactly, in double-double, with 1 <= max |unit.hi| < 2
 * (exponent 0 when every offset is x0): a power of two, so the weights on unit offsets scale back
 * exactly by 2^(-exponent * derivative). DN_ERR_INVALID_ARGUMENT when a difference overflows or a
 * scaled offset would lose bits to underflow (a part below 2^-1022 of the widest). The managed
 * twin is FiniteDifferenceWeightsReference.UnitOffsets. */
dn_status dn_fornberg_unit_offsets(const double *offsets, size_t n, double x0, dn_dd *unit, int *exponent);

/* Fornberg's recursion in double-double on n distinct finite offsets seen from 0, each weight
 * rounded once to double. Offsets symmetric about 0 (in any order) give exactly symmetric weights
 * for even derivatives and antisymmetric ones, with a zero at 0, for odd ones. Arguments are
 * valid (1 <= n <= DN_FD_MAX_POINTS, 0 <= derivative < n, derivative <= DN_FD_MAX_DERIVATIVE).
 * The managed twin is FiniteDifferenceWeightsReference.UnitWeights. */
void dn_fornberg_unit_weights(int derivative, const dn_dd *unit, size_t n, double *weights);

/* Fornberg's recursion in plain double on unit-scale offsets (their hi parts; the lo parts must be
 * 0, as they are for offsets seen from 0): a few ulp from the correctly rounded weights and six
 * times cheaper. For per-point weights on irregular grids, where every point pays for its own
 * stencil; the unit scale keeps tiny and huge spacings in range. The managed twin is
 * FiniteDifferenceWeightsReference.UnitWeightsPlain. */
void dn_fornberg_unit_weights_plain(int derivative, const dn_dd *unit, size_t n, double *weights);

#endif
