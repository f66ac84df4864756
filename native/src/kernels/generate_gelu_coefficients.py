#!/usr/bin/env python3
"""Writes the polynomial tables of the exact GELU, x * Phi(x), for the native kernel and its
managed reference from one set of numbers:

    python3 generate_gelu_coefficients.py

writes gelu_coefficients.h (next to this script) and
src/DiffNative/Reference/GeluCoefficients.cs. mpmath at 50 digits; each piece is the Chebyshev
interpolant of its function (chebyshev_monomials from generate_erf_coefficients.py), written as
powers of (variable - center). The maximum relative error of every piece before its coefficients
are rounded to double is printed on stderr and must stay far below 2^-53.

With a = |x|, Q(a) = Phi(-a) and E = exp(-a^2/2):
  |x| < SMALL_LIMIT: Phi(x) = 1/2 + x P(x^2) and Phi(x) + x phi(x) = 1/2 + x D(x^2).
  above: x Phi(x) = x - E G(a) for x > 0 and -E G(a) for x < 0, with G(a) = a Q(a) / E;
         GELU'(x) = 1 + E H(a) for x > 0 and -E H(a) for x < 0, with H(a) = a/sqrt(2 pi) - Q(a) / E.
  G and H come from PIECES pieces of width 1/PIECE_SCALE starting at SMALL_LIMIT, then one tail piece
  (a up to CLAMP) in v = 1/a^2, where the table holds G(v) and H(v)/a (the kernel multiplies by a).
  Piece i is centred on SMALL_LIMIT + (i + 1/2) / PIECE_SCALE (the kernel computes it, exactly, so that
  s = a - center does not wait for the row's loads); the tail on TAIL_CENTER.
"""
import os
import sys

import mpmath as mp

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "src", "DiffNative", "Functions"))
from generate_erf_coefficients import chebyshev_monomials  # noqa: E402

mp.mp.dps = 50

SMALL_LIMIT = mp.mpf("0.75")  # below: Phi(x) >= 0.227, so 1/2 + x P loses little to cancellation
PIECE_SCALE = 8               # pieces of width 1/8 in a
PIECES = 80                   # [0.75, 10.75) in a; the tail piece follows
CLAMP = mp.mpf(40)            # GELU(x) = x and 0 in double well before |x| = 40
SMALL_DEGREE = 9                # P and D to 1e-19 and 9e-19 relative
DEGREE = 9                    # odd: E and O get (DEGREE + 1) / 2 coefficients each
QUADS = (DEGREE + 1) // 2
ROW = 4 + 4 * QUADS           # a head (G's lead high, H's, center, 0), then QUADS quads (see row())

C = 1 / mp.sqrt(2 * mp.pi)


def q_scaled(a):
    """Q(a) / E = Phi(-a) exp(a^2/2), the scaled Mills ratio."""
    return mp.ncdf(-a) * mp.exp(a * a / 2)


def g_of_a(a):
    return a * q_scaled(a)


def h_of_a(a):
    return a * C - q_scaled(a)


def g_of_v(v):
    return g_of_a(1 / mp.sqrt(v))


def h_over_a_of_v(v):
    a = 1 / mp.sqrt(v)
    return h_of_a(a) / a


def p_of_t(t):
    if t == 0:
        return C
    x = mp.sqrt(t)
    return (mp.ncdf(x) - mp.mpf(1) / 2) / x


def d_of_t(t):
    return p_of_t(t) + C * mp.exp(-t / 2)


def max_relative_error(f, coefficients, lo, hi, center, samples=200):
    worst = mp.mpf(0)
    for k in range(samples + 1):
        v = lo + (hi - lo) * k / samples
        approx = mp.mpf(0)
        for c in reversed(coefficients):
            approx = approx * (v - center) + c
        exact = f(v)
        if exact != 0:
            worst = max(worst, abs(approx - exact) / abs(exact))
    return worst


def fit(name, f, lo, hi, degree, center):
    coefficients = chebyshev_monomials(f, lo, hi, degree, center)
    error = max_relative_error(f, coefficients, lo, hi, center)
    print(f"{name} on [{mp.nstr(lo, 6)}, {mp.nstr(hi, 6)}]: degree {degree}, max relative error {mp.nstr(error, 3)}",
          file=sys.stderr)
    if error > mp.mpf("1e-18"):
        raise SystemExit(f"{name} is not accurate enough")
    return coefficients


def row(center, g, h):
    """The kernel evaluates G = lead high + (s O(s^2) + E(s^2)), E = lead low + c2 s^2 + c4 s^4 + ...
    and O = c1 + c3 s^2 + ..., H alike, with four Horner chains in s^2 per lane; quad k holds the
    k-th coefficients of E for G, E for H, O for G and O for H, so a lane reads its row whole."""
    out = [float(g[0]), float(h[0]), float(center), 0.0]
    even = {name: [c[0] - mp.mpf(float(c[0]))] + c[2::2] for name, c in (("g", g), ("h", h))}
    odd = {name: c[1::2] for name, c in (("g", g), ("h", h))}
    for k in range(QUADS):
        out += [float(even["g"][k]), float(even["h"][k]), float(odd["g"][k]), float(odd["h"][k])]
    return out


