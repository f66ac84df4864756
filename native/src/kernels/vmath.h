/* Our own exp, expm1 and log1p, written once in the dn_* vocabulary of simd.h so that every ISA
 * (and the managed reference, Reference/VectorMathReference.cs, which performs the same
 * operations in the same order) gives the same bits. libm's exp and log are never called: their
 * results differ between libraries and from .NET's Math.Exp.
 *
 * The activations only ever need e^x for x <= 0 (they work with e^-|x|), so exp_neg covers
 * [-inf, 0] and never overflows. Accuracy is about 1 ulp; the managed tests check 4 against
 * mpmath. */
#ifndef DIFFNATIVE_VMATH_H
#define DIFFNATIVE_VMATH_H

#include <stdint.h>
#include <string.h>

#include "simd.h"

#define DN_LOG2E 1.4426950408889634
#define DN_LN2_HI 0.6931471805599453     /* double(ln 2) */
#define DN_LN2_LO 2.3190468138462996e-17 /* double(ln 2 - DN_LN2_HI) */
#define DN_ROUND_SHIFT 6755399441055744.0 /* 1.5 * 2^52: (v + s) - s rounds |v| < 2^51 to an integer, ties to even */
#define DN_EXP_FLOOR -746.0               /* exp(-746) rounds to 0 */

/* 2^k u for the k of an exponential is formed as (u 2^(k + DN_EXP_OFFSET)) 2^-DN_EXP_OFFSET: the first
 * product is normal and exact for k >= -1500, the second rounds once, only when the result is
 * subnormal (the same bits as one correctly rounded u 2^k), with no k split in halves. */
#define DN_EXP_OFFSET 512.0
#define DN_EXP_UNSCALE 7.458340731200207e-155 /* 2^-512 */

/* The common core of e^(x + xlo) for x <= 0 or NaN, x first raised to `lowest` (>= -1000).
 * Cody-Waite reduction x = k ln2 + r with |r| <= ln2/2, then e^r - 1 = r + r^2 P(r), P of degree
 * 9 fitted on |r| <= 0.3466 (generate_exp_coefficients.py: 1.6e-17 relative, 0.15 ulp; two FMAs
 * fewer than a degree-13 Taylor series), by Horner with FMA. Returns q = e^r - 1 and
 * *scale = 2^(k + DN_EXP_OFFSET): e^x = (1 + q) *scale * DN_EXP_UNSCALE. */
static inline dn_vec dn_exp_neg_reduce(dn_vec x, dn_vec xlo, int has_lo, double lowest, dn_vec *scale)
{
    x = dn_max_gt(dn_set1(lowest), x); /* NaN stays NaN */
    const dn_vec shift = dn_set1(DN_ROUND_SHIFT);
    const dn_vec k = dn_sub(dn_add(dn_mul(x, dn_set1(DN_LOG2E)), shift), shift);
    dn_vec r = dn_fma(k, dn_set1(-DN_LN2_HI), x);
    r = dn_fma(k, dn_set1(-DN_LN2_LO), r);
    if (has_lo) r = dn_add(r, xlo);
    dn_vec p = dn_set1(2.510038319586702e-08);
    p = dn_fma(p, r, dn_set1(2.7620085455018414e-07));
    p = dn_fma(p, r, dn_set1(2.7557268464831627e-06));
    p = dn_fma(p, r, dn_set1(2.4801521302241082e-05));
    p = dn_fma(p, r, dn_set1(0.00019841269863050506));
    p = dn_fma(p, r, dn_set1(0.001388888891720967));
    p = dn_fma(p, r, dn_set1(0.008333333333330063));
    p = dn_fma(p, r, dn_set1(0.041666666666624136));
    p = dn_fma(p, r, dn_set1(0.16666666666666669));
    p = dn_fma(p, r, dn_set1(0.5000000000000001));
    *scale = dn_pow2i(dn_add(k, dn_set1(DN_EXP_OFFSET)));
    return dn_fma(p, dn_mul(r, r), r);                      /* e^r - 1 */
}

/* e^x and e^x - 1 for x <= 0 or NaN (x + xlo when has_lo: a low part carried from the caller's
 * double-double argument). */
static inline dn_vec dn_exp_neg(dn_vec x, dn_vec xlo, int has_lo, dn_vec *expm1_out)
{
    dn_vec scale;
    const dn_vec q = dn_exp_neg_reduce(x, xlo, has_lo, DN_EXP_FLOOR, &scale);
    const dn_vec u = dn_add(q, dn_set1(1.0));
    const dn_vec unscale = dn_set1(DN_EXP_UNSCALE);
    const dn_vec t = dn_mul(scale, unscale); /* 2^k exactly, or 0 below the subnormals */
    *expm1_out = dn_fma(t, q, dn_sub(t, dn_set1(1.0)));
    return dn_mul(dn_mul(u, scale), unscale);
}

