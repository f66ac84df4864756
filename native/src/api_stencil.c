/* Finite-difference weights on arbitrary offsets: checks, then Fornberg's recursion on offsets
 * shifted to x0 and scaled by a power of two (fornberg.c), then the exact scaling back. */
#include <math.h>

#include "diffnative/diffnative.h"
#include "fornberg.h"

static int offsets_valid(const double *x, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        if (!isfinite(x[i]))
            return 0;
        for (size_t j = 0; j < i; ++j)
            if (x[i] == x[j])
                return 0;
    }
    return 1;
}

dn_status dn_finite_difference_weights(int derivative, const double *offsets, size_t n, double x0,
                                       double *weights, size_t weights_length)
{
    if (!offsets || !weights)
        return DN_ERR_NULL_POINTER;
    if (n == 0 || n > DN_FD_MAX_POINTS || derivative < 0 || derivative > DN_FD_MAX_DERIVATIVE ||
        (size_t)derivative >= n)
        return DN_ERR_INVALID_ARGUMENT;
    if (weights_length < n)
        return DN_ERR_BUFFER_TOO_SMALL;
    if (!isfinite(x0) || !offsets_valid(offsets, n))
        return DN_ERR_INVALID_ARGUMENT;

    dn_dd unit[DN_FD_MAX_POINTS];
    double w[DN_FD_MAX_POINTS];
    int exponent;
    if (dn_fornberg_unit_offsets(offsets, n, x0, unit, &exponent) != DN_OK)
        return DN_ERR_INVALID_ARGUMENT;
    dn_fornberg_unit_weights(derivative, unit, n, w);
    /* Scaling by a power of two is exact while the result stays normal; outside that range a
     * weight would round to Inf or 0 (or lose bits below DBL_MIN), so nothing is written. */
    const int scale = -exponent * derivative;
    for (size_t j = 0; j < n; ++j) {
        const double v = ldexp(w[j], scale);
        if (w[j] != 0.0 && !isnormal(v))
            return DN_ERR_INVALID_ARGUMENT;
        w[j] = v;
    }
    for (size_t j = 0; j < n; ++j)
        weights[j] = w[j];
    return DN_OK;
}
