/* dn_activate, dn_softmax and dn_softmax_backward on random kinds (and unknown ones), alphas,
 * row shapes whose product overflows, values across the double range and outputs that alias or
 * partly overlap their inputs: a status for every bad argument, nothing touched on error. */
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
    const int wrote_into_x = carved1 || carved2;
    if (st != DN_OK || !wrote_into_x) fz_expect_unchanged(&xs);
    else fz_discard(&xs);
    fz_expect_unchanged(&gs);
    if (st != DN_OK) {
        fz_expect_unchanged(&o1);
        fz_expect_unchanged(&o2);
    } else {
        fz_discard(&o1);
        fz_discard(&o2);
    }

    free(x);
    free(g);
    free(own1);
    free(own2);
    return 0;
}