/* e^x f from dn_exp_neg_reduce's parts, for 0 < f < 2^400: e^r f = f + q f is rounded once (no
 * rounded 1 + q in between), and 2^k is applied last, so a product that is subnormal is rounded
 * only there. */
static inline dn_vec dn_exp_times(dn_vec q, dn_vec scale, dn_vec f)
{
    return dn_mul(dn_mul(dn_fma(q, f, f), scale), dn_set1(DN_EXP_UNSCALE));
}

/* log(1 + t) for t >= 0 (finite) or NaN. u = 1 + t is split as 2^k m with m in [sqrt(2)/2,
 * sqrt(2)); log m = 2 atanh(s), s = (m-1)/(m+1), |s| <= 0.1716, from its series to s^21; the
 * rounding error of 1 + t is added back as c/u so that tiny t keep full relative accuracy. */
static inline dn_vec dn_log1p(dn_vec t)
{
    const dn_vec one = dn_set1(1.0);
    const dn_vec u = dn_add(t, one);
    const dn_vec c = dn_div(dn_sub(t, dn_sub(u, one)), u);
    dn_vec k;
    const dn_vec m = dn_split_exponent(u, &k);
    const dn_vec f = dn_sub(m, one);
    const dn_vec s = dn_div(f, dn_add(f, dn_set1(2.0)));
    const dn_vec z = dn_mul(s, s);
    dn_vec p = dn_set1(0.09523809523809523);                /* 2/21 */
    p = dn_fma(p, z, dn_set1(0.10526315789473684));         /* 2/19 */
    p = dn_fma(p, z, dn_set1(0.11764705882352941));         /* 2/17 */
    p = dn_fma(p, z, dn_set1(0.13333333333333333));         /* 2/15 */
    p = dn_fma(p, z, dn_set1(0.15384615384615385));         /* 2/13 */
    p = dn_fma(p, z, dn_set1(0.18181818181818182));         /* 2/11 */
    p = dn_fma(p, z, dn_set1(0.2222222222222222));          /* 2/9 */
    p = dn_fma(p, z, dn_set1(0.2857142857142857));          /* 2/7 */
    p = dn_fma(p, z, dn_set1(0.4));                         /* 2/5 */
    p = dn_fma(p, z, dn_set1(0.6666666666666666));          /* 2/3 */
    const dn_vec r = dn_mul(z, p);
    dn_vec lo = dn_fma(k, dn_set1(DN_LN2_LO), c);
    lo = dn_fma(s, r, lo);
    const dn_vec y = dn_add(lo, dn_add(s, s));
    return dn_fma(k, dn_set1(DN_LN2_HI), y);
}

/* The one NaN every activation and softmax result uses, whichever NaN came in or arose: sign set,
 * quiet bit only (0xFFF8000000000000), the bits of .NET's double.NaN and of x86's default NaN;
 * narrowed to float it is 0xFFC00000, float.NaN. Which operand's NaN an operation keeps differs
 * between ISAs and compilers (and x86 keeps an input's payload), so every NaN output is made this
 * one before the call returns: that makes NaN results the same bits on every path too
 * (VectorMathReference.CanonicalNan). */
#define DN_CANONICAL_NAN_BITS 0xFFF8000000000000ull

static inline dn_vec dn_canonical_nan(dn_vec v)
{
    const uint64_t bits = DN_CANONICAL_NAN_BITS;
    double nan;
    memcpy(&nan, &bits, sizeof nan);
#if DN_LANES == 1
    return isnan(v) ? nan : v; /* a form the compiler vectorises in the scalar loops (dn_select's is not) */
#else
    return dn_select(dn_isnan(v), dn_set1(nan), v);
#endif
}

/* Outputs that may be NaN are stored as they are, in blocks of DN_NAN_BLOCK values, watched for
 * NaN as they go (`seen`, from dn_nan_unseen, updated by dn_nan_watch), and a block in which a NaN
 * was seen is passed through dn_canonical_nan while it is still in L1 (dn_canonical_nan_block).
 * NaN is rare, and a compare and a blend per output (vblendvpd is three micro-ops on recent Intel
 * cores) cost the cheap kernels up to a third on AVX2; the watch costs one FMA a vector. The scalar
 * path's watch is an OR of isnan, which the compiler can vectorise in the loops it vectorises (a
 * running sum would be an ordered reduction, which it may not reorder). */
#define DN_NAN_BLOCK 256

