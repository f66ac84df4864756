using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DiffNative.MachineLearning;
using static DiffNative.Reference.VectorMathReference;
using static DiffNative.Reference.Widening;

namespace DiffNative.Reference;

/// <summary>Managed references of the activations, with the operations of
/// native/src/kernels/activation.c in the same order, so every backend gives the same bits.</summary>
internal static class ActivationReference
{
    internal const double SeluScale = 1.0507009873554805;
    internal const double SeluScaleAlpha = 1.7580993408473768; // double(scale·alpha)
    // GELU's tanh form as x·sigmoid(w), w = x(A + Bx²) in double-double (see activation.c).
    private const double GeluAHi = 1.5957691216057308;
    private const double GeluALo = -9.96930880911092e-17;
    private const double GeluBHi = 0.07135481627260025;
    private const double GeluBLo = -6.175149918155315e-19;
    private const double Gelu3B = 0.21406444881780073;

    /// <summary>Value and/or derivative of <paramref name="kind"/> at each x, NaN results as the
    /// canonical NaN; an empty output is not written. Floats are widened a piece at a time, the
    /// double loop runs on the piece, and each result is rounded once, as the float kernels do.
    /// Each piece is read before it is written, so outputs may be x itself.</summary>
    internal static void Apply<T>(ActivationKind kind, double alpha, ReadOnlySpan<T> x, Span<T> value, Span<T> derivative)
        where T : struct, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            Apply(kind, alpha, MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(value), MemoryMarshal.Cast<T, double>(derivative));
            return;
        }
        Span<double> xd = stackalloc double[Piece], vd = stackalloc double[Piece], dd = stackalloc double[Piece];
        for (var start = 0; start < x.Length; start += Piece)
        {
            var n = Math.Min(Piece, x.Length - start);
            Widen(x.Slice(start, n), xd);
            Apply(kind, alpha, xd[..n], value.IsEmpty ? default : vd[..n], derivative.IsEmpty ? default : dd[..n]);
            if (!value.IsEmpty) Narrow<T>(vd[..n], value.Slice(start, n));
            if (!derivative.IsEmpty) Narrow<T>(dd[..n], derivative.Slice(start, n));
        }
    }

    /// <summary>The backward pass gradient = upstream·f′(x), the product in double and rounded once
    /// to T. Each piece is read before it is written, so gradient may be x or upstream.</summary>
    internal static void Backward<T>(ActivationKind kind, double alpha, ReadOnlySpan<T> x, ReadOnlySpan<T> upstream, Span<T> gradient)
        where T : struct, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            var g = MemoryMarshal.Cast<T, double>(gradient);
            Apply(kind, alpha, MemoryMarshal.Cast<T, double>(x), default, g);
            TimesUpstream(MemoryMarshal.Cast<T, double>(upstream), g);
            return;
        }
        Span<double> xd = stackalloc double[Piece], dd = stackalloc double[Piece];
        for (var start = 0; start < x.Length; start += Piece)
        {
            var n = Math.Min(Piece, x.Length - start);
            Widen(x.Slice(start, n), xd);
            Apply(kind, alpha, xd[..n], default, dd[..n]);
            for (var i = 0; i < n; i++)
                gradient[start + i] = T.CreateTruncating(CanonicalNan(double.CreateTruncating(upstream[start + i]) * dd[i]));
        }
    }

    /// <summary>gradient[i] = gradient[i]·upstream[i] in place, NaN as the canonical NaN: the
    /// backward pass of a double activation whose derivative is already in gradient.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void TimesUpstream(ReadOnlySpan<double> upstream, Span<double> gradient)
    {
        for (var i = 0; i < gradient.Length; i++) gradient[i] = CanonicalNan(gradient[i] * upstream[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Apply(ActivationKind kind, double alpha, ReadOnlySpan<double> x, Span<double> value, Span<double> derivative)
    {
        var wantValue = !value.IsEmpty;
        var wantDerivative = !derivative.IsEmpty;
        for (var i = 0; i < x.Length; i++)
        {
            Evaluate(kind, alpha, x[i], out var v, out var d);
            if (wantValue) value[i] = CanonicalNan(v);
            if (wantDerivative) derivative[i] = CanonicalNan(d);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Evaluate(ActivationKind kind, double alpha, double x, out double v, out double d)
    {
        switch (kind)
        {
            case ActivationKind.Relu:
                v = x < 0 ? 0.0 : x;
                d = x > 0 ? 1.0 : double.IsNaN(x) ? x : 0.0;
                break;
            case ActivationKind.LeakyRelu:
                v = x < 0 ? alpha * x : x;
                d = x > 0 ? 1.0 : double.IsNaN(x) ? x : alpha;
                break;
            case ActivationKind.Elu:
            case ActivationKind.Selu:
            {
                var positive = x > 0;
                var e = ExpNegative(positive ? 0.0 : x, 0.0, false, out var em);
                if (kind == ActivationKind.Elu)
                {
                    v = positive ? x : alpha * em;
                    d = positive ? 1.0 : alpha * e;
                }
                else
                {
                    v = positive ? SeluScale * x : SeluScaleAlpha * em;
                    d = positive ? SeluScale : SeluScaleAlpha * e;
                }
                break;
            }
            case ActivationKind.Sigmoid:
            {
                var e = ExpNegative(-Math.Abs(x), 0.0, false, out _);
                var p = 1.0 + e;
                v = x < 0 ? e / p : 1.0 / p;
                d = e / (p * p);
                break;
            }
            case ActivationKind.Tanh:
            {
                // sech²x = 4e/(1+e)² = e(1 + tanh|x|)²: no second division (see act_tanh).
                var e = ExpNegative(Math.Abs(x) * -2.0, 0.0, false, out var em);
                var magnitude = -em / (em + 2.0);
                v = Math.CopySign(magnitude, x);
                var s = magnitude + 1.0;
                d = e * (s * s);
                break;
            }
            case ActivationKind.Softplus:
            {
                var e = ExpNegative(-Math.Abs(x), 0.0, false, out _);
                v = (x > 0 ? x : 0.0) + Log1p(e);
                var p = 1.0 + e;
                d = x < 0 ? e / p : 1.0 / p;
                break;
            }
            case ActivationKind.Silu:
            {
                var e = ExpNegative(-Math.Abs(x), 0.0, false, out _);
                var p = 1.0 + e;
                var s = x < 0 ? e / p : 1.0 / p;
                var complement = x < 0 ? 1.0 / p : e / p;
                v = s == 0 ? 0.0 : x * s;
                d = s * Math.FusedMultiplyAdd(Clamp(x, -800.0, 800.0), complement, 1.0);
                break;
            }
            case ActivationKind.GeluTanh:
                GeluTanh(x, out v, out d);
                break;
            case ActivationKind.Gelu:
                GeluReference.Evaluate(x, out v, out d);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown activation.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void GeluTanh(double x, out double v, out double d)
    {
        var xc = Clamp(x, -40.0, 40.0);
        var x2 = xc * xc;
        var x2e = Math.FusedMultiplyAdd(xc, xc, -x2);
        var b = GeluBHi * x2;
        var be = Math.FusedMultiplyAdd(GeluBHi, x2, -b);
        be += Math.FusedMultiplyAdd(GeluBHi, x2e, GeluBLo * x2);
        var sh = GeluAHi + b; // two-sum A + b
        var bb = sh - GeluAHi;
        var se = (GeluAHi - (sh - bb)) + (b - bb);
        var sl = se + (be + GeluALo);
        var wh = xc * sh;
        var wl = Math.FusedMultiplyAdd(xc, sh, -wh);
        wl = Math.FusedMultiplyAdd(xc, sl, wl);
        var negative = wh < 0;
        var e = ExpNegative(-Math.Abs(wh), negative ? wl : -wl, true, out _);
        var p = 1.0 + e;
        var sg = negative ? e / p : 1.0 / p;
        v = sg == 0 ? 0.0 : x * sg;
        var sp = e / (p * p);
        var dw = Math.FusedMultiplyAdd(Gelu3B, x2, GeluAHi);
        d = Math.FusedMultiplyAdd(xc * dw, sp, sg);
    }
}
