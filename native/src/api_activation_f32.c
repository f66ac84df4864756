/* Public entry points for float activations and softmax: the checks of api_activation.c on float
 * buffers, done once for all ISAs before any output is touched. */
#include <stdint.h>

#include "kernels.h"

/* Whether [a, a+n) and [b, b+m) share a byte. */
static int overlaps(const float *a, size_t n, const float *b, size_t m)
{
    const uintptr_t pa = (uintptr_t)a, pb = (uintptr_t)b;
    return n > 0 && m > 0 && pa < pb + m * sizeof(float) && pb < pa + n * sizeof(float);
}

/* Overlap allowed only as the very same buffer (in place). */
static int overlaps_partly(const float *a, size_t n, const float *b, size_t m)
{
    return a != b && overlaps(a, n, b, m);
}

/* The ISA, kind and alpha checked by dn_activate itself, called with no elements (so it touches
 * nothing): the float twins accept exactly the kinds the double entry point accepts, including any
 * added later; then the element count against the double bound, so both refuse the same n. */
static dn_status check_activation(dn_isa isa, dn_activation kind, double alpha, size_t n, const dn_kernels **k)
{
    double unused = 0.0;
    const dn_status checked = dn_activate(isa, kind, alpha, NULL, 0, &unused, 0, NULL, 0);
    if (checked != DN_OK) return checked;
    if (n > SIZE_MAX / sizeof(double)) return DN_ERR_SIZE_OVERFLOW;
    return dn_resolve_kernels(isa, k);
}

dn_status dn_activate_f32(dn_isa isa, dn_activation kind, double alpha, const float *x, size_t n,
                          float *value, size_t value_length, float *derivative, size_t derivative_length)
{
    const dn_kernels *k = NULL;
    const dn_status checked = check_activation(isa, kind, alpha, n, &k);
    if (checked != DN_OK) return checked;
    if (!value && !derivative) return DN_ERR_NULL_POINTER;
    if (n == 0) return DN_OK;
    if (!x) return DN_ERR_NULL_POINTER;
    if ((value && value_length < n) || (derivative && derivative_length < n)) return DN_ERR_BUFFER_TOO_SMALL;
    if ((value && overlaps_partly(value, n, x, n)) || (derivative && overlaps_partly(derivative, n, x, n)) ||
        (value && derivative && overlaps(value, n, derivative, n)))
        return DN_ERR_OVERLAP;
    k->activate_f32((int)kind, alpha, x, n, value, derivative);
    return DN_OK;
}

dn_status dn_activate_backward_f32(dn_isa isa, dn_activation kind, double alpha, const float *x,
                                   const float *upstream, size_t n, float *gradient, size_t gradient_length)
{
    const dn_kernels *k = NULL;
    const dn_status checked = check_activation(isa, kind, alpha, n, &k);
    if (checked != DN_OK) return checked;
    if (n == 0) return DN_OK;
    if (!x || !upstream || !gradient) return DN_ERR_NULL_POINTER;
    if (gradient_length < n) return DN_ERR_BUFFER_TOO_SMALL;
    if (overlaps_partly(gradient, n, x, n) || overlaps_partly(gradient, n, upstream, n)) return DN_ERR_OVERLAP;
    k->activate_backward_f32((int)kind, alpha, x, upstream, n, gradient);
    return DN_OK;
}

static dn_status check_rows(size_t rows, size_t cols, size_t *total)
{
    if (cols > 0 && rows > SIZE_MAX / sizeof(double) / cols) return DN_ERR_SIZE_OVERFLOW;
    *total = rows * cols;
    return DN_OK;
}

dn_status dn_softmax_f32(dn_isa isa, int log_form, const float *x, size_t rows, size_t cols, float *y, size_t y_length)
{
    const dn_kernels *k = NULL;
    const dn_status resolved = dn_resolve_kernels(isa, &k);
    if (resolved != DN_OK) return resolved;
    if (log_form != 0 && log_form != 1) return DN_ERR_INVALID_ARGUMENT;
    size_t total;
    const dn_status sized = check_rows(rows, cols, &total);
    if (sized != DN_OK) return sized;
    if (total == 0) return DN_OK;
    if (!x || !y) return DN_ERR_NULL_POINTER;
    if (y_length < total) return DN_ERR_BUFFER_TOO_SMALL;
    if (overlaps(x, total, y, total)) return DN_ERR_OVERLAP;
    k->softmax_rows_f32(x, rows, cols, y, log_form);
    return DN_OK;
}

dn_status dn_softmax_backward_f32(dn_isa isa, int log_form, const float *y, const float *g, size_t rows, size_t cols,
                                  float *dx, size_t dx_length)
{
    const dn_kernels *k = NULL;
    const dn_status resolved = dn_resolve_kernels(isa, &k);
    if (resolved != DN_OK) return resolved;
    if (log_form != 0 && log_form != 1) return DN_ERR_INVALID_ARGUMENT;
    size_t total;
    const dn_status sized = check_rows(rows, cols, &total);
    if (sized != DN_OK) return sized;
    if (total == 0) return DN_OK;
    if (!y || !g || !dx) return DN_ERR_NULL_POINTER;
    if (dx_length < total) return DN_ERR_BUFFER_TOO_SMALL;
    if (overlaps_partly(dx, total, y, total) || overlaps_partly(dx, total, g, total)) return DN_ERR_OVERLAP;
    k->softmax_backward_rows_f32(y, g, rows, cols, dx, log_form);
    return DN_OK;
}
