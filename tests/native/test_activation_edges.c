/* Special values on every kernel table this CPU runs (the plain scalar build included), double and
 * float, on every length 1..70:
 * - softmax's edge rows against their closed forms: maxima at +inf share the row equally (1/k,
 *   log-softmax -log k) and leave 0 (-inf) to the rest, as finite maxima do; an all -inf row and a
 *   row holding a NaN are NaN throughout; a single element is 1 (0) unless it is -inf or NaN;
 * - every NaN that any activation, softmax or backward pass returns is the canonical NaN
 *   (0xFFF8000000000000, float 0xFFC00000), whatever NaN came in: quiet or signalling, either sign,
 *   with a payload. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "isa_list.h"

enum { MAX_N = 70, LONG_N = 1030 };

static uint64_t state = 0x2545F4914F6CDD1Dull;
static double rnd(void)
{
    state ^= state << 13; state ^= state >> 7; state ^= state << 17;
    return ((double)(state >> 11) / 9007199254740992.0 - 0.5) * 80.0;
}

static uint64_t bits(double a) { uint64_t b; memcpy(&b, &a, sizeof b); return b; }
static double from_bits(uint64_t b) { double a; memcpy(&a, &b, sizeof a); return a; }
static uint32_t bits_f32(float a) { uint32_t b; memcpy(&b, &a, sizeof b); return b; }

#define CANONICAL_NAN 0xFFF8000000000000ull
#define CANONICAL_NAN_F32 0xFFC00000u

/* Not NaN, or the canonical NaN. */
static int canonical(double a) { return a == a || bits(a) == CANONICAL_NAN; }
static int canonical_f32(float a) { return a == a || bits_f32(a) == CANONICAL_NAN_F32; }

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
 * exact, and the float NaN's bits checked first) when f32. */
static void run(const dn_kernels *k, int f32, int log_form, const double *x, size_t n, double *y)
{
    if (!f32) {
        k->softmax_rows(x, 1, n, y, log_form);
        for (size_t i = 0; i < n; ++i) CHECK(canonical(y[i]), "%s log %d n %zu: [%zu] a NaN of bits %016llx", k->name, log_form, n, i, (unsigned long long)bits(y[i]));
        return;
    }
    float xf[MAX_N], yf[MAX_N];
    for (size_t i = 0; i < n; ++i) xf[i] = (float)x[i];
    k->softmax_rows_f32(xf, 1, n, yf, log_form);
    for (size_t i = 0; i < n; ++i) CHECK(canonical_f32(yf[i]), "%s f32 log %d n %zu: [%zu] a NaN of bits %08x", k->name, log_form, n, i, bits_f32(yf[i]));
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

/* NaNs to plant: quiet and signalling, both signs, with payloads (as doubles and as floats). */
static const uint64_t nan_bits[] = {0x7FF8000000000000ull, 0xFFF8000000000000ull, 0x7FF8000000000123ull,
                                    0xFFF8000000000456ull, 0x7FF0000000000001ull, 0xFFF4000000000000ull};
static const uint32_t nan_bits_f32[] = {0x7FC00000u, 0xFFC00000u, 0x7FC00123u, 0xFFC00456u, 0x7F800001u, 0xFFA00000u};
#define NAN_KINDS (sizeof nan_bits / sizeof nan_bits[0])

/* Inputs with NaNs of every kind, infinities and finite values, and every activation (value,
 * derivative, float backward with a NaN upstream) and softmax (forward and backward, a NaN upstream
 * in the backward pass) on them: each NaN out is the canonical one. n up to LONG_N, so that the
 * kernels' NaN-watched blocks of 256 values all meet NaNs. */
static void check_canonical_nans(const dn_kernels *k, size_t n)
{
    static double x[LONG_N], v[LONG_N], d[LONG_N], g[LONG_N];
    static float xf[LONG_N], uf[LONG_N], vf[LONG_N], df[LONG_N];
    for (size_t i = 0; i < n; ++i) {
        switch (i % 4) {
        case 0: x[i] = from_bits(nan_bits[(i / 4) % NAN_KINDS]); xf[i] = 0; memcpy(&xf[i], &nan_bits_f32[(i / 4) % NAN_KINDS], sizeof xf[i]); break;
        case 1: x[i] = xf[i] = (i / 4) % 2 ? INFINITY : -INFINITY; break;
        default: x[i] = rnd(); xf[i] = (float)x[i]; break;
        }
        g[i] = i % 3 == 2 ? from_bits(nan_bits[i % NAN_KINDS]) : 1.5;
        uf[i] = 1.5f;
        if (i % 3 == 2) memcpy(&uf[i], &nan_bits_f32[i % NAN_KINDS], sizeof uf[i]);
    }
    for (int kind = DN_ACTIVATION_RELU; kind <= DN_ACTIVATION_GELU; ++kind) {
        k->activate(kind, 0.3, x, n, v, d);
        k->activate_f32(kind, 0.3, xf, n, vf, df);
        for (size_t i = 0; i < n; ++i)
            CHECK(canonical(v[i]) && canonical(d[i]) && canonical_f32(vf[i]) && canonical_f32(df[i]),
                  "%s kind %d n %zu: x[%zu] = %016llx gives value %016llx, derivative %016llx, float %08x, %08x", k->name, kind, n, i,
                  (unsigned long long)bits(x[i]), (unsigned long long)bits(v[i]), (unsigned long long)bits(d[i]), bits_f32(vf[i]), bits_f32(df[i]));
        k->activate_backward_f32(kind, 0.3, xf, uf, n, vf);
        for (size_t i = 0; i < n; ++i) CHECK(canonical_f32(vf[i]), "%s kind %d n %zu: float backward[%zu] %08x", k->name, kind, n, i, bits_f32(vf[i]));
    }
    for (int log_form = 0; log_form <= 1; ++log_form) {
        /* rows of 1, 2 and n values, so that some are NaN-free (with +-inf) and some are not */
        const size_t widths[3] = {1, 2, n};
        for (size_t w = 0; w < 3; ++w) {
            const size_t cols = widths[w];
            const size_t rows = n / cols, m = rows * cols;
            k->softmax_rows(x, rows, cols, v, log_form);
            k->softmax_backward_rows(v, g, rows, cols, d, log_form);
            k->softmax_rows_f32(xf, rows, cols, vf, log_form);
            k->softmax_backward_rows_f32(vf, uf, rows, cols, df, log_form);
            for (size_t i = 0; i < m; ++i)
                CHECK(canonical(v[i]) && canonical(d[i]) && canonical_f32(vf[i]) && canonical_f32(df[i]),
                      "%s log %d cols %zu n %zu: [%zu] %016llx, backward %016llx, float %08x, %08x", k->name, log_form, cols, n, i,
                      (unsigned long long)bits(v[i]), (unsigned long long)bits(d[i]), bits_f32(vf[i]), bits_f32(df[i]));
        }
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
        CHECK(y == 0.0, "%s f32 %d: log-softmax [%g] = %.17g, not 0", k->name, f32, ones[i], y);
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
                if (!f32) check_canonical_nans(k[t], n);
            }
            if (!f32) check_canonical_nans(k[t], LONG_N);
            check_single_elements(k[t], f32);
        }
    }
    return check_report("test_activation_edges");
}
