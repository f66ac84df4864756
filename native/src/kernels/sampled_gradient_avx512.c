/* Compiled with -mavx512f only. The tail uses masked loads and stores, so no lane touches
 * memory past the stated length. */
#include <immintrin.h>

#include "../gradient_edges.h"
#include "../kernels.h"

void dn_sampled_gradient_avx512(const double *y, size_t n, double h, double *out)
{
    const double two_h = 2.0 * h;
    const __m512d vtwo_h = _mm512_set1_pd(two_h);
    size_t i = 1;
    for (; i + 8 < n; i += 8) {
        const __m512d next = _mm512_loadu_pd(y + i + 1);
        const __m512d prev = _mm512_loadu_pd(y + i - 1);
        _mm512_storeu_pd(out + i, _mm512_div_pd(_mm512_sub_pd(next, prev), vtwo_h));
    }
    const size_t left = n - 1 - i; /* interior points still to do, 0..7 */
    if (left > 0) {
        const __mmask8 m = (__mmask8)((1u << left) - 1u);
        const __m512d next = _mm512_maskz_loadu_pd(m, y + i + 1);
        const __m512d prev = _mm512_maskz_loadu_pd(m, y + i - 1);
        _mm512_mask_storeu_pd(out + i, m, _mm512_div_pd(_mm512_sub_pd(next, prev), vtwo_h));
    }
    dn_sampled_gradient_edges(y, n, h, out);
}

