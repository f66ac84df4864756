/* Public entry points for sampled data: argument checks live here, once, for every ISA. */
#include <math.h>
#include <stdint.h>

#include "kernels.h"

static int overlaps(const double *a, size_t na, const double *b, size_t nb)
{
    const uintptr_t a0 = (uintptr_t)a, a1 = a0 + na * sizeof(double);
    const uintptr_t b0 = (uintptr_t)b, b1 = b0 + nb * sizeof(double);
    return a0 < b1 && b0 < a1;
}

dn_status dn_gradient_uniform(dn_isa isa, const double *y, size_t n, double h, double *out,
                              size_t out_length)
{
    const dn_kernels *k = NULL;
    const dn_status resolved = dn_resolve_kernels(isa, &k);
    if (resolved != DN_OK)
        return resolved;
    if (n > SIZE_MAX / sizeof(double) || out_length > SIZE_MAX / sizeof(double))
        return DN_ERR_SIZE_OVERFLOW;
    /* 2h must stay finite too, or the central differences would all become 0 or NaN. */
    if (!isfinite(h) || h <= 0.0 || !isfinite(2.0 * h))
        return DN_ERR_INVALID_STEP;
    if (n == 0)
        return DN_OK;
    if (!y || !out)
        return DN_ERR_NULL_POINTER;
    if (n < 3)
        return DN_ERR_LENGTH;
    if (out_length < n)
        return DN_ERR_BUFFER_TOO_SMALL;
    if (overlaps(y, n, out, n))
        return DN_ERR_OVERLAP;
    k->gradient_uniform(y, n, h, out);
    return DN_OK;
}
