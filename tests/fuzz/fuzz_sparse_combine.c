/* dn_sparse_combine on random values, weights, steps, strides, point counts and gather indices
 * (mostly in range, else negative or past the stride, the values or the steps), huge strides and
 * counts, NULL arrays and an output over the values or the indices (refused: over the indices it
 * once rewrote them after their check and read far outside): a status for every bad argument, nothing
 * touched on error, indices and inputs never changed, nothing written past count, and every ISA
 * the same bits. */
#include "fuzz_input.h"

#define MAX_COUNT 80
#define MAX_VALUES 4096

/* A gather index: mostly in [0, bound), sometimes any int32 (negative, or far past the bound). */
static int32_t index_below(fz_input *in, size_t bound)
{
    const uint8_t sel = fz_u8(in);
    if (sel < 232 && bound > 0) return (int32_t)((((unsigned)fz_u8(in) << 8) | fz_u8(in)) % bound);
    return (int32_t)(uint32_t)fz_u64(in);
}

typedef struct {
    const double *values;
    size_t values_length, stride;
    const double *weights;
    size_t npoints;
    const int32_t *sources, *columns;
    size_t count;
    const double *steps;
    size_t steps_length;
} combine_call;

static dn_status rerun(const void *call, dn_isa isa, double *out, size_t out_length)
{
    const combine_call *c = call;
    return dn_sparse_combine(isa, c->values, c->values_length, c->stride, c->weights, c->npoints, c->sources, c->columns,
                             c->count, c->steps, c->steps_length, out, out_length);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in = {data, size};
    const dn_isa isa = fz_isa(&in);
    const size_t npoints = fz_length(&in, DN_FD_MAX_POINTS + 4);
    const size_t count = fz_length(&in, MAX_COUNT);
    const size_t held = count > MAX_COUNT ? 4 : count;
    const size_t stride = fz_u8(&in) % 4 ? 1 + fz_u8(&in) % 90 : fz_length(&in, 90);
    const size_t steps_length = fz_u8(&in) % 40;
    const uint8_t layout = fz_u8(&in);
    const size_t needed = npoints <= DN_FD_MAX_POINTS && stride <= MAX_VALUES ? npoints * stride : 0;
    const size_t values_length = layout & 4 && needed <= MAX_VALUES ? needed : fz_length(&in, MAX_VALUES) % (MAX_VALUES + 1);
    const size_t held_weights = npoints > DN_FD_MAX_POINTS + 4 ? 4 : npoints;
    double *values = fz_doubles(&in, values_length), *weights = fz_doubles(&in, held_weights);
    double *steps = fz_doubles(&in, steps_length);
    /* Index arrays with room for as many doubles, so that a whole output can be laid over one:
     * a caller's single scratch block holding both is a mistake the API must catch. */
    const size_t index_bytes = held * sizeof(double);
    int32_t *sources = malloc(index_bytes ? index_bytes : 1), *columns = malloc(index_bytes ? index_bytes : 1);
    if (!sources || !columns) abort();
    memset(sources, 0, index_bytes);
    memset(columns, 0, index_bytes);
    for (size_t e = 0; e < held; ++e) {
        sources[e] = index_below(&in, stride);
        columns[e] = index_below(&in, steps_length);
    }
    /* The output: its own buffer, or laid over the values, the sources or the columns. */
    double *own = NULL, *out;
    size_t out_length;
    const int over_indices = (layout & 3) == 2 && layout & 8 && index_bytes > 0;
    const int aliased = ((layout & 3) == 3 && values_length > 0) || over_indices;
    if (over_indices) {
        out = (double *)(layout & 16 ? (void *)columns : (void *)sources);
        out_length = index_bytes / sizeof(double);
    } else if (aliased) {
        const size_t offset = fz_u8(&in) % values_length;
        out = values + offset;
        out_length = values_length - offset;
    } else {
        out_length = fz_stated(&in, held);
        own = out = fz_output(out_length);
    }
    const uint8_t nulls = fz_u8(&in) % 4 ? 0 : fz_u8(&in); /* mostly no NULL, so the kernels run */

    fz_snapshot vs = fz_snap(values, values_length), ws = fz_snap(weights, held_weights), ss = fz_snap(steps, steps_length),
                is = fz_snap_bytes(sources, index_bytes), cs = fz_snap_bytes(columns, index_bytes),
                os = fz_snap(out, out_length);
    const dn_status st = dn_sparse_combine(isa, nulls & 1 ? NULL : values, values_length, stride, nulls & 2 ? NULL : weights,
                                           npoints, nulls & 4 ? NULL : sources, nulls & 8 ? NULL : columns, count,
                                           nulls & 16 ? NULL : steps, steps_length, nulls & 32 ? NULL : out, out_length);
    fz_expect_known_status(st);
    if (st == DN_OK && count > 0 && aliased) __builtin_trap(); /* every overlap laid out here is refused */
    if (st == DN_OK && count > 0 && !aliased) {
        const combine_call call = {values, values_length, stride, weights, npoints, sources, columns, count, steps, steps_length};
        fz_expect_every_isa_same(rerun, &call, out, count, out_length);
    }
    if (st != DN_OK || !aliased) fz_expect_unchanged(&vs);
    else fz_discard(&vs);
    fz_expect_unchanged(&ws);
    fz_expect_unchanged(&ss);
    if (st != DN_OK || !over_indices) {
        fz_expect_unchanged(&is);
        fz_expect_unchanged(&cs);
    } else {
        fz_discard(&is);
        fz_discard(&cs);
    }
    if (st != DN_OK) fz_expect_unchanged(&os);
    else if (aliased) fz_discard(&os);
    else fz_expect_tail_unchanged(&os, count);

    free(values);
    free(weights);
    free(steps);
    free(sources);
    free(columns);
    free(own);
    return 0;
}
