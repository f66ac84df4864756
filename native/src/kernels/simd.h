/* A thin vector layer so one kernel source compiles once per ISA (as SLEEF does): the object
 * library's flags decide which branch is taken. Only operations that round exactly as their scalar
 * twins appear here (no FMA, no reciprocal approximations), so every ISA gives the same bits. */
#ifndef DIFFNATIVE_SIMD_H
#define DIFFNATIVE_SIMD_H

#include <stddef.h>

#if defined(__AVX512F__)
#include <immintrin.h>
#define DN_ISA_SUFFIX(name) name##_avx512
#define DN_LANES 8
typedef __m512d dn_vec;
static inline dn_vec dn_load(const double *p) { return _mm512_loadu_pd(p); }
static inline void dn_store(double *p, dn_vec v) { _mm512_storeu_pd(p, v); }
static inline dn_vec dn_set1(double x) { return _mm512_set1_pd(x); }
static inline dn_vec dn_add(dn_vec a, dn_vec b) { return _mm512_add_pd(a, b); }
static inline dn_vec dn_sub(dn_vec a, dn_vec b) { return _mm512_sub_pd(a, b); }
static inline dn_vec dn_mul(dn_vec a, dn_vec b) { return _mm512_mul_pd(a, b); }
static inline dn_vec dn_div(dn_vec a, dn_vec b) { return _mm512_div_pd(a, b); }
static inline dn_vec dn_abs(dn_vec a) { return _mm512_abs_pd(a); }
/* a > b ? a : b, lane by lane (the scalar code writes exactly this) */
static inline dn_vec dn_max_gt(dn_vec a, dn_vec b) { return _mm512_mask_blend_pd(_mm512_cmp_pd_mask(a, b, _CMP_GT_OQ), b, a); }
/* a > 0 ? a : b */
static inline dn_vec dn_positive_or(dn_vec a, dn_vec b) { return _mm512_mask_blend_pd(_mm512_cmp_pd_mask(a, _mm512_setzero_pd(), _CMP_GT_OQ), b, a); }
/* d <= limit ? when_le : otherwise (NaN compares false) */
static inline dn_vec dn_select_le(dn_vec d, dn_vec limit, dn_vec when_le, dn_vec otherwise) { return _mm512_mask_blend_pd(_mm512_cmp_pd_mask(d, limit, _CMP_LE_OQ), otherwise, when_le); }
static inline void dn_store_lanes(double *base, size_t stride, dn_vec v)
{
    double tmp[8];
    _mm512_storeu_pd(tmp, v);
    for (int k = 0; k < 8; ++k) base[(size_t)k * stride] = tmp[k];
}
#elif defined(__AVX2__)
#include <immintrin.h>
#define DN_ISA_SUFFIX(name) name##_avx2
#define DN_LANES 4
typedef __m256d dn_vec;
static inline dn_vec dn_load(const double *p) { return _mm256_loadu_pd(p); }
static inline void dn_store(double *p, dn_vec v) { _mm256_storeu_pd(p, v); }
static inline dn_vec dn_set1(double x) { return _mm256_set1_pd(x); }
static inline dn_vec dn_add(dn_vec a, dn_vec b) { return _mm256_add_pd(a, b); }
static inline dn_vec dn_sub(dn_vec a, dn_vec b) { return _mm256_sub_pd(a, b); }
static inline dn_vec dn_mul(dn_vec a, dn_vec b) { return _mm256_mul_pd(a, b); }
static inline dn_vec dn_div(dn_vec a, dn_vec b) { return _mm256_div_pd(a, b); }
static inline dn_vec dn_abs(dn_vec a) { return _mm256_andnot_pd(_mm256_set1_pd(-0.0), a); }
static inline dn_vec dn_max_gt(dn_vec a, dn_vec b) { return _mm256_blendv_pd(b, a, _mm256_cmp_pd(a, b, _CMP_GT_OQ)); }
static inline dn_vec dn_positive_or(dn_vec a, dn_vec b) { return _mm256_blendv_pd(b, a, _mm256_cmp_pd(a, _mm256_setzero_pd(), _CMP_GT_OQ)); }
static inline dn_vec dn_select_le(dn_vec d, dn_vec limit, dn_vec when_le, dn_vec otherwise) { return _mm256_blendv_pd(otherwise, when_le, _mm256_cmp_pd(d, limit, _CMP_LE_OQ)); }
static inline void dn_store_lanes(double *base, size_t stride, dn_vec v)
{
    double tmp[4];
    _mm256_storeu_pd(tmp, v);
    for (int k = 0; k < 4; ++k) base[(size_t)k * stride] = tmp[k];
}
#else
#define DN_ISA_SUFFIX(name) name##_scalar
#define DN_LANES 1
#endif

#endif
