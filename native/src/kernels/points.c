/* The perturbed points a batch function receives: row r = x + t[r]·direction (a copy of x where
 * t is absent or t[r] is zero), then each of the row's deltas added to its coordinate in order.
 * The operations are those of the managed plans (product, then sum; nothing fused), so a native
 * batch hands the function the same bits as one point at a time. One source, compiled per ISA. */
#include <string.h>

#include "../kernels.h"
#include "simd.h"

void DN_ISA_SUFFIX(dn_fd_points)(const double *x, size_t n, const double *direction, const double *t, size_t rows,
                                 const int32_t *row_start, const int32_t *index, const double *delta, double *out)
{
    for (size_t r = 0; r < rows; ++r) {
        double *row = out + r * n;
        const double tr = t ? t[r] : 0.0;
        if (tr != 0.0) {
            size_t e = 0;
#if DN_LANES > 1
            const dn_vec tv = dn_set1(tr);
            for (; e + DN_LANES <= n; e += DN_LANES)
                dn_store(row + e, dn_add(dn_load(x + e), dn_mul(tv, dn_load(direction + e))));
#endif
            for (; e < n; ++e) row[e] = x[e] + tr * direction[e];
        } else if (n > 0) {
            memcpy(row, x, n * sizeof(double));
        }
        /* In the row's order: two deltas on one coordinate add one after the other, as the plans do. */
        for (int32_t k = row_start[r]; k < row_start[r + 1]; ++k) row[index[k]] += delta[k];
    }
}
