#!/usr/bin/env python3
"""Writes erf.json: erf, erfc and the normal CDF at a few hundred doubles, from mpmath at 50 digits.

Run once from this folder (python3 generate_erf.py > erf.json); the output is committed so that
the tests need no Python. Every number is written with repr, which round-trips exactly, and every
expected value is the correctly rounded double of the true value (subnormals included).
"""
import json
import math
import random
from fractions import Fraction

import mpmath as mp

mp.mp.dps = 50


def correctly_rounded(value):
    """mpf -> nearest double; float(mpf) would round twice for subnormal results."""
    sign, mantissa, exponent, _ = mp.mpf(value)._mpf_
    if not mantissa:
        return 0.0
    magnitude = float(Fraction(int(mantissa)) * Fraction(2) ** int(exponent))
    return -magnitude if sign else magnitude


def neighbours(x):
    return [math.nextafter(x, -math.inf), x, math.nextafter(x, math.inf)]


def inputs():
    points = set()
    # Tiny and subnormal arguments, where erf(x) = 2x/sqrt(pi) must not underflow early.
    for tiny in (5e-324, 1e-320, 1e-310, 2.2250738585072014e-308, 1e-300, 1e-200, 1e-100, 1e-20,
                 2.0 ** -28, 1e-8, 1e-4, 0.01, 0.1):
        points.update((tiny, -tiny))
    points.add(0.0)
    # Where algorithms commonly switch formula (fdlibm, Cody, ours), and a step either side.
    for edge in (0.25, 0.4769362762044699, 0.5, 0.84375, 1.0, 1.25, 1.5, 2.25, 1 / 0.35, 3.0, 4.0,
                 5.0, 5.9215871957945075, 6.0, 10.0, 26.5, 26.55, 27.0, 27.2, 27.226, 27.3, 28.0):
        for x in neighbours(edge):
            points.update((x, -x))
    # An even grid over [-30, 30] and random doubles across it.
    points.update(k / 4 for k in range(-120, 121))
    rng = random.Random(20240517)
    points.update(rng.uniform(-30.0, 30.0) for _ in range(150))
    points.update(rng.uniform(-3.0, 3.0) for _ in range(100))
    # The normal CDF's far left tail, down to where it underflows.
    points.update((-32.5, -35.0, -37.5, -38.0, -38.4, -38.5, -39.0, -40.0))
    return sorted(points)


def main():
    rows = []
    for x in inputs():
        exact = mp.mpf(x)
        rows.append({
            "x": x,
            "erf": correctly_rounded(mp.erf(exact)),
            "erfc": correctly_rounded(mp.erfc(exact)),
            "normalCdf": correctly_rounded(mp.erfc(-exact / mp.sqrt(2)) / 2),
        })
    # One point a line keeps the file readable and its diffs small.
    print('{"source": ' + json.dumps(f"mpmath {mp.__version__} at 50 digits; generate_erf.py") + ',')
    print(' "points": [')
    print(",\n".join("  " + json.dumps(row) for row in rows))
    print(" ]}")


if __name__ == "__main__":
    main()