def tables():
    t_end = SMALL_LIMIT ** 2
    small_p = [float(c) for c in fit("P", p_of_t, mp.mpf(0), t_end, SMALL_DEGREE, mp.mpf(0))]
    small_d = [float(c) for c in fit("D", d_of_t, mp.mpf(0), t_end, SMALL_DEGREE, mp.mpf(0))]
    rows = []
    for i in range(PIECES):
        lo = SMALL_LIMIT + mp.mpf(i) / PIECE_SCALE
        hi = lo + mp.mpf(1) / PIECE_SCALE
        center = (lo + hi) / 2
        # H has a root at a = 0.7518 (where GELU' = 0): relative error is measured from a = 0.8 on.
        g = fit(f"G{i}", g_of_a, lo, hi, DEGREE, center)
        h = chebyshev_monomials(h_of_a, lo, hi, DEGREE, center)
        error = max_relative_error(h_of_a, h, max(lo, mp.mpf("0.8")), hi, center)
        print(f"H{i}: max relative error {mp.nstr(error, 3)}", file=sys.stderr)
        if error > mp.mpf("1e-18"):
            raise SystemExit(f"H{i} is not accurate enough")
        rows.append(row(center, g, h))
    tail_start = SMALL_LIMIT + mp.mpf(PIECES) / PIECE_SCALE
    v_lo, v_hi = 1 / CLAMP ** 2, 1 / tail_start ** 2
    v_center = mp.mpf(float((v_lo + v_hi) / 2))
    g = fit("G tail", g_of_v, v_lo, v_hi, DEGREE, v_center)
    h = fit("H/a tail", h_over_a_of_v, v_lo, v_hi, DEGREE, v_center)
    rows.append(row(v_center, g, h))
    return small_p, small_d, rows, float(tail_start), float(v_center)


def main():
    small_p, small_d, rows, tail_start, tail_center = tables()
    header = "Written by native/src/kernels/generate_gelu_coefficients.py (mpmath, 50 digits); do not edit by hand."
    lit = repr
    c_lines = [f"/* {header} */",
               "#ifndef DIFFNATIVE_GELU_COEFFICIENTS_H",
               "#define DIFFNATIVE_GELU_COEFFICIENTS_H",
               "",
               f"#define DN_GELU_SMALL_LIMIT {lit(float(SMALL_LIMIT))}",
               f"#define DN_GELU_PIECE_SCALE {lit(float(PIECE_SCALE))}",
               f"#define DN_GELU_TAIL_PIECE {lit(float(PIECES))}",
               f"#define DN_GELU_TAIL_START {lit(tail_start)}",
               f"#define DN_GELU_TAIL_CENTER {lit(tail_center)}",
               f"#define DN_GELU_CLAMP {lit(float(CLAMP))}",
               f"#define DN_GELU_SMALL_DEGREE {SMALL_DEGREE}",
               f"#define DN_GELU_DEGREE {DEGREE}",
               f"#define DN_GELU_QUADS {QUADS}",
               f"#define DN_GELU_ROW {ROW}",
               "",
               "/* Powers of t = x^2, constant term first. */",
               "static const double dn_gelu_small_p[] = {" + ", ".join(lit(c) for c in small_p) + "};",
               "static const double dn_gelu_small_d[] = {" + ", ".join(lit(c) for c in small_d) + "};",
               "/* One row per piece: G's lead high, H's, center, 0, then quad k = (E_G, E_H, O_G, O_H) coefficient k, where",
               " * G = lead high + (s O_G(s^2) + E_G(s^2)), E_G = lead low + c2 s^2 + c4 s^4 + ..., O_G = c1 + c3 s^2 + ... */",
               "static const double dn_gelu_pieces[] = {"]
    c_lines += ["    " + ", ".join(lit(c) for c in r) + "," for r in rows]
    c_lines += ["};", "", "#endif", ""]
    with open(os.path.join(HERE, "gelu_coefficients.h"), "w") as f:
        f.write("\n".join(c_lines))
    cs = ["// <auto-generated>", f"// {header}", "// </auto-generated>", "",
          "namespace DiffNative.Reference;", "",
          "/// <summary>The exact GELU's polynomial tables, the same numbers as native/src/kernels/gelu_coefficients.h.</summary>",
          "internal static class GeluCoefficients", "{",
          f"    internal const double SmallLimit = {lit(float(SMALL_LIMIT))};",
          f"    internal const double PieceScale = {lit(float(PIECE_SCALE))};",
          f"    internal const double TailPiece = {lit(float(PIECES))};",
          f"    internal const double TailCenter = {lit(tail_center)};",
          f"    internal const double Clamp = {lit(float(CLAMP))};",
          f"    internal const int Degree = {DEGREE};",
          f"    internal const int Quads = {QUADS};",
          f"    internal const int Row = {ROW};", "",
          "    /// <summary>Powers of t = x², constant term first.</summary>",
          "    internal static ReadOnlySpan<double> SmallP => [" + ", ".join(lit(c) for c in small_p) + "];", "",
          "    /// <summary>Powers of t = x², constant term first.</summary>",
          "    internal static ReadOnlySpan<double> SmallD => [" + ", ".join(lit(c) for c in small_d) + "];", "",
          "    /// <summary>One row per piece: G's lead high, H's, center, 0, then quad k = (E_G, E_H, O_G, O_H) coefficient k,",
          "    /// where G = lead high + (s·O_G(s²) + E_G(s²)), E_G = lead low + c2·s² + c4·s⁴ + …, O_G = c1 + c3·s² + ….</summary>",
          "    internal static ReadOnlySpan<double> Pieces =>", "    ["]
    cs += ["        " + ", ".join(lit(c) for c in r) + "," for r in rows]
    cs += ["    ];", "}", ""]
    with open(os.path.join(ROOT, "src", "DiffNative", "Reference", "GeluCoefficients.cs"), "w") as f:
        f.write("\n".join(cs))


if __name__ == "__main__":
    main()
