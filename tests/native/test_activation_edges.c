/* Softmax's edge rows on every kernel table this CPU runs (the plain scalar build included), double
 * and float, on every row length 1..70, against their closed forms: maxima at +inf share the row
 * equally (1/k, log-softmax -log k) and leave 0 (-inf) to the rest, as finite maxima do; an all -inf
 * row and a row holding a NaN are NaN throughout; a single element is 1 (0) unless it is -inf or
 * NaN. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "isa_list.h"

enum { MAX_N = 70 };

static uint64_t state = 0x2545F4914F6CDD1Dull;
static double rnd(void)
{
    state ^= state << 13; state ^= state >> 7; state ^= state << 17;
    return ((double)(state >> 11) / 9007199254740992.0 - 0.5) * 80.0;
}

static uint64_t bits(double a) { uint64_t b; memcpy(&b, &a, sizeof b); return b; }

/* The distance in doubles between a and b of one sign (enough for the closed forms here). */
static uint64_t ulps(double a, double b)
{
    const uint64_t x = bits(a), y = bits(b);
    return x > y ? x - y : y - x;
}

/* Every table to test: the plain scalar build, then each ISA's table where this CPU runs it (for
 * the scalar ISA that is the -mfma build when the CPU has FMA). */
static size_t tables(const dn_kernels *out[ALL_ISA_COUNT + 1])
{
    size_t count = 0;
    out[count++] = &dn_kernels_scalar;
    for (size_t i = 0; i < ALL_ISA_COUNT; ++i) {
        const dn_kernels *k = runnable_kernels(all_isas[i]);
        if (k && k != &dn_kernels_scalar) out[count++] = k;
    }
    return count;
}

/* Softmax or log-softmax of one row through a table, in double, or in float (then widened back:
 * exact) when f32. */
static void run(const dn_kernels *k, int f32, int log_form, const double *x, size_t n, double *y)
{
    if (!f32) {
        k->softmax_rows(x, 1, n, y, log_form);
        return;
    }
    float xf[MAX_N], yf[MAX_N];
    for (size_t i = 0; i < n; ++i) xf[i] = (float)x[i];
    k->softmax_rows_f32(xf, 1, n, yf, log_form);
    for (size_t i = 0; i < n; ++i) y[i] = yf[i];
}

/* Maxima at +inf in `ties` places (every stride-th), the rest finite with one -inf when there is
 * room: softmax 1/ties there and +0 elsewhere, log-softmax -log(ties) (exactly +0 for one) and -inf. */
static void check_infinite_maxima(const dn_kernels *k, int f32, size_t n, size_t ties)
{
    double x[MAX_N], y[MAX_N];
    const size_t stride = n / ties;
    for (size_t i = 0; i < n; ++i) x[i] = i % stride == 0 && i / stride < ties ? INFINITY : rnd();
    if (n > ties + 1) x[n - 1] = -INFINITY;
    const double share = f32 ? (float)(1.0 / (double)ties) : 1.0 / (double)ties;
    const double log_share = f32 ? (float)-log((double)ties) : -log((double)ties);
    run(k, f32, 0, x, n, y);
    for (size_t i = 0; i < n; ++i)
        CHECK(x[i] == INFINITY ? y[i] == share : bits(y[i]) == 0, "%s f32 %d n %zu ties %zu: softmax[%zu] = %.17g",
              k->name, f32, n, ties, i, y[i]);
    run(k, f32, 1, x, n, y);
    for (size_t i = 0; i < n; ++i) {
        if (x[i] != INFINITY) CHECK(y[i] == -INFINITY, "%s f32 %d n %zu ties %zu: log-softmax[%zu] = %.17g", k->name, f32, n, ties, i, y[i]);
        else if (ties == 1) CHECK(bits(y[i]) == 0, "%s f32 %d n %zu: log-softmax of the one +inf = %.17g, not +0", k->name, f32, n, y[i]);
        else CHECK(ulps(y[i], log_share) <= 1, "%s f32 %d n %zu ties %zu: log-softmax[%zu] = %.17g, -log(ties) %.17g",
                   k->name, f32, n, ties, i, y[i], log_share);
    }
}

/* Rows that are NaN throughout: all -inf, or a NaN somewhere (among +inf, -inf and finite values). */
static void check_nan_rows(const dn_kernels *k, int f32, size_t n)
{
    double x[MAX_N], y[MAX_N];
    for (int log_form = 0; log_form <= 1; ++log_form) {
        for (size_t i = 0; i < n; ++i) x[i] = -INFINITY;
        run(k, f32, log_form, x, n, y);
        for (size_t i = 0; i < n; ++i) CHECK(y[i] != y[i], "%s f32 %d log %d n %zu: all -inf row, [%zu] = %.17g", k->name, f32, log_form, n, i, y[i]);
        for (size_t i = 0; i < n; ++i) x[i] = i % 5 == 1 ? INFINITY : i % 5 == 2 ? -INFINITY : rnd();
        x[(n * 3) / 4] = NAN;
        run(k, f32, log_form, x, n, y);
        for (size_t i = 0; i < n; ++i) CHECK(y[i] != y[i], "%s f32 %d log %d n %zu: NaN row, [%zu] = %.17g", k->name, f32, log_form, n, i, y[i]);
    }
}

static void check_single_elements(const dn_kernels *k, int f32)
{
    const double ones[] = {3.5, -0.0, 0.0, -1e30, 1e30, INFINITY};
    double y;
    for (size_t i = 0; i < sizeof ones / sizeof ones[0]; ++i) {
        run(k, f32, 0, &ones[i], 1, &y);
        CHECK(y == 1.0, "%s f32 %d: softmax [%g] = %.17g", k->name, f32, ones[i], y);
        run(k, f32, 1, &ones[i], 1, &y);
        CHECK(bits(y) == 0, "%s f32 %d: log-softmax [%g] = %.17g, not +0", k->name, f32, ones[i], y);
    }
    const double none[] = {-INFINITY, NAN};
    for (size_t i = 0; i < 2; ++i)
        for (int log_form = 0; log_form <= 1; ++log_form) {
            run(k, f32, log_form, &none[i], 1, &y);
            CHECK(y != y, "%s f32 %d log %d: [%g] = %.17g, not NaN", k->name, f32, log_form, none[i], y);
        }
}

int main(void)
{
    const dn_kernels *k[ALL_ISA_COUNT + 1];
    const size_t count = tables(k);
    for (size_t t = 0; t < count; ++t) {
        printf("  table %s\n", k[t]->name);
        for (int f32 = 0; f32 <= 1; ++f32) {
            for (size_t n = 1; n <= MAX_N; ++n) {
                for (size_t ties = 1; ties <= 3 && ties <= n; ++ties) check_infinite_maxima(k[t], f32, n, ties);
                check_nan_rows(k[t], f32, n);
            }
            check_single_elements(k[t], f32);
        }
    }
    return check_report("test_activation_edges");
}
