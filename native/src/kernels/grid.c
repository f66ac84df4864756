/* Grid derivatives along one axis. The samples of `lines` interleaved lines sit at
 * y[i*lines + l] (sample i of line l): a row-major array's axis k has lines = product of the
 * later dimensions, and the last axis is one line with lines = 1 (called once per row). Vectors
 * run across lines when there are several, and along the line when there is one; both sum the
 * same products in the same order (first weight times its sample, then add the rest in offset
 * order, no fused multiply-add), as Reference/GridReference.cs does. */
#include "../kernels.h"
#include "simd.h"

static inline double line_point(const double *y, size_t lines, const double *c, const ptrdiff_t *o, size_t k, size_t i)
{
    double sum = c[0] * y[(size_t)((ptrdiff_t)i + o[0]) * lines];
    for (size_t j = 1; j < k; ++j)
        sum = sum + c[j] * y[(size_t)((ptrdiff_t)i + o[j]) * lines];
    return sum;
}

static inline double edge_point(const double *y, size_t lines, const double *c, size_t k, size_t first)
{
    double sum = c[0] * y[first * lines];
    for (size_t j = 1; j < k; ++j)
        sum = sum + c[j] * y[(first + j) * lines];
    return sum;
}

static inline void put(double *out, double value, int accumulate)
{
    *out = accumulate ? *out + value : value;
}

/* One line with unit stride: vectors along the line. The weights are broadcast once and the tap
 * count is made a compile-time constant for the common stencils, so the compiler keeps them in
 * registers and unrolls the taps (reading them through the struct each time, as the stores to
 * out might alias it, cost half the throughput). */
static inline void single_line_taps(const double *restrict y, size_t begin, size_t end, const double *c, const ptrdiff_t *o,
                                    const size_t kc, int accumulate, double *restrict out)
{
    size_t i = begin;
#if DN_LANES > 1
    dn_vec w[DN_GRID_MAX_POINTS];
    ptrdiff_t off[DN_GRID_MAX_POINTS];
    for (size_t j = 0; j < kc; ++j) { w[j] = dn_set1(c[j]); off[j] = o[j]; }
    for (; i + DN_LANES <= end; i += DN_LANES) {
        dn_vec sum = dn_mul(w[0], dn_load(y + (ptrdiff_t)i + off[0]));
        for (size_t j = 1; j < kc; ++j)
            sum = dn_add(sum, dn_mul(w[j], dn_load(y + (ptrdiff_t)i + off[j])));
        if (accumulate) sum = dn_add(dn_load(out + i), sum);
        dn_store(out + i, sum);
    }
#endif
    for (; i < end; ++i)
        put(out + i, line_point(y, 1, c, o, kc, i), accumulate);
}

/* Interior points begin <= i < end of the single line (central stencil). */
static void single_line(const double *y, size_t begin, size_t end, const dn_grid_stencils *s, int accumulate, double *out)
{
    if (begin >= end) return;
    switch (s->kc) {
    case 2: single_line_taps(y, begin, end, s->cc, s->oc, 2, accumulate, out); break;
    case 3: single_line_taps(y, begin, end, s->cc, s->oc, 3, accumulate, out); break;
    case 4: single_line_taps(y, begin, end, s->cc, s->oc, 4, accumulate, out); break;
    case 5: single_line_taps(y, begin, end, s->cc, s->oc, 5, accumulate, out); break;
    case 6: single_line_taps(y, begin, end, s->cc, s->oc, 6, accumulate, out); break;
    case 7: single_line_taps(y, begin, end, s->cc, s->oc, 7, accumulate, out); break;
    case 8: single_line_taps(y, begin, end, s->cc, s->oc, 8, accumulate, out); break;
    case 9: single_line_taps(y, begin, end, s->cc, s->oc, 9, accumulate, out); break;
    default: single_line_taps(y, begin, end, s->cc, s->oc, s->kc, accumulate, out); break;
    }
}

/* Many interleaved lines: vectors across lines, one sample row at a time. */
static void interleaved_row(const double *restrict y, size_t lines, const double *c, const ptrdiff_t *o, size_t k,
                            ptrdiff_t i, int accumulate, double *restrict out)
{
    size_t l = 0;
#if DN_LANES > 1
    dn_vec w[DN_GRID_MAX_POINTS];
    const double *row[DN_GRID_MAX_POINTS];
    for (size_t j = 0; j < k; ++j) { w[j] = dn_set1(c[j]); row[j] = y + (size_t)(i + o[j]) * lines; }
    for (; l + DN_LANES <= lines; l += DN_LANES) {
        dn_vec sum = dn_mul(w[0], dn_load(row[0] + l));
        for (size_t j = 1; j < k; ++j)
            sum = dn_add(sum, dn_mul(w[j], dn_load(row[j] + l)));
        if (accumulate) sum = dn_add(dn_load(out + l), sum);
        dn_store(out + l, sum);
    }
#endif
    for (; l < lines; ++l) {
        double sum = c[0] * y[(size_t)(i + o[0]) * lines + l];
        for (size_t j = 1; j < k; ++j)
            sum = sum + c[j] * y[(size_t)(i + o[j]) * lines + l];
        put(out + l, sum, accumulate);
    }
}

