#!/usr/bin/env python3
"""Prints the polynomial of dn_exp_neg_reduce (vmath.h) and VectorMathReference.ExpNegativeReduce:
e^r - 1 = r + r^2 P(r) on |r| <= R, with P of degree DEGREE the Chebyshev interpolant of
(e^r - 1 - r)/r^2 (mpmath, 50 digits), its coefficients rounded to double. Also prints the largest
relative error of 1 + r + r^2 P(r) against e^r with the rounded coefficients (exact arithmetic
otherwise): it must stay far below 2^-53 ~ 1.1e-16.

    python3 generate_exp_coefficients.py
"""
import os
import sys

import mpmath as mp

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "src", "DiffNative", "Functions"))
from generate_erf_coefficients import chebyshev_monomials  # noqa: E402

mp.mp.dps = 50
R = mp.mpf("0.3466")  # ln2/2 = 0.34657..., plus the low part some callers add to r
DEGREE = 9


def p_of_r(r):
    if abs(r) < mp.mpf("1e-12"):  # the quotient would cancel away at 50 digits
        return mp.mpf(1) / 2 + r / 6 + r * r / 24
    return (mp.expm1(r) - r) / r ** 2


def main():
    coefficients = [float(c) for c in chebyshev_monomials(p_of_r, -R, R, DEGREE, mp.mpf(0))]
    worst = mp.mpf(0)
    for k in range(2001):
        r = -R + 2 * R * k / 2000
        p = mp.mpf(0)
        for c in reversed(coefficients):
            p = p * r + mp.mpf(c)
        worst = max(worst, abs(1 + r + r * r * p - mp.exp(r)) / mp.exp(r))
    for j, c in reversed(list(enumerate(coefficients))):
        print(f"r^{j}: {c!r}")
    print(f"max relative error of e^r: {mp.nstr(worst, 3)}", file=sys.stderr)


if __name__ == "__main__":
    main()
