/*
 * DiffNative C API — the contract between the native core and every caller.
 *
 * Conventions:
 *  - Every function is prefixed dn_ and returns a dn_status, except dn_status_string and
 *    dn_version, which cannot fail and return constant strings, and dn_abi_version.
 *  - Sizes are size_t and every pointer's length is stated next to it.
 *  - No function aborts, and none reads or writes past a stated length. On any error the
 *    output buffers are left untouched.
 *  - ISA names are "scalar", "avx2" and "avx512" everywhere.
 */
#ifndef DIFFNATIVE_DIFFNATIVE_H
#define DIFFNATIVE_DIFFNATIVE_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#  if defined(DIFFNATIVE_BUILDING)
#    define DN_API __declspec(dllexport)
#  else
#    define DN_API __declspec(dllimport)
#  endif
#else
#  define DN_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes. Values are stable: managed code mirrors them. */
typedef enum dn_status {
    DN_OK = 0,
    DN_ERR_NULL_POINTER = 1,      /* a required pointer was NULL */
    DN_ERR_LENGTH = 2,            /* a length is too small for the operation */
    DN_ERR_SIZE_OVERFLOW = 3,     /* a length times the element size overflows size_t */
    DN_ERR_INVALID_STEP = 4,      /* a step or spacing is NaN, infinite, zero or negative */
    DN_ERR_OVERLAP = 5,           /* an output buffer overlaps an input buffer */
    DN_ERR_UNKNOWN_ISA = 6,       /* an ISA id or name is not one of scalar, avx2, avx512 */
    DN_ERR_ISA_UNSUPPORTED = 7,   /* this CPU or OS cannot run the requested ISA */
    DN_ERR_ISA_NOT_COMPILED = 8,  /* this build of the library lacks the requested ISA */
    DN_ERR_BUFFER_TOO_SMALL = 9,  /* an output buffer is shorter than needed */
    DN_ERR_INVALID_ARGUMENT = 10  /* any other out-of-range argument */
} dn_status;

/* Instruction-set paths. DN_ISA_ACTIVE selects the process-wide active path. */
typedef enum dn_isa {
    DN_ISA_ACTIVE = 0,
    DN_ISA_SCALAR = 1,
    DN_ISA_AVX2 = 2,   /* AVX2 + FMA */
    DN_ISA_AVX512 = 3  /* AVX-512F */
} dn_isa;

/* Bit masks of ISAs: bit (1u << isa). */
#define DN_ISA_BIT(isa) (1u << (unsigned)(isa))

/* CPU and OS feature bits reported by dn_cpu_features. OS bits mean the OS saves the state. */
#define DN_CPU_SSE2      (1ull << 0)
#define DN_CPU_AVX       (1ull << 1)
#define DN_CPU_AVX2      (1ull << 2)
#define DN_CPU_FMA       (1ull << 3)
#define DN_CPU_AVX512F   (1ull << 4)
#define DN_CPU_AVX512DQ  (1ull << 5)
#define DN_CPU_AVX512BW  (1ull << 6)
#define DN_CPU_AVX512VL  (1ull << 7)
#define DN_CPU_OS_AVX    (1ull << 8)
#define DN_CPU_OS_AVX512 (1ull << 9)

/* ---- library ---------------------------------------------------------------------------- */

/* A static English description of a status code; unknown codes get a generic text. */
DN_API const char *dn_status_string(dn_status status);

/* The library version, "MAJOR.MINOR.PATCH". */
DN_API const char *dn_version(void);

/* The binary interface this header describes. It changes whenever a function's signature, a
 * status or ISA value, or a struct or constant that callers pass changes meaning; bindings
 * compare dn_abi_version() with the value they were written against before any other call. */
#define DN_ABI_VERSION 2u

/* DN_ABI_VERSION of the loaded library; cannot fail. */
DN_API uint32_t dn_abi_version(void);

/* Writes the file system path of the loaded library (NUL-terminated) into buffer[0..capacity).
 * *needed receives the size including the NUL; if capacity is too small the buffer is left
 * untouched and DN_ERR_BUFFER_TOO_SMALL is returned. */
DN_API dn_status dn_library_path(char *buffer, size_t capacity, size_t *needed);

/* ---- CPU features and ISA dispatch ------------------------------------------------------- */

