/* Public entry points for the vector-wide arithmetic of function differentiation. */
#include <math.h>
#include <stdint.h>

#include "kernels.h"
#include "overlap.h"

static int all_finite(const double *v, size_t n, int positive)
{
    for (size_t i = 0; i < n; ++i)
        if (!isfinite(v[i]) || (positive && !(v[i] > 0)))
            return 0;
    return 1;
}

dn_status dn_fd_steps(dn_isa isa, const double *x, size_t n, const double *scales, double base_step,
                      double *steps, size_t steps_length)
{
    const dn_kernels *k = NULL;
    const dn_status resolved = dn_resolve_kernels(isa, &k);
    if (resolved != DN_OK) return resolved;
    if (n > SIZE_MAX / sizeof(double)) return DN_ERR_SIZE_OVERFLOW;
    if (!isfinite(base_step) || !(base_step > 0)) return DN_ERR_INVALID_STEP;
    if (n == 0) return DN_OK;
    if (!x || !steps) return DN_ERR_NULL_POINTER;
    if (steps_length < n) return DN_ERR_BUFFER_TOO_SMALL;
    /* Each step needs only its own x and scale, so steps may be x or scales itself; shifted over
     * either, the scalar path would read steps it had just written and the vector paths not. */
    if ((steps != x && dn_ranges_overlap(steps, n, sizeof(double), x, n, sizeof(double))) ||
        (steps != scales && dn_ranges_overlap(steps, n, sizeof(double), scales, n, sizeof(double))))
        return DN_ERR_OVERLAP;
    if (!all_finite(x, n, 0) || (scales && !all_finite(scales, n, 1))) return DN_ERR_INVALID_ARGUMENT;
    k->fd_steps(x, n, scales, base_step, steps);
    return DN_OK;
}

dn_status dn_fd_combine(dn_isa isa, const double *values, size_t values_length, size_t stride,
                        const double *weights, size_t npoints, const double *steps, size_t count,
                        int derivative, double *out, size_t out_length)
{
    const dn_kernels *k = NULL;
    const dn_status resolved = dn_resolve_kernels(isa, &k);
    if (resolved != DN_OK) return resolved;
    if (npoints == 0 || npoints > DN_FD_MAX_POINTS || derivative < 1 || derivative > DN_FD_MAX_DERIVATIVE)
        return DN_ERR_INVALID_ARGUMENT;
    if (count == 0) return DN_OK;
    if (!values || !weights || !steps || !out) return DN_ERR_NULL_POINTER;
    if (stride < count) return DN_ERR_INVALID_ARGUMENT;
    if (stride > SIZE_MAX / npoints / sizeof(double)) return DN_ERR_SIZE_OVERFLOW;
    const size_t used = (npoints - 1) * stride + count;
    if (values_length < used || out_length < count) return DN_ERR_BUFFER_TOO_SMALL;
    /* A vector path reads several outputs' values before it writes them and a scalar one does not,
     * so an output overlapping its inputs would make the ISAs disagree. */
    if (dn_doubles_overlap(out, count, values, used) || dn_doubles_overlap(out, count, weights, npoints) ||
        dn_doubles_overlap(out, count, steps, count))
        return DN_ERR_OVERLAP;
    k->fd_combine(values, stride, weights, npoints, steps, count, derivative, out);
    return DN_OK;
}

dn_status dn_assemble_hessian(dn_isa isa, size_t n, double centre, const double *plus, const double *minus,
                              const double *pp, const double *pm, const double *mp, const double *mm,
                              size_t pairs_length, const double *steps, double *hessian, size_t hessian_length)
{
    const dn_kernels *k = NULL;
    const dn_status resolved = dn_resolve_kernels(isa, &k);
    if (resolved != DN_OK) return resolved;
    if (n > 0 && n > SIZE_MAX / n / sizeof(double)) return DN_ERR_SIZE_OVERFLOW;
    if (n == 0) return DN_OK;
    if (!plus || !minus || !steps || !hessian) return DN_ERR_NULL_POINTER;
    const size_t pairs = n * (n - 1) / 2;
    if (pairs > 0 && (!pp || !pm || !mp || !mm)) return DN_ERR_NULL_POINTER;
    if (pairs_length < pairs || hessian_length < n * n) return DN_ERR_BUFFER_TOO_SMALL;
    /* Written over an input, the Hessian would change values (the steps among them, checked
     * below) that later entries still read, each ISA at a different moment. */
    const size_t d = sizeof(double), nn = n * n;
    if (dn_ranges_overlap(hessian, nn, d, plus, n, d) || dn_ranges_overlap(hessian, nn, d, minus, n, d) ||
        dn_ranges_overlap(hessian, nn, d, steps, n, d) || dn_ranges_overlap(hessian, nn, d, pp, pairs_length, d) ||
        dn_ranges_overlap(hessian, nn, d, pm, pairs_length, d) || dn_ranges_overlap(hessian, nn, d, mp, pairs_length, d) ||
        dn_ranges_overlap(hessian, nn, d, mm, pairs_length, d))
        return DN_ERR_OVERLAP;
    if (!all_finite(steps, n, 1)) return DN_ERR_INVALID_STEP;
    k->assemble_hessian(n, centre, plus, minus, pp, pm, mp, mm, steps, hessian);
    return DN_OK;
}

dn_status dn_richardson_level(dn_isa isa, size_t count, int level, const double *previous, size_t previous_length,
                              double *current, size_t current_length, const double *denominators,
                              size_t denominators_length, double *best, double *error, double *best_level, size_t length)
{
    const dn_kernels *k = NULL;
    const dn_status resolved = dn_resolve_kernels(isa, &k);
    if (resolved != DN_OK) return resolved;
    if (level < 0 || level > 64) return DN_ERR_INVALID_ARGUMENT;
    if (count > SIZE_MAX / sizeof(double) / 65) return DN_ERR_SIZE_OVERFLOW;
    if (count == 0) return DN_OK;
    if (!current || !best || !error || !best_level || (level > 0 && (!previous || !denominators)))
        return DN_ERR_NULL_POINTER;
    if (current_length < (size_t)(level + 1) * count || length < count ||
        (level > 0 && (previous_length < (size_t)level * count || denominators_length < (size_t)level)))
        return DN_ERR_BUFFER_TOO_SMALL;
    /* Four outputs and two inputs, all distinct: an output over another buffer would change
     * values (the checked denominators among them) that later entries still read. */
    const size_t d = sizeof(double), columns = (size_t)level + 1;
    const double *const outputs[4] = {current, best, error, best_level};
    const size_t output_counts[4] = {columns * count, count, count, count};
    for (int a = 0; a < 4; ++a) {
        if (dn_ranges_overlap(outputs[a], output_counts[a], d, previous, (size_t)level * count, d) ||
            dn_ranges_overlap(outputs[a], output_counts[a], d, denominators, (size_t)level, d))
            return DN_ERR_OVERLAP;
        for (int b = a + 1; b < 4; ++b)
            if (dn_ranges_overlap(outputs[a], output_counts[a], d, outputs[b], output_counts[b], d)) return DN_ERR_OVERLAP;
    }
    for (int j = 0; j < level; ++j)
        if (!isfinite(denominators[j]) || denominators[j] == 0.0) return DN_ERR_INVALID_ARGUMENT;
    k->richardson_level(count, level, previous, current, denominators, best, error, best_level);
    return DN_OK;
}
