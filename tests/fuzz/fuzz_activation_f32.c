/* dn_activate_f32, dn_activate_backward_f32, dn_softmax_f32 and dn_softmax_backward_f32 on
 * random kinds (and unknown ones), alphas, row shapes whose product overflows, floats across the
 * range (from the double specials, rounded: huge ones become infinities, tiny ones subnormals or
 * zero) and outputs that alias or partly overlap their inputs: a status for every bad argument,
 * nothing touched on error, nothing written past n (in an output of its own or in x around one
 * carved from it), every ISA the same bits, and the long rows that cross the kernels' 512-value
 * pieces. */
#include "fuzz_input.h"

#define MAX_ELEMENTS 4096

enum { OUT_NULL, OUT_IN_PLACE, OUT_OVERLAPPING, OUT_OWN };

static float *floats_from(fz_input *in, size_t n)
{
    float *p = malloc(n ? n * sizeof(float) : 1);
    if (!p) abort();
    for (size_t i = 0; i < n; ++i) p[i] = (float)fz_double(in);
    return p;
}

static float *float_output(size_t n)
{
    float *p = malloc(n ? n * sizeof(float) : 1);
    if (!p) abort();
    memset(p, 0xA5, n * sizeof(float));
    return p;
}

static fz_snapshot snap_floats(const float *p, size_t n)
{
    fz_snapshot s = {p, p ? n * sizeof(float) : 0, NULL};
    s.copy = malloc(s.bytes ? s.bytes : 1);
    if (!s.copy) abort();
    if (s.bytes) memcpy(s.copy, p, s.bytes);
    return s;
}

/* An output for `held` inputs at x (x has room for 2 * held + 1): NULL, x itself, x shifted by
 * 1..held (partly overlapping, or adjacent at held), or a buffer of its own. */
static float *pick_output(fz_input *in, int mode, float *x, size_t held, size_t *length, size_t *shift, float **own)
{
    *own = NULL;
    *length = held;
    *shift = 0;
    if (mode == OUT_NULL) return NULL;
    if (mode == OUT_IN_PLACE) return x;
    if (mode == OUT_OVERLAPPING) return x + (*shift = 1 + fz_u8(in) % (held ? held : 1));
    *length = fz_u8(in) % 4 ? held : fz_length(in, held + 1) % (held + 2);
    return *own = float_output(*length);
}

/* The call again on every ISA this CPU runs, from the original x (an in-place call overwrote it)
 * into fresh outputs: the same bits as out1 and out2, nothing written past n. */