/* Feature bits (DN_CPU_*) of this CPU and OS, detected with CPUID and XGETBV. */
DN_API dn_status dn_cpu_features(uint64_t *features);

/* Mask of ISAs compiled into this library. */
DN_API dn_status dn_isa_compiled_mask(uint32_t *mask);

/* Mask of ISAs both compiled in and runnable on this CPU and OS. */
DN_API dn_status dn_isa_available_mask(uint32_t *mask);

/* *uses = 1 when the scalar ISA runs its build that does each fused multiply-add as one FMA
 * instruction (compiled in, and this CPU has FMA and the OS saves AVX state), else 0: each is a
 * libm fma() call, glibc's software routine on a CPU without FMA. The bits are the same. */
DN_API dn_status dn_scalar_uses_hardware_fma(int *uses);

/* The name of an ISA ("scalar", "avx2", "avx512"). DN_ISA_ACTIVE is not a name. */
DN_API dn_status dn_isa_name(dn_isa isa, const char **name);

/* Parses an ISA name (exact, lower case). */
DN_API dn_status dn_isa_parse(const char *name, dn_isa *isa);

/* The active ISA. On first use it is chosen: DIFFNATIVE_ISA if set (an unknown or unsupported
 * name is an error, never a silent fallback), else the best available. */
DN_API dn_status dn_get_active_isa(dn_isa *isa);

/* Makes isa the active ISA for the whole process. It must be available. */
DN_API dn_status dn_set_active_isa(dn_isa isa);

/* ---- sampled data ------------------------------------------------------------------------- */

/* First derivative of n samples y spaced uniformly by h, written to out[0..out_length).
 * Central differences (y[i+1] - y[i-1]) / (2h) inside; second-order one-sided differences at
 * both ends, evaluated as numpy.gradient(y, h, edge_order=2) evaluates them, so the numbers
 * are the same. n == 0 writes nothing; n of 1 or 2 is DN_ERR_LENGTH (3 samples are needed).
 * out must not overlap y. Every ISA gives bit-identical results. */
DN_API dn_status dn_sampled_gradient(dn_isa isa, const double *y, size_t n, double h,
                                     double *out, size_t out_length);

/* numpy.gradient(y, h, edge_order) for edge_order 1 or 2: the same numbers. n == 0 writes
 * nothing; n must exceed edge_order. */
DN_API dn_status dn_numpy_gradient(dn_isa isa, const double *y, size_t n, double h, int edge_order,
                                   double *out, size_t out_length);

/* numpy.gradient(y, x, edge_order) with strictly increasing coordinates x[0..n): numpy's
 * non-uniform formulas, or its uniform ones when every difference of x is exactly equal. */
DN_API dn_status dn_numpy_gradient_coordinates(const double *y, const double *x, size_t n, int edge_order,
                                               double *out, size_t out_length);

/* Derivative of order 1..4 and accuracy 2, 4, 6, 8 of samples at strictly increasing coordinates
 * x[0..n): per-point Fornberg weights on the same stencil shapes as the uniform grid, with one
 * more point for even orders inside (a symmetric stencil loses an order off a uniform grid).
 * DN_ERR_INVALID_ARGUMENT, out untouched, when a stencil's offsets x[j] - x[i] overflow, coincide
 * after rounding, or one is below 2^-1022 of the widest (it cannot be scaled to unit size exactly).
 * Tiny spacings are fine: the weights stay at unit scale and each sum is scaled by a power of two. */
DN_API dn_status dn_grid_derivative_coordinates(const double *y, const double *x, size_t n, int derivative,
                                                int accuracy, double *out, size_t out_length);

/* Derivative of order 1..4 and accuracy 2, 4, 6 or 8 along one axis of a row-major array of
 * ndim (1..8) dimensions shape[0..ndim), samples spaced uniformly by spacing along that axis:
 * central stencils inside, one-sided stencils of the same accuracy (d + p points) at both ends.
 * The axis needs at least max(central points, d + p) samples. Weights are Fornberg's divided by
 * spacing^d; every ISA sums the same products in the same order, so all give the same bits.
 * out (same shape) must not overlap y. */
DN_API dn_status dn_grid_derivative(dn_isa isa, const double *y, const size_t *shape, size_t ndim,
                                    size_t axis, double spacing, int derivative, int accuracy,
                                    double *out, size_t out_length);

