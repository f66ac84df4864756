#!/usr/bin/env python3
"""Writes activations.json: every activation and its derivative at a few hundred doubles, and
softmax / log-softmax of a few dozen vectors, from mpmath at 60 digits.

Run once from this folder (python3 generate_activations.py > activations.json); the output is
committed so that the tests need no Python. Inputs and expected values are written with repr,
which round-trips exactly; every expected value is the correctly rounded double of the true value.

Derivatives that are a sum of terms of opposite sign (SiLU, both GELUs) cross zero; near a zero no
double algorithm is accurate in ulps, so for those each point also carries `scale`, the sum of the
terms' magnitudes, and the tests allow a few ulp of that instead.
"""
import json
import math
import random
from fractions import Fraction

import mpmath as mp

mp.mp.dps = 60

SELU_ALPHA = mp.mpf('1.6732632423543772848170429916717')
SELU_SCALE = mp.mpf('1.0507009873554804934193349852946')


def correctly_rounded(value):
    """mpf -> nearest double; float(mpf) would round twice for subnormal results."""
    value = mp.mpf(value)
    if mp.isinf(value):
        return math.inf if value > 0 else -math.inf
    sign, mantissa, exponent, _ = value._mpf_
    if not mantissa:
        return 0.0
    magnitude = float(Fraction(int(mantissa)) * Fraction(2) ** int(exponent))
    return -magnitude if sign else magnitude


def sigmoid(x):
    return 1 / (1 + mp.exp(-x))


def gelu_tanh_parts(x):
    c = mp.sqrt(2 / mp.pi)
    z = c * (x + mp.mpf('0.044715') * x ** 3)
    dz = c * (1 + 3 * mp.mpf('0.044715') * x ** 2)
    # (1 + tanh z)/2 = sigmoid(2z) and 1 - tanh^2 z = sech^2 z: the same numbers without the
    # cancellation that would need hundreds of digits in the far negative tail.
    half = sigmoid(2 * z)
    value = x * half
    first, second = half, x / 2 / mp.cosh(z) ** 2 * dz
    return value, first + second, abs(first) + abs(second)


def gelu_parts(x):
    cdf = mp.ncdf(x)
    pdf = mp.npdf(x)
    return x * cdf, cdf + x * pdf, abs(cdf) + abs(x * pdf)


def silu_parts(x):
    s = sigmoid(x)
    first, second = s, x * s * (1 - s)
    return x * s, first + second, abs(first) + abs(second)


# name -> (value, derivative, scale or None) at an mpf x; alpha as the C# tests pass it
FUNCTIONS = {
    'relu': lambda x: (max(x, 0), mp.mpf(1 if x > 0 else 0), None),
    'leakyRelu': lambda x: (x if x >= 0 else mp.mpf('0.01') * x, mp.mpf(1) if x > 0 else mp.mpf('0.01'), None),
    'elu': lambda x: (x if x > 0 else mp.mpf('0.5') * mp.expm1(x), mp.mpf(1) if x > 0 else mp.mpf('0.5') * mp.exp(x), None),
    'selu': lambda x: (SELU_SCALE * (x if x > 0 else SELU_ALPHA * mp.expm1(x)),
                       SELU_SCALE * (1 if x > 0 else SELU_ALPHA * mp.exp(x)), None),
    'sigmoid': lambda x: (sigmoid(x), sigmoid(x) * sigmoid(-x), None),
    'tanh': lambda x: (mp.tanh(x), 1 / mp.cosh(x) ** 2, None),
    'softplus': lambda x: (mp.log1p(mp.exp(x)), sigmoid(x), None),
    'silu': silu_parts,
    'geluTanh': gelu_tanh_parts,
    'gelu': gelu_parts,
}

# Below these the intermediate e^-|w| is subnormal and keeps only a subnormal's precision, while
# the product x·e^-|w| is larger; the tests do not claim ulp accuracy there.
LOWER = {'silu': -700.0, 'geluTanh': -21.0, 'gelu': -37.0}


def inputs():
    points = {0.0, 1e-300, -1e-300, 5e-324, -5e-324, 1e-20, -1e-20, 2.0 ** -30, -(2.0 ** -30)}
    for e in range(-12, 3):
        for m in (1.0, 2.5, 5.0):
            points.update((m * 10.0 ** e, -m * 10.0 ** e))
    points.update(k / 8 for k in range(-80, 81))
    points.update((20.0, -20.0, 30.0, -30.0, 40.0, -40.0, 100.0, -100.0, 354.0, -354.0, 700.0, -700.0,
                   708.0, -708.0, 740.0, -740.0, 745.0, -745.0, 1000.0, -1000.0, -20.5, -21.0, -36.9))
    rng = random.Random(20250105)
    points.update(rng.uniform(-40.0, 40.0) for _ in range(150))
    points.update(rng.uniform(-4.0, 4.0) for _ in range(100))
    return sorted(points)


def activation_table():
    table = {}
    for name, f in FUNCTIONS.items():
        rows = []
        for x in inputs():
            if x < LOWER.get(name, -math.inf):
                continue
            value, derivative, scale = f(mp.mpf(x))
            row = {'x': repr(x), 'value': repr(correctly_rounded(value)), 'derivative': repr(correctly_rounded(derivative))}
            if scale is not None:
                row['scale'] = repr(correctly_rounded(scale))
            rows.append(row)
        table[name] = rows
    return table


def softmax_table():
    rng = random.Random(7)
    vectors = [[1000.0, 0.0], [0.0, 1000.0], [1.0, 2.0, 3.0], [-745.0, 0.0], [0.0], [5.0, 5.0, 5.0],
               [1e-10, -1e-10, 0.0], [30.0, -30.0, 0.5, 1.5]]
    for n in range(1, 9):
        for scale in (1.0, 10.0, 100.0):
            vectors.append([rng.uniform(-scale, scale) for _ in range(n)])
    rows = []
    for v in vectors:
        xs = [mp.mpf(t) for t in v]
        m = max(xs)
        total = mp.fsum(mp.exp(t - m) for t in xs)
        rows.append({'x': [repr(t) for t in v],
                     'softmax': [repr(correctly_rounded(mp.exp(t - m) / total)) for t in xs],
                     'logSoftmax': [repr(correctly_rounded(t - m - mp.log(total))) for t in xs]})
    return rows


if __name__ == '__main__':
    print(json.dumps({'source': f'mpmath {mp.__version__} at 60 digits; generate_activations.py',
                      'alpha': {'leakyRelu': 0.01, 'elu': 0.5},
                      'activations': activation_table(), 'softmax': softmax_table()}, indent=0))
