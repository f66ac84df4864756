#ifndef DIFFNATIVE_FORNBERG_H
#define DIFFNATIVE_FORNBERG_H

#include <stddef.h>

#include "diffnative/diffnative.h"
#include "double_double.h"

/* unit[j] = (offsets[j] - x0) * 2^-exponent exactly, in double-double, with 1 <= max |unit.hi| < 2
 * (exponent 0 when every offset is x0): a power of two, so the weights on unit offsets scale back
 * exactly by 2^(-exponent * derivative). DN_ERR_INVALID_ARGUMENT when a difference overflows or a
 * scaled offset would lose bits to underflow (a part below 2^-1022 of the widest). The managed
 * twin is FornbergReference.UnitOffsets. */
dn_status dn_fornberg_unit_offsets(const double *offsets, size_t n, double x0, dn_dd *unit, int *exponent);

/* Fornberg's recursion in double-double on n distinct finite offsets seen from 0, each weight
 * rounded once to double. Offsets symmetric about 0 (in any order) give exactly symmetric weights
 * for even derivatives and antisymmetric ones, with a zero at 0, for odd ones. Arguments are
 * valid (1 <= n <= DN_FD_MAX_POINTS, 0 <= derivative < n, derivative <= DN_FD_MAX_DERIVATIVE).
 * The managed twin is FornbergReference.UnitWeights. */
void dn_fornberg_unit_weights(int derivative, const dn_dd *unit, size_t n, double *weights);

#endif
