/* dn_sparse_combine on every runnable ISA: bit-identical to the formula written out here for
 * every count 0..70 (every vector tail), with scattered gather indices, never writing outside
 * the output; every bad argument a status code with the output untouched. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "isa_list.h"

static uint64_t state = 0x9E3779B97F4A7C15ull;
static uint64_t next(void) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state; }
static double rnd(void) { return ((double)(next() >> 11) / 9007199254740992.0 - 0.5) * ldexp(1.0, (int)(next() % 21) - 10); }
static int same(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }
#define SENTINEL 987654.25

static void test_combine(dn_isa isa)
{
    enum { P = 3, STRIDE = 97, N = 40 };
    double values[P * STRIDE], steps[N], got[72], want[70];
    int32_t sources[70], columns[70];
    const double w[P] = {-0.5, 0.5, 0.25};
    for (size_t i = 0; i < P * STRIDE; ++i) values[i] = rnd();
    for (size_t i = 0; i < N; ++i) steps[i] = fabs(rnd()) + 1e-6;
    for (size_t npoints = 1; npoints <= P; ++npoints)
        for (size_t count = 0; count <= 70; ++count) {
            for (size_t e = 0; e < count; ++e) {
                sources[e] = (int32_t)(next() % STRIDE);
                columns[e] = (int32_t)(next() % N);
                double sum = 0.0;
                for (size_t j = 0; j < npoints; ++j) sum += w[j] * values[j * STRIDE + (size_t)sources[e]];
                want[e] = sum / steps[columns[e]];
            }
            got[0] = got[count + 1] = SENTINEL;
            CHECK(dn_sparse_combine(isa, values, P * STRIDE, STRIDE, w, npoints, sources, columns, count, steps, N,
                                    got + 1, count) == DN_OK, "isa %d count %zu", isa, count);
            CHECK(got[0] == SENTINEL && got[count + 1] == SENTINEL, "isa %d count %zu wrote outside", isa, count);
            for (size_t e = 0; e < count; ++e)
                CHECK(same(got[e + 1], want[e]), "isa %d count %zu e %zu: %.17g vs %.17g", isa, count, e, got[e + 1], want[e]);
        }
}

static void test_bad_arguments(void)
{
    double v[4] = {1, 2, 3, 4}, w[2] = {-1, 1}, h[2] = {1, 1}, out[2] = {7, 7};
    int32_t src[2] = {0, 1}, col[2] = {0, 1}, bad_src[2] = {0, 2}, neg[2] = {-1, 0}, bad_col[2] = {0, 2};
    CHECK(dn_sparse_combine(DN_ISA_SCALAR, v, 4, 2, w, 2, bad_src, col, 2, h, 2, out, 2) == DN_ERR_INVALID_ARGUMENT, "source past stride");
    CHECK(dn_sparse_combine(DN_ISA_SCALAR, v, 4, 2, w, 2, neg, col, 2, h, 2, out, 2) == DN_ERR_INVALID_ARGUMENT, "negative source");
    CHECK(dn_sparse_combine(DN_ISA_SCALAR, v, 4, 2, w, 2, src, bad_col, 2, h, 2, out, 2) == DN_ERR_INVALID_ARGUMENT, "column past steps");
    CHECK(dn_sparse_combine(DN_ISA_SCALAR, v, 3, 2, w, 2, src, col, 2, h, 2, out, 2) == DN_ERR_BUFFER_TOO_SMALL, "short values");
    CHECK(dn_sparse_combine(DN_ISA_SCALAR, v, 4, 2, w, 2, src, col, 2, h, 2, out, 1) == DN_ERR_BUFFER_TOO_SMALL, "short out");
    CHECK(dn_sparse_combine(DN_ISA_SCALAR, v, 4, 2, w, 0, src, col, 2, h, 2, out, 2) == DN_ERR_INVALID_ARGUMENT, "no points");
    CHECK(dn_sparse_combine(DN_ISA_SCALAR, v, 4, 2, w, 2, NULL, col, 2, h, 2, out, 2) == DN_ERR_NULL_POINTER, "null sources");
    CHECK(dn_sparse_combine(DN_ISA_SCALAR, v, 4, SIZE_MAX / 2, w, 2, src, col, 2, h, 2, out, 2) == DN_ERR_SIZE_OVERFLOW, "huge stride");
    CHECK(out[0] == 7 && out[1] == 7, "untouched on error");
    /* An output over the indices would rewrite them after their check (fuzz_sparse_combine's SEGV). */
    double block[2] = {0, 0};
    int32_t *in_block = (int32_t *)block;
    in_block[0] = 0;
    in_block[1] = 1;
    CHECK(dn_sparse_combine(DN_ISA_SCALAR, v, 4, 2, w, 2, in_block, col, 2, h, 2, block, 2) == DN_ERR_OVERLAP, "out over sources");
    CHECK(dn_sparse_combine(DN_ISA_SCALAR, v, 4, 2, w, 2, src, in_block, 2, h, 2, block, 2) == DN_ERR_OVERLAP, "out over columns");
    CHECK(in_block[0] == 0 && in_block[1] == 1, "indices untouched");
    CHECK(dn_sparse_combine(DN_ISA_SCALAR, v, 4, 2, w, 2, src, col, 2, h, 2, v + 2, 2) == DN_ERR_OVERLAP, "out over values");
    CHECK(dn_sparse_combine(DN_ISA_SCALAR, v, 4, 2, w, 2, src, col, 2, h, 2, h, 2) == DN_ERR_OVERLAP, "out over steps");
    CHECK(dn_sparse_combine(DN_ISA_SCALAR, v, 4, 2, w, 2, src, col, 2, h, 2, w, 2) == DN_ERR_OVERLAP, "out over weights");
    CHECK(v[2] == 3 && h[0] == 1 && w[0] == -1, "inputs untouched");
    CHECK(dn_sparse_combine(DN_ISA_SCALAR, v, 4, 2, w, 2, src, col, 2, h, 2, out, 2) == DN_OK, "good call");
    CHECK(out[0] == 2 && out[1] == 2, "(3-1)/1 and (4-2)/1: %g %g", out[0], out[1]);
}

int main(void)
{
    for (size_t i = 0; i < ALL_ISA_COUNT; ++i) {
        const dn_kernels *k = runnable_kernels(all_isas[i]);
        if (!k) continue;
        printf("  isa %s\n", k->name);
        test_combine(k->isa);
    }
    test_bad_arguments();
    return check_report("test_sparse_combine");
}