/* The Laplacian (sum over axes of second derivatives, axis 0 first) with per-axis spacing. */
DN_API dn_status dn_grid_laplacian(dn_isa isa, const double *y, const size_t *shape, size_t ndim,
                                   const double *spacing, int accuracy, double *out, size_t out_length);

/* Part `part` of `parts` (part < parts, else DN_ERR_INVALID_ARGUMENT) of dn_grid_derivative or
 * dn_grid_laplacian: only the output elements whose index along axis 0 lies in
 * [shape[0]·part/parts, shape[0]·(part+1)/parts) (the samples themselves for a 1-D array). Parts
 * write disjoint elements and together give exactly the whole call's output, bit for bit, so a
 * caller can run them on threads of its own. Otherwise the same arguments and checks. */
DN_API dn_status dn_grid_derivative_part(dn_isa isa, const double *y, const size_t *shape, size_t ndim,
                                         size_t axis, double spacing, int derivative, int accuracy,
                                         size_t part, size_t parts, double *out, size_t out_length);
DN_API dn_status dn_grid_laplacian_part(dn_isa isa, const double *y, const size_t *shape, size_t ndim,
                                        const double *spacing, int accuracy, size_t part, size_t parts,
                                        double *out, size_t out_length);

/* ---- function differentiation: the vector-wide arithmetic ------------------------------- */

/* Error-balancing steps: steps[i] = (x[i] + t) - x[i] with t = base_step * max(|x[i]|, scale_i),
 * scale_i = scales[i] or 1 when scales is NULL (t itself if that difference is not positive).
 * x and scales finite (scales positive), base_step finite and positive. steps may be x or scales
 * itself but must not otherwise overlap them (DN_ERR_OVERLAP). */
DN_API dn_status dn_fd_steps(dn_isa isa, const double *x, size_t n, const double *scales,
                             double base_step, double *steps, size_t steps_length);

/* Stencil combination: out[e] = (sum_j weights[j] * values[j*stride + e]) / steps[e]^derivative
 * for e < count, summed in j order. values holds npoints rows of stride (>= count) values;
 * 1 <= npoints <= 64, 1 <= derivative <= 16. out must not overlap values, weights or steps. */
DN_API dn_status dn_fd_combine(dn_isa isa, const double *values, size_t values_length, size_t stride,
                               const double *weights, size_t npoints, const double *steps,
                               size_t count, int derivative, double *out, size_t out_length);

/* Dense symmetric Hessian (n x n, row-major) from second differences of f at x:
 * H[i][i] = ((plus[i] + minus[i]) - 2*centre) / (h_i*h_i) and
 * H[i][j] = H[j][i] = (((pp - pm) - mp) + mm) / ((4*h_i)*h_j), where pp, pm, mp, mm hold
 * f(x +- h_i e_i +- h_j e_j) for i < j packed row by row (n(n-1)/2 each). hessian must not
 * overlap any input (DN_ERR_OVERLAP). */
DN_API dn_status dn_assemble_hessian(dn_isa isa, size_t n, double centre, const double *plus,
                                     const double *minus, const double *pp, const double *pm,
                                     const double *mp, const double *mm, size_t pairs_length,
                                     const double *steps, double *hessian, size_t hessian_length);

/* One level of Ridders' extrapolation applied entry by entry (count entries, column-major
 * tables: column j occupies [j*count, (j+1)*count)). current's column 0 holds this level's
 * estimates; columns 1..level are computed as c + (c - l) / denominators[j-1] from current's and
 * previous's column j-1, and wherever max(|v - c|, |v - l|) <= error[e] the entry's best, error
 * and best_level (the level, as a double) are updated. Level 0 initialises best = estimates,
 * error = +infinity, best_level = 0. Lengths: previous level*count, current (level+1)*count,
 * denominators level, best, error and best_level count. No two of the six buffers may overlap
 * (DN_ERR_OVERLAP). */
DN_API dn_status dn_richardson_level(dn_isa isa, size_t count, int level, const double *previous,
                                     size_t previous_length, double *current, size_t current_length,
                                     const double *denominators, size_t denominators_length,
                                     double *best, double *error, double *best_level, size_t length);

