/* Public entry point for sparse (coloured) finite-difference decompression. */
#include <stdint.h>

#include "kernels.h"
#include "overlap.h"

dn_status dn_sparse_combine(dn_isa isa, const double *values, size_t values_length, size_t stride,
                            const double *weights, size_t npoints, const int32_t *sources, const int32_t *columns,
                            size_t count, const double *steps, size_t steps_length, double *out, size_t out_length)
{
    const dn_kernels *k = NULL;
    const dn_status resolved = dn_resolve_kernels(isa, &k);
    if (resolved != DN_OK) return resolved;
    if (npoints == 0 || npoints > DN_FD_MAX_POINTS) return DN_ERR_INVALID_ARGUMENT;
    if (count == 0) return DN_OK;
    if (!values || !weights || !sources || !columns || !steps || !out) return DN_ERR_NULL_POINTER;
    if (stride > SIZE_MAX / npoints / sizeof(double)) return DN_ERR_SIZE_OVERFLOW;
    if (out_length < count) return DN_ERR_BUFFER_TOO_SMALL;
    /* The indices are checked once, below: an output over them would rewrite them after the check
     * and send the gather anywhere (fuzz_sparse_combine found it); over the values, weights or
     * steps the ISAs would disagree (the vector paths gather before they write, the scalar one
     * does not). */
    const size_t d = sizeof(double), i = sizeof(int32_t);
    if (dn_ranges_overlap(out, count, d, values, values_length, d) || dn_ranges_overlap(out, count, d, weights, npoints, d) ||
        dn_ranges_overlap(out, count, d, steps, steps_length, d) || dn_ranges_overlap(out, count, d, sources, count, i) ||
        dn_ranges_overlap(out, count, d, columns, count, i))
        return DN_ERR_OVERLAP;
    /* Every gathered index is checked here, once, so the kernels never read outside a buffer. */
    for (size_t e = 0; e < count; ++e) {
        if (sources[e] < 0 || (size_t)sources[e] >= stride || columns[e] < 0 || (size_t)columns[e] >= steps_length)
            return DN_ERR_INVALID_ARGUMENT;
        if ((npoints - 1) * stride + (size_t)sources[e] >= values_length) return DN_ERR_BUFFER_TOO_SMALL;
    }
    k->sparse_combine(values, stride, weights, npoints, sources, columns, steps, count, out);
    return DN_OK;
}
