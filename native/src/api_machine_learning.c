/* Public entry points for activations and softmax, on doubles and on floats: every argument is
 * checked here, once for all ISAs, before any output is touched. */
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
    const dn_status buffers = dn_check_activation_buffers(x, n, value, value_length, derivative, derivative_length, sizeof(float));
    if (buffers != DN_OK || n == 0) return buffers;
    k->activate_f32((int)kind, alpha, x, n, value, derivative);
    return DN_OK;
}

dn_status dn_activate_backward_f32(dn_isa isa, dn_activation kind, double alpha, const float *x,
                                   const float *upstream, size_t n, float *gradient, size_t gradient_length)
{
    const dn_kernels *k = NULL;
    const dn_status checked = check_activation(isa, kind, alpha, n, &k);
    if (checked != DN_OK) return checked;
    const dn_status buffers = dn_check_backward_buffers(x, upstream, n, gradient, gradient_length, sizeof(float));
    if (buffers != DN_OK || n == 0) return buffers;
    k->activate_backward_f32((int)kind, alpha, x, upstream, n, gradient);
    return DN_OK;
}

dn_status dn_softmax_f32(dn_isa isa, int log_form, const float *x, size_t rows, size_t cols, float *y, size_t y_length)
{
    const dn_kernels *k = NULL;
    const dn_status resolved = dn_resolve_kernels(isa, &k);
    if (resolved != DN_OK) return resolved;
    size_t total;
    dn_status st = dn_check_softmax_shape(log_form, rows, cols, &total);
    if (st == DN_OK) st = dn_check_softmax_buffers(x, total, y, y_length, sizeof(float));
    if (st != DN_OK || total == 0) return st;
    k->softmax_rows_f32(x, rows, cols, y, log_form);
    return DN_OK;
}

dn_status dn_softmax_backward_f32(dn_isa isa, int log_form, const float *y, const float *g, size_t rows, size_t cols,
                                  float *dx, size_t dx_length)
{
    const dn_kernels *k = NULL;
    const dn_status resolved = dn_resolve_kernels(isa, &k);
    if (resolved != DN_OK) return resolved;
    size_t total;
    dn_status st = dn_check_softmax_shape(log_form, rows, cols, &total);
    if (st == DN_OK) st = dn_check_softmax_backward_buffers(y, g, total, dx, dx_length, sizeof(float));
    if (st != DN_OK || total == 0) return st;
    k->softmax_backward_rows_f32(y, g, rows, cols, dx, log_form);
    return DN_OK;
}
