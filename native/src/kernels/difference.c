/* The vector-wide arithmetic of function differentiation: steps, stencil combination, Hessian
 * assembly. One source, compiled once per ISA; each loop has a vector body and a scalar tail that
 * performs the same operations, and the managed reference (Reference/DifferenceKernelsReference.cs)
 * does them in the same order, so every path gives the same bits. */
#include <math.h>

#include "../kernels.h"
#include "simd.h"

static inline double step_one(double x, double scale, double base)
{
    const double ax = x < 0 ? -x : x;
    const double t = base * (ax > scale ? ax : scale);
    const double h = (x + t) - x;
    return h > 0 ? h : t;
}

void DN_ISA_SUFFIX(dn_fd_steps)(const double *x, size_t n, const double *scales, double base, double *steps)
{
    size_t i = 0;
#if DN_LANES > 1
    const dn_vec vbase = dn_set1(base), one = dn_set1(1.0);
    for (; i + DN_LANES <= n; i += DN_LANES) {
        const dn_vec vx = dn_load(x + i);
        const dn_vec scale = scales ? dn_load(scales + i) : one;
        const dn_vec t = dn_mul(vbase, dn_max_gt(dn_abs(vx), scale));
        const dn_vec h = dn_sub(dn_add(vx, t), vx);
        dn_store(steps + i, dn_positive_or(h, t));
    }
#endif
    for (; i < n; ++i)
        steps[i] = step_one(x[i], scales ? scales[i] : 1.0, base);
}

static inline double power_of(double h, int derivative)
{
    double p = h;
    for (int k = 1; k < derivative; ++k) p *= h;
    return p;
}

void DN_ISA_SUFFIX(dn_fd_combine)(const double *values, size_t stride, const double *weights, size_t npoints,
                                 const double *steps, size_t count, int derivative, double *out)
{
    size_t e = 0;
#if DN_LANES > 1
    for (; e + DN_LANES <= count; e += DN_LANES) {
        dn_vec sum = dn_set1(0.0);
        for (size_t j = 0; j < npoints; ++j)
            sum = dn_add(sum, dn_mul(dn_set1(weights[j]), dn_load(values + j * stride + e)));
        const dn_vec h = dn_load(steps + e);
        dn_vec p = h;
        for (int k = 1; k < derivative; ++k) p = dn_mul(p, h);
        dn_store(out + e, dn_div(sum, p));
    }
#endif
    for (; e < count; ++e) {
        double sum = 0.0;
        for (size_t j = 0; j < npoints; ++j)
            sum += weights[j] * values[j * stride + e];
        out[e] = sum / power_of(steps[e], derivative);
    }
}

void DN_ISA_SUFFIX(dn_assemble_hessian)(size_t n, double centre, const double *plus, const double *minus,
                                       const double *pp, const double *pm, const double *mp, const double *mm,
                                       const double *steps, double *hessian)
{
    const double twice_centre = 2.0 * centre;
    size_t p = 0;
    for (size_t i = 0; i < n; ++i) {
        const double hi = steps[i];
        hessian[i * n + i] = ((plus[i] + minus[i]) - twice_centre) / (hi * hi);
        const double four_hi = 4.0 * hi;
        size_t j = i + 1;
#if DN_LANES > 1
        const dn_vec vfour_hi = dn_set1(four_hi);
        for (; j + DN_LANES <= n; j += DN_LANES, p += DN_LANES) {
            const dn_vec v = dn_add(dn_sub(dn_sub(dn_load(pp + p), dn_load(pm + p)), dn_load(mp + p)), dn_load(mm + p));
            const dn_vec value = dn_div(v, dn_mul(vfour_hi, dn_load(steps + j)));
            dn_store(hessian + i * n + j, value);
            dn_store_lanes(hessian + j * n + i, n, value);
        }
#endif
        for (; j < n; ++j, ++p) {
            const double value = (((pp[p] - pm[p]) - mp[p]) + mm[p]) / (four_hi * steps[j]);
            hessian[i * n + j] = value;
            hessian[j * n + i] = value;
        }
    }
}

void DN_ISA_SUFFIX(dn_richardson_level)(size_t count, int level, const double *previous, double *current,
                                       const double *denominators, double *best, double *error, double *best_level)
{
    if (level == 0) {
        for (size_t e = 0; e < count; ++e) {
            best[e] = current[e];
            error[e] = INFINITY;
            best_level[e] = 0.0;
        }
        return;
    }
    const double lvl = (double)level;
    for (int j = 1; j <= level; ++j) {
        const double *below = current + (size_t)(j - 1) * count;
        const double *left = previous + (size_t)(j - 1) * count;
        double *column = current + (size_t)j * count;
        const double den = denominators[j - 1];
        size_t e = 0;
#if DN_LANES > 1
        const dn_vec vden = dn_set1(den), vlvl = dn_set1(lvl);
        for (; e + DN_LANES <= count; e += DN_LANES) {
            const dn_vec c = dn_load(below + e), l = dn_load(left + e);
            const dn_vec v = dn_add(c, dn_div(dn_sub(c, l), vden));
            dn_store(column + e, v);
            const dn_vec d = dn_max_gt(dn_abs(dn_sub(v, c)), dn_abs(dn_sub(v, l)));
            const dn_vec err = dn_load(error + e);
            dn_store(error + e, dn_select_le(d, err, d, err));
            dn_store(best + e, dn_select_le(d, err, v, dn_load(best + e)));
            dn_store(best_level + e, dn_select_le(d, err, vlvl, dn_load(best_level + e)));
        }
#endif
        for (; e < count; ++e) {
            const double c = below[e], l = left[e];
            const double v = c + (c - l) / den;
            column[e] = v;
            const double d1 = fabs(v - c), d2 = fabs(v - l);
            const double d = d1 > d2 ? d1 : d2;
            if (d <= error[e]) {
                error[e] = d;
                best[e] = v;
                best_level[e] = lvl;
            }
        }
    }
}
