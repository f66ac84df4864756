/* dn_grid_derivative and dn_grid_laplacian on every runnable ISA: bit-identical to the sums
 * written out here (weights from dn_finite_difference_weights, tested against Fornberg's tables), exact on
 * polynomials of degree < d + p, every length from the minimum to 70, 2-D and 3-D axes. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "grid_stencils.h"
#include "isa_list.h"

static uint64_t state = 0x853C49E6748FEA9Bull;
static double rnd(void)
{
    state ^= state << 13; state ^= state >> 7; state ^= state << 17;
    return ((double)(state >> 11) / 9007199254740992.0 - 0.5) * 8.0;
}
static int same(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }

/* The expected derivative of one line (stride `lines`), written out from the definition. */
static void expected_line(const double *y, size_t n, size_t lines, double h, int d, int p, double *out)
{
    double hd = h;
    for (int k = 1; k < d; ++k) hd *= h;
    const size_t kc = (size_t)(2 * ((d + 1) / 2) - 1 + p), m = (kc - 1) / 2, ke = (size_t)(d + p);
    double off[16], w[16];
    for (size_t j = 0; j < kc; ++j) off[j] = (double)j - (double)m;
    dn_finite_difference_weights(d, off, kc, 0, w, 16);
    for (size_t i = m; i + m < n; ++i) {
        double sum = 0;
        int first = 1;
        for (size_t j = 0; j < kc; ++j) {
            if (w[j] == 0) continue;
            const double term = (w[j] / hd) * y[(i + j - m) * lines];
            sum = first ? term : sum + term;
            first = 0;
        }
        out[i * lines] = sum;
    }
    for (size_t j = 0; j < ke; ++j) off[j] = (double)j;
    for (size_t i = 0; i < m; ++i) {
        dn_finite_difference_weights(d, off, ke, (double)i, w, 16);
        double sum = (w[0] / hd) * y[0];
        for (size_t j = 1; j < ke; ++j) sum = sum + (w[j] / hd) * y[j * lines];
        out[i * lines] = sum;
        dn_finite_difference_weights(d, off, ke, (double)(ke - 1 - i), w, 16);
        sum = (w[0] / hd) * y[(n - ke) * lines];
        for (size_t j = 1; j < ke; ++j) sum = sum + (w[j] / hd) * y[(n - ke + j) * lines];
        out[(n - 1 - i) * lines] = sum;
    }
}

static size_t min_samples(int d, int p)
{
    const size_t kc = (size_t)(2 * ((d + 1) / 2) - 1 + p), ke = (size_t)(d + p);
    return kc > ke ? kc : ke;
}

static void test_one_dimension(dn_isa isa)
{
    double y[1100], got[1102], want[1100];
    for (int d = 1; d <= 4; ++d)
        for (int p = 2; p <= 8; p += 2)
            for (size_t n = 0; n <= 70 || n == 1000; n = n == 70 ? 1000 : n + 1) {
                for (size_t i = 0; i < n; ++i) y[i] = rnd();
                const double h = 0.37;
                got[0] = got[n + 1] = 4321.0;
                const dn_status s = dn_grid_derivative(isa, y, &n, 1, 0, h, d, p, got + 1, n);
                if (n > 0 && n < min_samples(d, p)) {
                    CHECK(s == DN_ERR_LENGTH, "isa %d d %d p %d n %zu: status %d", isa, d, p, n, s);
                    if (n == 1000) break;
                    continue;
                }
                CHECK(s == DN_OK, "isa %d d %d p %d n %zu: status %d", isa, d, p, n, s);
                CHECK(got[0] == 4321.0 && got[n + 1] == 4321.0, "wrote outside");
                if (n == 0) continue;
                expected_line(y, n, 1, h, d, p, want);
                size_t bad = 0;
                for (size_t i = 0; i < n; ++i) bad += !same(got[i + 1], want[i]);
                CHECK(bad == 0, "isa %d d %d p %d n %zu: %zu differ", isa, d, p, n, bad);
                if (n == 1000) break;
            }
}

static void test_polynomials_exact(dn_isa isa)
{
    /* Degree d + p - 1 with a short binary step: every stencil is exact up to rounding. */
    double y[40], got[40];
    const size_t n = 40;
    for (int d = 1; d <= 4; ++d)
        for (int p = 2; p <= 8; p += 2) {
            const int degree = d + p - 1;
            const double h = 0.125;
            double worst = 0, scale = 0;
            for (size_t i = 0; i < n; ++i) {
                const double x = -2.0 + h * (double)i;
                y[i] = pow(x, degree);
            }
            CHECK(dn_grid_derivative(isa, y, &n, 1, 0, h, d, p, got, n) == DN_OK, "status");
            for (size_t i = 0; i < n; ++i) {
                const double x = -2.0 + h * (double)i;
                double exact = 1;
                for (int k = 0; k < d; ++k) exact *= (double)(degree - k);
                exact *= pow(x, degree - d);
                worst = fmax(worst, fabs(got[i] - exact));
                scale = fmax(scale, fabs(exact));
            }
            CHECK(worst <= 1e-7 * scale, "isa %d d %d p %d: error %g of %g", isa, d, p, worst, scale);
        }
}

