/* dn_activate_f32, dn_activate_backward_f32, dn_softmax_f32 and dn_softmax_backward_f32 on every
 * runnable ISA: each result is the double API's result on the widened input, rounded once to
 * float (the double API is checked against its written-out reference in test_activation_kernels),
 * on every length 0..70 and on lengths and rows longer than the kernels' stack pieces; in place;
 * never writing outside the output, with buffers that end at a PROT_NONE page; the stability cases
 * exact; every bad argument a status code with the outputs untouched. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "check.h"
#include "fma_zero_sign.h"
#include "isa_list.h"

static uint64_t state = 0x2545F4914F6CDD1Dull;
static float rndf(double scale)
{
    state ^= state << 13; state ^= state >> 7; state ^= state << 17;
    const double u = (double)(state >> 11) / 9007199254740992.0;
    return (float)((u - 0.5) * scale * ldexp(1.0, (int)(state % 12) - 2));
}
/* Equal bits, NaN included: every NaN result is the canonical NaN. +0 and -0 count as one only
 * under valgrind (see fma_zero_sign.h). */
static int zeros_match;
static int same(float a, float b) { return memcmp(&a, &b, sizeof a) == 0 || (zeros_match && a == 0 && b == 0); }
static float from_bits(uint32_t b) { float a; memcpy(&a, &b, sizeof a); return a; }
/* The canonical NaN (0xFFF8000000000000) rounded to float: 0xFFC00000, .NET's float.NaN. */
static float canonical(double a) { return a != a ? from_bits(0xFFC00000u) : (float)a; }
#define SENTINEL 987654.25f
#define BIG 4099 /* crosses the kernels' 512-value pieces several times, with a ragged tail */

static void fill(float *x, size_t n)
{
    for (size_t i = 0; i < n; ++i) x[i] = rndf(1.0);
    /* NaNs of both signs, with a payload, and a signalling one among them */
    const float special[] = {0.0f, -0.0f, NAN, INFINITY, -INFINITY, -1000.0f, 1000.0f, -103.5f, 1e-45f, -30.0f,
                             1.2e-38f, -20.5f, 88.7f, 3.4e38f, from_bits(0x7FC00123u), -NAN, from_bits(0xFF800001u)};
    for (size_t i = 0; i < n && i < sizeof special / sizeof special[0]; ++i) x[(i * 7) % n] = special[i];
}

static void widen(const float *x, size_t n, double *out) { for (size_t i = 0; i < n; ++i) out[i] = x[i]; }

