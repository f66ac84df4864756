/* dn_activate, dn_softmax and dn_softmax_backward on every runnable ISA: bit-identical to the
 * algorithms written out here in plain scalar C (the same operations in the same order, every NaN
 * result the canonical NaN, whatever NaN came in), on every
 * length 0..70 (every vector tail), in place, never writing outside the output; the stability
 * cases exact; every bad argument a status code with the outputs untouched. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fma_zero_sign.h"
#include "isa_list.h"
#include "kernels/gelu_coefficients.h"

static uint64_t state = 0x9E3779B97F4A7C15ull;
static double rnd(void)
{
    state ^= state << 13; state ^= state >> 7; state ^= state << 17;
    const double u = (double)(state >> 11) / 9007199254740992.0;
    return (u - 0.5) * ldexp(1.0, (int)(state % 12) - 2);
}
/* Equal bits, NaN included: every NaN result is the canonical NaN. +0 and -0 count as one only
 * under valgrind (see fma_zero_sign.h). */
static int zeros_match;
static int same(double a, double b) { return memcmp(&a, &b, sizeof a) == 0 || (zeros_match && a == 0 && b == 0); }
#define SENTINEL 987654.25

/* ---- the reference, written out ------------------------------------------------------------ */

static uint64_t bits(double a) { uint64_t b; memcpy(&b, &a, sizeof b); return b; }
static double from_bits(uint64_t b) { double a; memcpy(&a, &b, sizeof a); return a; }
/* NaN as the kernels return it: sign set, quiet bit only (.NET's double.NaN). */
static double canonical(double a) { return a != a ? from_bits(0xFFF8000000000000ull) : a; }
static double pow2(double k) { return ldexp(1.0, (int)k); }
static double round_even(double v) { return (v + 6755399441055744.0) - 6755399441055744.0; }

static double exp_neg(double x, double xlo, double *em)
{
    static const double c[] = {2.510038319586702e-08, 2.7620085455018414e-07, 2.7557268464831627e-06,
        2.4801521302241082e-05, 0.00019841269863050506, 0.001388888891720967, 0.008333333333330063,
        0.041666666666624136, 0.16666666666666669, 0.5000000000000001};
    if (x < -746.0) x = -746.0;
    const double k = round_even(x * 1.4426950408889634);
    double r = fma(k, -0.6931471805599453, x);
    r = fma(k, -2.3190468138462996e-17, r);
    r = r + xlo;
    double p = c[0];
    for (int j = 1; j < 10; ++j) p = fma(p, r, c[j]);
    const double q = fma(p, r * r, r), u = q + 1.0;
    if (x != x) { *em = x; return x; }
    const double k1 = round_even(k * 0.5), p1 = pow2(k1), p2 = pow2(k - k1), t = p1 * p2;
    *em = fma(t, q, t - 1.0);
    return (u * p1) * p2;
}

static double log1p_ref(double t)
{
    static const double c[] = {0.09523809523809523, 0.10526315789473684, 0.11764705882352941, 0.13333333333333333,
        0.15384615384615385, 0.18181818181818182, 0.2222222222222222, 0.2857142857142857, 0.4, 0.6666666666666666};
    const double u = t + 1.0, cor = (t - (u - 1.0)) / u;
    if (u != u) return u;
    int e;
    double m = frexp(u, &e) * 2.0; /* u = 2^(e-1) m, m in [1, 2) */
    double k = e - 1;
    if (bits(m) >= 0x3ff6a09e667f3bcdull) { m *= 0.5; k += 1; } /* m in [sqrt(2)/2, sqrt(2)) as the kernel splits */
    const double f = m - 1.0, s = f / (f + 2.0), z = s * s;
    double p = c[0];
    for (int j = 1; j < 10; ++j) p = fma(p, z, c[j]);
    const double r = z * p;
    double lo = fma(k, 2.3190468138462996e-17, cor);
    lo = fma(s, r, lo);
    return fma(k, 0.6931471805599453, lo + (s + s));
}

static double clampd(double x, double lo, double hi) { return x < lo ? lo : (x > hi ? hi : x); }

