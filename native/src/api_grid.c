/* Public entry points for sampled data: argument checks live here, once, for every ISA. */
#include <math.h>
#include <stdint.h>
#include <stddef.h>

#include "fornberg.h"
#include "grid_stencils.h"
#include "kernels.h"
#include "overlap.h"

dn_status dn_sampled_gradient(dn_isa isa, const double *y, size_t n, double h, double *out,
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
    if (dn_doubles_overlap(y, n, out, n))
        return DN_ERR_OVERLAP;
    k->sampled_gradient(y, n, h, out);
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
    if (dn_doubles_overlap(y, *count, out, *count)) return DN_ERR_OVERLAP;
    return DN_OK;
}

/* The share of part `part` of `parts` in [0, n): [n·part/parts, n·(part+1)/parts), computed so
 * that n·part cannot overflow. */
static size_t share_start(size_t n, size_t part, size_t parts)
{
    return n / parts * part + n % parts * part / parts;
}

/* Applies the axis derivative to the elements whose axis-0 index lies in [lo, hi): for axis 0
 * those rows of its lines (the samples of a 1-D array), for a later axis the outer blocks that
 * sit inside that slab. */
static void along_axis(const dn_kernels *k, const double *y, const size_t *shape, size_t ndim, size_t axis,
                       const dn_grid_stencils *s, int accumulate, size_t lo, size_t hi, double *out)
{
    size_t outer_per_slab = 1, lines = 1;
    for (size_t j = 1; j < axis; ++j) outer_per_slab *= shape[j];
    for (size_t j = axis + 1; j < ndim; ++j) lines *= shape[j];
    const size_t n = shape[axis], block = n * lines;
    if (axis == 0) {
        k->grid_lines(y, n, lines, s, accumulate, lo, hi, out);
        return;
    }
    for (size_t o = lo * outer_per_slab; o < hi * outer_per_slab; ++o)
        k->grid_lines(y + o * block, n, lines, s, accumulate, 0, n, out + o * block);
}

static dn_status check_part(size_t part, size_t parts)
{
    return parts == 0 || part >= parts ? DN_ERR_INVALID_ARGUMENT : DN_OK;
}

dn_status dn_grid_derivative_part(dn_isa isa, const double *y, const size_t *shape, size_t ndim, size_t axis,
                                  double spacing, int derivative, int accuracy, size_t part, size_t parts,
                                  double *out, size_t out_length)
{
    const dn_kernels *k = NULL;
    dn_status st = dn_resolve_kernels(isa, &k);
    if (st != DN_OK) return st;
    if ((st = check_part(part, parts)) != DN_OK) return st;
    dn_grid_stencils s;
    size_t min_samples, count;
    st = dn_build_grid_stencils(derivative, accuracy, spacing, &s, &min_samples);
    if (st != DN_OK) return st;
    st = check_shape(y, shape, ndim, out, out_length, &count);
    if (st != DN_OK) return st;
    if (axis >= ndim) return DN_ERR_INVALID_ARGUMENT;
    if (count == 0) return DN_OK;
    if (shape[axis] < min_samples) return DN_ERR_LENGTH;
    along_axis(k, y, shape, ndim, axis, &s, 0, share_start(shape[0], part, parts), share_start(shape[0], part + 1, parts), out);
    return DN_OK;
}

dn_status dn_grid_derivative(dn_isa isa, const double *y, const size_t *shape, size_t ndim, size_t axis,
                             double spacing, int derivative, int accuracy, double *out, size_t out_length)
{
    return dn_grid_derivative_part(isa, y, shape, ndim, axis, spacing, derivative, accuracy, 0, 1, out, out_length);
}

dn_status dn_grid_laplacian_part(dn_isa isa, const double *y, const size_t *shape, size_t ndim, const double *spacing,
                                 int accuracy, size_t part, size_t parts, double *out, size_t out_length)
{
    const dn_kernels *k = NULL;
    dn_status st = dn_resolve_kernels(isa, &k);
    if (st != DN_OK) return st;
    if ((st = check_part(part, parts)) != DN_OK) return st;
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
    const size_t lo = share_start(shape[0], part, parts), hi = share_start(shape[0], part + 1, parts);
    if (ndim == 2) {
        /* An output this large cannot stay in cache for its next reader: writing it around the
         * caches saves the read that a normal store's line fill costs (a third of the traffic). */
        const int stream = count >= ((size_t)32 << 20) / sizeof(double);
        k->grid_laplacian_2d(y, shape[0], shape[1], &s[0], &s[1], stream, lo, hi, out);
        return DN_OK;
    }
    /* Each part runs every axis over its own slab, axis 0 first: per element, the same sums in the
     * same order as the whole array in one call. */
    for (size_t a = 0; a < ndim; ++a) along_axis(k, y, shape, ndim, a, &s[a], a > 0, lo, hi, out);
    return DN_OK;
}