static void test_activations(dn_isa isa)
{
    static float x[BIG], u[BIG], v[BIG + 2], d[BIG + 2], g[BIG + 2], inplace[BIG];
    static double xd[BIG], ud[BIG], wv[BIG], wd[BIG];
    const double alphas[] = {0.01, 1.0, 0.3};
    for (int kind = DN_ACTIVATION_RELU; kind <= DN_ACTIVATION_GELU; ++kind) {
        const double alpha = alphas[kind % 3];
        for (size_t n = 0; n <= BIG; n = n < 70 ? n + 1 : (n == 70 ? 511 : (n == 511 ? 1025 : (n == 1025 ? BIG : BIG + 1)))) {
            fill(x, n);
            for (size_t i = 0; i < n; ++i) { u[i] = rndf(4.0); }
            if (n > 5) u[5] = from_bits(0x7FC00456u); /* an upstream NaN keeps its payload in the product unless made canonical */
            widen(x, n, xd); widen(u, n, ud);
            CHECK(dn_activate(isa, (dn_activation)kind, alpha, xd, n, wv, n, wd, n) == DN_OK, "double isa %d kind %d", isa, kind);
            for (int mode = 1; mode <= 3; ++mode) { /* 1 value, 2 derivative, 3 both */
                v[0] = v[n + 1] = d[0] = d[n + 1] = SENTINEL;
                CHECK(dn_activate_f32(isa, (dn_activation)kind, alpha, x, n, mode & 1 ? v + 1 : NULL, n, mode & 2 ? d + 1 : NULL, n) == DN_OK,
                      "isa %d kind %d n %zu", isa, kind, n);
                CHECK(v[0] == SENTINEL && v[n + 1] == SENTINEL && d[0] == SENTINEL && d[n + 1] == SENTINEL,
                      "isa %d kind %d n %zu wrote outside", isa, kind, n);
                for (size_t i = 0; i < n; ++i) {
                    if (mode & 1) CHECK(same(v[i + 1], canonical(wv[i])), "isa %d kind %d n %zu i %zu x %.9g: value %.9g vs %.9g", isa, kind, n, i, x[i], v[i + 1], (float)wv[i]);
                    if (mode & 2) CHECK(same(d[i + 1], canonical(wd[i])), "isa %d kind %d n %zu i %zu x %.9g: derivative %.9g vs %.9g", isa, kind, n, i, x[i], d[i + 1], (float)wd[i]);
                }
            }
            g[0] = g[n + 1] = SENTINEL;
            CHECK(dn_activate_backward_f32(isa, (dn_activation)kind, alpha, x, u, n, g + 1, n) == DN_OK, "backward isa %d kind %d n %zu", isa, kind, n);
            CHECK(g[0] == SENTINEL && g[n + 1] == SENTINEL, "isa %d kind %d n %zu backward wrote outside", isa, kind, n);
            for (size_t i = 0; i < n; ++i)
                CHECK(same(g[i + 1], canonical(ud[i] * wd[i])), "isa %d kind %d n %zu i %zu: backward %.9g vs %.9g", isa, kind, n, i, g[i + 1], (float)(ud[i] * wd[i]));
            memcpy(inplace, x, n * sizeof *x);
            CHECK(dn_activate_f32(isa, (dn_activation)kind, alpha, inplace, n, inplace, n, NULL, 0) == DN_OK, "in place");
            for (size_t i = 0; i < n; ++i) CHECK(same(inplace[i], canonical(wv[i])), "isa %d kind %d n %zu i %zu in place", isa, kind, n, i);
            memcpy(inplace, u, n * sizeof *u);
            CHECK(dn_activate_backward_f32(isa, (dn_activation)kind, alpha, x, inplace, n, inplace, n) == DN_OK, "backward in place");
            for (size_t i = 0; i < n; ++i) CHECK(same(inplace[i], canonical(ud[i] * wd[i])), "isa %d kind %d n %zu i %zu backward in place", isa, kind, n, i);
        }
    }
}

