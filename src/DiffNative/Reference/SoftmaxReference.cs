using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static DiffNative.Reference.VectorMathReference;

namespace DiffNative.Reference;

/// <summary>Managed references of softmax, log-softmax and their backward passes, with the
/// operations of native/src/kernels/softmax.c in the same order, NaN results as the canonical NaN.
/// A row of floats is widened to double, the double row runs, and each result is rounded once, as
/// native/src/kernels/softmax_f32.c does; the sums need the double row, so it is widened whole.</summary>
internal static class SoftmaxReference
{
    internal static void Forward<T>(bool logForm, ReadOnlySpan<T> x, int cols, Span<T> y) where T : struct, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            ForwardRows(logForm, MemoryMarshal.Cast<T, double>(x), cols, MemoryMarshal.Cast<T, double>(y));
            return;
        }
        var xd = WideningPool.Arrays.Rent(cols);
        var yd = WideningPool.Arrays.Rent(cols);
        for (var start = 0; start < x.Length; start += cols)
        {
            Widening.Widen(x.Slice(start, cols), xd);
            ForwardRows(logForm, xd.AsSpan(0, cols), cols, yd.AsSpan(0, cols));
            Widening.Narrow(yd.AsSpan(0, cols), y.Slice(start, cols));
        }
        WideningPool.Arrays.Return(xd);
        WideningPool.Arrays.Return(yd);
    }

    internal static void Backward<T>(bool logForm, ReadOnlySpan<T> y, ReadOnlySpan<T> upstream, int cols, Span<T> dx)
        where T : struct, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            BackwardRows(logForm, MemoryMarshal.Cast<T, double>(y), MemoryMarshal.Cast<T, double>(upstream), cols, MemoryMarshal.Cast<T, double>(dx));
            return;
        }
        var yd = WideningPool.Arrays.Rent(cols);
        var gd = WideningPool.Arrays.Rent(cols);
        for (var start = 0; start < y.Length; start += cols)
        {
            Widening.Widen(y.Slice(start, cols), yd);
            Widening.Widen(upstream.Slice(start, cols), gd);
            BackwardRows(logForm, yd.AsSpan(0, cols), gd.AsSpan(0, cols), cols, gd.AsSpan(0, cols));
            Widening.Narrow(gd.AsSpan(0, cols), dx.Slice(start, cols));
        }
        WideningPool.Arrays.Return(yd);
        WideningPool.Arrays.Return(gd);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardRows(bool logForm, ReadOnlySpan<double> x, int cols, Span<double> y)
    {
        for (var start = 0; start < x.Length; start += cols)
        {
            var xr = x.Slice(start, cols);
            var yr = y.Slice(start, cols);
            var m = double.NegativeInfinity;
            foreach (var value in xr) m = value > m ? value : m;
            // +0.0 makes −0 and +0 the same maximum; an all −inf row has none and becomes NaN.
            m = m == double.NegativeInfinity ? double.NaN : m + 0.0;
            var ties = 0.0;
            for (var i = 0; i < cols; i++)
            {
                var top = xr[i] == m;
                ties += top ? 1.0 : 0.0;
                yr[i] = top ? 0.0 : ExpShifted(xr[i], m);
            }
            var rest = Sum8(yr) + (ties - 1.0); // Σ e^(x−m) − 1 without rounding away small terms
            if (logForm)
            {
                var l = Log1p(rest);
                // where m is +∞ a maximum's x − m is 0, not ∞ − ∞: its share is −log(ties), as softmax's is 1/ties
                var infiniteMax = m == double.PositiveInfinity;
                for (var i = 0; i < cols; i++) yr[i] = CanonicalNan((infiniteMax && xr[i] == m ? 0.0 : xr[i] - m) - l);
            }
            else
            {
                var s = 1.0 + rest;
                for (var i = 0; i < cols; i++) yr[i] = CanonicalNan((xr[i] == m ? 1.0 : yr[i]) / s);
            }
        }
    }

    /// <summary>e^(x − m) with x − m as an exact two-sum (its rounding would cost |x − m|/2 ulp); a
    /// NaN low part, from infinities, counts as 0.</summary>
    private static double ExpShifted(double x, double m)
    {
        var nm = -m;
        var hi = x + nm;
        var bb = hi - x;
        var lo = (x - (hi - bb)) + (nm - bb);
        return ExpNegative(hi, double.IsNaN(lo) ? 0.0 : lo, true, out _);
    }

    /// <summary>dx = Jᵀg per row: y(g − g·y) for softmax, g − e^y·Σg for log-softmax.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BackwardRows(bool logForm, ReadOnlySpan<double> y, ReadOnlySpan<double> upstream, int cols, Span<double> dx)
    {
        for (var start = 0; start < y.Length; start += cols)
        {
            var yr = y.Slice(start, cols);
            var gr = upstream.Slice(start, cols);
            var dr = dx.Slice(start, cols);
            if (!logForm)
            {
                var dot = Dot8(gr, yr);
                for (var i = 0; i < cols; i++) dr[i] = CanonicalNan(yr[i] * (gr[i] - dot));
            }
            else
            {
                var sum = Sum8(gr);
                for (var i = 0; i < cols; i++)
                {
                    var p = ExpNegative(yr[i] > 0 ? 0.0 : yr[i], 0.0, false, out _);
                    dr[i] = CanonicalNan(Math.FusedMultiplyAdd(-p, sum, gr[i]));
                }
            }
        }
    }
}