/* Sparse decompression of coloured differences: out[e] = (sum_j weights[j] *
 * values[j*stride + sources[e]]) / steps[columns[e]] for e < count, summed in j order (the
 * operations of dn_fd_combine for one entry). values holds npoints rows of stride values (row j:
 * the perturbed outputs of stencil point j, every colour); 0 <= sources[e] < stride and
 * 0 <= columns[e] < steps_length, else DN_ERR_INVALID_ARGUMENT; 1 <= npoints <= 64. out must not
 * overlap values, weights, steps, sources or columns (DN_ERR_OVERLAP). */
DN_API dn_status dn_sparse_combine(dn_isa isa, const double *values, size_t values_length, size_t stride,
                                   const double *weights, size_t npoints, const int32_t *sources,
                                   const int32_t *columns, size_t count, const double *steps,
                                   size_t steps_length, double *out, size_t out_length);

/* The perturbed points of a batch function, rows of n coordinates into out[0..rows*n): row r is
 * x + t[r]*direction (product, then sum; nothing fused) where t is given and t[r] != 0, else a
 * copy of x; then out[r*n + index[k]] += delta[k] for k from row_start[r] to row_start[r+1] - 1,
 * in that order. row_start has rows + 1 non-decreasing entries in [0, deltas] (index and delta
 * have deltas entries) and 0 <= index[k] < n, else DN_ERR_INVALID_ARGUMENT. direction (n) and t
 * (rows) may be NULL, but t needs direction. out must not overlap any input (DN_ERR_OVERLAP).
 * rows or n zero: nothing to write, DN_OK before any other check. */
DN_API dn_status dn_fd_points(dn_isa isa, const double *x, size_t n, const double *direction, const double *t,
                              size_t rows, const int32_t *row_start, const int32_t *index, const double *delta,
                              size_t deltas, double *out, size_t out_length);

/* ---- machine learning: activations and softmax ------------------------------------------ */

/* Elementwise activations. Values are stable: everything is built on e^-|x|, so nothing
 * overflows; NaN in gives NaN out. Transcendental ones use the library's own exp, expm1 and log1p
 * (about 1 ulp), the exact GELU its own polynomial pieces for Phi, so every ISA gives the same
 * bits. Derivatives are taken at x. Every NaN that an activation, softmax or backward pass here
 * returns is the one canonical NaN, bits 0xFFF8000000000000 (float: 0xFFC00000), whichever NaN
 * came in, so NaN results too are the same bits on every ISA. */
typedef enum dn_activation {
    DN_ACTIVATION_RELU = 0,       /* max(x, 0); derivative 1 for x > 0, else 0 */
    DN_ACTIVATION_LEAKY_RELU = 1, /* x, or alpha x for x < 0; derivative 1 for x > 0, else alpha */
    DN_ACTIVATION_ELU = 2,        /* x, or alpha (e^x - 1) for x <= 0; derivative alpha e^x there */
    DN_ACTIVATION_SELU = 3,       /* scale * ELU with the SELU paper's alpha and scale (alpha ignored) */
    DN_ACTIVATION_SIGMOID = 4,    /* 1 / (1 + e^-x) */
    DN_ACTIVATION_TANH = 5,
    DN_ACTIVATION_SOFTPLUS = 6,   /* log(1 + e^x) */
    DN_ACTIVATION_SILU = 7,       /* x sigmoid(x) */
    DN_ACTIVATION_GELU_TANH = 8,  /* x/2 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) */
    DN_ACTIVATION_GELU = 9        /* exact: x Phi(x), Phi the standard normal CDF; derivative Phi(x) + x phi(x) */
} dn_activation;

/* The activation kind of x[0..n) into value[0..value_length) and/or
 * derivative[0..derivative_length): either may be NULL (then its length is ignored), not both.
 * alpha is the slope of leaky ReLU and ELU's alpha, finite; other kinds ignore it. An output may
 * be x itself (in place) but must not otherwise overlap x or the other output. */
DN_API dn_status dn_activate(dn_isa isa, dn_activation kind, double alpha, const double *x, size_t n,
                             double *value, size_t value_length, double *derivative, size_t derivative_length);

