/* dn_fd_steps on random points, scales (NULL, zero, negative, NaN, ±Inf), base steps and lengths,
 * huge ones included, steps written over x in place (allowed) or shifted over x or the scales
 * (refused): a status for every bad argument, nothing
 * touched on error, nothing written past n, and every ISA (in place or not) the same bits. */
#include "fuzz_input.h"

#define MAX_N 200

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in = {data, size};
    const dn_isa isa = fz_isa(&in);
    const size_t n = fz_length(&in, MAX_N);
    const size_t held = n > MAX_N ? 4 : n; /* a huge n is stated, never allocated */
    const double base_step = fz_u8(&in) % 4 ? 1e-8 * (1 + fz_u8(&in)) : fz_double(&in);
    const uint8_t layout = fz_u8(&in);
    double *x = fz_doubles(&in, held);
    double *scales = layout & 1 ? NULL : fz_doubles(&in, held);
    if (layout & 2) /* mostly valid values, so the kernels run */
        for (size_t i = 0; i < held; ++i) {
            if (!isfinite(x[i])) x[i] = (double)i - 3.5;
            if (scales && !(isfinite(scales[i]) && scales[i] > 0)) scales[i] = 1.0 + (double)i;
        }
    /* steps: its own buffer, x itself (in place, allowed), or shifted over x or scales (refused). */
    const int in_place = (layout & 12) == 12 && held > 0;
    double *shift_base = layout & 16 && scales ? scales : x;
    const int shifted = (layout & 12) == 8 && held > 1;
    double *own = NULL, *steps;
    size_t steps_length;
    if (in_place) {
        steps = x;
        steps_length = held;
    } else if (shifted) {
        steps = shift_base + 1;
        steps_length = held - 1;
    } else {
        steps_length = fz_stated(&in, held);
        own = steps = fz_output(steps_length);
    }
    const uint8_t nulls = fz_u8(&in) % 4 ? 0 : fz_u8(&in); /* mostly no NULL, so the kernels run */

    fz_snapshot xs = fz_snap(x, held), cs = fz_snap(scales, scales ? held : 0), ss = fz_snap(steps, steps_length);
    const dn_status st = dn_fd_steps(isa, nulls & 1 ? NULL : x, n, scales, base_step, nulls & 2 ? NULL : steps, steps_length);
    fz_expect_known_status(st);
    if (st == DN_OK && n > 0 && shifted) __builtin_trap();
    if (st == DN_OK && n > 0) {
        /* The same call on every ISA, out of place from the original x, gives the same bits. */
        const uint32_t isas = fz_available_isas();
        for (int other = DN_ISA_SCALAR; other <= DN_ISA_AVX512; ++other) {
            if (!(isas & DN_ISA_BIT(other))) continue;
            double *x0 = fz_copy(xs.copy, held), *again = fz_output(steps_length);
            if (dn_fd_steps((dn_isa)other, x0, n, scales, base_step, again, steps_length) != DN_OK) __builtin_trap();
            fz_expect_same_values(steps, again, n);
            free(x0);
            free(again);
        }
    }
    if (st != DN_OK || !in_place) fz_expect_unchanged(&xs);
    else fz_discard(&xs);
    fz_expect_unchanged(&cs);
    if (st != DN_OK) fz_expect_unchanged(&ss);
    else fz_expect_tail_unchanged(&ss, n);
    (void)shift_base;

    free(x);
    free(scales);
    free(own);
    return 0;
}
