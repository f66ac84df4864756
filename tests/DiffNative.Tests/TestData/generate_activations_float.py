#!/usr/bin/env python3
"""Writes activations_float.json: every activation and its derivative at about 400 random floats
each (uniform on several ranges and log-uniform in magnitude), from mpmath at 60 digits, with the
functions and conventions of generate_activations.py.

Run once from this folder (python3 generate_activations_float.py > activations_float.json). Inputs
are floats written with repr (exact as doubles); expected values are the correctly rounded doubles
of the true values, which the tests round to float (a double rounding that can cost the one float
ulp the tests allow, and only at an exact half-way double).
"""
import json
import random
import struct

import mpmath as mp

from generate_activations import FUNCTIONS, LOWER, correctly_rounded

mp.mp.dps = 60


def to_float(x):
    """The float nearest to the double x (round to nearest even, as a C cast does)."""
    return struct.unpack('f', struct.pack('f', x))[0]


def inputs():
    rng = random.Random(20261127)
    points = set()
    for lo, hi, count in ((-4.0, 4.0, 120), (-20.0, 20.0, 100), (-100.0, 100.0, 60)):
        points.update(to_float(rng.uniform(lo, hi)) for _ in range(count))
    for _ in range(120):
        magnitude = 10.0 ** rng.uniform(-30.0, 3.0)
        points.add(to_float(magnitude if rng.random() < 0.5 else -magnitude))
    return sorted(points)


def table():
    result = {}
    xs = inputs()
    for name, f in FUNCTIONS.items():
        rows = []
        for x in xs:
            if x < LOWER.get(name, -float('inf')):
                continue
            value, derivative, scale = f(mp.mpf(x))
            row = {'x': repr(x), 'value': repr(correctly_rounded(value)), 'derivative': repr(correctly_rounded(derivative))}
            if scale is not None:
                row['scale'] = repr(correctly_rounded(scale))
            rows.append(row)
        result[name] = rows
    return result


if __name__ == '__main__':
    print(json.dumps({'source': f'mpmath {mp.__version__} at 60 digits; generate_activations_float.py',
                      'alpha': {'leakyRelu': 0.01, 'elu': 0.5},
                      'activations': table()}, indent=0))
