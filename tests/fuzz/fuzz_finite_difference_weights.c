/* dn_finite_difference_weights on random offsets (repeated, non-finite, huge), orders and point counts, valid
 * and not, and NULL buffers: a status for every bad argument, weights untouched on error. */
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in = {data, size};
    const int derivative = fz_int(&in, -2, DN_FD_MAX_DERIVATIVE + 2);
    /* Offsets are allocated as stated, so n stays small; 65..70 probes the point limit. */
    const size_t n = fz_length(&in, DN_FD_MAX_POINTS + 6) % (DN_FD_MAX_POINTS + 7);
    const double x0 = fz_double(&in);
    const size_t weights_length = fz_u8(&in) % 2 ? n : fz_length(&in, DN_FD_MAX_POINTS + 6) % (DN_FD_MAX_POINTS + 7);
    const uint8_t nulls = fz_u8(&in);
    double *offsets = fz_doubles(&in, n);
    double *weights = fz_output(weights_length);
    const double *offsets_arg = nulls & 1 ? NULL : offsets;
    double *weights_arg = nulls & 2 ? NULL : weights;

    fz_snapshot before_in = fz_snap(offsets, n), before_out = fz_snap(weights, weights_length);
    const dn_status st = dn_finite_difference_weights(derivative, offsets_arg, n, x0, weights_arg, weights_length);
    fz_expect_known_status(st);
    fz_expect_unchanged(&before_in);
    if (st != DN_OK) fz_expect_unchanged(&before_out);
    else fz_discard(&before_out);

    free(offsets);
    free(weights);
    return 0;
}
