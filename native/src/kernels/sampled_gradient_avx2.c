/* Compiled with -mavx2 -mfma only. Division, not multiplication by 1/(2h), keeps the bits equal
 * to the scalar path and to numpy. */
#include <immintrin.h>

#include "../gradient_edges.h"
#include "../kernels.h"

void dn_sampled_gradient_avx2(const double *y, size_t n, double h, double *out)
{
    const double two_h = 2.0 * h;
    const __m256d vtwo_h = _mm256_set1_pd(two_h);
    size_t i = 1;
    for (; i + 4 < n; i += 4) {
        const __m256d next = _mm256_loadu_pd(y + i + 1);
        const __m256d prev = _mm256_loadu_pd(y + i - 1);
        _mm256_storeu_pd(out + i, _mm256_div_pd(_mm256_sub_pd(next, prev), vtwo_h));
    }
    for (; i + 1 < n; ++i)
        out[i] = dn_sampled_gradient_central(y, i, two_h);
    dn_sampled_gradient_edges(y, n, h, out);
}

