/* A thin vector layer so one kernel source compiles once per ISA (as SLEEF does): the object
 * library's flags decide which branch is taken. Only operations that round exactly as their scalar
 * twins appear here (no reciprocal approximations; FMA only where the kernel writes dn_fma, which
 * is fma() on the scalar paths), so every ISA gives the same bits. The _mm256_ and _mm512_
 * intrinsics live here and nowhere else. */
#ifndef DIFFNATIVE_SIMD_H
#define DIFFNATIVE_SIMD_H

#include <stddef.h>
#include <stdint.h>

#if defined(__AVX512F__)
#include <immintrin.h>
#define DN_ISA_SUFFIX(name) name##_avx512
#define DN_LANES 8
typedef __m512d dn_vec;
static inline dn_vec dn_load(const double *p) { return _mm512_loadu_pd(p); }
static inline void dn_store(double *p, dn_vec v) { _mm512_storeu_pd(p, v); }
/* A store that bypasses the caches, for outputs too large to stay in them; p aligned to a vector. */
static inline void dn_stream(double *p, dn_vec v) { _mm512_stream_pd(p, v); }
static inline void dn_stream_fence(void) { _mm_sfence(); }
static inline dn_vec dn_set1(double x) { return _mm512_set1_pd(x); }
static inline dn_vec dn_add(dn_vec a, dn_vec b) { return _mm512_add_pd(a, b); }
static inline dn_vec dn_sub(dn_vec a, dn_vec b) { return _mm512_sub_pd(a, b); }
static inline dn_vec dn_mul(dn_vec a, dn_vec b) { return _mm512_mul_pd(a, b); }
static inline dn_vec dn_div(dn_vec a, dn_vec b) { return _mm512_div_pd(a, b); }
static inline dn_vec dn_abs(dn_vec a) { return _mm512_abs_pd(a); }
/* the largest integer <= a (exact: rounding toward minus infinity) */
static inline dn_vec dn_floor(dn_vec a) { return _mm512_roundscale_pd(a, _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC); }
/* a > b ? a : b, lane by lane (the scalar code writes exactly this) */
/* (MAXPD returns its second operand unless a > b, NaN and equal zeros included: one instruction) */
static inline dn_vec dn_max_gt(dn_vec a, dn_vec b) { return _mm512_max_pd(a, b); }
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

/* ---- elementwise math (vmath.h): masks, FMA, sign and exponent manipulation ---------------- */
typedef __mmask8 dn_mask;
static inline dn_vec dn_fma(dn_vec a, dn_vec b, dn_vec c) { return _mm512_fmadd_pd(a, b, c); }
static inline dn_mask dn_lt(dn_vec a, dn_vec b) { return _mm512_cmp_pd_mask(a, b, _CMP_LT_OQ); }
static inline dn_mask dn_gt(dn_vec a, dn_vec b) { return _mm512_cmp_pd_mask(a, b, _CMP_GT_OQ); }
static inline dn_mask dn_eq(dn_vec a, dn_vec b) { return _mm512_cmp_pd_mask(a, b, _CMP_EQ_OQ); }
static inline dn_mask dn_isnan(dn_vec a) { return _mm512_cmp_pd_mask(a, a, _CMP_UNORD_Q); }
/* m ? a : b, lane by lane */
static inline dn_vec dn_select(dn_mask m, dn_vec a, dn_vec b) { return _mm512_mask_blend_pd(m, b, a); }
static inline __m512i dn_bits_(dn_vec a) { return _mm512_castpd_si512(a); }
static inline dn_vec dn_from_bits_(__m512i a) { return _mm512_castsi512_pd(a); }
static inline __m512i dn_u64_(unsigned long long v) { return _mm512_set1_epi64((long long)v); }
static inline dn_vec dn_neg(dn_vec a) { return dn_from_bits_(_mm512_xor_si512(dn_bits_(a), dn_u64_(0x8000000000000000ull))); }
/* |mag| with the sign bit of sgn */
static inline dn_vec dn_copysign(dn_vec mag, dn_vec sgn)
{
    const __m512i sign = dn_u64_(0x8000000000000000ull);
    return dn_from_bits_(_mm512_or_si512(_mm512_andnot_si512(sign, dn_bits_(mag)), _mm512_and_si512(sign, dn_bits_(sgn))));
}
/* 2^k for integral k in [-1022, 1023]: k + 2^52 + 1023 holds the biased exponent in its low
 * mantissa bits, and a shift moves it into the exponent field. */