static void test_axes_and_laplacian(dn_isa isa)
{
    const size_t shape[3] = {13, 11, 9}, count = 13 * 11 * 9;
    double *y = malloc(count * sizeof *y), *got = malloc(count * sizeof *got), *want = malloc(count * sizeof *want);
    double *sum = malloc(count * sizeof *sum);
    for (size_t i = 0; i < count; ++i) y[i] = rnd();
    const double spacing[3] = {0.5, 0.25, 0.1};
    for (size_t axis = 0; axis < 3; ++axis) {
        size_t outer = 1, lines = 1;
        for (size_t j = 0; j < axis; ++j) outer *= shape[j];
        for (size_t j = axis + 1; j < 3; ++j) lines *= shape[j];
        for (size_t o = 0; o < outer; ++o)
            for (size_t l = 0; l < lines; ++l)
                expected_line(y + o * shape[axis] * lines + l, shape[axis], lines, spacing[axis], 2, 4,
                              want + o * shape[axis] * lines + l);
        CHECK(dn_grid_derivative(isa, y, shape, 3, axis, spacing[axis], 2, 4, got, count) == DN_OK, "axis %zu", axis);
        size_t bad = 0;
        for (size_t i = 0; i < count; ++i) bad += !same(got[i], want[i]);
        CHECK(bad == 0, "isa %d axis %zu: %zu differ", isa, axis, bad);
        for (size_t i = 0; i < count; ++i) sum[i] = axis == 0 ? want[i] : sum[i] + want[i];
    }
    CHECK(dn_grid_laplacian(isa, y, shape, 3, spacing, 4, got, count) == DN_OK, "laplacian");
    size_t bad = 0;
    for (size_t i = 0; i < count; ++i) bad += !same(got[i], sum[i]);
    CHECK(bad == 0, "isa %d laplacian: %zu differ", isa, bad);
    free(y); free(got); free(want); free(sum);
}

/* The kernel's cache-bypassing form (the API picks it for outputs of 32 MB and more), forced on
 * small arrays with unaligned rows: the same bits as the plain stores. */
static void test_laplacian_2d_streaming(const dn_kernels *k)
{
    const size_t shapes[][2] = {{9, 9}, {17, 33}, {12, 21}, {40, 67}};
    for (size_t t = 0; t < sizeof shapes / sizeof shapes[0]; ++t) {
        const size_t rows = shapes[t][0], cols = shapes[t][1], count = rows * cols;
        double *y = malloc(count * sizeof *y), *plain = malloc(count * sizeof *plain), *streamed = malloc((count + 1) * sizeof *streamed);
        for (size_t i = 0; i < count; ++i) y[i] = rnd();
        for (int p = 2; p <= 8; p += 2) {
            if (rows < min_samples(2, p) || cols < min_samples(2, p)) continue;
            dn_grid_stencils s0, s1;
            size_t needed;
            CHECK(dn_build_grid_stencils(2, p, 0.3, &s0, &needed) == DN_OK && dn_build_grid_stencils(2, p, 0.7, &s1, &needed) == DN_OK, "stencils");
            k->grid_laplacian_2d(y, rows, cols, &s0, &s1, 0, 0, rows, plain);
            /* Both an aligned and a misaligned output start, so the scalar lead-in runs. */
            for (size_t shift = 0; shift < 2; ++shift) {
                k->grid_laplacian_2d(y, rows, cols, &s0, &s1, 1, 0, rows, streamed + shift);
                size_t bad = 0;
                for (size_t i = 0; i < count; ++i) bad += !same(streamed[shift + i], plain[i]);
                CHECK(bad == 0, "isa %s %zux%zu p %d shift %zu: %zu differ when streamed", k->name, rows, cols, p, shift, bad);
            }
        }
        free(y); free(plain); free(streamed);
    }
}