/* exp_neg without its floor, stopped before 2^k is applied: q = e^r - 1 and 2^k = p1 p2. */
static double exp_reduce(double x, double xlo, double *p1, double *p2)
{
    static const double c[] = {2.510038319586702e-08, 2.7620085455018414e-07, 2.7557268464831627e-06,
        2.4801521302241082e-05, 0.00019841269863050506, 0.001388888891720967, 0.008333333333330063,
        0.041666666666624136, 0.16666666666666669, 0.5000000000000001};
    const double k = round_even(x * 1.4426950408889634);
    double r = fma(k, -0.6931471805599453, x);
    r = fma(k, -2.3190468138462996e-17, r) + xlo;
    double p = c[0];
    for (int j = 1; j < 10; ++j) p = fma(p, r, c[j]);
    const double k1 = round_even(k * 0.5);
    *p1 = pow2(k1);
    *p2 = pow2(k - k1);
    return fma(p, r * r, r);
}

/* chain j of a gelu_coefficients.h row: quads' entry j by Horner in u = s^2 */
static double gelu_chain(const double *row, int j, double u)
{
    double p = row[4 + 4 * (DN_GELU_QUADS - 1) + j];
    for (int k = DN_GELU_QUADS - 2; k >= 0; --k) p = fma(p, u, row[4 + 4 * k + j]);
    return p;
}

static void gelu_reference(double x, double *v, double *d)
{
    double ps = dn_gelu_small_p[DN_GELU_SMALL_DEGREE], ds = dn_gelu_small_d[DN_GELU_SMALL_DEGREE];
    for (int j = DN_GELU_SMALL_DEGREE - 1; j >= 0; --j) { ps = fma(ps, x * x, dn_gelu_small_p[j]); ds = fma(ds, x * x, dn_gelu_small_d[j]); }
    if (x != x || fabs(x) < DN_GELU_SMALL_LIMIT) { *v = x * fma(x, ps, 0.5); *d = fma(x, ds, 0.5); return; }
    const double a = clampd(fabs(x), 0.0, DN_GELU_CLAMP);
    const double piece = clampd(floor((a - DN_GELU_SMALL_LIMIT) * DN_GELU_PIECE_SCALE), 0.0, DN_GELU_TAIL_PIECE);
    const double *row = dn_gelu_pieces + (int)piece * DN_GELU_ROW;
    const int tail = piece == DN_GELU_TAIL_PIECE;
    const double a2 = a * a, a2lo = fma(a, a, -a2), s = (tail ? 1.0 / a2 : a) - row[2], u = s * s; /* the kernel computes the center */
    double p1, p2;
    const double q = exp_reduce(a2 * -0.5, a2lo * -0.5, &p1, &p2);
    const double g = row[0] + fma(s, gelu_chain(row, 2, u), gelu_chain(row, 0, u));
    const double eg = (fma(q, g, g) * p1) * p2;
    const double h = (row[1] + fma(s, gelu_chain(row, 3, u), gelu_chain(row, 1, u))) * (tail ? a : 1.0);
    const double eh = (fma(q, h, h) * p1) * p2;
    *v = x > 0 ? x - eg : -eg;
    *d = x > 0 ? 1.0 + eh : -eh;
}