static inline dn_vec dn_pow2i(dn_vec k) { return dn_from_bits_(_mm512_slli_epi64(dn_bits_(dn_add(k, dn_set1(4503599627371519.0))), 52)); }
/* u = 2^k * m with m in [sqrt(2)/2, sqrt(2)) for finite u >= sqrt(2)/2; k returned as a double. */
static inline dn_vec dn_split_exponent(dn_vec u, dn_vec *k)
{
    const __m512i tmp = _mm512_sub_epi64(dn_bits_(u), dn_u64_(0x3fe6a09e667f3bcdull));
    const __m512i kbits = _mm512_srli_epi64(tmp, 52);
    *k = dn_sub(dn_from_bits_(_mm512_or_si512(kbits, dn_u64_(0x4330000000000000ull))), dn_set1(4503599627370496.0));
    return dn_from_bits_(_mm512_sub_epi64(dn_bits_(u), _mm512_and_si512(tmp, dn_u64_(0xfff0000000000000ull))));
}
static inline double dn_first(dn_vec v) { return _mm512_cvtsd_f64(v); }
/* Table lookups by lane: an index held as an exact small integer in a double, converted once,
 * then base[index] per lane (a gather moves bits, so it rounds nothing). */
typedef __m256i dn_index;
static inline dn_index dn_to_index(dn_vec k) { return _mm512_cvtpd_epi32(k); }
static inline dn_vec dn_gather_at(const double *base, dn_index idx) { return _mm512_i32gather_pd(idx, base, 8); }
/* base[idx + j] for j = 0..3, every lane: one table row's four consecutive entries. */
static inline void dn_gather4_at(const double *base, dn_index idx, dn_vec out[4])
{
    for (int j = 0; j < 4; ++j) out[j] = _mm512_i32gather_pd(idx, base + j, 8);
}
/* Four Horner chains per lane, each lane in its own table row: row l = base + idx[l] holds `count`
 * quads (4 doubles); acc = quad[count - 1], then acc = fma(acc, t[l], quad[k]) for k = count - 2 .. 0,
 * each of the quad's four entries a chain of its own; out[j] lane l is that lane's chain j. Rows are
 * read whole (no transposes inside the loop), lanes l and l + 4 sharing a vector, and the four
 * results are transposed once at the end. */