/* rows x cols: every cols 0..70 over 3 rows, then single rows longer than one piece. */
static void check_softmax(dn_isa isa, int log_form, size_t rows, size_t cols)
{
    static float x[3 * BIG], g[3 * BIG], y[3 * BIG + 2], dx[3 * BIG + 2];
    static double xd[3 * BIG], gd[3 * BIG], yd[3 * BIG], want[3 * BIG];
    const size_t total = rows * cols;
    for (size_t i = 0; i < total; ++i) { x[i] = rndf(40.0); g[i] = rndf(1.0); }
    /* +inf maxima in row 0, a tie in row 1, a NaN with a payload in row 2 (when there), a NaN upstream in row 1 */
    if (cols > 3) { x[1] = x[cols - 1] = INFINITY; x[cols + 1] = x[cols + 2]; x[2 * cols] = from_bits(0x7FC00123u); g[cols + 3] = -NAN; }
    widen(x, total, xd);
    CHECK(dn_softmax(isa, log_form, xd, rows, cols, want, total) == DN_OK, "double softmax");
    y[0] = y[total + 1] = SENTINEL;
    CHECK(dn_softmax_f32(isa, log_form, x, rows, cols, y + 1, total) == DN_OK, "isa %d", isa);
    CHECK(y[0] == SENTINEL && y[total + 1] == SENTINEL, "isa %d cols %zu wrote outside", isa, cols);
    for (size_t i = 0; i < total; ++i)
        CHECK(same(y[i + 1], (float)want[i]), "isa %d log %d cols %zu i %zu: %.9g vs %.9g", isa, log_form, cols, i, y[i + 1], (float)want[i]);
    widen(y + 1, total, yd); widen(g, total, gd);
    CHECK(dn_softmax_backward(isa, log_form, yd, gd, rows, cols, want, total) == DN_OK, "double backward");
    dx[0] = dx[total + 1] = SENTINEL;
    CHECK(dn_softmax_backward_f32(isa, log_form, y + 1, g, rows, cols, dx + 1, total) == DN_OK, "isa %d", isa);
    CHECK(dx[0] == SENTINEL && dx[total + 1] == SENTINEL, "isa %d cols %zu backward wrote outside", isa, cols);
    for (size_t i = 0; i < total; ++i)
        CHECK(same(dx[i + 1], (float)want[i]), "isa %d log %d cols %zu i %zu backward: %.9g vs %.9g", isa, log_form, cols, i, dx[i + 1], (float)want[i]);
    CHECK(dn_softmax_backward_f32(isa, log_form, y + 1, g, rows, cols, g, total) == DN_OK, "backward in place on g");
    for (size_t i = 0; i < total; ++i) CHECK(same(g[i], (float)want[i]), "isa %d log %d cols %zu i %zu backward in place", isa, log_form, cols, i);
}

static void test_softmax(dn_isa isa)
{
    for (int log_form = 0; log_form <= 1; ++log_form) {
        for (size_t cols = 0; cols <= 70; ++cols) check_softmax(isa, log_form, 3, cols);
        const size_t long_rows[] = {511, 512, 513, 1030, BIG};
        for (size_t j = 0; j < sizeof long_rows / sizeof long_rows[0]; ++j) check_softmax(isa, log_form, 3, long_rows[j]);
    }
}

static void test_stability(dn_isa isa)
{
    const float x[4] = {-1000.0f, 1000.0f, NAN, 0.0f};
    float v[4], d[4];
    CHECK(dn_activate_f32(isa, DN_ACTIVATION_SIGMOID, 0, x, 4, v, 4, d, 4) == DN_OK, "sigmoid");
    CHECK(v[0] == 0.0f && v[1] == 1.0f && v[2] != v[2] && v[3] == 0.5f && d[0] == 0.0f && d[3] == 0.25f, "sigmoid(-1000, 1000, NaN, 0)");
    CHECK(dn_activate_f32(isa, DN_ACTIVATION_SOFTPLUS, 0, x, 4, v, 4, d, 4) == DN_OK, "softplus");
    CHECK(v[0] == 0.0f && v[1] == 1000.0f && v[2] != v[2] && d[1] == 1.0f, "softplus(-1000, 1000, NaN)");
    CHECK(dn_activate_f32(isa, DN_ACTIVATION_TANH, 0, x, 4, v, 4, d, 4) == DN_OK, "tanh");
    CHECK(v[0] == -1.0f && v[1] == 1.0f && v[2] != v[2] && v[3] == 0.0f && d[3] == 1.0f, "tanh(-1000, 1000, NaN, 0)");
    const float pair[2] = {1000.0f, 0.0f};
    float y[2];
    CHECK(dn_softmax_f32(isa, 1, pair, 1, 2, y, 2) == DN_OK && y[0] == 0.0f && y[1] == -1000.0f, "log-softmax [1000, 0] = [0, -1000]");
    CHECK(dn_softmax_f32(isa, 0, pair, 1, 2, y, 2) == DN_OK && y[0] == 1.0f && y[1] == 0.0f, "softmax [1000, 0] = [1, 0]");
}