static void reference(int kind, double alpha, double x, double *v, double *d)
{
    double em, e, p;
    switch (kind) {
    case DN_ACTIVATION_RELU:
        *v = x < 0 ? 0.0 : x; *d = x > 0 ? 1.0 : (x != x ? x : 0.0); break;
    case DN_ACTIVATION_LEAKY_RELU:
        *v = x < 0 ? alpha * x : x; *d = x > 0 ? 1.0 : (x != x ? x : alpha); break;
    case DN_ACTIVATION_ELU:
    case DN_ACTIVATION_SELU: {
        e = exp_neg(x > 0 ? 0.0 : x, 0.0, &em);
        if (kind == DN_ACTIVATION_ELU) { *v = x > 0 ? x : alpha * em; *d = x > 0 ? 1.0 : alpha * e; }
        else { *v = x > 0 ? 1.0507009873554805 * x : 1.7580993408473768 * em; *d = x > 0 ? 1.0507009873554805 : 1.7580993408473768 * e; }
        break;
    }
    case DN_ACTIVATION_SIGMOID:
        e = exp_neg(-fabs(x), 0.0, &em); p = 1.0 + e;
        *v = x < 0 ? e / p : 1.0 / p; *d = e / (p * p); break;
    case DN_ACTIVATION_TANH:
        e = exp_neg(fabs(x) * -2.0, 0.0, &em); p = -em / (em + 2.0); /* p: tanh|x| here */
        *v = copysign(p, x); *d = e * ((p + 1.0) * (p + 1.0)); break;
    case DN_ACTIVATION_SOFTPLUS:
        e = exp_neg(-fabs(x), 0.0, &em); p = 1.0 + e;
        *v = (x > 0 ? x : 0.0) + log1p_ref(e); *d = x < 0 ? e / p : 1.0 / p; break;
    case DN_ACTIVATION_SILU: {
        e = exp_neg(-fabs(x), 0.0, &em); p = 1.0 + e;
        const double s = x < 0 ? e / p : 1.0 / p, sc = x < 0 ? 1.0 / p : e / p;
        *v = s == 0 ? 0.0 : x * s; *d = s * fma(clampd(x, -800, 800), sc, 1.0); break;
    }
    case DN_ACTIVATION_GELU_TANH: {
        const double A = 1.5957691216057308, AL = -9.96930880911092e-17, B = 0.07135481627260025, BL = -6.175149918155315e-19;
        const double xc = clampd(x, -40, 40), x2 = xc * xc, x2e = fma(xc, xc, -x2);
        const double b = B * x2;
        double be = fma(B, x2, -b);
        be = be + fma(B, x2e, BL * x2);
        const double sh = A + b, bb = sh - A, se = (A - (sh - bb)) + (b - bb), sl = se + (be + AL);
        const double wh = xc * sh, wl = fma(xc, sl, fma(xc, sh, -wh));
        e = exp_neg(-fabs(wh), wh < 0 ? wl : -wl, &em); p = 1.0 + e;
        const double sg = wh < 0 ? e / p : 1.0 / p;
        *v = sg == 0 ? 0.0 : x * sg;
        *d = fma(xc * fma(0.21406444881780073, x2, A), e / (p * p), sg);
        break;
    }
    case DN_ACTIVATION_GELU:
        gelu_reference(x, v, d);
        break;
    }
}

/* ---- tests ------------------------------------------------------------------------------------- */

static void fill(double *x, size_t n)
{
    for (size_t i = 0; i < n; ++i) x[i] = rnd();
    /* NaNs of both signs, with a payload, and a signalling one among them */
    const double special[] = {0.0, -0.0, NAN, INFINITY, -INFINITY, -1000.0, 1000.0, -745.5, 1e-300, -30.0, 5e-324, -20.5,
                              from_bits(0x7FF8000000000123ull), -NAN, from_bits(0xFFF0000000000001ull)};
    for (size_t i = 0; i < n && i < sizeof special / sizeof special[0]; ++i) x[(i * 7) % n] = special[i];
}

