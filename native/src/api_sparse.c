/* Public entry point for sparse (coloured) finite-difference decompression. */
#include <stdint.h>

#include "kernels.h"

/* Whether the byte ranges [a, a+na) and [b, b+nb) meet (the index arrays are not doubles). */
static int bytes_overlap(const void *a, size_t na, const void *b, size_t nb)
{
    const uintptr_t pa = (uintptr_t)a, pb = (uintptr_t)b;
    return na > 0 && nb > 0 && pa < pb + nb && pb < pa + na;
}

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
    /* Every gathered index is checked here, once, so the kernels never read outside a buffer. */
    for (size_t e = 0; e < count; ++e) {
        if (sources[e] < 0 || (size_t)sources[e] >= stride || columns[e] < 0 || (size_t)columns[e] >= steps_length)
            return DN_ERR_INVALID_ARGUMENT;
        if ((npoints - 1) * stride + (size_t)sources[e] >= values_length) return DN_ERR_BUFFER_TOO_SMALL;
    }
    /* The vector paths gather several outputs' inputs before writing them and the scalar path does
     * not, so an output over any input would make the ISAs disagree (as for dn_fd_combine). */
    const size_t out_bytes = count * sizeof(double);
    if (bytes_overlap(out, out_bytes, values, values_length * sizeof(double)) ||
        bytes_overlap(out, out_bytes, weights, npoints * sizeof(double)) ||
        bytes_overlap(out, out_bytes, steps, steps_length * sizeof(double)) ||
        bytes_overlap(out, out_bytes, sources, count * sizeof(int32_t)) ||
        bytes_overlap(out, out_bytes, columns, count * sizeof(int32_t)))
        return DN_ERR_OVERLAP;
    k->sparse_combine(values, stride, weights, npoints, sources, columns, steps, count, out);
    return DN_OK;
}
