/* dn_fd_points on random points, directions, shifts (NaN, ±0, ±∞ among them) and CSR rows (mostly
 * well formed, else decreasing, negative, past the deltas, or indices outside the point), huge
 * point and row counts, NULL arrays, and an output laid over any input (refused: over the CSR it
 * would rewrite it after its check): a status for every bad argument, nothing touched on error,
 * inputs never changed, nothing written past rows·n, and every ISA the same bits. */
#include "fuzz_input.h"

#define MAX_N 40
#define MAX_ROWS 12
#define MAX_DELTAS 96

/* An int32 from the input: mostly in [0, bound), sometimes any value. */
static int32_t int_below(fz_input *in, size_t bound)
{
    const uint8_t sel = fz_u8(in);
    if (sel < 232 && bound > 0) return (int32_t)((((unsigned)fz_u8(in) << 8) | fz_u8(in)) % bound);
    return (int32_t)(uint32_t)fz_u64(in);
}

/* An int32 array in a block with room for as many doubles, so that an output can be laid over it. */
static int32_t *int_block(size_t count)
{
    const size_t bytes = count * sizeof(double);
    int32_t *p = malloc(bytes ? bytes : 1);
    if (!p) abort();
    memset(p, 0, bytes);
    return p;
}

typedef struct {
    const double *x;
    size_t n;
    const double *direction, *t;
    size_t rows;
    const int32_t *row_start, *index;
    const double *delta;
    size_t deltas;
} points_call;

static dn_status rerun(const void *call, dn_isa isa, double *out, size_t out_length)
{
    const points_call *c = call;
    return dn_fd_points(isa, c->x, c->n, c->direction, c->t, c->rows, c->row_start, c->index, c->delta, c->deltas, out,
                        out_length);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in = {data, size};
    const dn_isa isa = fz_isa(&in);
    /* n and rows may be huge (the output length then refuses them before anything is read);
     * deltas is never stated above what is held, since nothing bounds it but the caller's word. */
    const size_t n = fz_length(&in, MAX_N), rows = fz_length(&in, MAX_ROWS);
    const size_t held_n = n > MAX_N ? 4 : n, held_rows = rows > MAX_ROWS ? 4 : rows;
    const size_t held_deltas = fz_u8(&in) % (MAX_DELTAS + 1);
    const size_t deltas = fz_u8(&in) % 8 ? held_deltas : fz_u8(&in) % (held_deltas + 1);
    const uint8_t layout = fz_u8(&in);
    double *x = fz_doubles(&in, held_n), *direction = fz_doubles(&in, held_n), *t = fz_doubles(&in, held_rows);
    double *delta = fz_doubles(&in, held_deltas);
    int32_t *row_start = int_block(held_rows + 1), *index = int_block(held_deltas);
    /* Row starts: mostly non-decreasing steps from 0 within the deltas, else anything. */
    const int wild = fz_u8(&in) % 8 == 0;
    for (size_t r = 0; r <= held_rows; ++r) {
        if (wild) row_start[r] = int_below(&in, held_deltas + 2);
        else row_start[r] = r == 0 ? 0 : row_start[r - 1] + (int32_t)(fz_u8(&in) % 5);
        if (!wild && (size_t)row_start[r] > held_deltas) row_start[r] = (int32_t)held_deltas;
    }
    for (size_t k = 0; k < held_deltas; ++k) index[k] = int_below(&in, held_n);
    const size_t written = held_rows * held_n;

    const uint8_t nulls = fz_u8(&in) % 4 ? 0 : fz_u8(&in); /* mostly no NULL, so the kernels run */
    const points_call call = {nulls & 1 ? NULL : x,
                              n,
                              layout & 16 && !(nulls & 2) ? direction : NULL,
                              layout & 32 && !(nulls & 4) ? t : NULL,
                              rows,
                              nulls & 8 ? NULL : row_start,
                              nulls & 16 ? NULL : index,
                              nulls & 32 ? NULL : delta,
                              deltas};

    /* The output: its own buffer, or laid over an input the call really passes, inside the part
     * of it the call reads, so that any call that writes must be refused. */
    const void *inputs[] = {call.x, call.direction, call.t, call.delta, call.row_start, call.index};
    const size_t read[] = {held_n, held_n, held_rows, deltas, 1, deltas > 0 ? 1 : 0}; /* in doubles; CSR at its start */
    const int over = (layout & 7) < 6 && layout & 8 ? layout & 7 : -1;
    const int aliased = over >= 0 && inputs[over] && read[over] > 0;
    double *own = NULL, *out;
    size_t out_length;
    if (aliased) {
        const size_t offset = fz_u8(&in) % read[over];
        out = (double *)inputs[over] + offset;
        out_length = (over == 4 ? held_rows + 1 : over == 5 ? held_deltas : read[over]) - offset;
    } else {
        out_length = fz_stated(&in, written);
        own = out = fz_output(out_length);
    }

    fz_snapshot xs = fz_snap(x, held_n), vs = fz_snap(direction, held_n), ts = fz_snap(t, held_rows),
                ds = fz_snap(delta, held_deltas), rs = fz_snap_bytes(row_start, (held_rows + 1) * sizeof(double)),
                is = fz_snap_bytes(index, held_deltas * sizeof(double)), os = fz_snap(out, out_length);
    const dn_status st = rerun(&call, isa, nulls & 64 ? NULL : out, out_length);
    fz_expect_known_status(st);
    const size_t stated_written = n == 0 || rows == 0 ? 0 : written;
    if (st == DN_OK && stated_written > 0 && aliased) __builtin_trap(); /* every overlap laid out here is refused */
    if (st == DN_OK && stated_written > 0 && !aliased && !(nulls & 64))
        fz_expect_every_isa_same(rerun, &call, out, written, out_length);
    /* Nothing that writes succeeds over an input, so the inputs never change. */
    fz_expect_unchanged(&xs);
    fz_expect_unchanged(&vs);
    fz_expect_unchanged(&ts);
    fz_expect_unchanged(&ds);
    fz_expect_unchanged(&rs);
    fz_expect_unchanged(&is);
    if (st != DN_OK || aliased) fz_expect_unchanged(&os);
    else fz_expect_tail_unchanged(&os, stated_written);

    free(x);
    free(direction);
    free(t);
    free(delta);
    free(row_start);
    free(index);
    free(own);
    return 0;
}
