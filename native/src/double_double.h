/* Double-double arithmetic (Dekker, Bailey's QD): a value hi + lo with |lo| <= ulp(hi)/2, about
 * 106 bits. Error-free transformations with fma() written out, so that the library's
 * -ffp-contract=off build and the managed twin (Reference/DoubleDouble.cs) round identically. */
#ifndef DIFFNATIVE_DOUBLE_DOUBLE_H
#define DIFFNATIVE_DOUBLE_DOUBLE_H

#include <math.h>

typedef struct {
    double hi, lo;
} dn_dd;

static inline dn_dd dn_dd_of(double a)
{
    const dn_dd r = {a, 0.0};
    return r;
}

/* a + b exactly, when |a| >= |b| or a == 0. */
static inline dn_dd dn_dd_quick_two_sum(double a, double b)
{
    const double s = a + b;
    const dn_dd r = {s, b - (s - a)};
    return r;
}

/* a + b exactly, any magnitudes (Knuth). */
static inline dn_dd dn_dd_two_sum(double a, double b)
{
    const double s = a + b;
    const double bb = s - a;
    const dn_dd r = {s, (a - (s - bb)) + (b - bb)};
    return r;
}

/* a * b exactly (barring underflow). */
static inline dn_dd dn_dd_two_prod(double a, double b)
{
    const double p = a * b;
    const dn_dd r = {p, fma(a, b, -p)};
    return r;
}

static inline dn_dd dn_dd_neg(dn_dd a)
{
    const dn_dd r = {-a.hi, -a.lo};
    return r;
}

/* The sloppy sum (one two-sum): error O(2^-106) of |a| + |b|. */
static inline dn_dd dn_dd_add(dn_dd a, dn_dd b)
{
    const dn_dd s = dn_dd_two_sum(a.hi, b.hi);
    return dn_dd_quick_two_sum(s.hi, s.lo + (a.lo + b.lo));
}

static inline dn_dd dn_dd_sub(dn_dd a, dn_dd b)
{
    return dn_dd_add(a, dn_dd_neg(b));
}

static inline dn_dd dn_dd_mul(dn_dd a, dn_dd b)
{
    const dn_dd p = dn_dd_two_prod(a.hi, b.hi);
    return dn_dd_quick_two_sum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

static inline dn_dd dn_dd_mul_d(dn_dd a, double b)
{
    const dn_dd p = dn_dd_two_prod(a.hi, b);
    return dn_dd_quick_two_sum(p.hi, p.lo + a.lo * b);
}

/* Long division with three quotient digits (QD's accurate division), each digit taken with one
 * reciprocal of b.hi: the digits need only be close, because each remainder is formed in
 * double-double and carries their error into the next, so the quotient keeps about 106 bits. */
static inline dn_dd dn_dd_div(dn_dd a, dn_dd b)
{
    const double inverse = 1.0 / b.hi;
    const double q1 = a.hi * inverse;
    dn_dd r = dn_dd_sub(a, dn_dd_mul_d(b, q1));
    const double q2 = r.hi * inverse;
    r = dn_dd_sub(r, dn_dd_mul_d(b, q2));
    const double q3 = r.hi * inverse;
    return dn_dd_add(dn_dd_quick_two_sum(q1, q2), dn_dd_of(q3));
}

#endif
