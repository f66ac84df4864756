#!/usr/bin/env python3
"""Writes finite_difference_weights_exact.json: finite-difference weights as exact fractions
rounded to the nearest double, for stencils at extreme spacings and for random irregular stencils.

Run once from this folder
(python3 generate_finite_difference_weights_exact.py > finite_difference_weights_exact.json); the output
is committed so that the tests need no Python. The weights are the exact Lagrange-derivative weights
of the given double offsets (Python fractions, solved as a Vandermonde system, independent of the
library's recursion), each rounded once to double; numbers are written with repr, which round-trips.
A stencil is "refused" when a weight rounds beyond the largest double or a nonzero one below the
smallest normal one (2^-1022), which is where FiniteDifferenceWeights.Compute refuses.
"""
import json
import math
import random
from fractions import Fraction

MIN_NORMAL = 2.0 ** -1022


def weights(derivative, offsets, at):
    """Solves sum_j w_j (x_j - at)^k / k! = [k == derivative] for k < n, exactly."""
    x = [Fraction(o) - Fraction(at) for o in offsets]
    n = len(x)
    rows = [[xj ** k / math.factorial(k) for xj in x] + [Fraction(int(k == derivative))] for k in range(n)]
    for c in range(n):
        p = next(r for r in range(c, n) if rows[r][c] != 0)
        rows[c], rows[p] = rows[p], rows[c]
        for r in range(n):
            if r != c and rows[r][c] != 0:
                f = rows[r][c] / rows[c][c]
                rows[r] = [a - f * b for a, b in zip(rows[r], rows[c])]
    return [rows[j][n] / rows[j][j] for j in range(n)]


def entry(derivative, offsets, at, **extra):
    exact = weights(derivative, offsets, at)
    e = {"derivative": derivative, "offsets": offsets, "at": at, **extra}
    try:
        rounded = [float(w) for w in exact]
    except OverflowError:
        e["refused"] = "overflow"
        return e
    if any(w != 0 and abs(r) < MIN_NORMAL for w, r in zip(exact, rounded)):
        e["refused"] = "underflow"
    else:
        e["weights"] = rounded
    return e


def scaled():
    shapes = [[-1, 0, 1], [-2, -1, 0, 1, 2], [-2, -1, 0, 0.5, 3], [-3, -1.5, -0.25, 0, 1, 2.75, 4]]
    out = []
    for h in [1e-60, 1e-100, 1e-160, 1e-200, 1e-300, 1e150]:
        for base in shapes:
            for d in range(1, min(len(base), 5)):
                offsets = [b * h for b in base]
                unit = [float(w) for w in weights(d, base, 0)]
                out.append(entry(d, offsets, 0.0, spacing=h, unit_offsets=base, unit_weights=unit))
    return out


def irregular():
    rng = random.Random(20240607)
    out = []
    for _ in range(300):
        n = rng.randint(2, 12)
        d = rng.randint(0, min(n - 1, 6))
        offsets = set()
        while len(offsets) < n:
            offsets.add(round(rng.uniform(-5, 5), rng.choice([1, 3, 17])))
        offsets = sorted(offsets)
        if rng.random() < 0.5:
            rng.shuffle(offsets)
        at = rng.choice([0.0, offsets[0], 0.25, rng.uniform(-1, 1)])
        scale = rng.choice([1.0, 1e-120, 1e90])
        out.append(entry(d, [o * scale for o in offsets], at * scale))
    return out


print(json.dumps({
    "source": "generate_finite_difference_weights_exact.py: exact Vandermonde solves in Python fractions on the double offsets, rounded once",
    "scaled": scaled(),
    "irregular": irregular(),
}, indent=0))
