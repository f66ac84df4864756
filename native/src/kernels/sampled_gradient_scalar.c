#include "../gradient_edges.h"
#include "../kernels.h"
#include "simd.h"

void DN_ISA_SUFFIX(dn_sampled_gradient)(const double *y, size_t n, double h, double *out)
{
    const double two_h = 2.0 * h;
    for (size_t i = 1; i + 1 < n; ++i)
        out[i] = dn_sampled_gradient_central(y, i, two_h);
    dn_sampled_gradient_edges(y, n, h, out);
}

