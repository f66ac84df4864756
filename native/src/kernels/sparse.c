/* Decompression of compressed (coloured) finite differences into the values of a sparse matrix:
 * each nonzero gathers its row of its colour's perturbed values, combines them with the stencil
 * weights and divides by its column's step. The operations and their order are those of
 * dn_fd_combine for one entry, so a sparse Jacobian has the dense one's bits wherever the
 * perturbed points agree. One source, compiled once per ISA. */
#include "../kernels.h"
#include "simd.h"

void DN_ISA_SUFFIX(dn_sparse_combine)(const double *values, size_t stride, const double *weights, size_t npoints,
                                     const int32_t *sources, const int32_t *columns, const double *steps,
                                     size_t count, double *out)
{
    size_t e = 0;
#if DN_LANES > 1
    for (; e + DN_LANES <= count; e += DN_LANES) {
        dn_vec sum = dn_set1(0.0);
        for (size_t j = 0; j < npoints; ++j)
            sum = dn_add(sum, dn_mul(dn_set1(weights[j]), dn_gather(values + j * stride, sources + e)));
        dn_store(out + e, dn_div(sum, dn_gather(steps, columns + e)));
    }
#endif
    for (; e < count; ++e) {
        double sum = 0.0;
        for (size_t j = 0; j < npoints; ++j)
            sum += weights[j] * values[j * stride + (size_t)sources[e]];
        out[e] = sum / steps[columns[e]];
    }
}
