/* dn_fd_points on every runnable ISA: bit-identical to the construction written out here (copy x
 * or x + t·v, then each delta in order) for every n 0..70 (every vector tail), rows with 0, 1, 2
 * and many deltas (repeats on one coordinate among them), with and without a direction, never
 * writing past the rows; every bad argument a status code with the output untouched. */
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
enum { MAX_N = 70, ROWS = 6, MAX_DELTAS = 64 };

/* The reference: the managed plans' operations, one coordinate at a time. */
static void expected_rows(const double *x, size_t n, const double *v, const double *t, const int32_t *row_start,
                          const int32_t *index, const double *delta, double *out)
{
    for (size_t r = 0; r < ROWS; ++r) {
        double *row = out + r * n;
        for (size_t e = 0; e < n; ++e) row[e] = t && t[r] != 0 ? x[e] + t[r] * v[e] : x[e];
        for (int32_t k = row_start[r]; k < row_start[r + 1]; ++k) row[index[k]] = row[index[k]] + delta[k];
    }
}

static void test_points(dn_isa isa)
{
    double x[MAX_N], v[MAX_N], got[ROWS * MAX_N + 2], want[ROWS * MAX_N], delta[ROWS * MAX_DELTAS];
    int32_t index[ROWS * MAX_DELTAS], row_start[ROWS + 1];
    /* t: zero rows (a copy of x, even with a direction), negative zero (also "no move"), and moves. */
    const double t[ROWS] = {0.0, 0.75, -0.75, -0.0, 1e-3, 3.0};
    for (size_t n = 0; n <= MAX_N; ++n)
        for (int with_direction = 0; with_direction <= 1; ++with_direction) {
            for (size_t e = 0; e < n; ++e) { x[e] = rnd(); v[e] = rnd(); }
            /* Rows with 0, 1, 2 and many deltas (up to every coordinate, some twice). */
            static const size_t counts[ROWS] = {0, 1, 2, 0, 2, MAX_DELTAS};
            size_t k = 0;
            row_start[0] = 0;
            for (size_t r = 0; r < ROWS; ++r) {
                const size_t c = n == 0 ? 0 : counts[r];
                for (size_t j = 0; j < c; ++j, ++k) {
                    index[k] = (int32_t)(r == 4 ? 0 : next() % n); /* row 4: both deltas on one coordinate */
                    delta[k] = rnd();
                }
                row_start[r + 1] = (int32_t)k;
            }
            const double *tt = with_direction ? t : NULL, *vv = with_direction ? v : NULL;
            expected_rows(x, n, vv, tt, row_start, index, delta, want);
            got[0] = got[ROWS * n + 1] = SENTINEL;
            CHECK(dn_fd_points(isa, x, n, vv, tt, ROWS, row_start, index, delta, k, got + 1, ROWS * n) == DN_OK,
                  "isa %d n %zu", isa, n);
            CHECK(got[0] == SENTINEL && got[ROWS * n + 1] == SENTINEL, "isa %d n %zu wrote outside", isa, n);
            for (size_t e = 0; e < ROWS * n; ++e)
                CHECK(same(got[e + 1], want[e]), "isa %d n %zu direction %d entry %zu: %.17g vs %.17g", isa, n,
                      with_direction, e, got[e + 1], want[e]);
        }
}