dn_status dn_grid_laplacian(dn_isa isa, const double *y, const size_t *shape, size_t ndim, const double *spacing,
                            int accuracy, double *out, size_t out_length)
{
    return dn_grid_laplacian_part(isa, y, shape, ndim, spacing, accuracy, 0, 1, out, out_length);
}

dn_status dn_numpy_gradient(dn_isa isa, const double *y, size_t n, double h, int edge_order, double *out,
                            size_t out_length)
{
    const dn_kernels *k = NULL;
    const dn_status st = dn_resolve_kernels(isa, &k);
    if (st != DN_OK) return st;
    if (edge_order != 1 && edge_order != 2) return DN_ERR_INVALID_ARGUMENT;
    if (n > SIZE_MAX / sizeof(double)) return DN_ERR_SIZE_OVERFLOW;
    if (!isfinite(h) || h <= 0.0 || !isfinite(2.0 * h)) return DN_ERR_INVALID_STEP;
    if (n == 0) return DN_OK;
    if (!y || !out) return DN_ERR_NULL_POINTER;
    if (n <= (size_t)edge_order) return DN_ERR_LENGTH;
    if (out_length < n) return DN_ERR_BUFFER_TOO_SMALL;
    if (dn_doubles_overlap(y, n, out, n)) return DN_ERR_OVERLAP;
    if (n >= 3) k->sampled_gradient(y, n, h, out);
    if (edge_order == 1) {
        /* numpy: (f[1] - f[0]) / dx and (f[-1] - f[-2]) / dx */
        out[0] = (y[1] - y[0]) / h;
        out[n - 1] = (y[n - 1] - y[n - 2]) / h;
    }
    return DN_OK;
}

static dn_status check_coordinates(const double *x, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        if (!isfinite(x[i])) return DN_ERR_INVALID_ARGUMENT;
        if (i > 0 && !(x[i] > x[i - 1])) return DN_ERR_INVALID_ARGUMENT;
    }
    return DN_OK;
}

dn_status dn_numpy_gradient_coordinates(const double *y, const double *x, size_t n, int edge_order, double *out,
                                        size_t out_length)
{
    if (edge_order != 1 && edge_order != 2) return DN_ERR_INVALID_ARGUMENT;
    if (n > SIZE_MAX / sizeof(double)) return DN_ERR_SIZE_OVERFLOW;
    if (n == 0) return DN_OK;
    if (!y || !x || !out) return DN_ERR_NULL_POINTER;
    if (n <= (size_t)edge_order) return DN_ERR_LENGTH;
    if (out_length < n) return DN_ERR_BUFFER_TOO_SMALL;
    if (dn_doubles_overlap(y, n, out, n) || dn_doubles_overlap(x, n, out, n)) return DN_ERR_OVERLAP;
    if (check_coordinates(x, n) != DN_OK) return DN_ERR_INVALID_ARGUMENT;
    const double first = x[1] - x[0];
    int uniform = 1;
    for (size_t i = 2; i < n && uniform; ++i) uniform = (x[i] - x[i - 1]) == first;
    if (uniform) return dn_numpy_gradient(DN_ISA_SCALAR, y, n, first, edge_order, out, out_length);
    /* numpy's non-uniform formulas, operation for operation. */
    for (size_t i = 1; i + 1 < n; ++i) {
        const double dx1 = x[i] - x[i - 1], dx2 = x[i + 1] - x[i];
        const double a = -(dx2) / (dx1 * (dx1 + dx2));
        const double b = (dx2 - dx1) / (dx1 * dx2);
        const double c = dx1 / (dx2 * (dx1 + dx2));
        out[i] = a * y[i - 1] + b * y[i] + c * y[i + 1];
    }
    if (edge_order == 1) {
        out[0] = (y[1] - y[0]) / (x[1] - x[0]);
        out[n - 1] = (y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2]);
    } else {
        double dx1 = x[1] - x[0], dx2 = x[2] - x[1];
        double a = -(2.0 * dx1 + dx2) / (dx1 * (dx1 + dx2));
        double b = (dx1 + dx2) / (dx1 * dx2);
        double c = -dx1 / (dx2 * (dx1 + dx2));
        out[0] = a * y[0] + b * y[1] + c * y[2];
        dx1 = x[n - 2] - x[n - 3];
        dx2 = x[n - 1] - x[n - 2];
        a = (dx2) / (dx1 * (dx1 + dx2));
        b = -(dx2 + dx1) / (dx1 * dx2);
        c = (2.0 * dx2 + dx1) / (dx2 * (dx1 + dx2));
        out[n - 1] = a * y[n - 3] + b * y[n - 2] + c * y[n - 1];
    }
    return DN_OK;
}