/* The 2-D Laplacian is fused row by row; it must still equal axis 0 plus axis 1, bit for bit. */
static void test_laplacian_2d(dn_isa isa)
{
    const size_t shapes[][2] = {{4, 4}, {5, 9}, {17, 33}, {70, 13}, {12, 21}, {11, 40}, {10, 26}};
    for (size_t t = 0; t < sizeof shapes / sizeof shapes[0]; ++t) {
        const size_t *shape = shapes[t], count = shape[0] * shape[1];
        double *y = malloc(count * sizeof *y), *a = malloc(count * sizeof *a), *b = malloc(count * sizeof *b), *got = malloc(count * sizeof *got);
        for (size_t i = 0; i < count; ++i) y[i] = rnd();
        const double spacing[2] = {0.3, 0.7};
        for (int p = 2; p <= 8; p += 2) {
            if (shape[0] < min_samples(2, p) || shape[1] < min_samples(2, p)) continue;
            CHECK(dn_grid_derivative(isa, y, shape, 2, 0, spacing[0], 2, p, a, count) == DN_OK, "axis 0");
            CHECK(dn_grid_derivative(isa, y, shape, 2, 1, spacing[1], 2, p, b, count) == DN_OK, "axis 1");
            CHECK(dn_grid_laplacian(isa, y, shape, 2, spacing, p, got, count) == DN_OK, "laplacian");
            size_t bad = 0;
            for (size_t i = 0; i < count; ++i) bad += !same(got[i], a[i] + b[i]);
            CHECK(bad == 0, "isa %d %zux%zu p %d: %zu differ", isa, shape[0], shape[1], p, bad);
        }
        free(y); free(a); free(b); free(got);
    }
}

/* Parts of a derivative or Laplacian, written into one buffer, give the whole call's bits and
 * leave no element unwritten — for 1-D, 2-D and 3-D arrays, every axis, more parts than rows. */
static void test_parts(dn_isa isa)
{
    const size_t shapes[][3] = {{61, 1, 1}, {17, 33, 1}, {70, 13, 1}, {6, 7, 9}, {13, 11, 9}};
    const size_t dims[] = {1, 2, 2, 3, 3};
    const double spacing[3] = {0.3, 0.7, 0.2};
    for (size_t t = 0; t < sizeof dims / sizeof dims[0]; ++t) {
        const size_t *shape = shapes[t], ndim = dims[t];
        size_t count = 1;
        for (size_t a = 0; a < ndim; ++a) count *= shape[a];
        double *y = malloc(count * sizeof *y), *whole = malloc(count * sizeof *whole), *parts = malloc(count * sizeof *parts);
        for (size_t i = 0; i < count; ++i) y[i] = rnd();
        for (size_t axis = 0; axis <= ndim; ++axis) /* axis == ndim: the Laplacian */
            for (int p = 2; p <= 6; p += 4) {
                const int d = axis == ndim ? 2 : 1 + (int)axis % 2;
                int fits = 1;
                for (size_t a = 0; a < ndim; ++a) fits &= shape[a] >= min_samples(axis == ndim ? 2 : d, p) || (axis < ndim && a != axis);
                if (!fits) continue;
                const dn_status ws = axis == ndim ? dn_grid_laplacian(isa, y, shape, ndim, spacing, p, whole, count)
                                                  : dn_grid_derivative(isa, y, shape, ndim, axis, spacing[axis], d, p, whole, count);
                CHECK(ws == DN_OK, "whole");
                const size_t counts[] = {2, 3, 5, 8, 64};
                for (size_t c = 0; c < sizeof counts / sizeof counts[0]; ++c) {
                    for (size_t i = 0; i < count; ++i) parts[i] = NAN;
                    for (size_t part = 0; part < counts[c]; ++part) {
                        if (part == 1) {
                            /* Part 0 alone wrote exactly the slab of axis-0 indices [0, shape0/parts). */
                            const size_t slab = shape[0] / counts[c] * (count / shape[0]);
                            size_t wrong = 0;
                            for (size_t i = 0; i < count; ++i) wrong += (i < slab) == (parts[i] != parts[i]);
                            CHECK(wrong == 0, "isa %d shape %zu axis %zu: part 0 of %zu wrote outside its slab", isa, t, axis, counts[c]);
                        }
                        const dn_status ps = axis == ndim
                            ? dn_grid_laplacian_part(isa, y, shape, ndim, spacing, p, part, counts[c], parts, count)
                            : dn_grid_derivative_part(isa, y, shape, ndim, axis, spacing[axis], d, p, part, counts[c], parts, count);
                        CHECK(ps == DN_OK, "part");
                    }
                    size_t bad = 0;
                    for (size_t i = 0; i < count; ++i) bad += !same(parts[i], whole[i]);
                    CHECK(bad == 0, "isa %d shape %zu axis %zu p %d in %zu parts: %zu differ", isa, t, axis, p, counts[c], bad);
                }
            }
        free(y); free(whole); free(parts);
    }
}