/* Row `row` (0 <= row < n) of the derivative along interleaved lines: the central stencil, or the
 * row's edge stencil written as offsets from the row. */
static void one_row(const double *y, size_t n, size_t lines, const dn_grid_stencils *s, size_t row, int accumulate, double *out)
{
    const size_t m = s->m, ke = s->ke;
    if (row >= m && row + m < n) {
        interleaved_row(y, lines, s->cc, s->oc, s->kc, (ptrdiff_t)row, accumulate, out + row * lines);
        return;
    }
    ptrdiff_t offsets[DN_GRID_MAX_POINTS];
    const double *c;
    if (row < m) {
        for (size_t j = 0; j < ke; ++j) offsets[j] = (ptrdiff_t)j - (ptrdiff_t)row;
        c = s->left[row];
    } else {
        for (size_t j = 0; j < ke; ++j) offsets[j] = (ptrdiff_t)(n - ke + j) - (ptrdiff_t)row;
        c = s->right[n - 1 - row];
    }
    interleaved_row(y, lines, c, offsets, ke, (ptrdiff_t)row, accumulate, out + row * lines);
}

/* An interior row of the 2-D Laplacian (its axis-0 stencil is the central one) in one pass:
 * each element's axis-0 sum and axis-1 sum, each formed exactly as one_row and single_line form
 * them, then added — the value the two-pass form stores and re-reads, without the second trip
 * through out. The first and last m1 columns take the axis-1 edge stencils. */
static inline double axis0_point(const double *const *rows, const double *c, size_t k, size_t i)
{
    double sum = c[0] * rows[0][i];
    for (size_t j = 1; j < k; ++j)
        sum = sum + c[j] * rows[j][i];
    return sum;
}

static inline void laplacian_row_taps(const double *restrict y, size_t cols, const dn_grid_stencils *s0,
                                      const dn_grid_stencils *s1, size_t r, const size_t k, const int stream,
                                      const double *prefetch_row, double *restrict out)
{
    (void)stream; /* only vector paths stream or prefetch */
    (void)prefetch_row;
    const size_t m1 = s1->m, ke = s1->ke;
    const double *rows[DN_GRID_MAX_POINTS];
    for (size_t j = 0; j < k; ++j) rows[j] = y + (size_t)((ptrdiff_t)r + s0->oc[j]) * cols;
    const double *line = y + r * cols;
    for (size_t i = 0; i < m1; ++i) {
        out[i] = axis0_point(rows, s0->cc, k, i) + edge_point(line, 1, s1->left[i], ke, 0);
        const size_t last = cols - 1 - i;
        out[last] = axis0_point(rows, s0->cc, k, last) + edge_point(line, 1, s1->right[i], ke, cols - ke);
    }
    size_t i = m1;
#if DN_LANES > 1
    /* Streaming stores need vector-aligned addresses: scalar points up to the first one. */
    if (stream)
        for (; i + m1 < cols && ((uintptr_t)(out + i) % (DN_LANES * sizeof(double))) != 0; ++i)
            out[i] = axis0_point(rows, s0->cc, k, i) + line_point(line, 1, s1->cc, s1->oc, k, i);
    dn_vec w0[DN_GRID_MAX_POINTS], w1[DN_GRID_MAX_POINTS];
    ptrdiff_t off1[DN_GRID_MAX_POINTS];
    for (size_t j = 0; j < k; ++j) { w0[j] = dn_set1(s0->cc[j]); w1[j] = dn_set1(s1->cc[j]); off1[j] = s1->oc[j]; }
    /* Two vectors per iteration: their add chains are independent, so they overlap. The row
     * after the leading one is fetched a row ahead, so memory latency hides behind this row's
     * arithmetic (the last rows, with no row after theirs, fetch their own). */
    const double *ahead = prefetch_row ? prefetch_row : rows[k - 1];
    for (; i + 2 * DN_LANES + m1 <= cols; i += 2 * DN_LANES) {
        for (size_t line_start = 0; line_start < 2 * DN_LANES; line_start += 8)
            __builtin_prefetch(ahead + i + line_start);
        dn_vec a = dn_mul(w0[0], dn_load(rows[0] + i));
        dn_vec a2 = dn_mul(w0[0], dn_load(rows[0] + i + DN_LANES));
        for (size_t j = 1; j < k; ++j) {
            a = dn_add(a, dn_mul(w0[j], dn_load(rows[j] + i)));
            a2 = dn_add(a2, dn_mul(w0[j], dn_load(rows[j] + i + DN_LANES)));
        }
        dn_vec b = dn_mul(w1[0], dn_load(line + (ptrdiff_t)i + off1[0]));
        dn_vec b2 = dn_mul(w1[0], dn_load(line + (ptrdiff_t)i + DN_LANES + off1[0]));
        for (size_t j = 1; j < k; ++j) {
            b = dn_add(b, dn_mul(w1[j], dn_load(line + (ptrdiff_t)i + off1[j])));
            b2 = dn_add(b2, dn_mul(w1[j], dn_load(line + (ptrdiff_t)i + DN_LANES + off1[j])));
        }
        if (stream) {
            dn_stream(out + i, dn_add(a, b));
            dn_stream(out + i + DN_LANES, dn_add(a2, b2));
        } else {
            dn_store(out + i, dn_add(a, b));
            dn_store(out + i + DN_LANES, dn_add(a2, b2));
        }
    }
    for (; i + DN_LANES + m1 <= cols; i += DN_LANES) {
        dn_vec a = dn_mul(w0[0], dn_load(rows[0] + i));
        for (size_t j = 1; j < k; ++j)
            a = dn_add(a, dn_mul(w0[j], dn_load(rows[j] + i)));
        dn_vec b = dn_mul(w1[0], dn_load(line + (ptrdiff_t)i + off1[0]));
        for (size_t j = 1; j < k; ++j)
            b = dn_add(b, dn_mul(w1[j], dn_load(line + (ptrdiff_t)i + off1[j])));
        if (stream) dn_stream(out + i, dn_add(a, b));
        else dn_store(out + i, dn_add(a, b));
    }
#endif
    for (; i + m1 < cols; ++i)
        out[i] = axis0_point(rows, s0->cc, k, i) + line_point(line, 1, s1->cc, s1->oc, k, i);
}

