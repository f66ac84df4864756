/* Per-ISA kernel tables. Each kernel is one source compiled once per ISA (a file under kernels/ with that
 * ISA's flags), giving functions suffixed _scalar, _avx2, _avx512; the tables in
 * kernel_tables.c gather them. Kernels do no argument checking: the public API in api_*.c does it
 * once for every ISA. */
#ifndef DIFFNATIVE_KERNELS_H
#define DIFFNATIVE_KERNELS_H

#include <stddef.h>
#include <stdint.h>

#include "diffnative/diffnative.h"

/* Stencils of a uniform grid derivative, built once per call (api_grid.c) from Fornberg weights
 * already divided by h^d: a central stencil of half-width m for the interior (zero weights dropped)
 * and, for the m points nearest each end, one-sided stencils of ke points of the same accuracy. */
#define DN_GRID_MAX_POINTS 16
typedef struct dn_grid_stencils {
    size_t m;                                      /* points at each end that use edge stencils */
    size_t kc;                                     /* active central weights */
    double cc[DN_GRID_MAX_POINTS];                 /* central weights / h^d */
    ptrdiff_t oc[DN_GRID_MAX_POINTS];              /* their offsets */
    size_t ke;                                     /* points of each edge stencil */
    double left[DN_GRID_MAX_POINTS / 2][DN_GRID_MAX_POINTS];  /* point i < m uses samples 0..ke-1 */
    double right[DN_GRID_MAX_POINTS / 2][DN_GRID_MAX_POINTS]; /* point n-1-i uses samples n-ke..n-1 */
} dn_grid_stencils;

typedef struct dn_kernels {
    const char *name;
    dn_isa isa;
    /* y[0..n), n >= 3, out[0..n) not overlapping y; h finite and positive. */
    void (*sampled_gradient)(const double *y, size_t n, double h, double *out);
    /* steps[i] = (x[i] + t) - x[i], t = base * max(|x[i]|, scales ? scales[i] : 1); t if that is not > 0. */
    void (*fd_steps)(const double *x, size_t n, const double *scales, double base, double *steps);
    /* out[e] = (sum_j weights[j] * values[j*stride + e]) / steps[e]^derivative, e < count. */
    void (*fd_combine)(const double *values, size_t stride, const double *weights, size_t npoints,
                       const double *steps, size_t count, int derivative, double *out);
    /* Dense symmetric Hessian from second differences; pairs packed row by row over i < j. */
    void (*assemble_hessian)(size_t n, double centre, const double *plus, const double *minus,
                             const double *pp, const double *pm, const double *mp, const double *mm,
                             const double *steps, double *hessian);
    /* One level of Ridders' extrapolation over count entries (see dn_richardson_level). */
    void (*richardson_level)(size_t count, int level, const double *previous, double *current,
                             const double *denominators, double *best, double *error, double *best_level);
    /* out (+)= the derivative along `lines` interleaved lines of n samples (sample i of line l at
     * y[i*lines + l]; one line for the last axis), for samples first <= i < last only: the rows
     * of a block of an inner axis, or the points of the single line. Any split of [0, n) into
     * ranges gives the same bits as one call over all of it. */
    void (*grid_lines)(const double *y, size_t n, size_t lines, const dn_grid_stencils *s, int accumulate,
                       size_t first, size_t last, double *out);
    /* The 2-D Laplacian fused row by row (same bits as one pass per axis), rows first <= r < last
     * only. stream: write with cache-bypassing stores, for outputs larger than the caches (same
     * bits either way). */
    void (*grid_laplacian_2d)(const double *y, size_t rows, size_t cols, const dn_grid_stencils *s0,
                              const dn_grid_stencils *s1, int stream, size_t first, size_t last, double *out);
    /* Elementwise activation kind (dn_activation) of x[0..n) into value and/or derivative (either
     * may be NULL); each may equal x but not partly overlap it. */
    void (*activate)(int kind, double alpha, const double *x, size_t n, double *value, double *derivative);
    /* Softmax (log_form 0) or log-softmax (1) of each of rows rows of cols; y does not overlap x. */
    void (*softmax_rows)(const double *x, size_t rows, size_t cols, double *y, int log_form);
    /* Their backward passes: dx = J^T g per row from the forward output y; dx may equal g or y. */
    void (*softmax_backward_rows)(const double *y, const double *g, size_t rows, size_t cols, double *dx, int log_form);
    /* The float twins of activate, softmax_rows and softmax_backward_rows: the double kernel on
     * widened values, rounded once to float; same aliasing rules. activate_backward_f32 writes
     * gradient = upstream * f'(x) (gradient may equal x or upstream). */
    void (*activate_f32)(int kind, double alpha, const float *x, size_t n, float *value, float *derivative);
    void (*activate_backward_f32)(int kind, double alpha, const float *x, const float *upstream, size_t n, float *gradient);
    void (*softmax_rows_f32)(const float *x, size_t rows, size_t cols, float *y, int log_form);
    void (*softmax_backward_rows_f32)(const float *y, const float *g, size_t rows, size_t cols, float *dx, int log_form);
    /* Sparse decompression (see dn_sparse_combine); indices already checked. */
    void (*sparse_combine)(const double *values, size_t stride, const double *weights, size_t npoints,
                           const int32_t *sources, const int32_t *columns, const double *steps, size_t count, double *out);
    /* Perturbed points for a batch function (see dn_fd_points); CSR and indices already checked. */
    void (*fd_points)(const double *x, size_t n, const double *direction, const double *t, size_t rows,
                      const int32_t *row_start, const int32_t *index, const double *delta, double *out);
} dn_kernels;