static void test_bad_arguments(void)
{
    double y[16] = {0}, out[16];
    const size_t n = 16, shape2[2] = {4, 4}, huge[2] = {SIZE_MAX / 2, 4};
    const double sp[2] = {1, 1}, bad_sp[2] = {1, -1};
    CHECK(dn_grid_derivative(DN_ISA_SCALAR, y, &n, 1, 0, 1.0, 0, 2, out, 16) == DN_ERR_INVALID_ARGUMENT, "order 0");
    CHECK(dn_grid_derivative(DN_ISA_SCALAR, y, &n, 1, 0, 1.0, 5, 2, out, 16) == DN_ERR_INVALID_ARGUMENT, "order 5");
    CHECK(dn_grid_derivative(DN_ISA_SCALAR, y, &n, 1, 0, 1.0, 1, 3, out, 16) == DN_ERR_INVALID_ARGUMENT, "accuracy 3");
    CHECK(dn_grid_derivative(DN_ISA_SCALAR, y, &n, 1, 0, 0.0, 1, 2, out, 16) == DN_ERR_INVALID_STEP, "spacing 0");
    CHECK(dn_grid_derivative(DN_ISA_SCALAR, y, &n, 1, 0, NAN, 1, 2, out, 16) == DN_ERR_INVALID_STEP, "spacing NaN");
    CHECK(dn_grid_derivative(DN_ISA_SCALAR, y, &n, 1, 1, 1.0, 1, 2, out, 16) == DN_ERR_INVALID_ARGUMENT, "axis");
    CHECK(dn_grid_derivative(DN_ISA_SCALAR, y, &n, 0, 0, 1.0, 1, 2, out, 16) == DN_ERR_INVALID_ARGUMENT, "ndim 0");
    CHECK(dn_grid_derivative(DN_ISA_SCALAR, y, &n, 1, 0, 1.0, 1, 2, out, 15) == DN_ERR_BUFFER_TOO_SMALL, "short out");
    CHECK(dn_grid_derivative(DN_ISA_SCALAR, y, &n, 1, 0, 1.0, 1, 2, y + 4, 16) == DN_ERR_OVERLAP, "overlap");
    CHECK(dn_grid_derivative(DN_ISA_SCALAR, y, huge, 2, 0, 1.0, 1, 2, out, 16) == DN_ERR_SIZE_OVERFLOW, "overflow");
    CHECK(dn_grid_derivative(DN_ISA_SCALAR, y, shape2, 2, 0, 1.0, 4, 8, out, 16) == DN_ERR_LENGTH, "too few samples");
    CHECK(dn_grid_derivative(DN_ISA_SCALAR, y, NULL, 1, 0, 1.0, 1, 2, out, 16) == DN_ERR_NULL_POINTER, "null shape");
    CHECK(dn_grid_laplacian(DN_ISA_SCALAR, y, shape2, 2, bad_sp, 2, out, 16) == DN_ERR_INVALID_STEP, "bad spacing");
    CHECK(dn_grid_laplacian(DN_ISA_SCALAR, y, shape2, 2, NULL, 2, out, 16) == DN_ERR_NULL_POINTER, "null spacing");
    CHECK(dn_grid_laplacian(DN_ISA_SCALAR, y, shape2, 2, sp, 2, out, 16) == DN_OK, "4x4 laplacian");
    CHECK(dn_grid_laplacian_part(DN_ISA_SCALAR, y, shape2, 2, sp, 2, 2, 2, out, 16) == DN_ERR_INVALID_ARGUMENT, "part == parts");
    CHECK(dn_grid_laplacian_part(DN_ISA_SCALAR, y, shape2, 2, sp, 2, 0, 0, out, 16) == DN_ERR_INVALID_ARGUMENT, "no parts");
    CHECK(dn_grid_derivative_part(DN_ISA_SCALAR, y, shape2, 2, 0, 0.5, 1, 2, 3, 2, out, 16) == DN_ERR_INVALID_ARGUMENT, "part > parts");
    CHECK(dn_grid_derivative_part(DN_ISA_SCALAR, y, shape2, 2, 0, 0.5, 1, 2, 1, 2, out, 16) == DN_OK, "second of two parts");
}

int main(void)
{
    for (size_t i = 0; i < ALL_ISA_COUNT; ++i) {
        const dn_kernels *k = runnable_kernels(all_isas[i]);
        if (!k) continue;
        printf("  isa %s\n", k->name);
        test_one_dimension(k->isa);
        test_polynomials_exact(k->isa);
        test_axes_and_laplacian(k->isa);
        test_laplacian_2d(k->isa);
        test_laplacian_2d_streaming(k);
        test_parts(k->isa);
    }
    test_bad_arguments();
    return check_report("test_grid_derivative");
}