static void laplacian_row(const double *y, size_t cols, const dn_grid_stencils *s0, const dn_grid_stencils *s1, size_t r,
                          int stream, const double *prefetch_row, double *out)
{
    if (stream) {
        switch (s0->kc) {
        case 3: laplacian_row_taps(y, cols, s0, s1, r, 3, 1, prefetch_row, out); break;
        case 5: laplacian_row_taps(y, cols, s0, s1, r, 5, 1, prefetch_row, out); break;
        default: laplacian_row_taps(y, cols, s0, s1, r, s0->kc, 1, prefetch_row, out); break;
        }
        return;
    }
    switch (s0->kc) {
    case 3: laplacian_row_taps(y, cols, s0, s1, r, 3, 0, prefetch_row, out); break;
    case 5: laplacian_row_taps(y, cols, s0, s1, r, 5, 0, prefetch_row, out); break;
    case 7: laplacian_row_taps(y, cols, s0, s1, r, 7, 0, prefetch_row, out); break;
    case 9: laplacian_row_taps(y, cols, s0, s1, r, 9, 0, prefetch_row, out); break;
    default: laplacian_row_taps(y, cols, s0, s1, r, s0->kc, 0, prefetch_row, out); break;
    }
}

/* How far ahead of the stencil's leading row memory is fetched. */
#define PREFETCH_ROWS 2

/* The 2-D Laplacian row by row, y and out crossing memory once. Interior rows in one fused pass;
 * the m0 edge rows at the top and bottom get their axis-0 term and then, while the row is still in
 * cache, their axis-1 term added. Either way the same operations per element, in the same order,
 * as one pass per axis (what the managed reference does). Both axes' stencils come from the same
 * order and accuracy, so their central parts have the same number of taps. */
void DN_ISA_SUFFIX(dn_grid_laplacian_2d)(const double *y, size_t rows, size_t cols, const dn_grid_stencils *s0,
                                        const dn_grid_stencils *s1, int stream, size_t first, size_t last, double *out)
{
    for (size_t r = first; r < last; ++r) {
        if (r >= s0->m && r + s0->m < rows && s0->kc == s1->kc) {
            /* The row after the stencil's leading row, while there is one. */
            const size_t next = r + (size_t)s0->oc[s0->kc - 1] + PREFETCH_ROWS;
            laplacian_row(y, cols, s0, s1, r, stream, next < rows ? y + next * cols : NULL, out + r * cols);
            continue;
        }
        one_row(y, rows, cols, s0, r, 0, out);
        DN_ISA_SUFFIX(dn_grid_lines)(y + r * cols, cols, 1, s1, 1, 0, cols, out + r * cols);
    }
    if (stream) dn_stream_fence();
}

void DN_ISA_SUFFIX(dn_grid_lines)(const double *y, size_t n, size_t lines, const dn_grid_stencils *s, int accumulate,
                                  size_t first, size_t last, double *out)
{
    const size_t m = s->m, ke = s->ke;
    if (lines == 1) {
        for (size_t i = 0; i < m; ++i) {
            if (i >= first && i < last) put(out + i, edge_point(y, 1, s->left[i], ke, 0), accumulate);
            const size_t right = n - 1 - i;
            if (right >= first && right < last) put(out + right, edge_point(y, 1, s->right[i], ke, n - ke), accumulate);
        }
        single_line(y, first > m ? first : m, last < n - m ? last : n - m, s, accumulate, out);
        return;
    }
    /* Edge rows use their own stencils, written as offsets from the row (one_row does both). */
    for (size_t row = first; row < last; ++row)
        one_row(y, n, lines, s, row, accumulate, out);
}
