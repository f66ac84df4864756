/* The buffer checks of the activation and softmax entry points, shared by the double and float
 * ones (elements of `size` bytes), so both refuse exactly the same calls. Each returns DN_OK when
 * the call may go ahead; a call with nothing to compute (no elements) also gets DN_OK, and the
 * caller returns before touching anything. */
#ifndef DIFFNATIVE_ACTIVATION_CHECKS_H
#define DIFFNATIVE_ACTIVATION_CHECKS_H

#include <stdint.h>

#include "kernels.h"
#include "overlap.h"

/* Overlap allowed only as the very same buffer (in place). */
static inline int dn_overlaps_partly(const void *a, size_t n, const void *b, size_t m, size_t size)
{
    return a != b && dn_ranges_overlap(a, n, size, b, m, size);
}

/* value and/or derivative of x[0..n): at least one output, long enough, each output x itself or
 * clear of it, and clear of each other. */
static inline dn_status dn_check_activation_buffers(const void *x, size_t n, const void *value, size_t value_length,
                                                    const void *derivative, size_t derivative_length, size_t size)
{
    if (!value && !derivative) return DN_ERR_NULL_POINTER;
    if (n == 0) return DN_OK;
    if (!x) return DN_ERR_NULL_POINTER;
    if ((value && value_length < n) || (derivative && derivative_length < n)) return DN_ERR_BUFFER_TOO_SMALL;
    if ((value && dn_overlaps_partly(value, n, x, n, size)) || (derivative && dn_overlaps_partly(derivative, n, x, n, size)) ||
        (value && derivative && dn_ranges_overlap(value, n, size, derivative, n, size)))
        return DN_ERR_OVERLAP;
    return DN_OK;
}

/* gradient = upstream · f'(x) over n elements: gradient may be x or upstream itself. */
static inline dn_status dn_check_backward_buffers(const void *x, const void *upstream, size_t n, const void *gradient,
                                                  size_t gradient_length, size_t size)
{
    if (n == 0) return DN_OK;
    if (!x || !upstream || !gradient) return DN_ERR_NULL_POINTER;
    if (gradient_length < n) return DN_ERR_BUFFER_TOO_SMALL;
    if (dn_overlaps_partly(gradient, n, x, n, size) || dn_overlaps_partly(gradient, n, upstream, n, size)) return DN_ERR_OVERLAP;
    return DN_OK;
}

/* rows × cols values (the double bound for both element types, so both refuse the same shapes)
 * and the log_form flag; *total receives rows·cols. */
static inline dn_status dn_check_softmax_shape(int log_form, size_t rows, size_t cols, size_t *total)
{
    if (log_form != 0 && log_form != 1) return DN_ERR_INVALID_ARGUMENT;
    if (cols > 0 && rows > SIZE_MAX / sizeof(double) / cols) return DN_ERR_SIZE_OVERFLOW;
    *total = rows * cols;
    return DN_OK;
}

/* y = softmax(x) over total values: y clear of x. */
static inline dn_status dn_check_softmax_buffers(const void *x, size_t total, const void *y, size_t y_length, size_t size)
{
    if (total == 0) return DN_OK;
    if (!x || !y) return DN_ERR_NULL_POINTER;
    if (y_length < total) return DN_ERR_BUFFER_TOO_SMALL;
    if (dn_ranges_overlap(x, total, size, y, total, size)) return DN_ERR_OVERLAP;
    return DN_OK;
}

/* dx from y and g over total values: dx may be y or g itself. */
static inline dn_status dn_check_softmax_backward_buffers(const void *y, const void *g, size_t total, const void *dx,
                                                          size_t dx_length, size_t size)
{
    if (total == 0) return DN_OK;
    if (!y || !g || !dx) return DN_ERR_NULL_POINTER;
    if (dx_length < total) return DN_ERR_BUFFER_TOO_SMALL;
    if (dn_overlaps_partly(dx, total, y, total, size) || dn_overlaps_partly(dx, total, g, total, size)) return DN_ERR_OVERLAP;
    return DN_OK;
}

#endif