/* Buffers whose last byte abuts a PROT_NONE page: a read or write past the end faults. */
static float *guarded(size_t n, void **base, size_t *size)
{
    const size_t page = (size_t)sysconf(_SC_PAGESIZE);
    const size_t data_pages = (n * sizeof(float) + page - 1) / page + 1;
    *size = (data_pages + 1) * page;
    char *p = mmap(NULL, *size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return NULL;
    mprotect(p + data_pages * page, page, PROT_NONE);
    *base = p;
    return (float *)(p + data_pages * page) - n;
}

static void test_guard_pages(dn_isa isa)
{
    for (size_t n = 0; n <= 70; ++n) {
        void *b1 = NULL, *b2 = NULL, *b3 = NULL; size_t s1 = 0, s2 = 0, s3 = 0;
        float *x = guarded(n, &b1, &s1), *u = guarded(n, &b2, &s2), *out = guarded(n, &b3, &s3);
        CHECK(x && u && out, "mmap failed");
        if (!x || !u || !out) return;
        for (size_t i = 0; i < n; ++i) { x[i] = rndf(8.0); u[i] = rndf(1.0); }
        for (int kind = DN_ACTIVATION_RELU; kind <= DN_ACTIVATION_GELU; ++kind) {
            CHECK(dn_activate_f32(isa, (dn_activation)kind, 0.1, x, n, out, n, NULL, 0) == DN_OK, "guarded value");
            CHECK(dn_activate_f32(isa, (dn_activation)kind, 0.1, x, n, NULL, 0, out, n) == DN_OK, "guarded derivative");
            CHECK(dn_activate_backward_f32(isa, (dn_activation)kind, 0.1, x, u, n, out, n) == DN_OK, "guarded backward");
        }
        for (int log_form = 0; log_form <= 1; ++log_form) {
            CHECK(dn_softmax_f32(isa, log_form, x, 1, n, out, n) == DN_OK, "guarded softmax");
            CHECK(dn_softmax_backward_f32(isa, log_form, out, u, 1, n, x, n) == DN_OK, "guarded softmax backward");
        }
        munmap(b1, s1); munmap(b2, s2); munmap(b3, s3);
    }
}

static void test_bad_arguments(void)
{
    float x[4] = {1, 2, 3, 4}, out[4] = {7, 7, 7, 7}, y[4] = {0.25f, 0.25f, 0.25f, 0.25f};
    CHECK(dn_activate_f32(DN_ISA_SCALAR, (dn_activation)10, 0, x, 4, out, 4, NULL, 0) == DN_ERR_INVALID_ARGUMENT, "unknown kind");
    CHECK(dn_activate_f32(DN_ISA_SCALAR, (dn_activation)-1, 0, x, 4, out, 4, NULL, 0) == DN_ERR_INVALID_ARGUMENT, "negative kind");
    CHECK(dn_activate_f32(DN_ISA_SCALAR, DN_ACTIVATION_ELU, NAN, x, 4, out, 4, NULL, 0) == DN_ERR_INVALID_ARGUMENT, "NaN alpha");
    CHECK(dn_activate_f32((dn_isa)9, DN_ACTIVATION_RELU, 0, x, 4, out, 4, NULL, 0) == DN_ERR_UNKNOWN_ISA, "unknown isa");
    CHECK(dn_activate_f32(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, x, 4, NULL, 0, NULL, 0) == DN_ERR_NULL_POINTER, "no output");
    CHECK(dn_activate_f32(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, NULL, 4, out, 4, NULL, 0) == DN_ERR_NULL_POINTER, "null x");
    CHECK(dn_activate_f32(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, x, 4, out, 3, NULL, 0) == DN_ERR_BUFFER_TOO_SMALL, "short value");
    CHECK(dn_activate_f32(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, x, 4, NULL, 0, out, 3) == DN_ERR_BUFFER_TOO_SMALL, "short derivative");
    CHECK(dn_activate_f32(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, x, 3, x + 1, 3, NULL, 0) == DN_ERR_OVERLAP, "value partly over x");
    CHECK(dn_activate_f32(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, x, 2, out, 2, out + 1, 2) == DN_ERR_OVERLAP, "outputs overlap");
    CHECK(dn_activate_f32(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, x, SIZE_MAX / 4, out, 4, NULL, 0) == DN_ERR_SIZE_OVERFLOW, "huge n");
    CHECK(dn_activate_backward_f32(DN_ISA_SCALAR, (dn_activation)10, 0, x, y, 4, out, 4) == DN_ERR_INVALID_ARGUMENT, "backward unknown kind");
    CHECK(dn_activate_backward_f32(DN_ISA_SCALAR, DN_ACTIVATION_ELU, INFINITY, x, y, 4, out, 4) == DN_ERR_INVALID_ARGUMENT, "backward infinite alpha");
    CHECK(dn_activate_backward_f32(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, x, NULL, 4, out, 4) == DN_ERR_NULL_POINTER, "backward null upstream");
    CHECK(dn_activate_backward_f32(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, x, y, 4, NULL, 4) == DN_ERR_NULL_POINTER, "backward null gradient");
    CHECK(dn_activate_backward_f32(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, x, y, 4, out, 3) == DN_ERR_BUFFER_TOO_SMALL, "backward short gradient");
    CHECK(dn_activate_backward_f32(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, x, y, 3, y + 1, 3) == DN_ERR_OVERLAP, "gradient partly over upstream");
    CHECK(dn_activate_backward_f32(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, x, y, 3, x + 1, 3) == DN_ERR_OVERLAP, "gradient partly over x");
    CHECK(dn_activate_backward_f32(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, x, y, SIZE_MAX / 4, out, 4) == DN_ERR_SIZE_OVERFLOW, "backward huge n");
    CHECK(dn_softmax_f32(DN_ISA_SCALAR, 2, x, 1, 4, out, 4) == DN_ERR_INVALID_ARGUMENT, "log_form 2");
    CHECK(dn_softmax_f32(DN_ISA_SCALAR, 0, x, 1, 4, out, 3) == DN_ERR_BUFFER_TOO_SMALL, "short y");
    CHECK(dn_softmax_f32(DN_ISA_SCALAR, 0, x, 1, 4, x, 4) == DN_ERR_OVERLAP, "y is x");
    CHECK(dn_softmax_f32(DN_ISA_SCALAR, 0, x, SIZE_MAX / 4, 4, out, 4) == DN_ERR_SIZE_OVERFLOW, "rows*cols overflows");
    CHECK(dn_softmax_f32(DN_ISA_SCALAR, 0, NULL, 1, 4, out, 4) == DN_ERR_NULL_POINTER, "null x");
    CHECK(dn_softmax_backward_f32(DN_ISA_SCALAR, 0, y, x, 1, 4, out, 3) == DN_ERR_BUFFER_TOO_SMALL, "short dx");
    CHECK(dn_softmax_backward_f32(DN_ISA_SCALAR, 0, y, x, 1, 3, x + 1, 3) == DN_ERR_OVERLAP, "dx partly over g");
    CHECK(dn_softmax_backward_f32(DN_ISA_SCALAR, 2, y, x, 1, 4, out, 4) == DN_ERR_INVALID_ARGUMENT, "backward log_form 2");
    CHECK(dn_softmax_backward_f32(DN_ISA_SCALAR, 0, NULL, x, 1, 4, out, 4) == DN_ERR_NULL_POINTER, "null y");
    CHECK(dn_activate_f32(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, x, 0, NULL, 0, out, 0) == DN_OK, "n = 0 is fine");
    CHECK(dn_activate_backward_f32(DN_ISA_SCALAR, DN_ACTIVATION_RELU, 0, NULL, NULL, 0, NULL, 0) == DN_OK, "backward n = 0 is fine");
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
        test_guard_pages(k->isa);
    }
    test_bad_arguments();
    return check_report("test_activation_f32");
}
