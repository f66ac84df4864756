/* The two one-sided ends of the uniform first-derivative kernel, shared by every ISA so that
 * all paths produce the same bits. The expressions follow numpy.gradient(edge_order=2):
 * coefficients divided by h first, then summed left to right. */
#ifndef DIFFNATIVE_GRADIENT_EDGES_H
#define DIFFNATIVE_GRADIENT_EDGES_H

#include <stddef.h>

static inline void dn_sampled_gradient_edges(const double *y, size_t n, double h, double *out)
{
    const double a = -1.5 / h, b = 2.0 / h, c = -0.5 / h;
    out[0] = a * y[0] + b * y[1] + c * y[2];
    const double d = 0.5 / h, e = -2.0 / h, f = 1.5 / h;
    out[n - 1] = d * y[n - 3] + e * y[n - 2] + f * y[n - 1];
}

/* One interior point; the vector loops use the same operations lane by lane. */
static inline double dn_sampled_gradient_central(const double *y, size_t i, double two_h)
{
    return (y[i + 1] - y[i - 1]) / two_h;
}

#endif