#define DN_DECLARE_KERNELS(isa)                                                                   \
    void dn_sampled_gradient_##isa(const double *y, size_t n, double h, double *out);             \
    void dn_fd_steps_##isa(const double *x, size_t n, const double *scales, double base, double *steps); \
    void dn_fd_combine_##isa(const double *values, size_t stride, const double *weights, size_t npoints, \
                             const double *steps, size_t count, int derivative, double *out);     \
    void dn_assemble_hessian_##isa(size_t n, double centre, const double *plus, const double *minus, \
                                   const double *pp, const double *pm, const double *mp, const double *mm, \
                                   const double *steps, double *hessian);                         \
    void dn_richardson_level_##isa(size_t count, int level, const double *previous, double *current, \
                                   const double *denominators, double *best, double *error, double *best_level); \
    void dn_activate_##isa(int kind, double alpha, const double *x, size_t n, double *value, double *derivative); \
    void dn_softmax_rows_##isa(const double *x, size_t rows, size_t cols, double *y, int log_form);         \
    void dn_softmax_backward_rows_##isa(const double *y, const double *g, size_t rows, size_t cols, double *dx, int log_form); \
    void dn_sparse_combine_##isa(const double *values, size_t stride, const double *weights, size_t npoints, \
                                 const int32_t *sources, const int32_t *columns, const double *steps, size_t count, double *out); \
    void dn_fd_points_##isa(const double *x, size_t n, const double *direction, const double *t, size_t rows, \
                            const int32_t *row_start, const int32_t *index, const double *delta, double *out);

#define DN_DECLARE_F32_KERNELS(isa) \
    void dn_activate_f32_##isa(int kind, double alpha, const float *x, size_t n, float *value, float *derivative); \
    void dn_activate_backward_f32_##isa(int kind, double alpha, const float *x, const float *upstream, size_t n, float *gradient); \
    void dn_softmax_rows_f32_##isa(const float *x, size_t rows, size_t cols, float *y, int log_form); \
    void dn_softmax_backward_rows_f32_##isa(const float *y, const float *g, size_t rows, size_t cols, float *dx, int log_form);
DN_DECLARE_F32_KERNELS(scalar)
DN_DECLARE_F32_KERNELS(scalar_fma)
DN_DECLARE_F32_KERNELS(avx2)
DN_DECLARE_F32_KERNELS(avx512)

#define DN_DECLARE_GRID_KERNELS(isa) \
    void dn_grid_lines_##isa(const double *y, size_t n, size_t lines, const dn_grid_stencils *s, int accumulate, \
                             size_t first, size_t last, double *out); \
    void dn_grid_laplacian_2d_##isa(const double *y, size_t rows, size_t cols, const dn_grid_stencils *s0, \
                                    const dn_grid_stencils *s1, int stream, size_t first, size_t last, double *out);
DN_DECLARE_GRID_KERNELS(scalar)
DN_DECLARE_GRID_KERNELS(scalar_fma)
DN_DECLARE_GRID_KERNELS(avx2)
DN_DECLARE_GRID_KERNELS(avx512)

DN_DECLARE_KERNELS(scalar)
DN_DECLARE_KERNELS(scalar_fma)
DN_DECLARE_KERNELS(avx2)
DN_DECLARE_KERNELS(avx512)

extern const dn_kernels dn_kernels_scalar;
#if defined(DN_HAVE_SCALAR_FMA)
/* The scalar ISA's kernels compiled with -mfma: same bits, fma() one instruction (needs FMA and AVX). */
extern const dn_kernels dn_kernels_scalar_fma;
#endif
#if defined(DN_HAVE_AVX2)
extern const dn_kernels dn_kernels_avx2;
#endif
#if defined(DN_HAVE_AVX512)
extern const dn_kernels dn_kernels_avx512;
#endif

/* The table of a compiled ISA, or NULL when this build lacks it. Touches no global state. For the
 * scalar ISA: the hardware-FMA table when it is compiled and this CPU can run it, else the plain one. */
const dn_kernels *dn_kernels_for(dn_isa isa);

/* The table to use for isa: DN_ISA_ACTIVE resolves to the active table (choosing it on first
 * use); a concrete ISA must be compiled and runnable. */
dn_status dn_resolve_kernels(dn_isa isa, const dn_kernels **kernels);

#endif
