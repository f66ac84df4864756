/* Public entry points for activations and softmax: every argument is checked here, once for all
 * ISAs, before any output is touched. */
#include <math.h>
#include <stdint.h>

#include "activation_checks.h"
#include "kernels.h"

dn_status dn_activate(dn_isa isa, dn_activation kind, double alpha, const double *x, size_t n,
                      double *value, size_t value_length, double *derivative, size_t derivative_length)
{
    const dn_kernels *k = NULL;
    const dn_status resolved = dn_resolve_kernels(isa, &k);
    if (resolved != DN_OK) return resolved;
    if ((int)kind < DN_ACTIVATION_RELU || (int)kind > DN_ACTIVATION_GELU || !isfinite(alpha))
        return DN_ERR_INVALID_ARGUMENT;
    if (n > SIZE_MAX / sizeof(double)) return DN_ERR_SIZE_OVERFLOW;
    const dn_status buffers = dn_check_activation_buffers(x, n, value, value_length, derivative, derivative_length, sizeof(double));
    if (buffers != DN_OK || n == 0) return buffers;
    k->activate((int)kind, alpha, x, n, value, derivative);
    return DN_OK;
}

dn_status dn_softmax(dn_isa isa, int log_form, const double *x, size_t rows, size_t cols, double *y, size_t y_length)
{
    const dn_kernels *k = NULL;
    const dn_status resolved = dn_resolve_kernels(isa, &k);
    if (resolved != DN_OK) return resolved;
    size_t total;
    dn_status st = dn_check_softmax_shape(log_form, rows, cols, &total);
    if (st == DN_OK) st = dn_check_softmax_buffers(x, total, y, y_length, sizeof(double));
    if (st != DN_OK || total == 0) return st;
    k->softmax_rows(x, rows, cols, y, log_form);
    return DN_OK;
}

dn_status dn_softmax_backward(dn_isa isa, int log_form, const double *y, const double *g, size_t rows, size_t cols,
                              double *dx, size_t dx_length)
{
    const dn_kernels *k = NULL;
    const dn_status resolved = dn_resolve_kernels(isa, &k);
    if (resolved != DN_OK) return resolved;
    size_t total;
    dn_status st = dn_check_softmax_shape(log_form, rows, cols, &total);
    if (st == DN_OK) st = dn_check_softmax_backward_buffers(y, g, total, dx, dx_length, sizeof(double));
    if (st != DN_OK || total == 0) return st;
    k->softmax_backward_rows(y, g, rows, cols, dx, log_form);
    return DN_OK;
}
