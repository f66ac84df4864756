"""SciPy's BFGS on the six Moré–Garbow–Hillstrom problems of mgh.json (this folder).

Run once with Debian 12's python3-scipy (1.10.1): /usr/bin/python3 scipy_bfgs.py > scipy_bfgs.json
Objectives and gradients are written here from the residual formulas in mgh.json (F = sum r_i^2),
independently of the C# code; each gradient is checked against mgh.json's at x0 before use.
"""
import json
import math
import os
import sys

import numpy as np
import scipy
from scipy.optimize import minimize

HERE = os.path.dirname(os.path.abspath(__file__))
MGH = os.path.join(HERE, "mgh.json")


def rosenbrock(x):
    r1 = 10 * (x[1::2] - x[0::2] ** 2)
    r2 = 1 - x[0::2]
    return float(np.sum(r1 * r1 + r2 * r2))


def rosenbrock_grad(x):
    g = np.zeros_like(x)
    u = x[1::2] - x[0::2] ** 2
    g[0::2] = -400 * x[0::2] * u - 2 * (1 - x[0::2])
    g[1::2] = 200 * u
    return g


Y = (1.5, 2.25, 2.625)


def beale(x):
    return sum((Y[i - 1] - x[0] * (1 - x[1] ** i)) ** 2 for i in (1, 2, 3))


def beale_grad(x):
    g = np.zeros(2)
    for i in (1, 2, 3):
        r = Y[i - 1] - x[0] * (1 - x[1] ** i)
        g[0] += 2 * r * -(1 - x[1] ** i)
        g[1] += 2 * r * x[0] * i * x[1] ** (i - 1)
    return g


def theta(x):
    return math.atan(x[1] / x[0]) / (2 * math.pi) + (0.5 if x[0] < 0 else 0.0)


def helical(x):
    r1 = 10 * (x[2] - 10 * theta(x))
    r2 = 10 * (math.hypot(x[0], x[1]) - 1)
    return r1 * r1 + r2 * r2 + x[2] * x[2]


def helical_grad(x):
    rho2 = x[0] ** 2 + x[1] ** 2
    rho = math.sqrt(rho2)
    r1 = 10 * (x[2] - 10 * theta(x))
    r2 = 10 * (rho - 1)
    dt1 = -x[1] / (2 * math.pi * rho2)
    dt2 = x[0] / (2 * math.pi * rho2)
    return np.array([
        2 * r1 * (-100 * dt1) + 2 * r2 * 10 * x[0] / rho,
        2 * r1 * (-100 * dt2) + 2 * r2 * 10 * x[1] / rho,
        2 * r1 * 10 + 2 * x[2],
    ])


def powell(x):
    r1 = x[0] + 10 * x[1]
    r2 = math.sqrt(5) * (x[2] - x[3])
    r3 = (x[1] - 2 * x[2]) ** 2
    r4 = math.sqrt(10) * (x[0] - x[3]) ** 2
    return r1 * r1 + r2 * r2 + r3 * r3 + r4 * r4


def powell_grad(x):
    r1 = x[0] + 10 * x[1]
    r2 = math.sqrt(5) * (x[2] - x[3])
    r3 = (x[1] - 2 * x[2]) ** 2
    r4 = math.sqrt(10) * (x[0] - x[3]) ** 2
    a = x[1] - 2 * x[2]
    b = x[0] - x[3]
    return np.array([
        2 * r1 + 2 * r4 * 2 * math.sqrt(10) * b,
        20 * r1 + 2 * r3 * 2 * a,
        2 * r2 * math.sqrt(5) - 8 * r3 * a,
        -2 * r2 * math.sqrt(5) - 2 * r4 * 2 * math.sqrt(10) * b,
    ])


def wood(x):
    r = [10 * (x[1] - x[0] ** 2), 1 - x[0], math.sqrt(90) * (x[3] - x[2] ** 2), 1 - x[2],
         math.sqrt(10) * (x[1] + x[3] - 2), (x[1] - x[3]) / math.sqrt(10)]
    return sum(v * v for v in r)


def wood_grad(x):
    r1 = 10 * (x[1] - x[0] ** 2)
    r2 = 1 - x[0]
    r3 = math.sqrt(90) * (x[3] - x[2] ** 2)
    r4 = 1 - x[2]
    r5 = math.sqrt(10) * (x[1] + x[3] - 2)
    r6 = (x[1] - x[3]) / math.sqrt(10)
    return np.array([
        2 * r1 * -20 * x[0] - 2 * r2,
        20 * r1 + 2 * r5 * math.sqrt(10) + 2 * r6 / math.sqrt(10),
        2 * r3 * -2 * math.sqrt(90) * x[2] - 2 * r4,
        2 * r3 * math.sqrt(90) + 2 * r5 * math.sqrt(10) - 2 * r6 / math.sqrt(10),
    ])


FUNCTIONS = {
    "rosenbrock": (rosenbrock, rosenbrock_grad),
    "extended_rosenbrock_10": (rosenbrock, rosenbrock_grad),
    "beale": (beale, beale_grad),
    "helical_valley": (helical, helical_grad),
    "powell_singular": (powell, powell_grad),
    "wood": (wood, wood_grad),
}


def run(f, g, x0, gtol, jac):
    r = minimize(f, x0, jac=g if jac else None, method="BFGS", options={"gtol": gtol})
    return {
        "gtol": gtol,
        "jac": "analytic" if jac else "2-point (scipy default)",
        "success": bool(r.success),
        "message": r.message,
        "nit": int(r.nit),
        "nfev": int(r.nfev),
        "njev": int(r.njev),
        "fun": float(r.fun),
        "x": [float(v) for v in r.x],
    }


def main():
    with open(MGH) as fh:
        problems = json.load(fh)["problems"]
    out = []
    for p in problems:
        f, g = FUNCTIONS[p["id"]]
        x0 = np.array(p["x0"], dtype=float)
        assert abs(f(x0) - p["F_x0"]) <= 1e-12 * abs(p["F_x0"]), p["id"]
        assert np.allclose(g(x0), p["gradient"], rtol=1e-12, atol=1e-12), p["id"]
        runs = [run(f, g, x0, gtol, jac) for gtol in (1e-5, 1e-6) for jac in (True, False)]
        out.append({"id": p["id"], "n": p["n"], "runs": runs})
    json.dump({
        "title": "SciPy BFGS (scipy.optimize.minimize(method='BFGS')) on the MGH problems of mgh.json, from the standard start",
        "source": f"SciPy {scipy.__version__}, NumPy {np.__version__}, Python {sys.version.split()[0]} (Debian 12 python3-scipy), run once by scipy_bfgs.py in this folder",
        "notes": "gtol is SciPy's: the largest |gradient entry| (norm=inf). nit iterations, nfev function and njev gradient evaluations (with the 2-point jac, nfev includes the differencing evaluations).",
        "problems": out,
    }, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