#if DN_LANES == 1
typedef int dn_nan_seen;
static inline dn_nan_seen dn_nan_unseen(void) { return 0; }
static inline dn_nan_seen dn_nan_watch(dn_nan_seen seen, dn_vec v, dn_vec d) { return seen | isnan(v) | isnan(d); }
static inline int dn_nan_was_seen(dn_nan_seen seen) { return seen != 0; }
#else
typedef dn_vec dn_nan_seen;
static inline dn_nan_seen dn_nan_unseen(void) { return dn_set1(0.0); }
/* seen + v d: NaN from the first NaN v or d on (an infinite product meeting one of the other sign
 * only costs a needless pass). */
static inline dn_nan_seen dn_nan_watch(dn_nan_seen seen, dn_vec v, dn_vec d) { return dn_fma(v, d, seen); }
static inline int dn_nan_was_seen(dn_nan_seen seen) { return dn_any(dn_isnan(seen)); }
#endif

/* p[0..n) through dn_canonical_nan, if a NaN was seen there. */
static inline void dn_canonical_nan_block(double *p, size_t n, dn_nan_seen seen)
{
    if (!dn_nan_was_seen(seen)) return;
    size_t j = 0;
    for (; j + DN_LANES <= n; j += DN_LANES) dn_store(p + j, dn_canonical_nan(dn_load(p + j)));
    if (j < n) dn_store_partial(p + j, dn_canonical_nan(dn_load_partial(p + j, n - j, 0.0)), n - j);
}

/* x < lo ? lo : (x > hi ? hi : x); NaN stays NaN. */
static inline dn_vec dn_clamp(dn_vec x, double lo, double hi)
{
    return dn_select(dn_lt(x, dn_set1(lo)), dn_set1(lo), dn_select(dn_gt(x, dn_set1(hi)), dn_set1(hi), x));
}

/* Sums and dot products in one fixed order on every ISA: element j goes to lane j mod 8 (the
 * row padded with +0.0 to a multiple of 8), lanes are summed as ((l0+l4)+(l2+l6))+((l1+l5)+(l3+l7)).
 * AVX-512 holds the 8 lanes in one vector, AVX2 in two, the scalar path in eight doubles. */
#define DN_REDUCE_VECS (8 / DN_LANES)

static inline double dn_reduce_lanes(const dn_vec *acc)
{
    double l[8];
    for (int v = 0; v < DN_REDUCE_VECS; ++v) dn_store(l + v * DN_LANES, acc[v]);
    return ((l[0] + l[4]) + (l[2] + l[6])) + ((l[1] + l[5]) + (l[3] + l[7]));
}

/* acc[] += a[0..n) in the lane order above. A row may be fed in pieces: every piece but the last
 * must hold a multiple of 8 values, and then the lanes see exactly what one call would give them. */
static inline void dn_sum8_add(dn_vec *acc, const double *a, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        for (int v = 0; v < DN_REDUCE_VECS; ++v) acc[v] = dn_add(acc[v], dn_load(a + i + v * DN_LANES));
    if (i < n) {
        double tail[8] = {0, 0, 0, 0, 0, 0, 0, 0};
        for (size_t j = 0; j < n - i; ++j) tail[j] = a[i + j];
        for (int v = 0; v < DN_REDUCE_VECS; ++v) acc[v] = dn_add(acc[v], dn_load(tail + v * DN_LANES));
    }
}

/* acc[] += a[j] b[j] (one FMA each) in the same order and with the same rule for pieces. */
static inline void dn_dot8_add(dn_vec *acc, const double *a, const double *b, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        for (int v = 0; v < DN_REDUCE_VECS; ++v)
            acc[v] = dn_fma(dn_load(a + i + v * DN_LANES), dn_load(b + i + v * DN_LANES), acc[v]);
    if (i < n) {
        double ta[8] = {0, 0, 0, 0, 0, 0, 0, 0}, tb[8] = {0, 0, 0, 0, 0, 0, 0, 0};
        for (size_t j = 0; j < n - i; ++j) { ta[j] = a[i + j]; tb[j] = b[i + j]; }
        for (int v = 0; v < DN_REDUCE_VECS; ++v)
            acc[v] = dn_fma(dn_load(ta + v * DN_LANES), dn_load(tb + v * DN_LANES), acc[v]);
    }
}

static inline void dn_reduce_clear(dn_vec *acc)
{
    for (int v = 0; v < DN_REDUCE_VECS; ++v) acc[v] = dn_set1(0.0);
}

static inline double dn_sum8(const double *a, size_t n)
{
    dn_vec acc[DN_REDUCE_VECS];
    dn_reduce_clear(acc);
    dn_sum8_add(acc, a, n);
    return dn_reduce_lanes(acc);
}

static inline double dn_dot8(const double *a, const double *b, size_t n)
{
    dn_vec acc[DN_REDUCE_VECS];
    dn_reduce_clear(acc);
    dn_dot8_add(acc, a, b, n);
    return dn_reduce_lanes(acc);
}

#endif
