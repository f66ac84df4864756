/* dn_fd_weights against hand-known stencils (Fornberg 1988, Table 1) and its argument checks. */
#include <math.h>
#include <stdint.h>

#include "check.h"
#include "diffnative/diffnative.h"

static void expect_weights(int d, const double *x, size_t n, const double *want, double tol)
{
    double w[16];
    CHECK(dn_fd_weights(d, x, n, 0.0, w, 16) == DN_OK, "d=%d n=%zu", d, n);
    for (size_t i = 0; i < n; ++i)
        CHECK(fabs(w[i] - want[i]) <= tol, "d=%d n=%zu w[%zu]=%.17g want %.17g", d, n, i, w[i], want[i]);
}

int main(void)
{
    const double c3[] = {-1, 0, 1}, c5[] = {-2, -1, 0, 1, 2}, f3[] = {0, 1, 2};
    expect_weights(1, c3, 3, (const double[]){-0.5, 0, 0.5}, 0);
    expect_weights(2, c3, 3, (const double[]){1, -2, 1}, 0);
    expect_weights(1, c5, 5, (const double[]){1.0 / 12, -2.0 / 3, 0, 2.0 / 3, -1.0 / 12}, 4e-16);
    expect_weights(4, c5, 5, (const double[]){1, -4, 6, -4, 1}, 4e-15);
    expect_weights(1, f3, 3, (const double[]){-1.5, 2, -0.5}, 0);

    double w[4] = {7, 7, 7, 7};
    const double dup[] = {0, 1, 1}, nan_offsets[] = {0, NAN};
    CHECK(dn_fd_weights(1, dup, 3, 0, w, 4) == DN_ERR_INVALID_ARGUMENT, "repeated offsets");
    CHECK(dn_fd_weights(1, nan_offsets, 2, 0, w, 4) == DN_ERR_INVALID_ARGUMENT, "NaN offset");
    CHECK(dn_fd_weights(3, c3, 3, 0, w, 4) == DN_ERR_INVALID_ARGUMENT, "derivative >= points");
    CHECK(dn_fd_weights(-1, c3, 3, 0, w, 4) == DN_ERR_INVALID_ARGUMENT, "negative derivative");
    CHECK(dn_fd_weights(1, c3, 0, 0, w, 4) == DN_ERR_INVALID_ARGUMENT, "no points");
    CHECK(dn_fd_weights(1, c3, 65, 0, w, 4) == DN_ERR_INVALID_ARGUMENT, "too many points");
    CHECK(dn_fd_weights(1, c3, 3, 0, w, 2) == DN_ERR_BUFFER_TOO_SMALL, "short output");
    CHECK(dn_fd_weights(1, c3, 3, INFINITY, w, 4) == DN_ERR_INVALID_ARGUMENT, "infinite x0");
    CHECK(dn_fd_weights(1, NULL, 3, 0, w, 4) == DN_ERR_NULL_POINTER, "null offsets");
    CHECK(dn_fd_weights(1, c3, 3, 0, NULL, 4) == DN_ERR_NULL_POINTER, "null weights");
    CHECK(w[0] == 7 && w[1] == 7 && w[2] == 7 && w[3] == 7, "untouched on error");
    return check_report("test_fd_weights");
}