/* The stencil of point i on an irregular grid: m points either side inside (one more to the right
 * for even orders, kc in all), ke one-sided points near either end. */
static void coordinate_stencil(size_t i, size_t n, size_t m, size_t kc, size_t ke, size_t *first, size_t *k)
{
    if (i < m) { *first = 0; *k = ke; }
    else if (i + m >= n || i + kc - m > n) { *first = n - ke; *k = ke; }
    else { *first = i - m; *k = kc; }
}

dn_status dn_grid_derivative_coordinates(const double *y, const double *x, size_t n, int derivative, int accuracy,
                                         double *out, size_t out_length)
{
    if (derivative < 1 || derivative > 4 || (accuracy != 2 && accuracy != 4 && accuracy != 6 && accuracy != 8))
        return DN_ERR_INVALID_ARGUMENT;
    if (n > SIZE_MAX / sizeof(double)) return DN_ERR_SIZE_OVERFLOW;
    if (n == 0) return DN_OK;
    if (!y || !x || !out) return DN_ERR_NULL_POINTER;
    if (out_length < n) return DN_ERR_BUFFER_TOO_SMALL;
    if (dn_doubles_overlap(y, n, out, n) || dn_doubles_overlap(x, n, out, n)) return DN_ERR_OVERLAP;
    if (check_coordinates(x, n) != DN_OK) return DN_ERR_INVALID_ARGUMENT;
    const int d = derivative, p = accuracy;
    /* Inside: the uniform central shape, plus one point to the right for even orders. */
    const size_t m = (size_t)(2 * ((d + 1) / 2) - 1 + p - 1) / 2;
    const size_t kc = 2 * m + 1 + (d % 2 == 0 ? 1 : 0), ke = (size_t)(d + p);
    if (n < (kc > ke ? kc : ke)) return DN_ERR_LENGTH;
    /* Every stencil's offsets are checked before anything is written: x[j] - x[i] can overflow or
     * round two coordinates to one offset (0, 1 and 1e20 seen from 1e20), which Fornberg's
     * recursion refuses, or be too small beside the widest to scale to unit size without losing
     * bits; out must stay untouched on error (found by fuzz_grid). */
    double offsets[DN_GRID_MAX_POINTS + 1], w[DN_GRID_MAX_POINTS + 1];
    dn_dd unit[DN_GRID_MAX_POINTS + 1];
    int exponent;
    for (size_t i = 0; i < n; ++i) {
        size_t first, k;
        coordinate_stencil(i, n, m, kc, ke, &first, &k);
        double previous = x[first] - x[i];
        if (!isfinite(previous)) return DN_ERR_INVALID_ARGUMENT;
        offsets[0] = previous;
        for (size_t j = 1; j < k; ++j) {
            const double offset = x[first + j] - x[i];
            if (!isfinite(offset) || !(offset > previous)) return DN_ERR_INVALID_ARGUMENT;
            offsets[j] = previous = offset;
        }
        if (dn_fornberg_unit_offsets(offsets, k, 0.0, unit, &exponent) != DN_OK) return DN_ERR_INVALID_ARGUMENT;
    }
    for (size_t i = 0; i < n; ++i) {
        size_t first, k;
        coordinate_stencil(i, n, m, kc, ke, &first, &k);
        /* Offsets relative to x[i] keep the weights well conditioned. The weights stay at unit
         * scale and the sum is scaled by 2^(-exponent*d) instead: the same bits as summing with
         * dn_finite_difference_weights' weights unless a product or partial sum leaves the normal range, and no
         * overflowing weights where the spacing is tiny. */
        for (size_t j = 0; j < k; ++j) offsets[j] = x[first + j] - x[i];
        dn_fornberg_unit_offsets(offsets, k, 0.0, unit, &exponent); /* succeeded above */
        dn_fornberg_unit_weights_plain(d, unit, k, w); /* per point: the plain recursion, see fornberg.h */
        /* The samples go to unit scale too (their largest into [1, 2)), so that products and
         * partial sums stay in range for samples near either end of the doubles (huge samples
         * over huge spacings overflowed to NaN); both scales come back in one exact step. */
        double largest = 0.0;
        for (size_t j = 0; j < k; ++j) largest = fabs(y[first + j]) > largest ? fabs(y[first + j]) : largest;
        const int shift = largest > 0.0 && isfinite(largest) ? -dn_exponent(largest) : 0;
        double sum = w[0] * dn_scale2(y[first], shift);
        for (size_t j = 1; j < k; ++j) sum = sum + w[j] * dn_scale2(y[first + j], shift);
        out[i] = dn_scale2(sum, -exponent * d - shift);
    }
    return DN_OK;
}
