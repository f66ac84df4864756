/* dn_activate, dn_softmax and dn_softmax_backward on random kinds (and unknown ones), alphas,
 * row shapes whose product overflows, values across the double range and outputs that alias or
 * partly overlap their inputs: a status for every bad argument, nothing touched on error,
 * nothing written past n (in an output of its own or in x around one carved from it), and
 * every ISA the same bits. */
#include "fuzz_input.h"

#define MAX_ELEMENTS 2048

enum { OUT_NULL, OUT_IN_PLACE, OUT_OVERLAPPING, OUT_OWN };

/* An output for `held` inputs at x (x has room for 2 * held): NULL, x itself (in place), x
 * shifted by 1..held (partly overlapping, or adjacent at held), or a buffer of its own. */
static double *pick_output(fz_input *in, int mode, double *x, size_t held, size_t *length, size_t *shift,
                           double **own)
{
    *own = NULL;
    *length = held;
    *shift = 0;
    if (mode == OUT_NULL) return NULL;
    if (mode == OUT_IN_PLACE) return x;
    if (mode == OUT_OVERLAPPING) return x + (*shift = 1 + fz_u8(in) % (held ? held : 1));
    *length = fz_u8(in) % 4 ? held : fz_length(in, held + 1) % (held + 2);
    return *own = fz_output(*length);
}

/* The call again on every ISA this CPU runs, from the original x (an in-place call overwrote it)
 * into fresh outputs: the same bits as out1 and out2, nothing written past n. */
static void expect_every_isa_same(int which, int kind, double alpha, int log_form, const double *x0, const double *g,
                                  size_t rows, size_t cols, size_t n, const double *out1, const double *out2)
{
    const uint32_t isas = fz_available_isas();
    for (int other = DN_ISA_SCALAR; other <= DN_ISA_AVX512; ++other) {
        if (!(isas & DN_ISA_BIT(other))) continue;
        double *x = fz_copy(x0, n), *a1 = fz_output(n + 1), *a2 = fz_output(n + 1);
        fz_snapshot fresh1 = fz_snap(a1, n + 1), fresh2 = fz_snap(a2, n + 1);
        dn_status st;
        if (which == 0)
            st = dn_activate((dn_isa)other, (dn_activation)kind, alpha, x, n, out1 ? a1 : NULL, n + 1, out2 ? a2 : NULL, n + 1);
        else if (which == 1)
            st = dn_softmax((dn_isa)other, log_form, x, rows, cols, a1, n + 1);
        else
            st = dn_softmax_backward((dn_isa)other, log_form, x, g, rows, cols, a1, n + 1);
        if (st != DN_OK) __builtin_trap();
        if (out1) fz_expect_same_values(out1, a1, n);
        if (out2) fz_expect_same_values(out2, a2, n);
        fz_expect_tail_unchanged(&fresh1, out1 ? n : 0);
        fz_expect_tail_unchanged(&fresh2, out2 ? n : 0);
        free(x);
        free(a1);
        free(a2);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in = {data, size};
    const uint8_t which = fz_u8(&in) % 3;
    const dn_isa isa = fz_isa(&in);
    const int kind = fz_int(&in, -1, 10);
    const double alpha = fz_double(&in);
    const int log_form = fz_int(&in, -1, 2);
    const size_t rows = fz_length(&in, 40), cols = fz_length(&in, 80);
    int huge = which != 0 && cols != 0 && rows > SIZE_MAX / cols;
    const size_t n = which == 0 ? rows : huge ? 0 : rows * cols;
    huge = huge || n > MAX_ELEMENTS;
    const size_t held = huge ? 16 : n; /* a huge stated size gets small honest buffers */
    double *x = fz_doubles(&in, 2 * held + 1);
    double *g = fz_doubles(&in, held);
    const int m1 = fz_u8(&in) % 4, m2 = which == 0 ? fz_u8(&in) % 4 : OUT_NULL;
    double *own1, *own2;
    size_t len1, len2, s1, s2;
    double *out1 = pick_output(&in, m1, x, held, &len1, &s1, &own1);
    double *out2 = pick_output(&in, m2, x, held, &len2, &s2, &own2);

    fz_snapshot xs = fz_snap(x, 2 * held + 1), gs = fz_snap(g, held), o1 = fz_snap(out1, len1), o2 = fz_snap(out2, len2);
    dn_status st;
    if (which == 0) /* out1 is the value, out2 the derivative */
        st = dn_activate(isa, (dn_activation)kind, alpha, x, n, out1, len1, out2, len2);
    else if (which == 1)
        st = dn_softmax(isa, log_form, x, rows, cols, out1, len1);
    else /* x plays the forward output y; dx may be y itself */
        st = dn_softmax_backward(isa, log_form, x, g, rows, cols, out1, len1);
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
    else fz_expect_unchanged_outside(&xs, sizeof(double), windows, carved1 + carved2, n);
    fz_expect_unchanged(&gs);
    if (st != DN_OK) {
        fz_expect_unchanged(&o1);
        fz_expect_unchanged(&o2);
    } else {
        fz_expect_tail_unchanged(&o1, n);
        fz_expect_tail_unchanged(&o2, n);
    }

    free(x);
    free(g);
    free(own1);
    free(own2);
    return 0;
}
