/* Fornberg's recursion for finite-difference weights on arbitrary offsets. Scalar code on every
 * ISA: it runs once per stencil (callers cache the result), so vectors would buy nothing. */
#include <math.h>

#include "diffnative/diffnative.h"

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

dn_status dn_fd_weights(int derivative, const double *offsets, size_t n, double x0, double *weights,
                        size_t weights_length)
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

    /* c[j][k]: weight of point j for the k-th derivative, built up one point at a time. */
    double c[DN_FD_MAX_POINTS][DN_FD_MAX_DERIVATIVE + 1];
    const int m = derivative;
    for (size_t j = 0; j < n; ++j)
        for (int k = 0; k <= m; ++k)
            c[j][k] = 0.0;
    c[0][0] = 1.0;
    double c1 = 1.0, c4 = offsets[0] - x0;
    for (size_t i = 1; i < n; ++i) {
        const int mn = (int)i < m ? (int)i : m;
        double c2 = 1.0;
        const double c5 = c4;
        c4 = offsets[i] - x0;
        for (size_t j = 0; j < i; ++j) {
            const double c3 = offsets[i] - offsets[j];
            c2 = c2 * c3;
            if (j == i - 1) {
                for (int k = mn; k >= 1; --k)
                    c[i][k] = c1 * ((double)k * c[i - 1][k - 1] - c5 * c[i - 1][k]) / c2;
                c[i][0] = -c1 * c5 * c[i - 1][0] / c2;
            }
            for (int k = mn; k >= 1; --k)
                c[j][k] = (c4 * c[j][k] - (double)k * c[j][k - 1]) / c3;
            c[j][0] = c4 * c[j][0] / c3;
        }
        c1 = c2;
    }
    for (size_t j = 0; j < n; ++j)
        weights[j] = c[j][m];
    return DN_OK;
}
