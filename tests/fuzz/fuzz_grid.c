/* dn_grid_derivative, dn_grid_laplacian and dn_grid_derivative_coordinates on random shapes
 * (0..9 dimensions, empty and huge extents whose product overflows), axes, orders, accuracies and
 * spacings, valid and not: a status for every bad argument, nothing touched on error, nothing
 * written past the element count, and every ISA the same bits. */
#include "fuzz_input.h"

typedef struct {
    int laplacian; /* dn_grid_laplacian, else dn_grid_derivative */
    const double *y;
    const size_t *shape;
    size_t ndim, axis;
    const double *spacing;
    int derivative, accuracy;
} grid_call;

static dn_status rerun(const void *call, dn_isa isa, double *out, size_t out_length)
{
    const grid_call *c = call;
    return c->laplacian ? dn_grid_laplacian(isa, c->y, c->shape, c->ndim, c->spacing, c->accuracy, out, out_length)
                        : dn_grid_derivative(isa, c->y, c->shape, c->ndim, c->axis, c->spacing[0], c->derivative,
                                             c->accuracy, out, out_length);
}

#define MAX_ELEMENTS 4096

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in = {data, size};
    const uint8_t which = fz_u8(&in) % 3;
    const dn_isa isa = fz_isa(&in);
    const size_t ndim = (size_t)fz_int(&in, 0, 9);
    size_t shape[9];
    size_t count = 1;
    int huge = 0;
    for (size_t k = 0; k < ndim; ++k) {
        shape[k] = fz_length(&in, 24);
        if (shape[k] != 0 && count > SIZE_MAX / shape[k]) huge = 1;
        else count *= shape[k];
    }
    if (which == 2) { /* coordinates: one line of shape[0] samples */
        count = ndim ? shape[0] : 0;
        huge = 0;
    }
    if (count > MAX_ELEMENTS) huge = 1;
    /* A huge stated shape gets small honest buffers: the call must refuse, not read past them. */
    const size_t held = huge ? 16 : count;
    const size_t axis = fz_u8(&in) % 11;
    const int derivative = fz_int(&in, -1, 6);
    const int accuracy = fz_int(&in, 0, 10);
    const uint8_t layout = fz_u8(&in);
    double spacing[9];
    for (size_t k = 0; k < 9; ++k) spacing[k] = layout & 128 ? fz_double(&in) : 0.5;

    double *y = fz_doubles(&in, 2 * held); /* room to carve an overlapping output from */
    double *x = fz_doubles(&in, held);
    if (layout & 8)
        for (size_t i = 1; i < held; ++i) x[i] = x[i - 1] + fabs(x[i]) + 0.125;
    double *own = NULL, *out;
    size_t out_length, offset = 0;
    const int aliased = (layout & 3) == 3 && held > 0;
    if (aliased) {
        offset = fz_u8(&in) % (held + 1); /* held: adjacent, no overlap */
        out = y + offset;
        out_length = held;
    } else {
        out_length = layout & 4 ? held : fz_length(&in, held + 1) % (held + 2);
        own = out = fz_output(out_length);
    }
    const double *y_arg = layout & 32 ? NULL : y;
    double *out_arg = layout & 64 ? NULL : out;
    const size_t *shape_arg = layout & 16 ? NULL : shape;

    fz_snapshot ys = fz_snap(y, 2 * held), xs = fz_snap(x, held), outs = fz_snap(out, out_length);
    dn_status st;
    if (which == 0)
        st = dn_grid_derivative(isa, y_arg, shape_arg, ndim, axis, spacing[0], derivative, accuracy, out_arg, out_length);
    else if (which == 1)
        st = dn_grid_laplacian(isa, y_arg, shape_arg, ndim, spacing, accuracy, out_arg, out_length);
    else
        st = dn_grid_derivative_coordinates(y_arg, x, count, derivative, accuracy, out_arg, out_length);
    /* Success leaves y[0..count) as it was (an output over it is refused), so the reruns read the same samples. */
    if (st == DN_OK && which != 2 && count > 0 && !huge) {
        const grid_call call = {which == 1, y_arg, shape_arg, ndim, axis, spacing, derivative, accuracy};
        fz_expect_every_isa_same(rerun, &call, out, count, out_length);
    }
    fz_expect_outcome(st, aliased, aliased && offset < count && !huge, &ys, &xs, &outs, huge ? 0 : count);

    free(y);
    free(x);
    free(own);
    return 0;
}