static void expect_every_isa_same(int which, int kind, double alpha, int log_form, const float *x0, const float *g,
                                  size_t rows, size_t cols, size_t n, const float *out1, const float *out2)
{
    const uint32_t isas = fz_available_isas();
    for (int other = DN_ISA_SCALAR; other <= DN_ISA_AVX512; ++other) {
        if (!(isas & DN_ISA_BIT(other))) continue;
        float *x = float_output(n), *a1 = float_output(n + 1), *a2 = float_output(n + 1);
        memcpy(x, x0, n * sizeof(float));
        fz_snapshot fresh1 = snap_floats(a1, n + 1), fresh2 = snap_floats(a2, n + 1);
        const dn_isa isa = (dn_isa)other;
        dn_status st;
        if (which == 0)
            st = dn_activate_f32(isa, (dn_activation)kind, alpha, x, n, out1 ? a1 : NULL, n + 1, out2 ? a2 : NULL, n + 1);
        else if (which == 1)
            st = dn_softmax_f32(isa, log_form, x, rows, cols, a1, n + 1);
        else if (which == 2)
            st = dn_softmax_backward_f32(isa, log_form, x, g, rows, cols, a1, n + 1);
        else
            st = dn_activate_backward_f32(isa, (dn_activation)kind, alpha, x, g, n, a1, n + 1);
        if (st != DN_OK) __builtin_trap();
        if (out1) fz_expect_same_floats(out1, a1, n);
        if (out2) fz_expect_same_floats(out2, a2, n);
        fz_expect_tail_bytes_unchanged(&fresh1, out1 ? n * sizeof(float) : 0);
        fz_expect_tail_bytes_unchanged(&fresh2, out2 ? n * sizeof(float) : 0);
        free(x);
        free(a1);
        free(a2);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in = {data, size};
    const uint8_t which = fz_u8(&in) % 4;
    const dn_isa isa = fz_isa(&in);
    const int kind = fz_int(&in, -1, 10);
    const double alpha = fz_double(&in);
    const int log_form = fz_int(&in, -1, 2);
    /* rows up to 40 of up to 80 values, or one row long enough to cross several pieces */
    const int long_row = fz_u8(&in) % 8 == 0;
    const size_t rows = long_row ? 1 : fz_length(&in, 40), cols = long_row ? 513 + fz_u8(&in) * 8 : fz_length(&in, 80);
    const int elementwise = which == 0 || which == 3;
    int huge = !elementwise && cols != 0 && rows > SIZE_MAX / cols;
    const size_t n = elementwise ? rows * (long_row ? cols : 1) : huge ? 0 : rows * cols;
    huge = huge || n > MAX_ELEMENTS;
    const size_t held = huge ? 16 : n; /* a huge stated size gets small honest buffers */
    float *x = floats_from(&in, 2 * held + 1);
    float *g = floats_from(&in, held);
    const int m1 = fz_u8(&in) % 4, m2 = which == 0 ? fz_u8(&in) % 4 : OUT_NULL;
    float *own1, *own2;
    size_t len1, len2, s1, s2;
    float *out1 = pick_output(&in, m1, x, held, &len1, &s1, &own1);
    float *out2 = pick_output(&in, m2, x, held, &len2, &s2, &own2);

    fz_snapshot xs = snap_floats(x, 2 * held + 1), gs = snap_floats(g, held), o1 = snap_floats(out1, len1), o2 = snap_floats(out2, len2);
    dn_status st;
    if (which == 0) /* out1 is the value, out2 the derivative */
        st = dn_activate_f32(isa, (dn_activation)kind, alpha, x, n, out1, len1, out2, len2);
    else if (which == 1)
        st = dn_softmax_f32(isa, log_form, x, rows, cols, out1, len1);
    else if (which == 2) /* x plays the forward output y; dx may be y itself */
        st = dn_softmax_backward_f32(isa, log_form, x, g, rows, cols, out1, len1);
    else /* g is the upstream gradient; the gradient may be x itself */
        st = dn_activate_backward_f32(isa, (dn_activation)kind, alpha, x, g, n, out1, len1);
    fz_expect_known_status(st);
    const int carved1 = m1 == OUT_IN_PLACE || m1 == OUT_OVERLAPPING, carved2 = m2 == OUT_IN_PLACE || m2 == OUT_OVERLAPPING;
    /* Overlap other than exactly in place must be refused (softmax allows no in place at all). */
    int must_refuse;
    if (which == 0)
        must_refuse = (m1 == OUT_OVERLAPPING && s1 < n) || (m2 == OUT_OVERLAPPING && s2 < n) ||
                      (carved1 && carved2 && (s1 > s2 ? s1 - s2 : s2 - s1) < n);
    else if (which == 1)
        must_refuse = carved1 && s1 < n;
    else
        must_refuse = m1 == OUT_OVERLAPPING && s1 < n;
    if (st == DN_OK && must_refuse && n > 0 && !huge) __builtin_trap();
    if (st == DN_OK && n > 0 && !huge)
        expect_every_isa_same(which, kind, alpha, log_form, xs.copy, g, rows, cols, n, out1, out2);
    /* x changes only where an output was carved from it, and only in that output's n elements. */
    const size_t windows[2] = {carved1 ? s1 : carved2 ? s2 : 0, carved2 ? s2 : 0};
    if (st != DN_OK) fz_expect_unchanged(&xs);
    else fz_expect_unchanged_outside(&xs, sizeof(float), windows, carved1 + carved2, n);
    fz_expect_unchanged(&gs);
    if (st != DN_OK) {
        fz_expect_unchanged(&o1);
        fz_expect_unchanged(&o2);
    } else {
        fz_expect_tail_bytes_unchanged(&o1, n * sizeof(float));
        fz_expect_tail_bytes_unchanged(&o2, n * sizeof(float));
    }

    free(x);
    free(g);
    free(own1);
    free(own2);
    return 0;
}
