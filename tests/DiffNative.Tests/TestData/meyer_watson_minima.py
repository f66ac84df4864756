"""The least values F* = sum r_i^2 of Meyer (MGH #10) and Watson with n = 9 (MGH #20), by
Gauss-Newton at 40 significant digits in mpmath from points near the published minimisers.
Prints the minimiser and F*; TrustRegionNewtonTests keeps F* to 20 digits.
Run: python3 meyer_watson_minima.py  (needs mpmath)."""
from mpmath import mp, mpf, exp, matrix, lu_solve

mp.dps = 40


def gauss_newton(residuals, jacobian, x, iterations):
    for _ in range(iterations):
        r = matrix(residuals(x))
        J = jacobian(x)
        d = lu_solve(J.T * J, -(J.T * r))
        x = [x[k] + d[k] for k in range(len(x))]
    return x, sum(v ** 2 for v in residuals(x))


# Meyer: r_i = x1 exp(x2 / (t_i + x3)) - y_i, t_i = 45 + 5i, i = 1..16.
Y = [34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872]
T = [45 + 5 * i for i in range(1, 17)]


def meyer(x):
    return [x[0] * exp(x[1] / (t + x[2])) - y for t, y in zip(T, Y)]


def meyer_jacobian(x):
    J = matrix(16, 3)
    for i, t in enumerate(T):
        e = exp(x[1] / (t + x[2]))
        J[i, 0] = e
        J[i, 1] = x[0] * e / (t + x[2])
        J[i, 2] = -x[0] * e * x[1] / (t + x[2]) ** 2
    return J


# Watson, n = 9: for t_i = i/29, i = 1..29,
# r_i = sum_{j=2..n} (j-1) x_j t_i^(j-2) - (sum_{j=1..n} x_j t_i^(j-1))^2 - 1; r_30 = x1; r_31 = x2 - x1^2 - 1.
N = 9


def watson(x):
    r = []
    for i in range(1, 30):
        t = mpf(i) / 29
        r.append(sum((j - 1) * x[j - 1] * t ** (j - 2) for j in range(2, N + 1))
                 - sum(x[j - 1] * t ** (j - 1) for j in range(1, N + 1)) ** 2 - 1)
    return r + [x[0], x[1] - x[0] ** 2 - 1]


def central_jacobian(f, m):
    def jacobian(x, h=mpf('1e-15')):
        J = matrix(m, len(x))
        for k in range(len(x)):
            up, down = list(x), list(x)
            up[k] += h
            down[k] -= h
            for i, (a, b) in enumerate(zip(f(up), f(down))):
                J[i, k] = (a - b) / (2 * h)
        return J
    return jacobian


x, F = gauss_newton(meyer, meyer_jacobian, [mpf('0.0056096'), mpf('6181.346'), mpf('345.2236')], 60)
print('meyer', [mp.nstr(v, 15) for v in x], mp.nstr(F, 25))
x, F = gauss_newton(watson, central_jacobian(watson, 31), [mpf(0)] * N, 40)
print('watson9', [mp.nstr(v, 15) for v in x], mp.nstr(F, 25))
