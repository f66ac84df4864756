/* dn_fd_combine on random strides, point counts, orders, steps (0, NaN, ±Inf) and lengths,
 * including a stride whose product with the point count overflows and an output that overlaps
 * the values: a status for every bad argument (overlap included), nothing touched on error,
 * nothing written past count, and every ISA the same bits. */
#include "fuzz_input.h"

typedef struct {
    const double *values;
    size_t values_length, stride;
    const double *weights;
    size_t npoints;
    const double *steps;
    size_t count;
    int derivative;
} combine_call;

static dn_status rerun(const void *call, dn_isa isa, double *out, size_t out_length)
{
    const combine_call *c = call;
    return dn_fd_combine(isa, c->values, c->values_length, c->stride, c->weights, c->npoints, c->steps, c->count,
                         c->derivative, out, out_length);
}

#define MAX_VALUES 4096

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in = {data, size};
    const dn_isa isa = fz_isa(&in);
    const size_t npoints = fz_length(&in, DN_FD_MAX_POINTS + 4);
    const size_t count = fz_length(&in, 80);
    const size_t stride = fz_u8(&in) % 4 ? count + fz_u8(&in) % 5 : fz_length(&in, 90);
    const int derivative = fz_int(&in, -1, DN_FD_MAX_DERIVATIVE + 2);
    const uint8_t layout = fz_u8(&in);
    /* Honest buffers: values as many as stated (capped), weights npoints, steps count. */
    const size_t values_length = layout & 4 ? fz_length(&in, MAX_VALUES) % (MAX_VALUES + 1) : 0;
    const size_t out_length = fz_length(&in, 90) % 91;
    const size_t held_weights = npoints > DN_FD_MAX_POINTS + 4 ? 4 : npoints;
    double *values = fz_doubles(&in, values_length);
    double *weights = fz_doubles(&in, held_weights);
    double *own = NULL, *out;
    size_t out_len = out_length, offset = 0;
    const int aliased = (layout & 3) == 3 && values_length > 0;
    if (aliased) {
        offset = fz_u8(&in) % values_length;
        out = values + offset;
        out_len = values_length - offset < out_length ? values_length - offset : out_length;
    } else {
        own = out = fz_output(out_len);
    }
    /* More steps than out_len are never read: out_length < count is refused. */
    const size_t held_steps = count < out_len ? count : out_len;
    double *steps = fz_doubles(&in, held_steps);
    const uint8_t nulls = fz_u8(&in);

    fz_snapshot vs = fz_snap(values, values_length), ws = fz_snap(weights, held_weights),
                ss = fz_snap(steps, held_steps), os = fz_snap(out, out_len);
    const combine_call call = {nulls & 1 ? NULL : values, values_length, stride, nulls & 2 ? NULL : weights, npoints,
                               nulls & 4 ? NULL : steps, count, derivative};
    const dn_status st = rerun(&call, isa, nulls & 8 ? NULL : out, out_len);
    fz_expect_known_status(st);
    /* After success the stated sizes are known to fit, so this arithmetic cannot overflow. */
    if (st == DN_OK && aliased && count > 0 && offset < (npoints - 1) * stride + count) __builtin_trap();
    /* Success means the values read lie before any output laid over them, so the reruns read the same. */
    if (st == DN_OK && count > 0) fz_expect_every_isa_same(rerun, &call, out, count, out_len);
    if (st != DN_OK || !aliased) fz_expect_unchanged(&vs);
    else fz_discard(&vs);
    fz_expect_unchanged(&ws);
    fz_expect_unchanged(&ss);
    if (st != DN_OK) fz_expect_unchanged(&os);
    else fz_expect_tail_unchanged(&os, count);

    free(values);
    free(weights);
    free(steps);
    free(own);
    return 0;
}