static void test_bad_arguments(void)
{
    double x[2] = {1, 2}, v[2] = {1, 1}, t[2] = {0.5, 0}, delta[2] = {0.25, -0.25}, out[4] = {7, 7, 7, 7};
    int32_t rs[3] = {0, 1, 2}, idx[2] = {0, 1}, past[2] = {0, 2}, neg[2] = {-1, 0}, down[3] = {0, 2, 1}, over[3] = {0, 1, 3},
            below[3] = {-1, 0, 1};
    CHECK(dn_fd_points(DN_ISA_SCALAR, x, 2, v, t, 2, rs, past, delta, 2, out, 4) == DN_ERR_INVALID_ARGUMENT, "index past n");
    CHECK(dn_fd_points(DN_ISA_SCALAR, x, 2, v, t, 2, rs, neg, delta, 2, out, 4) == DN_ERR_INVALID_ARGUMENT, "negative index");
    CHECK(dn_fd_points(DN_ISA_SCALAR, x, 2, v, t, 2, down, idx, delta, 2, out, 4) == DN_ERR_INVALID_ARGUMENT, "decreasing row_start");
    CHECK(dn_fd_points(DN_ISA_SCALAR, x, 2, v, t, 2, over, idx, delta, 2, out, 4) == DN_ERR_INVALID_ARGUMENT, "row_start past deltas");
    CHECK(dn_fd_points(DN_ISA_SCALAR, x, 2, v, t, 2, below, idx, delta, 2, out, 4) == DN_ERR_INVALID_ARGUMENT, "negative row_start");
    CHECK(dn_fd_points(DN_ISA_SCALAR, x, 2, v, t, 2, rs, idx, delta, 2, out, 3) == DN_ERR_BUFFER_TOO_SMALL, "short out");
    CHECK(dn_fd_points(DN_ISA_SCALAR, NULL, 2, v, t, 2, rs, idx, delta, 2, out, 4) == DN_ERR_NULL_POINTER, "null x");
    CHECK(dn_fd_points(DN_ISA_SCALAR, x, 2, NULL, t, 2, rs, idx, delta, 2, out, 4) == DN_ERR_NULL_POINTER, "t without direction");
    CHECK(dn_fd_points(DN_ISA_SCALAR, x, 2, v, t, 2, NULL, idx, delta, 2, out, 4) == DN_ERR_NULL_POINTER, "null row_start");
    CHECK(dn_fd_points(DN_ISA_SCALAR, x, 2, v, t, 2, rs, NULL, delta, 2, out, 4) == DN_ERR_NULL_POINTER, "null index");
    CHECK(dn_fd_points(DN_ISA_SCALAR, x, 2, v, t, 2, rs, idx, NULL, 2, out, 4) == DN_ERR_NULL_POINTER, "null delta");
    CHECK(dn_fd_points(DN_ISA_SCALAR, x, 2, v, t, 2, rs, idx, delta, 2, NULL, 4) == DN_ERR_NULL_POINTER, "null out");
    CHECK(dn_fd_points(DN_ISA_SCALAR, x, SIZE_MAX / 4, v, t, 2, rs, idx, delta, 2, out, 4) == DN_ERR_SIZE_OVERFLOW, "huge n");
    CHECK(dn_fd_points(DN_ISA_SCALAR, x, 2, v, t, SIZE_MAX, rs, idx, delta, 2, out, 4) == DN_ERR_SIZE_OVERFLOW, "huge rows");
    CHECK(dn_fd_points((dn_isa)99, x, 2, v, t, 2, rs, idx, delta, 2, out, 4) == DN_ERR_UNKNOWN_ISA, "unknown isa");
    CHECK(out[0] == 7 && out[1] == 7 && out[2] == 7 && out[3] == 7, "untouched on error");
    /* An output over an input: over the CSR it would rewrite it after the check. */
    double block[4] = {0, 0, 0, 0};
    int32_t *in_block = (int32_t *)block;
    in_block[0] = 0;
    in_block[1] = 1;
    in_block[2] = 2;
    CHECK(dn_fd_points(DN_ISA_SCALAR, x, 2, v, t, 2, in_block, idx, delta, 2, block, 4) == DN_ERR_OVERLAP, "out over row_start");
    CHECK(dn_fd_points(DN_ISA_SCALAR, x, 2, v, t, 2, rs, in_block, delta, 2, block, 4) == DN_ERR_OVERLAP, "out over index");
    CHECK(in_block[0] == 0 && in_block[1] == 1 && in_block[2] == 2, "CSR untouched");
    double wide[6] = {1, 2, 3, 4, 5, 6};
    CHECK(dn_fd_points(DN_ISA_SCALAR, wide, 2, v, t, 2, rs, idx, delta, 2, wide + 1, 4) == DN_ERR_OVERLAP, "out over x");
    CHECK(dn_fd_points(DN_ISA_SCALAR, x, 2, wide, t, 2, rs, idx, delta, 2, wide + 1, 4) == DN_ERR_OVERLAP, "out over direction");
    CHECK(dn_fd_points(DN_ISA_SCALAR, x, 2, v, wide, 2, rs, idx, delta, 2, wide + 1, 4) == DN_ERR_OVERLAP, "out over t");
    CHECK(dn_fd_points(DN_ISA_SCALAR, x, 2, v, t, 2, rs, idx, wide, 2, wide + 1, 4) == DN_ERR_OVERLAP, "out over delta");
    CHECK(wide[1] == 2 && wide[4] == 5, "inputs untouched");
    CHECK(dn_fd_points(DN_ISA_SCALAR, x, 2, v, t, 0, NULL, NULL, NULL, 0, NULL, 0) == DN_OK, "no rows");
    CHECK(dn_fd_points(DN_ISA_SCALAR, NULL, 0, NULL, t, 2, NULL, NULL, NULL, 0, NULL, 0) == DN_OK, "rows of no coordinates");
    CHECK(dn_fd_points(DN_ISA_SCALAR, x, 2, v, t, 2, rs, idx, delta, 2, out, 4) == DN_OK, "good call");
    /* row 0: x + 0.5 v, then +0.25 on coordinate 0; row 1: x (t = 0), then -0.25 on coordinate 1 */
    CHECK(out[0] == 1.75 && out[1] == 2.5 && out[2] == 1 && out[3] == 1.75, "rows %g %g %g %g", out[0], out[1], out[2], out[3]);
}

int main(void)
{
    for (size_t i = 0; i < ALL_ISA_COUNT; ++i) {
        const dn_kernels *k = runnable_kernels(all_isas[i]);
        if (!k) continue;
        printf("  isa %s\n", k->name);
        test_points(k->isa);
    }
    test_bad_arguments();
    return check_report("test_fd_points");
}
