/* Public entry points for sampled data: argument checks live here, once, for every ISA. */
#include <math.h>
#include <stdint.h>

#include "grid_stencils.h"
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

/* Elements in shape[0..ndim), or 0 with *overflow set when the product overflows size_t. */
static size_t element_count(const size_t *shape, size_t ndim, int *overflow)
{
    size_t count = 1;
    *overflow = 0;
    for (size_t k = 0; k < ndim; ++k) {
        if (shape[k] != 0 && count > SIZE_MAX / sizeof(double) / shape[k]) {
            *overflow = 1;
            return 0;
        }
        count *= shape[k];
    }
    return count;
}

static dn_status check_shape(const double *y, const size_t *shape, size_t ndim, const double *out,
                             size_t out_length, size_t *count)
{
    if (!shape) return DN_ERR_NULL_POINTER;
    if (ndim == 0 || ndim > 8) return DN_ERR_INVALID_ARGUMENT;
    int overflow;
    *count = element_count(shape, ndim, &overflow);
    if (overflow) return DN_ERR_SIZE_OVERFLOW;
    if (*count == 0) return DN_OK;
    if (!y || !out) return DN_ERR_NULL_POINTER;
    if (out_length < *count) return DN_ERR_BUFFER_TOO_SMALL;
    if (overlaps(y, *count, out, *count)) return DN_ERR_OVERLAP;
    return DN_OK;
}

/* Applies the axis derivative block by block: outer blocks of shape[axis] x lines samples. */
static void along_axis(const dn_kernels *k, const double *y, const size_t *shape, size_t ndim, size_t axis,
                       const dn_grid_stencils *s, int accumulate, double *out)
{
    size_t outer = 1, lines = 1;
    for (size_t j = 0; j < axis; ++j) outer *= shape[j];
    for (size_t j = axis + 1; j < ndim; ++j) lines *= shape[j];
    const size_t n = shape[axis], block = n * lines;
    for (size_t o = 0; o < outer; ++o) k->grid_lines(y + o * block, n, lines, s, accumulate, out + o * block);
}

dn_status dn_grid_derivative(dn_isa isa, const double *y, const size_t *shape, size_t ndim, size_t axis,
                             double spacing, int derivative, int accuracy, double *out, size_t out_length)
{
    const dn_kernels *k = NULL;
    dn_status st = dn_resolve_kernels(isa, &k);
    if (st != DN_OK) return st;
    dn_grid_stencils s;
    size_t min_samples, count;
    st = dn_build_grid_stencils(derivative, accuracy, spacing, &s, &min_samples);
    if (st != DN_OK) return st;
    st = check_shape(y, shape, ndim, out, out_length, &count);
    if (st != DN_OK) return st;
    if (axis >= ndim) return DN_ERR_INVALID_ARGUMENT;
    if (count == 0) return DN_OK;
    if (shape[axis] < min_samples) return DN_ERR_LENGTH;
    along_axis(k, y, shape, ndim, axis, &s, 0, out);
    return DN_OK;
}

dn_status dn_grid_laplacian(dn_isa isa, const double *y, const size_t *shape, size_t ndim, const double *spacing,
                            int accuracy, double *out, size_t out_length)
{
    const dn_kernels *k = NULL;
    dn_status st = dn_resolve_kernels(isa, &k);
    if (st != DN_OK) return st;
    if (!spacing) return DN_ERR_NULL_POINTER;
    size_t count;
    st = check_shape(y, shape, ndim, out, out_length, &count);
    if (st != DN_OK) return st;
    dn_grid_stencils s[8];
    for (size_t a = 0; a < ndim; ++a) {
        size_t min_samples;
        st = dn_build_grid_stencils(2, accuracy, spacing[a], &s[a], &min_samples);
        if (st != DN_OK) return st;
        if (count != 0 && shape[a] < min_samples) return DN_ERR_LENGTH;
    }
    if (count == 0) return DN_OK;
    for (size_t a = 0; a < ndim; ++a) along_axis(k, y, shape, ndim, a, &s[a], a > 0, out);
    return DN_OK;
}