static inline void dn_row_horner4(const double *base, dn_index idx, dn_vec t, int count, dn_vec out[4])
{
    int32_t at[8];
    _mm256_storeu_si256((__m256i *)at, idx);
    dn_vec acc[4];
    for (int l = 0; l < 4; ++l) {
        const double *lo = base + at[l], *hi = base + at[l + 4];
        const dn_vec tl = _mm512_permutexvar_pd(_mm512_set_epi64(l + 4, l + 4, l + 4, l + 4, l, l, l, l), t);
        const int last = 4 * (count - 1);
        dn_vec p = _mm512_insertf64x4(_mm512_castpd256_pd512(_mm256_loadu_pd(lo + last)), _mm256_loadu_pd(hi + last), 1);
        for (int k = count - 2; k >= 0; --k)
            p = dn_fma(p, tl, _mm512_insertf64x4(_mm512_castpd256_pd512(_mm256_loadu_pd(lo + 4 * k)), _mm256_loadu_pd(hi + 4 * k), 1));
        acc[l] = p; /* lane l's four chains, then lane l + 4's */
    }
    const dn_vec t0 = _mm512_unpacklo_pd(acc[0], acc[1]), t1 = _mm512_unpackhi_pd(acc[0], acc[1]);
    const dn_vec t2 = _mm512_unpacklo_pd(acc[2], acc[3]), t3 = _mm512_unpackhi_pd(acc[2], acc[3]);
    const __m512i even = _mm512_set_epi64(13, 12, 5, 4, 9, 8, 1, 0), odd = _mm512_set_epi64(15, 14, 7, 6, 11, 10, 3, 2);
    out[0] = _mm512_permutex2var_pd(t0, even, t2);
    out[1] = _mm512_permutex2var_pd(t1, even, t3);
    out[2] = _mm512_permutex2var_pd(t0, odd, t2);
    out[3] = _mm512_permutex2var_pd(t1, odd, t3);
}
/* Whether any lane of the mask is set. */
static inline int dn_any(dn_mask m) { return m != 0; }
/* base[idx[0..8)]: a gather moves bits, so it rounds nothing. */
static inline dn_vec dn_gather(const double *base, const int32_t *idx) { return _mm512_i32gather_pd(_mm256_loadu_si256((const __m256i *)idx), base, 8); }
/* Eight floats widened to doubles (exact), and eight doubles rounded to floats (to nearest, as a
 * scalar (float) cast rounds). */
static inline dn_vec dn_load_f32(const float *p) { return _mm512_cvtps_pd(_mm256_loadu_ps(p)); }
static inline void dn_store_f32(float *p, dn_vec v) { _mm256_storeu_ps(p, _mm512_cvtpd_ps(v)); }
#elif defined(__AVX2__)
#include <immintrin.h>
#define DN_ISA_SUFFIX(name) name##_avx2
#define DN_LANES 4
typedef __m256d dn_vec;
static inline dn_vec dn_load(const double *p) { return _mm256_loadu_pd(p); }
static inline void dn_store(double *p, dn_vec v) { _mm256_storeu_pd(p, v); }
static inline void dn_stream(double *p, dn_vec v) { _mm256_stream_pd(p, v); }
static inline void dn_stream_fence(void) { _mm_sfence(); }
static inline dn_vec dn_set1(double x) { return _mm256_set1_pd(x); }
static inline dn_vec dn_add(dn_vec a, dn_vec b) { return _mm256_add_pd(a, b); }
static inline dn_vec dn_sub(dn_vec a, dn_vec b) { return _mm256_sub_pd(a, b); }
static inline dn_vec dn_mul(dn_vec a, dn_vec b) { return _mm256_mul_pd(a, b); }
static inline dn_vec dn_div(dn_vec a, dn_vec b) { return _mm256_div_pd(a, b); }
static inline dn_vec dn_abs(dn_vec a) { return _mm256_andnot_pd(_mm256_set1_pd(-0.0), a); }
static inline dn_vec dn_floor(dn_vec a) { return _mm256_floor_pd(a); }
static inline dn_vec dn_max_gt(dn_vec a, dn_vec b) { return _mm256_max_pd(a, b); }
static inline dn_vec dn_positive_or(dn_vec a, dn_vec b) { return _mm256_blendv_pd(b, a, _mm256_cmp_pd(a, _mm256_setzero_pd(), _CMP_GT_OQ)); }
static inline dn_vec dn_select_le(dn_vec d, dn_vec limit, dn_vec when_le, dn_vec otherwise) { return _mm256_blendv_pd(otherwise, when_le, _mm256_cmp_pd(d, limit, _CMP_LE_OQ)); }
static inline void dn_store_lanes(double *base, size_t stride, dn_vec v)
{
    double tmp[4];
    _mm256_storeu_pd(tmp, v);
    for (int k = 0; k < 4; ++k) base[(size_t)k * stride] = tmp[k];
}