static void test_activations(dn_isa isa)
{
    double x[72], v[74], d[74], wv[72], wd[72], inplace[72];
    const double alphas[] = {0.01, 1.0, 0.3};
    for (int kind = DN_ACTIVATION_RELU; kind <= DN_ACTIVATION_GELU; ++kind) {
        const double alpha = alphas[kind % 3];
        for (size_t n = 0; n <= 70; ++n) {
            fill(x, n);
            for (size_t i = 0; i < n; ++i) {
                reference(kind, alpha, x[i], &wv[i], &wd[i]);
                wv[i] = canonical(wv[i]);
                wd[i] = canonical(wd[i]);
            }
            for (int mode = 1; mode <= 3; ++mode) { /* 1 value, 2 derivative, 3 both */
                v[0] = v[n + 1] = d[0] = d[n + 1] = SENTINEL;
                CHECK(dn_activate(isa, (dn_activation)kind, alpha, x, n, mode & 1 ? v + 1 : NULL, n, mode & 2 ? d + 1 : NULL, n) == DN_OK,
                      "isa %d kind %d n %zu", isa, kind, n);
                CHECK(v[0] == SENTINEL && v[n + 1] == SENTINEL && d[0] == SENTINEL && d[n + 1] == SENTINEL,
                      "isa %d kind %d n %zu wrote outside", isa, kind, n);
                for (size_t i = 0; i < n; ++i) {
                    if (mode & 1) CHECK(same(v[i + 1], wv[i]), "isa %d kind %d n %zu i %zu x %.17g: value %.17g vs %.17g", isa, kind, n, i, x[i], v[i + 1], wv[i]);
                    if (mode & 2) CHECK(same(d[i + 1], wd[i]), "isa %d kind %d n %zu i %zu x %.17g: derivative %.17g vs %.17g", isa, kind, n, i, x[i], d[i + 1], wd[i]);
                }
            }
            memcpy(inplace, x, n * sizeof *x);
            CHECK(dn_activate(isa, (dn_activation)kind, alpha, inplace, n, inplace, n, NULL, 0) == DN_OK, "in place");
            for (size_t i = 0; i < n; ++i) CHECK(same(inplace[i], wv[i]), "isa %d kind %d n %zu i %zu in place", isa, kind, n, i);
        }
    }
}

static void softmax_reference(int log_form, const double *x, size_t n, double *y)
{
    double m = -INFINITY;
    for (size_t i = 0; i < n; ++i) m = x[i] > m ? x[i] : m;
    m = m == -INFINITY ? NAN : m + 0.0;
    double lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0}, ties = 0, em;
    for (size_t i = 0; i < n; ++i) {
        const double hi = x[i] + -m, bb = hi - x[i], lo = (x[i] - (hi - bb)) + (-m - bb);
        const double e = x[i] == m ? 0.0 : exp_neg(hi, lo != lo ? 0.0 : lo, &em);
        ties += x[i] == m;
        lanes[i % 8] += e;
        y[i] = e;
    }
    const double sum = ((lanes[0] + lanes[4]) + (lanes[2] + lanes[6])) + ((lanes[1] + lanes[5]) + (lanes[3] + lanes[7]));
    const double rest = sum + (ties - 1.0);
    if (log_form) {
        const double l = log1p_ref(rest);
        for (size_t i = 0; i < n; ++i) y[i] = canonical((m == INFINITY && x[i] == m ? 0.0 : x[i] - m) - l);
    } else {
        for (size_t i = 0; i < n; ++i) y[i] = canonical((x[i] == m ? 1.0 : y[i]) / (1.0 + rest));
    }
}

static void backward_reference(int log_form, const double *y, const double *g, size_t n, double *dx)
{
    double lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0}, em;
    for (size_t i = 0; i < n; ++i) lanes[i % 8] = log_form ? lanes[i % 8] + g[i] : fma(g[i], y[i], lanes[i % 8]);
    const double s = ((lanes[0] + lanes[4]) + (lanes[2] + lanes[6])) + ((lanes[1] + lanes[5]) + (lanes[3] + lanes[7]));
    for (size_t i = 0; i < n; ++i)
        dx[i] = canonical(log_form ? fma(-exp_neg(y[i] > 0 ? 0.0 : y[i], 0.0, &em), s, g[i]) : y[i] * (g[i] - s));
}

