/* The rows of docs/bad-input.md that the kernel tests do not already cover: every bad argument
 * of the sampled-data, stencil-combination, Richardson and softmax-backward entry points is its
 * status code, with the output untouched and the inputs unmodified. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "diffnative/diffnative.h"

#define N 16
static double in[N], x[N], g[N], out[N];

static void reset(void)
{
    for (int i = 0; i < N; ++i) {
        in[i] = (double)(i * i);
        x[i] = 0.5 * i;
        g[i] = 1.0 / (i + 1);
        out[i] = -7.0;
    }
}

static int unchanged(void)
{
    for (int i = 0; i < N; ++i)
        if (in[i] != (double)(i * i) || x[i] != 0.5 * i || g[i] != 1.0 / (i + 1) || out[i] != -7.0) return 0;
    return 1;
}

#define EXPECT(call, want)                                                                          \
    do {                                                                                            \
        reset();                                                                                    \
        const dn_status got_ = (call);                                                              \
        CHECK(got_ == (want), "%s: got %d (%s), want %d", #call, got_, dn_status_string(got_), want); \
        CHECK(unchanged(), "%s: a buffer changed on error", #call);                                 \
    } while (0)

static void test_numpy_gradient(void)
{
    EXPECT(dn_numpy_gradient(DN_ISA_SCALAR, in, 8, 1.0, 0, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_numpy_gradient(DN_ISA_SCALAR, in, 8, 1.0, 3, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_numpy_gradient(DN_ISA_SCALAR, NULL, 8, 1.0, 1, out, N), DN_ERR_NULL_POINTER);
    EXPECT(dn_numpy_gradient(DN_ISA_SCALAR, in, 8, 1.0, 1, NULL, N), DN_ERR_NULL_POINTER);
    EXPECT(dn_numpy_gradient(DN_ISA_SCALAR, in, 1, 1.0, 1, out, N), DN_ERR_LENGTH);
    EXPECT(dn_numpy_gradient(DN_ISA_SCALAR, in, 2, 1.0, 2, out, N), DN_ERR_LENGTH);
    EXPECT(dn_numpy_gradient(DN_ISA_SCALAR, in, 8, NAN, 1, out, N), DN_ERR_INVALID_STEP);
    EXPECT(dn_numpy_gradient(DN_ISA_SCALAR, in, 8, -INFINITY, 2, out, N), DN_ERR_INVALID_STEP);
    EXPECT(dn_numpy_gradient(DN_ISA_SCALAR, in, 8, DBL_MAX, 2, out, N), DN_ERR_INVALID_STEP);
    EXPECT(dn_numpy_gradient(DN_ISA_SCALAR, in, 8, -0.0, 2, out, N), DN_ERR_INVALID_STEP);
    EXPECT(dn_numpy_gradient(DN_ISA_SCALAR, in, 8, 1.0, 1, out, 7), DN_ERR_BUFFER_TOO_SMALL);
    EXPECT(dn_numpy_gradient(DN_ISA_SCALAR, in, SIZE_MAX / 4, 1.0, 1, out, N), DN_ERR_SIZE_OVERFLOW);
    EXPECT(dn_numpy_gradient(DN_ISA_SCALAR, in, 8, 1.0, 1, in + 4, 8), DN_ERR_OVERLAP);
    EXPECT(dn_numpy_gradient((dn_isa)7, in, 8, 1.0, 1, out, N), DN_ERR_UNKNOWN_ISA);
}

static void test_numpy_gradient_coordinates(void)
{
    EXPECT(dn_numpy_gradient_coordinates(in, x, 8, 0, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_numpy_gradient_coordinates(NULL, x, 8, 1, out, N), DN_ERR_NULL_POINTER);
    EXPECT(dn_numpy_gradient_coordinates(in, NULL, 8, 1, out, N), DN_ERR_NULL_POINTER);
    EXPECT(dn_numpy_gradient_coordinates(in, x, 8, 1, NULL, N), DN_ERR_NULL_POINTER);
    EXPECT(dn_numpy_gradient_coordinates(in, x, 2, 2, out, N), DN_ERR_LENGTH);
    EXPECT(dn_numpy_gradient_coordinates(in, x, 8, 1, out, 7), DN_ERR_BUFFER_TOO_SMALL);
    EXPECT(dn_numpy_gradient_coordinates(in, x, SIZE_MAX / 4, 1, out, N), DN_ERR_SIZE_OVERFLOW);
    EXPECT(dn_numpy_gradient_coordinates(in, x, 8, 1, x + 2, 8), DN_ERR_OVERLAP);
    EXPECT(dn_numpy_gradient_coordinates(in, x, 8, 1, in + 2, 8), DN_ERR_OVERLAP);
    static const double repeated[8] = {0, 1, 2, 2, 3, 4, 5, 6}, decreasing[8] = {0, 1, 2, 3, 4, 5, 6, -1};
    static const double with_nan[8] = {0, 1, 2, NAN, 4, 5, 6, 7}, with_inf[8] = {0, 1, 2, 3, 4, 5, 6, INFINITY};
    EXPECT(dn_numpy_gradient_coordinates(in, repeated, 8, 1, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_numpy_gradient_coordinates(in, decreasing, 8, 2, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_numpy_gradient_coordinates(in, with_nan, 8, 2, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_numpy_gradient_coordinates(in, with_inf, 8, 2, out, N), DN_ERR_INVALID_ARGUMENT);
}

static void test_grid_derivative_coordinates(void)
{
    EXPECT(dn_grid_derivative_coordinates(in, x, 8, 0, 2, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_grid_derivative_coordinates(in, x, 8, 5, 2, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_grid_derivative_coordinates(in, x, 8, 1, 3, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_grid_derivative_coordinates(NULL, x, 8, 1, 2, out, N), DN_ERR_NULL_POINTER);
    EXPECT(dn_grid_derivative_coordinates(in, NULL, 8, 1, 2, out, N), DN_ERR_NULL_POINTER);
    EXPECT(dn_grid_derivative_coordinates(in, x, 8, 4, 8, out, N), DN_ERR_LENGTH);
    EXPECT(dn_grid_derivative_coordinates(in, x, 8, 1, 2, out, 7), DN_ERR_BUFFER_TOO_SMALL);
    EXPECT(dn_grid_derivative_coordinates(in, x, SIZE_MAX / 4, 1, 2, out, N), DN_ERR_SIZE_OVERFLOW);
    EXPECT(dn_grid_derivative_coordinates(in, x, 8, 1, 2, in + 7, 8), DN_ERR_OVERLAP);
}

static void test_grid_laplacian(void)
{
    const size_t shape[2] = {4, 4}, huge[2] = {SIZE_MAX / 2, 4};
    const double spacing[2] = {1.0, 1.0}, bad_spacing[2] = {1.0, NAN};
    EXPECT(dn_grid_laplacian(DN_ISA_SCALAR, in, shape, 0, spacing, 2, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_grid_laplacian(DN_ISA_SCALAR, in, shape, 9, spacing, 2, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_grid_laplacian(DN_ISA_SCALAR, in, shape, 2, spacing, 5, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_grid_laplacian(DN_ISA_SCALAR, in, shape, 2, bad_spacing, 2, out, N), DN_ERR_INVALID_STEP);
    EXPECT(dn_grid_laplacian(DN_ISA_SCALAR, in, shape, 2, spacing, 8, out, N), DN_ERR_LENGTH);
    EXPECT(dn_grid_laplacian(DN_ISA_SCALAR, in, shape, 2, spacing, 2, out, 15), DN_ERR_BUFFER_TOO_SMALL);
    EXPECT(dn_grid_laplacian(DN_ISA_SCALAR, in, huge, 2, spacing, 2, out, N), DN_ERR_SIZE_OVERFLOW);
    EXPECT(dn_grid_laplacian(DN_ISA_SCALAR, in, shape, 2, spacing, 2, in, N), DN_ERR_OVERLAP);
    EXPECT(dn_grid_laplacian(DN_ISA_SCALAR, in, NULL, 2, spacing, 2, out, N), DN_ERR_NULL_POINTER);
    EXPECT(dn_grid_laplacian(DN_ISA_SCALAR, in, shape, 2, NULL, 2, out, N), DN_ERR_NULL_POINTER);
    EXPECT(dn_grid_laplacian((dn_isa)99, in, shape, 2, spacing, 2, out, N), DN_ERR_UNKNOWN_ISA);
}

static void test_fd_combine(void)
{
    /* values: 2 rows of stride 4 in in[0..8); weights g[0..2); steps x[1..5) (x[0] = 0 is no step). */
    EXPECT(dn_fd_combine(DN_ISA_SCALAR, NULL, 8, 4, g, 2, x + 1, 4, 1, out, N), DN_ERR_NULL_POINTER);
    EXPECT(dn_fd_combine(DN_ISA_SCALAR, in, 8, 4, NULL, 2, x + 1, 4, 1, out, N), DN_ERR_NULL_POINTER);
    EXPECT(dn_fd_combine(DN_ISA_SCALAR, in, 8, 4, g, 2, NULL, 4, 1, out, N), DN_ERR_NULL_POINTER);
    EXPECT(dn_fd_combine(DN_ISA_SCALAR, in, 8, 4, g, 2, x + 1, 4, 1, NULL, N), DN_ERR_NULL_POINTER);
    EXPECT(dn_fd_combine(DN_ISA_SCALAR, in, 8, 3, g, 2, x + 1, 4, 1, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_fd_combine(DN_ISA_SCALAR, in, 8, 4, g, 0, x + 1, 4, 1, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_fd_combine(DN_ISA_SCALAR, in, 8, 4, g, 65, x + 1, 4, 1, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_fd_combine(DN_ISA_SCALAR, in, 8, 4, g, 2, x + 1, 4, 0, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_fd_combine(DN_ISA_SCALAR, in, 8, 4, g, 2, x + 1, 4, 17, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_fd_combine(DN_ISA_SCALAR, in, 7, 4, g, 2, x + 1, 4, 1, out, N), DN_ERR_BUFFER_TOO_SMALL);
    EXPECT(dn_fd_combine(DN_ISA_SCALAR, in, 8, 4, g, 2, x + 1, 4, 1, out, 3), DN_ERR_BUFFER_TOO_SMALL);
    EXPECT(dn_fd_combine(DN_ISA_SCALAR, in, 8, SIZE_MAX / 8, g, 2, x + 1, 4, 1, out, N), DN_ERR_SIZE_OVERFLOW);
    /* Overlap: a vector path would read values the scalar path has already overwritten. */
    EXPECT(dn_fd_combine(DN_ISA_SCALAR, in, 8, 4, g, 2, x + 1, 4, 1, in + 2, 4), DN_ERR_OVERLAP);
    EXPECT(dn_fd_combine(DN_ISA_SCALAR, in, 8, 4, g, 2, x + 1, 4, 1, g, 4), DN_ERR_OVERLAP);
    EXPECT(dn_fd_combine(DN_ISA_SCALAR, in, 8, 4, g, 2, x + 1, 4, 1, x + 3, 4), DN_ERR_OVERLAP);
    EXPECT(dn_fd_combine((dn_isa)-3, in, 8, 4, g, 2, x + 1, 4, 1, out, N), DN_ERR_UNKNOWN_ISA);
}

static void test_richardson_and_softmax_backward(void)
{
    double best[4], error[4], level[4];
    EXPECT(dn_richardson_level(DN_ISA_SCALAR, 4, -1, NULL, 0, out, N, NULL, 0, best, error, level, 4), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_richardson_level(DN_ISA_SCALAR, 4, 65, in, N, out, N, g, N, best, error, level, 4), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_richardson_level(DN_ISA_SCALAR, SIZE_MAX / 64, 0, NULL, 0, out, N, NULL, 0, best, error, level, 4), DN_ERR_SIZE_OVERFLOW);
    EXPECT(dn_softmax_backward(DN_ISA_SCALAR, 2, in, g, 2, 4, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_softmax_backward(DN_ISA_SCALAR, 0, in, g, SIZE_MAX / 2, 4, out, N), DN_ERR_SIZE_OVERFLOW);
    EXPECT(dn_softmax_backward((dn_isa)99, 0, in, g, 2, 4, out, N), DN_ERR_UNKNOWN_ISA);
}

static void test_finite_difference_weights(void)
{
    const double offsets[3] = {-1, 0, 1}, repeated[3] = {-1, 1, 1};
    EXPECT(dn_finite_difference_weights(1, offsets, 3, NAN, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_finite_difference_weights(1, offsets, 3, INFINITY, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_finite_difference_weights(1, repeated, 3, 0.0, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_finite_difference_weights(-1, offsets, 3, 0.0, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_finite_difference_weights(3, offsets, 3, 0.0, out, N), DN_ERR_INVALID_ARGUMENT);
    EXPECT(dn_finite_difference_weights(1, offsets, 0, 0.0, out, N), DN_ERR_INVALID_ARGUMENT);
}

int main(void)
{
    test_numpy_gradient();
    test_numpy_gradient_coordinates();
    test_grid_derivative_coordinates();
    test_grid_laplacian();
    test_fd_combine();
    test_richardson_and_softmax_backward();
    test_finite_difference_weights();
    return check_report("test_bad_input");
}
