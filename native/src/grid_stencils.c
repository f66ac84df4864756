#include "grid_stencils.h"

#include <math.h>

static double power_of(double h, int d)
{
    double p = h;
    for (int k = 1; k < d; ++k) p *= h;
    return p;
}

static dn_status build(int d, int p, double spacing, dn_grid_stencils *s, size_t *min_samples);

/* A few recent stencil sets per thread: building one runs Fornberg's recursion up to nine times,
 * which costs microseconds, a noticeable share of a call on an in-cache array. */
#define CACHE_SIZE 4
static _Thread_local struct {
    int d, p, valid;
    double spacing;
    size_t min_samples;
    dn_grid_stencils s;
} cache[CACHE_SIZE];
static _Thread_local unsigned next_slot;

dn_status dn_build_grid_stencils(int d, int p, double spacing, dn_grid_stencils *s, size_t *min_samples)
{
    for (unsigned k = 0; k < CACHE_SIZE; ++k) {
        if (cache[k].valid && cache[k].d == d && cache[k].p == p && cache[k].spacing == spacing) {
            *s = cache[k].s;
            *min_samples = cache[k].min_samples;
            return DN_OK;
        }
    }
    const dn_status st = build(d, p, spacing, s, min_samples);
    if (st == DN_OK) {
        const unsigned k = next_slot++ % CACHE_SIZE;
        cache[k].d = d;
        cache[k].p = p;
        cache[k].spacing = spacing;
        cache[k].min_samples = *min_samples;
        cache[k].s = *s;
        cache[k].valid = 1;
    }
    return st;
}

static dn_status build(int d, int p, double spacing, dn_grid_stencils *s, size_t *min_samples)
{
    if (d < 1 || d > 4 || (p != 2 && p != 4 && p != 6 && p != 8)) return DN_ERR_INVALID_ARGUMENT;
    if (!isfinite(spacing) || !(spacing > 0)) return DN_ERR_INVALID_STEP;
    const double hd = power_of(spacing, d);
    if (!isfinite(hd) || hd == 0.0) return DN_ERR_INVALID_STEP;

    const size_t kc = (size_t)(2 * ((d + 1) / 2) - 1 + p), m = (kc - 1) / 2, ke = (size_t)(d + p);
    double offsets[DN_GRID_MAX_POINTS], w[DN_GRID_MAX_POINTS];
    for (size_t j = 0; j < kc; ++j) offsets[j] = (double)j - (double)m;
    dn_status st = dn_finite_difference_weights(d, offsets, kc, 0.0, w, DN_GRID_MAX_POINTS);
    if (st != DN_OK) return st;
    s->kc = 0;
    for (size_t j = 0; j < kc; ++j) {
        if (w[j] == 0.0) continue;
        s->cc[s->kc] = w[j] / hd;
        s->oc[s->kc] = (ptrdiff_t)j - (ptrdiff_t)m;
        s->kc++;
    }
    s->m = m;
    s->ke = ke;
    for (size_t j = 0; j < ke; ++j) offsets[j] = (double)j;
    for (size_t i = 0; i < m; ++i) {
        /* left: samples 0..ke-1 evaluated at i; right: samples n-ke..n-1 at n-1-i, i.e. ke-1-i */
        st = dn_finite_difference_weights(d, offsets, ke, (double)i, w, DN_GRID_MAX_POINTS);
        if (st != DN_OK) return st;
        for (size_t j = 0; j < ke; ++j) s->left[i][j] = w[j] / hd;
        st = dn_finite_difference_weights(d, offsets, ke, (double)(ke - 1 - i), w, DN_GRID_MAX_POINTS);
        if (st != DN_OK) return st;
        for (size_t j = 0; j < ke; ++j) s->right[i][j] = w[j] / hd;
    }
    *min_samples = kc > ke ? kc : ke;
    return DN_OK;
}