static void test_softmax(dn_isa isa)
{
    enum { ROWS = 3 };
    double x[ROWS * 70], y[ROWS * 70 + 2], g[ROWS * 70], dx[ROWS * 70 + 2], want[ROWS * 70];
    for (int log_form = 0; log_form <= 1; ++log_form) {
        for (size_t n = 0; n <= 70; ++n) {
            for (size_t i = 0; i < ROWS * n; ++i) { x[i] = rnd() * 40.0; g[i] = rnd(); }
            /* +inf maxima in row 0, a tie in row 1, a NaN with a payload in row 2, a NaN upstream in row 1 */
            if (n > 3) { x[1] = x[n - 1] = INFINITY; x[n + 1] = x[n + 2]; x[2 * n] = from_bits(0x7FF8000000000123ull); g[n + 3] = -NAN; }
            for (size_t r = 0; r < ROWS; ++r) softmax_reference(log_form, x + r * n, n, want + r * n);
            y[0] = y[ROWS * n + 1] = SENTINEL;
            CHECK(dn_softmax(isa, log_form, x, ROWS, n, y + 1, ROWS * n) == DN_OK, "isa %d", isa);
            CHECK(y[0] == SENTINEL && y[ROWS * n + 1] == SENTINEL, "isa %d n %zu wrote outside", isa, n);
            for (size_t i = 0; i < ROWS * n; ++i)
                CHECK(same(y[i + 1], want[i]), "isa %d log %d n %zu i %zu: %.17g vs %.17g", isa, log_form, n, i, y[i + 1], want[i]);
            for (size_t r = 0; r < ROWS; ++r) backward_reference(log_form, y + 1 + r * n, g + r * n, n, want + r * n);
            dx[0] = dx[ROWS * n + 1] = SENTINEL;
            CHECK(dn_softmax_backward(isa, log_form, y + 1, g, ROWS, n, dx + 1, ROWS * n) == DN_OK, "isa %d", isa);
            CHECK(dx[0] == SENTINEL && dx[ROWS * n + 1] == SENTINEL, "isa %d n %zu backward wrote outside", isa, n);
            for (size_t i = 0; i < ROWS * n; ++i)
                CHECK(same(dx[i + 1], want[i]), "isa %d log %d n %zu i %zu backward: %.17g vs %.17g", isa, log_form, n, i, dx[i + 1], want[i]);
        }
    }
}

static void test_stability(dn_isa isa)
{
    double x[4] = {-1000.0, 1000.0, NAN, 0.0}, v[4], d[4];
    CHECK(dn_activate(isa, DN_ACTIVATION_SIGMOID, 0, x, 4, v, 4, d, 4) == DN_OK, "sigmoid");
    CHECK(v[0] == 0.0 && v[1] == 1.0 && v[2] != v[2] && v[3] == 0.5 && d[0] == 0.0 && d[3] == 0.25, "sigmoid(-1000, 1000, NaN, 0)");
    CHECK(dn_activate(isa, DN_ACTIVATION_SOFTPLUS, 0, x, 4, v, 4, d, 4) == DN_OK, "softplus");
    CHECK(v[0] == 0.0 && v[1] == 1000.0 && v[2] != v[2] && d[1] == 1.0, "softplus(-1000, 1000, NaN)");
    CHECK(dn_activate(isa, DN_ACTIVATION_TANH, 0, x, 4, v, 4, d, 4) == DN_OK, "tanh");
    CHECK(v[0] == -1.0 && v[1] == 1.0 && v[2] != v[2] && v[3] == 0.0 && d[3] == 1.0, "tanh(-1000, 1000, NaN, 0)");
    CHECK(dn_activate(isa, DN_ACTIVATION_GELU, 0, x, 4, v, 4, d, 4) == DN_OK, "gelu");
    CHECK(v[0] == 0.0 && v[1] == 1000.0 && v[2] != v[2] && v[3] == 0.0 && d[0] == 0.0 && d[1] == 1.0 && d[2] != d[2] && d[3] == 0.5,
          "gelu(-1000, 1000, NaN, 0)");
    const double tails[4] = {-40.0, 40.0, -INFINITY, INFINITY};
    CHECK(dn_activate(isa, DN_ACTIVATION_GELU, 0, tails, 4, v, 4, d, 4) == DN_OK, "gelu tails");
    CHECK(v[0] == 0.0 && v[1] == 40.0 && v[2] == 0.0 && v[3] == INFINITY && d[0] == 0.0 && d[1] == 1.0 && d[3] == 1.0,
          "gelu(-40, 40, -inf, inf) = (-0, 40, -0, inf)");
    const double pair[2] = {1000.0, 0.0};
    double y[2];
    CHECK(dn_softmax(isa, 1, pair, 1, 2, y, 2) == DN_OK && y[0] == 0.0 && y[1] == -1000.0, "log-softmax [1000, 0] = [0, -1000]");
    CHECK(dn_softmax(isa, 0, pair, 1, 2, y, 2) == DN_OK && y[0] == 1.0 && y[1] == 0.0, "softmax [1000, 0] = [1, 0]");
}

