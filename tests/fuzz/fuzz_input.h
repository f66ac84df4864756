/* Turns a fuzzer's bytes into C API arguments, good and bad alike, and checks the API's promises
 * that a sanitizer cannot see: on error no buffer changes, and inputs never change. Every buffer
 * is its own exact-size allocation (so ASan catches a read or write one element past a stated
 * length), except where an output is deliberately carved out of an input to make them overlap. */
#ifndef DIFFNATIVE_FUZZ_INPUT_H
#define DIFFNATIVE_FUZZ_INPUT_H

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diffnative/diffnative.h"

typedef struct {
    const uint8_t *data;
    size_t size;
} fz_input;

/* Exhausted input reads as zeros, so every byte string decodes to some call. */
static inline uint8_t fz_u8(fz_input *in)
{
    if (in->size == 0) return 0;
    --in->size;
    return *in->data++;
}

static inline uint64_t fz_u64(fz_input *in)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = (v << 8) | fz_u8(in);
    return v;
}

static inline int fz_int(fz_input *in, int lo, int hi) { return lo + (int)(fz_u8(in) % (unsigned)(hi - lo + 1)); }

/* Mostly values that break numerical code (NaN, ±Inf, ±0, subnormals, extremes), else raw bits. */
static inline double fz_double(fz_input *in)
{
    static const double special[] = {0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-300, -1e-300, 5e-324, 1e300, -1e300,
                                     DBL_MAX, -DBL_MAX, INFINITY, -INFINITY, NAN, 3.0, 1e-8, 1e8, 0.1};
    const uint8_t sel = fz_u8(in);
    if (sel < 128) return special[sel % (sizeof special / sizeof special[0])];
    const uint64_t bits = fz_u64(in);
    double v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

/* A length: usually small (so the call does real work), sometimes one that overflows n*8 or
 * n*n*8, or sits right at those edges. The caller never allocates a huge length. */
static inline size_t fz_length(fz_input *in, size_t small_max)
{
    static const size_t huge[] = {SIZE_MAX, SIZE_MAX / 8, SIZE_MAX / 8 + 1, SIZE_MAX / 2, (size_t)1 << 32,
                                  ((size_t)1 << 31) + 1, (size_t)1 << 60};
    const uint8_t sel = fz_u8(in);
    if (sel >= 248) return huge[(sel - 248) % (sizeof huge / sizeof huge[0])];
    return (size_t)((((unsigned)sel << 8) | fz_u8(in)) % (small_max + 1));
}

/* An ISA argument: mostly real ones, sometimes an unknown id. */
static inline dn_isa fz_isa(fz_input *in)
{
    const uint8_t sel = fz_u8(in) % 6;
    return sel < 4 ? (dn_isa)sel : sel == 4 ? (dn_isa)-1 : (dn_isa)99;
}

/* n doubles from the input in their own allocation (at least one byte, so never NULL). */
static inline double *fz_doubles(fz_input *in, size_t n)
{
    double *p = malloc(n ? n * sizeof(double) : 1);
    if (!p) abort();
    for (size_t i = 0; i < n; ++i) p[i] = fz_double(in);
    return p;
}

/* An output buffer of n doubles filled with a sentinel pattern. */
static inline double *fz_output(size_t n)
{
    double *p = malloc(n ? n * sizeof(double) : 1);
    if (!p) abort();
    memset(p, 0xA5, n * sizeof(double));
    return p;
}

/* Snapshots of buffers, compared after the call. */
typedef struct {
    const void *p;
    size_t bytes;
    void *copy;
} fz_snapshot;

static inline fz_snapshot fz_snap_bytes(const void *p, size_t bytes)
{
    fz_snapshot s = {p, p ? bytes : 0, NULL};
    s.copy = malloc(s.bytes ? s.bytes : 1);
    if (!s.copy) abort();
    if (s.bytes) memcpy(s.copy, p, s.bytes);
    return s;
}

static inline fz_snapshot fz_snap(const void *p, size_t n_doubles) { return fz_snap_bytes(p, n_doubles * sizeof(double)); }

/* Traps (a crash the fuzzer records) if the buffer changed, then frees the snapshot. */
static inline void fz_expect_unchanged(fz_snapshot *s)
{
    if (s->bytes && memcmp(s->copy, s->p, s->bytes) != 0) __builtin_trap();
    free(s->copy);
    s->copy = NULL;
}

/* After a successful call: bytes [skip, ...) of an output were not written. Frees the snapshot. */
static inline void fz_expect_tail_bytes_unchanged(fz_snapshot *s, size_t skip)
{
    if (s->bytes > skip && memcmp((const char *)s->copy + skip, (const char *)s->p + skip, s->bytes - skip) != 0)
        __builtin_trap();
    free(s->copy);
    s->copy = NULL;
}

/* After a successful call: elements [from, ...) of an output of doubles were not written. */
static inline void fz_expect_tail_unchanged(fz_snapshot *s, size_t from) { fz_expect_tail_bytes_unchanged(s, from * sizeof(double)); }

/* After a call that wrote `count` elements of elem_size bytes at each of `windows` element offsets
 * into the snapshotted buffer: every byte outside those windows unchanged. Frees the snapshot. */
static inline void fz_expect_unchanged_outside(fz_snapshot *s, size_t elem_size, const size_t *offsets, int windows,
                                               size_t count)
{
    const unsigned char *now = s->p, *was = s->copy;
    for (size_t b = 0; b < s->bytes; ++b) {
        int inside = 0;
        for (int w = 0; w < windows; ++w)
            inside |= b >= offsets[w] * elem_size && b - offsets[w] * elem_size < count * elem_size;
        if (!inside && now[b] != was[b]) __builtin_trap();
    }
    free(s->copy);
    s->copy = NULL;
}

static inline void fz_discard(fz_snapshot *s)
{
    free(s->copy);
    s->copy = NULL;
}

/* A status must be one the header defines. */
static inline void fz_expect_known_status(dn_status st)
{
    if ((int)st < DN_OK || (int)st > DN_ERR_INVALID_ARGUMENT) __builtin_trap();
}

/* The checks a sampled-data harness makes after a call: a known status; an overlap that
 * must_refuse says is illegal was refused; the samples unchanged unless they legitimately are the
 * output, the coordinates always unchanged, the output untouched on error and, on success,
 * nothing written past its first `written` elements. */
static inline void fz_expect_outcome(dn_status st, int aliased, int must_refuse, fz_snapshot *ys, fz_snapshot *xs,
                                     fz_snapshot *outs, size_t written)
{
    fz_expect_known_status(st);
    if (st == DN_OK && must_refuse) __builtin_trap();
    if (st != DN_OK || !aliased) fz_expect_unchanged(ys);
    else fz_discard(ys);
    fz_expect_unchanged(xs);
    if (st != DN_OK) fz_expect_unchanged(outs);
    else fz_expect_tail_unchanged(outs, written);
}

/* Every ISA this CPU runs, as a mask of DN_ISA_BIT. */
static inline uint32_t fz_available_isas(void)
{
    uint32_t mask = 0;
    if (dn_isa_available_mask(&mask) != DN_OK) __builtin_trap();
    return mask;
}

/* Two ISAs' outputs must be the same bits; any NaN matches any NaN (a payload is no promise). */
static inline void fz_expect_same_values(const double *a, const double *b, size_t n)
{
    for (size_t i = 0; i < n; ++i)
        if (memcmp(&a[i], &b[i], sizeof(double)) != 0 && !(isnan(a[i]) && isnan(b[i]))) __builtin_trap();
}

/* The same for floats. */
static inline void fz_expect_same_floats(const float *a, const float *b, size_t n)
{
    for (size_t i = 0; i < n; ++i)
        if (memcmp(&a[i], &b[i], sizeof(float)) != 0 && !(isnan(a[i]) && isnan(b[i]))) __builtin_trap();
}

/* The call under test run again, on isa, into out: a fresh buffer of out_length doubles. */
typedef dn_status (*fz_rerun)(const void *call, dn_isa isa, double *out, size_t out_length);

/* After a call that succeeded writing count doubles (`expected`): the same call on every ISA this
 * CPU runs, each into a fresh sentinel-filled buffer of out_length, must succeed, give the same
 * bits and write nothing past count. */
static inline void fz_expect_every_isa_same(fz_rerun rerun, const void *call, const double *expected, size_t count,
                                            size_t out_length)
{
    const uint32_t isas = fz_available_isas();
    for (int isa = DN_ISA_SCALAR; isa <= DN_ISA_AVX512; ++isa) {
        if (!(isas & DN_ISA_BIT(isa))) continue;
        double *again = fz_output(out_length);
        fz_snapshot fresh = fz_snap(again, out_length);
        if (rerun(call, (dn_isa)isa, again, out_length) != DN_OK) __builtin_trap();
        fz_expect_same_values(expected, again, count);
        fz_expect_tail_unchanged(&fresh, count);
        free(again);
    }
}

/* A copy of n doubles in its own allocation, for rerunning a call on another ISA. */
static inline double *fz_copy(const double *p, size_t n)
{
    double *c = malloc(n ? n * sizeof(double) : 1);
    if (!c) abort();
    if (n) memcpy(c, p, n * sizeof(double));
    return c;
}

/* A stated length for a buffer that needs `needed`: mostly exactly that, else anything up to
 * a little more (so short buffers are tried). The buffer is then allocated at that length. */
static inline size_t fz_stated(fz_input *in, size_t needed)
{
    return fz_u8(in) % 4 ? needed : (size_t)fz_u8(in) % (needed + 3);
}

#endif