/* ---- elementwise math (vmath.h): masks, FMA, sign and exponent manipulation ---------------- */
typedef __m256d dn_mask;
static inline dn_vec dn_fma(dn_vec a, dn_vec b, dn_vec c) { return _mm256_fmadd_pd(a, b, c); }
static inline dn_mask dn_lt(dn_vec a, dn_vec b) { return _mm256_cmp_pd(a, b, _CMP_LT_OQ); }
static inline dn_mask dn_gt(dn_vec a, dn_vec b) { return _mm256_cmp_pd(a, b, _CMP_GT_OQ); }
static inline dn_mask dn_eq(dn_vec a, dn_vec b) { return _mm256_cmp_pd(a, b, _CMP_EQ_OQ); }
static inline dn_mask dn_isnan(dn_vec a) { return _mm256_cmp_pd(a, a, _CMP_UNORD_Q); }
static inline dn_vec dn_select(dn_mask m, dn_vec a, dn_vec b) { return _mm256_blendv_pd(b, a, m); }
static inline dn_vec dn_neg(dn_vec a) { return _mm256_xor_pd(a, _mm256_set1_pd(-0.0)); }
static inline dn_vec dn_copysign(dn_vec mag, dn_vec sgn)
{
    const dn_vec sign = _mm256_set1_pd(-0.0);
    return _mm256_or_pd(_mm256_andnot_pd(sign, mag), _mm256_and_pd(sign, sgn));
}
static inline dn_vec dn_pow2i(dn_vec k)
{
    return _mm256_castsi256_pd(_mm256_slli_epi64(_mm256_castpd_si256(dn_add(k, dn_set1(4503599627371519.0))), 52));
}
static inline dn_vec dn_split_exponent(dn_vec u, dn_vec *k)
{
    const __m256i bits = _mm256_castpd_si256(u);
    const __m256i tmp = _mm256_sub_epi64(bits, _mm256_set1_epi64x(0x3fe6a09e667f3bcdll));
    const __m256i kbits = _mm256_srli_epi64(tmp, 52);
    *k = dn_sub(_mm256_castsi256_pd(_mm256_or_si256(kbits, _mm256_set1_epi64x(0x4330000000000000ll))), dn_set1(4503599627370496.0));
    return _mm256_castsi256_pd(_mm256_sub_epi64(bits, _mm256_and_si256(tmp, _mm256_set1_epi64x((long long)0xfff0000000000000ull))));
}
static inline double dn_first(dn_vec v) { return _mm256_cvtsd_f64(v); }
typedef __m128i dn_index;
static inline dn_index dn_to_index(dn_vec k) { return _mm256_cvtpd_epi32(k); }
static inline dn_vec dn_gather_at(const double *base, dn_index idx) { return _mm256_i32gather_pd(base, idx, 8); }
/* Four row loads and a 4x4 transpose instead of four gathers, which are microcoded and slow on
 * some AVX2 CPUs (AMD Zen); the bits moved are the same. */
/* out[j] lane l = r[l] lane j */
static inline void dn_transpose4(const dn_vec r[4], dn_vec out[4])
{
    const __m256d t0 = _mm256_unpacklo_pd(r[0], r[1]), t1 = _mm256_unpackhi_pd(r[0], r[1]); /* r0[0] r1[0] r0[2] r1[2] | [1] [1] [3] [3] */
    const __m256d t2 = _mm256_unpacklo_pd(r[2], r[3]), t3 = _mm256_unpackhi_pd(r[2], r[3]);
    out[0] = _mm256_permute2f128_pd(t0, t2, 0x20);
    out[1] = _mm256_permute2f128_pd(t1, t3, 0x20);
    out[2] = _mm256_permute2f128_pd(t0, t2, 0x31);
    out[3] = _mm256_permute2f128_pd(t1, t3, 0x31);
}
static inline void dn_gather4_at(const double *base, dn_index idx, dn_vec out[4])
{
    const dn_vec r[4] = {_mm256_loadu_pd(base + _mm_cvtsi128_si32(idx)), _mm256_loadu_pd(base + _mm_extract_epi32(idx, 1)),
                         _mm256_loadu_pd(base + _mm_extract_epi32(idx, 2)), _mm256_loadu_pd(base + _mm_extract_epi32(idx, 3))};
    dn_transpose4(r, out);
}
/* Four Horner chains per lane, each lane in its own table row (see the AVX-512 version): each lane's
 * quads are read whole and the four results transposed once at the end, instead of a transpose
 * per four coefficients. */