static void test_bad_arguments(void)
{
    double x[4] = {1, 2, 3, 4}, out[4] = {7, 7, 7, 7}, y[4] = {0.25, 0.25, 0.25, 0.25};
    CHECK(dn_activate(DN_ISA_SCALAR, (dn_activation)10, 0, x, 4, out, 4, NULL, 0) == DN_ERR_INVALID_ARGUMENT, "unknown kind");
    CHECK(dn_activate(DN_ISA_SCALAR, (dn_activation)-1, 0, x, 4, out, 4, NULL, 0) == DN_ERR_INVALID_ARGUMENT, "negative kind");
    CHECK(dn_activate(DN_ISA_SCALAR, DN_ACTIVATION_ELU, NAN, x, 4, out, 4, NULL, 0) == DN_ERR_INVALID_ARGUMENT, "NaN alpha");
    CHECK(dn_activate(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, x, 4, NULL, 0, NULL, 0) == DN_ERR_NULL_POINTER, "no output");
    CHECK(dn_activate(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, NULL, 4, out, 4, NULL, 0) == DN_ERR_NULL_POINTER, "null x");
    CHECK(dn_activate(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, x, 4, out, 3, NULL, 0) == DN_ERR_BUFFER_TOO_SMALL, "short value");
    CHECK(dn_activate(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, x, 4, NULL, 0, out, 3) == DN_ERR_BUFFER_TOO_SMALL, "short derivative");
    CHECK(dn_activate(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, x, 3, x + 1, 3, NULL, 0) == DN_ERR_OVERLAP, "value partly over x");
    CHECK(dn_activate(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, x, 2, out, 2, out + 1, 2) == DN_ERR_OVERLAP, "outputs overlap");
    CHECK(dn_activate(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, x, SIZE_MAX / 4, out, 4, NULL, 0) == DN_ERR_SIZE_OVERFLOW, "huge n");
    CHECK(dn_softmax(DN_ISA_SCALAR, 2, x, 1, 4, out, 4) == DN_ERR_INVALID_ARGUMENT, "log_form 2");
    CHECK(dn_softmax(DN_ISA_SCALAR, 0, x, 1, 4, out, 3) == DN_ERR_BUFFER_TOO_SMALL, "short y");
    CHECK(dn_softmax(DN_ISA_SCALAR, 0, x, 1, 4, x, 4) == DN_ERR_OVERLAP, "y is x");
    CHECK(dn_softmax(DN_ISA_SCALAR, 0, x, SIZE_MAX / 4, 4, out, 4) == DN_ERR_SIZE_OVERFLOW, "rows*cols overflows");
    CHECK(dn_softmax(DN_ISA_SCALAR, 0, NULL, 1, 4, out, 4) == DN_ERR_NULL_POINTER, "null x");
    CHECK(dn_softmax_backward(DN_ISA_SCALAR, 0, y, x, 1, 4, out, 3) == DN_ERR_BUFFER_TOO_SMALL, "short dx");
    CHECK(dn_softmax_backward(DN_ISA_SCALAR, 0, y, x, 1, 3, x + 1, 3) == DN_ERR_OVERLAP, "dx partly over g");
    CHECK(dn_softmax_backward(DN_ISA_SCALAR, 0, NULL, x, 1, 4, out, 4) == DN_ERR_NULL_POINTER, "null y");
    CHECK(dn_activate(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, x, 0, NULL, 0, out, 0) == DN_OK, "n = 0 is fine");
    CHECK(out[0] == 7 && out[1] == 7 && out[2] == 7 && out[3] == 7, "untouched on error");
}

int main(void)
{
    zeros_match = zeros_match_under_valgrind();
    for (size_t i = 0; i < ALL_ISA_COUNT; ++i) {
        const dn_kernels *k = runnable_kernels(all_isas[i]);
        if (!k) continue;
        printf("  isa %s\n", k->name);
        test_activations(k->isa);
        test_softmax(k->isa);
        test_stability(k->isa);
    }
    test_bad_arguments();
    return check_report("test_activation_kernels");
}
