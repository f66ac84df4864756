#!/usr/bin/env python3
"""Writes gelu_exact.json: the exact GELU x*Phi(x) and its derivative Phi(x) + x*phi(x) at about
4,000 doubles, correctly rounded from mpmath at 60 digits, for the native kernels' accuracy tests.

Run once from this folder (python3 generate_gelu_exact.py > gelu_exact.json). The points cover the
whole double range with weight where the kernel changes method (|x| = 0.75, the piece edges every
1/8 up to 10.75, the tail) and where results become subnormal and then zero (x near -38.6). Each
row also carries `scale` = |Phi(x)| + |x phi(x)|: the derivative crosses zero at x = -0.7518, where
no double algorithm keeps relative accuracy, and the tests allow a few ulp of the scale there.
"""
import json
import math
import random

import mpmath as mp

from generate_activations import correctly_rounded

mp.mp.dps = 60


def inputs():
    rng = random.Random(20261127)
    points = {0.0, 5e-324, -5e-324, 2.2250738585072014e-308, -2.2250738585072014e-308, 1e300, -1e300,
              1.7976931348623157e308, -1.7976931348623157e308, 1e3, -1e3, 1e10, -1e10, 40.0, -40.0, 39.0, -39.0}
    for e in range(-323, 3):
        for m in (1.0, 3.0):
            points.update((m * 10.0 ** e, -m * 10.0 ** e))
    # every piece edge of the kernel (width 1/8 from 0.75, the tail from 10.75) and its neighbours
    for k in range(0, 81):
        edge = 0.75 + k / 8
        for v in (edge, math.nextafter(edge, 0.0), math.nextafter(edge, math.inf)):
            points.update((v, -v))
    points.update(rng.uniform(-40.0, 40.0) for _ in range(1200))
    points.update(rng.uniform(-9.0, 9.0) for _ in range(1200))
    points.update(rng.uniform(-1.0, 1.0) for _ in range(400))
    points.update(rng.uniform(-0.8, -0.7) for _ in range(100))  # the derivative's root
    points.update(rng.uniform(-38.8, -37.0) for _ in range(300))  # subnormal results, then zero
    points.update(rng.uniform(5.0, 40.0) for _ in range(200))  # Phi(x) = 1 - tiny
    return sorted(points)


def rows():
    out = []
    for x in inputs():
        if abs(x) >= 100:
            # mpmath's erfc cannot take these; Phi(x) is 1 or 0 to far beyond 60 digits, so the
            # correctly rounded values are x and 1 above, and -0 (negative, below 2^-1075) below.
            out.append({'x': repr(x), 'value': repr(x if x > 0 else -0.0), 'derivative': repr(1.0 if x > 0 else -0.0),
                        'scale': repr(1.0 if x > 0 else 0.0)})
            continue
        xm = mp.mpf(x)
        cdf, pdf = mp.ncdf(xm), mp.npdf(xm)
        out.append({'x': repr(x), 'value': repr(correctly_rounded(xm * cdf)),
                    'derivative': repr(correctly_rounded(cdf + xm * pdf)),
                    'scale': repr(correctly_rounded(abs(cdf) + abs(xm * pdf)))})
    return out


if __name__ == '__main__':
    print(json.dumps({'source': f'mpmath {mp.__version__} at 60 digits; generate_gelu_exact.py', 'gelu': rows()}, indent=0))