static inline void dn_row_horner4(const double *base, dn_index idx, dn_vec t, int count, dn_vec out[4])
{
    const double *row[4] = {base + _mm_cvtsi128_si32(idx), base + _mm_extract_epi32(idx, 1), base + _mm_extract_epi32(idx, 2),
                            base + _mm_extract_epi32(idx, 3)};
    const dn_vec tl[4] = {_mm256_permute4x64_pd(t, 0x00), _mm256_permute4x64_pd(t, 0x55), _mm256_permute4x64_pd(t, 0xaa),
                          _mm256_permute4x64_pd(t, 0xff)};
    dn_vec acc[4];
    for (int l = 0; l < 4; ++l) acc[l] = _mm256_loadu_pd(row[l] + 4 * (count - 1));
    for (int k = count - 2; k >= 0; --k)
        for (int l = 0; l < 4; ++l) acc[l] = dn_fma(acc[l], tl[l], _mm256_loadu_pd(row[l] + 4 * k));
    dn_transpose4(acc, out);
}
static inline int dn_any(dn_mask m) { return _mm256_movemask_pd(m) != 0; }
static inline dn_vec dn_gather(const double *base, const int32_t *idx) { return _mm256_i32gather_pd(base, _mm_loadu_si128((const __m128i *)idx), 8); }
static inline dn_vec dn_load_f32(const float *p) { return _mm256_cvtps_pd(_mm_loadu_ps(p)); }
static inline void dn_store_f32(float *p, dn_vec v) { _mm_storeu_ps(p, _mm256_cvtpd_ps(v)); }
#else
/* Compiled twice: plain (fma() is a libm call, software where the CPU has no FMA) and with -mfma,
 * where the compiler emits one FMA instruction for fma(). Both round once, so both give the
 * same bits; the dispatcher picks the -mfma table for the scalar ISA when the CPU has FMA. */
#if defined(__FMA__)
#define DN_ISA_SUFFIX(name) name##_scalar_fma
#else
#define DN_ISA_SUFFIX(name) name##_scalar
#endif
#define DN_LANES 1
/* The scalar path uses the same vocabulary on plain doubles, so a kernel written once with dn_*
 * operations is also its own scalar version. fma() is the correctly rounded libm function. */
