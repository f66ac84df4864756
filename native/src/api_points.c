/* Public entry point for the perturbed points of a batch function. */
#include <stdint.h>

#include "kernels.h"
#include "overlap.h"

dn_status dn_fd_points(dn_isa isa, const double *x, size_t n, const double *direction, const double *t, size_t rows,
                       const int32_t *row_start, const int32_t *index, const double *delta, size_t deltas, double *out,
                       size_t out_length)
{
    const dn_kernels *k = NULL;
    const dn_status resolved = dn_resolve_kernels(isa, &k);
    if (resolved != DN_OK) return resolved;
    /* No rows, or rows of no coordinates: nothing to write, nothing to check the CSR against. */
    if (rows == 0 || n == 0) return DN_OK;
    if (rows > SIZE_MAX / sizeof(int32_t) - 1 || deltas > SIZE_MAX / sizeof(double) || rows > SIZE_MAX / sizeof(double) / n)
        return DN_ERR_SIZE_OVERFLOW;
    if (!row_start) return DN_ERR_NULL_POINTER;
    if (!x || !out || (t && !direction) || (deltas > 0 && (!index || !delta)))
        return DN_ERR_NULL_POINTER;
    if (out_length < rows * n) return DN_ERR_BUFFER_TOO_SMALL;
    /* Written over an input, a row would change values that later rows still read (or, over the
     * CSR, send the additions anywhere after they were checked). */
    const size_t d = sizeof(double), i = sizeof(int32_t), written = rows * n;
    if (dn_ranges_overlap(out, written, d, x, n, d) || dn_ranges_overlap(out, written, d, direction, n, d) ||
        dn_ranges_overlap(out, written, d, t, rows, d) || dn_ranges_overlap(out, written, d, row_start, rows + 1, i) ||
        dn_ranges_overlap(out, written, d, index, deltas, i) || dn_ranges_overlap(out, written, d, delta, deltas, d))
        return DN_ERR_OVERLAP;
    /* The CSR once, here: non-decreasing offsets within [0, deltas], every index a coordinate, so
     * the kernels never add outside their row. */
    if (row_start[0] < 0) return DN_ERR_INVALID_ARGUMENT;
    for (size_t r = 0; r < rows; ++r)
        if (row_start[r + 1] < row_start[r]) return DN_ERR_INVALID_ARGUMENT;
    if ((size_t)row_start[rows] > deltas) return DN_ERR_INVALID_ARGUMENT;
    for (size_t e = (size_t)row_start[0]; e < (size_t)row_start[rows]; ++e)
        if (index[e] < 0 || (size_t)index[e] >= n) return DN_ERR_INVALID_ARGUMENT;
    k->fd_points(x, n, direction, t, rows, row_start, index, delta, out);
    return DN_OK;
}
