/* dn_sampled_gradient, dn_numpy_gradient and dn_numpy_gradient_coordinates on random samples,
 * steps (NaN, ±Inf, 0, negative, DBL_MAX), edge orders, huge lengths and outputs that overlap
 * the samples: a status for every bad argument, nothing touched on error, samples never changed,
 * nothing written past n, and every ISA the same bits. */
#include "fuzz_input.h"

typedef struct {
    int numpy; /* dn_numpy_gradient, else dn_sampled_gradient */
    const double *y;
    size_t n;
    double h;
    int edge_order;
} gradient_call;

static dn_status rerun(const void *call, dn_isa isa, double *out, size_t out_length)
{
    const gradient_call *c = call;
    return c->numpy ? dn_numpy_gradient(isa, c->y, c->n, c->h, c->edge_order, out, out_length)
                    : dn_sampled_gradient(isa, c->y, c->n, c->h, out, out_length);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in = {data, size};
    const uint8_t which = fz_u8(&in) % 3;
    const dn_isa isa = fz_isa(&in);
    const size_t n = fz_length(&in, 200);
    const size_t held = n > 200 ? 8 : n;  /* a huge n is stated, never allocated */
    const double h = fz_double(&in);
    const int edge_order = fz_int(&in, -1, 3);
    const uint8_t layout = fz_u8(&in);
    double *y = fz_doubles(&in, 2 * held); /* room to carve an overlapping output from */
    double *x = fz_doubles(&in, held);
    if (layout & 8) /* mostly increasing coordinates, so the formulas run */
        for (size_t i = 1; i < held; ++i) x[i] = x[i - 1] + fabs(x[i]) + (layout & 16 ? 1e-300 : 0.25);

    /* The output: its own buffer, or carved out of y at an offset so that the two overlap. */
    double *own = NULL, *out;
    size_t out_length, offset = 0;
    const int aliased = (layout & 3) == 3 && held > 0;
    if (aliased) {
        offset = fz_u8(&in) % (held + 1); /* held: adjacent, no overlap */
        out = y + offset;
        out_length = held;
    } else {
        out_length = layout & 4 ? held : fz_length(&in, 200) % (held + 2);
        own = out = fz_output(out_length);
    }
    const double *y_arg = layout & 32 ? NULL : y;
    double *out_arg = layout & 64 ? NULL : out;

    fz_snapshot ys = fz_snap(y, 2 * held), xs = fz_snap(x, held), outs = fz_snap(out, out_length);
    dn_status st;
    if (which == 0) st = dn_sampled_gradient(isa, y_arg, n, h, out_arg, out_length);
    else if (which == 1) st = dn_numpy_gradient(isa, y_arg, n, h, edge_order, out_arg, out_length);
    else st = dn_numpy_gradient_coordinates(y_arg, x, n, edge_order, out_arg, out_length);
    /* Success leaves y[0..n) as it was (an output over it is refused), so the reruns read the same samples. */
    if (st == DN_OK && which != 2 && n > 0) {
        const gradient_call call = {which == 1, y_arg, n, h, edge_order};
        fz_expect_every_isa_same(rerun, &call, out, n, out_length);
    }
    fz_expect_outcome(st, aliased, aliased && offset < n, &ys, &xs, &outs, n);

    free(y);
    free(x);
    free(own);
    return 0;
}