/* Softmax (log_form 0) or log-softmax (log_form 1) of each of `rows` rows of `cols` values in
 * x[0..rows*cols), written to y[0..y_length), y not overlapping x. The row maximum is subtracted
 * first, and log-softmax is (x - max) - log1p(sum of the other terms), so [1000, 0] gives exactly
 * [0, -1000]. The maxima share a row equally, +inf ones too (a maximum's x - max counts as 0):
 * [inf, inf, 0] gives [1/2, 1/2, 0], log-softmax [-log 2, -log 2, -inf]. A row with a NaN, or all
 * -inf, gives NaN throughout. */
DN_API dn_status dn_softmax(dn_isa isa, int log_form, const double *x, size_t rows, size_t cols,
                            double *y, size_t y_length);

/* The backward pass of dn_softmax as a vector-Jacobian product, row by row: from the forward
 * output y and the upstream gradient g (both rows*cols), dx = J^T g, i.e. y (g - g.y) for softmax
 * and g - e^y sum(g) for log-softmax. dx may be g or y itself but must not otherwise overlap them. */
DN_API dn_status dn_softmax_backward(dn_isa isa, int log_form, const double *y, const double *g, size_t rows,
                                     size_t cols, double *dx, size_t dx_length);

/* Float twins of dn_activate, dn_softmax and dn_softmax_backward, with the same arguments,
 * checks and aliasing rules on float buffers (lengths count floats). Each float is widened to
 * double, the double algorithm runs on it, and every result is rounded once to float: within 1
 * float ulp of the true value wherever the double result is within 4 double ulp, and the same bits
 * on every ISA. alpha stays a double. */
DN_API dn_status dn_activate_f32(dn_isa isa, dn_activation kind, double alpha, const float *x, size_t n,
                                 float *value, size_t value_length, float *derivative, size_t derivative_length);
DN_API dn_status dn_softmax_f32(dn_isa isa, int log_form, const float *x, size_t rows, size_t cols,
                                float *y, size_t y_length);
DN_API dn_status dn_softmax_backward_f32(dn_isa isa, int log_form, const float *y, const float *g, size_t rows,
                                         size_t cols, float *dx, size_t dx_length);

/* The backward pass of an activation on floats: gradient[i] = upstream[i] * f'(x[i]), the
 * derivative and the product in double, rounded once. x and upstream hold n floats; gradient may be
 * x or upstream itself but must not otherwise overlap them. Checks as dn_activate. */
DN_API dn_status dn_activate_backward_f32(dn_isa isa, dn_activation kind, double alpha, const float *x,
                                          const float *upstream, size_t n, float *gradient, size_t gradient_length);

/* ---- stencils ----------------------------------------------------------------------------- */

#define DN_FD_MAX_POINTS 64
#define DN_FD_MAX_DERIVATIVE 16

/* Finite-difference weights for the derivative-th derivative at x0 from samples at offsets[0..n)
 * (Fornberg 1988): f^(d)(x0) ~= sum_j weights[j] f(offsets[j]). Offsets must be finite and
 * distinct, 1 <= n <= DN_FD_MAX_POINTS, 0 <= derivative < n and derivative <= DN_FD_MAX_DERIVATIVE.
 * The recursion runs in double-double on the exact offsets - x0 scaled by a power of two to unit
 * size, and each weight is rounded once, so weights are correctly rounded (barring exact values
 * within about 2^-100 relative of a rounding boundary) at any spacing; offsets symmetric about x0
 * (in any order) give exactly symmetric weights for even derivatives and antisymmetric ones, 0 at
 * x0, for odd ones. Correctly rounded weights of derivative >= 1 need not sum to exactly 0 in
 * double (the central 5-point first derivative sums to 3 * 2^-56 in index order).
 * DN_ERR_INVALID_ARGUMENT, weights untouched, also when an offsets[j] - x0 overflows, or it or its
 * rounding error is below 2^-1022 of the widest (it cannot be scaled to unit size exactly), or a
 * nonzero weight would overflow or fall below DBL_MIN (e.g. derivative 1 at spacing 1e-310,
 * derivative 4 at spacing 1e-80 or 1e80).
 * The managed reference performs the same operations, so both give the same bits. */
DN_API dn_status dn_finite_difference_weights(int derivative, const double *offsets, size_t n, double x0,
                                              double *weights, size_t weights_length);

#ifdef __cplusplus
}
#endif

#endif /* DIFFNATIVE_DIFFNATIVE_H */