#include <math.h>
#include <stdint.h>
#include <string.h>
typedef double dn_vec;
typedef int dn_mask;
static inline dn_vec dn_load(const double *p) { return *p; }
static inline void dn_store(double *p, dn_vec v) { *p = v; }
static inline void dn_stream(double *p, dn_vec v) { *p = v; }
static inline void dn_stream_fence(void) { }
static inline dn_vec dn_set1(double x) { return x; }
static inline dn_vec dn_add(dn_vec a, dn_vec b) { return a + b; }
static inline dn_vec dn_sub(dn_vec a, dn_vec b) { return a - b; }
static inline dn_vec dn_mul(dn_vec a, dn_vec b) { return a * b; }
static inline dn_vec dn_div(dn_vec a, dn_vec b) { return a / b; }
static inline dn_vec dn_abs(dn_vec a) { return fabs(a); }
static inline dn_vec dn_floor(dn_vec a) { return floor(a); }
static inline dn_vec dn_max_gt(dn_vec a, dn_vec b) { return a > b ? a : b; }
static inline dn_vec dn_fma(dn_vec a, dn_vec b, dn_vec c) { return fma(a, b, c); }
static inline dn_mask dn_lt(dn_vec a, dn_vec b) { return a < b; }
static inline dn_mask dn_gt(dn_vec a, dn_vec b) { return a > b; }
static inline dn_mask dn_eq(dn_vec a, dn_vec b) { return a == b; }
static inline dn_mask dn_isnan(dn_vec a) { return a != a; }
static inline dn_vec dn_select(dn_mask m, dn_vec a, dn_vec b) { return m ? a : b; }
static inline dn_vec dn_neg(dn_vec a) { return -a; }
static inline dn_vec dn_copysign(dn_vec mag, dn_vec sgn) { return copysign(mag, sgn); }
static inline uint64_t dn_bits_(double a) { uint64_t b; memcpy(&b, &a, sizeof b); return b; }
static inline double dn_from_bits_(uint64_t b) { double a; memcpy(&a, &b, sizeof a); return a; }
static inline dn_vec dn_pow2i(dn_vec k) { return dn_from_bits_(dn_bits_(k + 4503599627371519.0) << 52); }
static inline dn_vec dn_split_exponent(dn_vec u, dn_vec *k)
{
    const uint64_t tmp = dn_bits_(u) - 0x3fe6a09e667f3bcdull;
    *k = dn_from_bits_((tmp >> 52) | 0x4330000000000000ull) - 4503599627370496.0;
    return dn_from_bits_(dn_bits_(u) - (tmp & 0xfff0000000000000ull));
}
static inline double dn_first(dn_vec v) { return v; }
typedef int dn_index;
static inline dn_index dn_to_index(dn_vec k) { return (int)k; }
static inline dn_vec dn_gather_at(const double *base, dn_index idx) { return base[idx]; }
static inline void dn_gather4_at(const double *base, dn_index idx, dn_vec out[4])
{
    for (int j = 0; j < 4; ++j) out[j] = base[idx + j];
}
static inline void dn_row_horner4(const double *base, dn_index idx, dn_vec t, int count, dn_vec out[4])
{
    const double *row = base + idx;
    for (int j = 0; j < 4; ++j) {
        double p = row[4 * (count - 1) + j];
        for (int k = count - 2; k >= 0; --k) p = fma(p, t, row[4 * k + j]);
        out[j] = p;
    }
}
static inline int dn_any(dn_mask m) { return m; }
static inline dn_vec dn_gather(const double *base, const int32_t *idx) { return base[idx[0]]; }
static inline dn_vec dn_load_f32(const float *p) { return (double)*p; }
static inline void dn_store_f32(float *p, dn_vec v) { *p = (float)v; }
#endif


/* Up to DN_LANES elements of a tail, the other lanes filled with `fill`, so a kernel written for
 * whole vectors also finishes the tail with exactly the same operations. */
static inline dn_vec dn_load_partial(const double *p, size_t count, double fill)
{
    double tmp[DN_LANES];
    for (size_t k = 0; k < DN_LANES; ++k) tmp[k] = k < count ? p[k] : fill;
    return dn_load(tmp);
}
static inline void dn_store_partial(double *p, dn_vec v, size_t count)
{
    double tmp[DN_LANES];
    dn_store(tmp, v);
    for (size_t k = 0; k < count; ++k) p[k] = tmp[k];
}

/* Floats widened into doubles and doubles rounded into floats, n of them, a vector at a time. */
static inline void dn_widen_f32(const float *src, size_t n, double *dst)
{
    size_t i = 0;
    for (; i + DN_LANES <= n; i += DN_LANES) dn_store(dst + i, dn_load_f32(src + i));
    for (; i < n; ++i) dst[i] = (double)src[i];
}
static inline void dn_narrow_f32(const double *src, size_t n, float *dst)
{
    size_t i = 0;
    for (; i + DN_LANES <= n; i += DN_LANES) dn_store_f32(dst + i, dn_load(src + i));
    for (; i < n; ++i) dst[i] = (float)src[i];
}

#endif
