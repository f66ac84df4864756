namespace DiffNative.Reference;

/// <summary>The managed reference of dn_finite_difference_weights: Fornberg's recursion in
/// double-double on offsets scaled to unit size, with the same operations in the same order as
/// native/src/fornberg.c and api_stencil.c, so both give the same bits.</summary>
internal static class FiniteDifferenceWeightsReference
{
    /// <summary>Why <see cref="Compute"/> refused.</summary>
    internal enum Failure
    {
        None,

        /// <summary>An offset minus the point overflows or rounds, or is too small beside the widest
        /// to scale to unit size exactly.</summary>
        InexactOffset,

        /// <summary>A weight overflows once scaled back (the spacing is too small for the derivative).</summary>
        WeightOverflows,

        /// <summary>A nonzero weight falls below the normal range once scaled back (the spacing is
        /// too large for the derivative).</summary>
        WeightUnderflows,
    }

    /// <summary>The weights, each correctly rounded, or the failure and the index of the offset or
    /// weight at fault; weights are untouched on failure. Arguments are already validated.</summary>
    internal static Failure Compute(int m, ReadOnlySpan<double> x, double x0, Span<double> weights, out int index)
    {
        var n = x.Length;
        Span<DoubleDouble> unit = stackalloc DoubleDouble[FiniteDifferenceWeights.MaxPoints];
        Span<double> w = stackalloc double[FiniteDifferenceWeights.MaxPoints];
        unit = unit[..n];
        w = w[..n];
        index = UnitOffsets(x, x0, unit, out var exponent);
        if (index >= 0) return Failure.InexactOffset;
        UnitWeights(m, unit, w);
        // Scaling by a power of two is exact while the result stays normal.
        var scale = -exponent * m;
        for (var j = 0; j < n; j++)
        {
            var v = Math.ScaleB(w[j], scale);
            if (w[j] != 0.0 && !double.IsNormal(v))
            {
                index = j;
                return double.IsFinite(v) ? Failure.WeightUnderflows : Failure.WeightOverflows;
            }
            w[j] = v;
        }
        w.CopyTo(weights);
        return Failure.None;
    }

    /// <summary>unit[j] = (x[j] − x0)·2^−exponent exactly, in double-double, with 1 ≤ max |unit.Hi| &lt; 2
    /// (exponent 0 when every offset is x0); returns the first offset whose difference overflows
    /// or whose scaling would lose bits to underflow, or −1. The twin of dn_fornberg_unit_offsets.</summary>
    internal static int UnitOffsets(ReadOnlySpan<double> x, double x0, Span<DoubleDouble> unit, out int exponent)
    {
        exponent = 0;
        var widest = 0.0;
        for (var j = 0; j < x.Length; j++)
        {
            unit[j] = DoubleDouble.TwoSum(x[j], -x0);
            if (!double.IsFinite(unit[j].Hi)) return j;
            var a = Math.Abs(unit[j].Hi);
            if (a > widest) widest = a;
        }
        var k = widest > 0.0 ? Math.ILogB(widest) : 0;
        // Where both powers of two are normal doubles, multiplying by them is ScaleB without the
        // call (as in native/src/fornberg.c): the same exact products, and an underflow shows when
        // multiplying back.
        var (down, up) = k is > -1000 and < 1000 ? (Math.ScaleB(1.0, -k), Math.ScaleB(1.0, k)) : (double.NaN, double.NaN);
        for (var j = 0; j < x.Length; j++)
        {
            var u = double.IsNaN(down)
                ? new DoubleDouble(Math.ScaleB(unit[j].Hi, -k), Math.ScaleB(unit[j].Lo, -k))
                : new DoubleDouble(unit[j].Hi * down, unit[j].Lo * down);
            var back = double.IsNaN(up) ? (Math.ScaleB(u.Hi, k), Math.ScaleB(u.Lo, k)) : (u.Hi * up, u.Lo * up);
            if (back.Item1 != unit[j].Hi || back.Item2 != unit[j].Lo) return j;
            unit[j] = u;
        }
        exponent = k;
        return -1;
    }

    /// <summary>Fornberg's recursion in plain double on unit-scale offsets (their Hi parts; the Lo
    /// parts are 0 for offsets seen from 0): a few ulp from the correctly rounded weights and six
    /// times cheaper, for the per-point weights of irregular grids. The twin of
    /// dn_fornberg_unit_weights_plain.</summary>
    internal static void UnitWeightsPlain(int m, ReadOnlySpan<DoubleDouble> u, Span<double> weights)
    {
        var n = u.Length;
        var columns = m + 1;
        Span<double> c = stackalloc double[FiniteDifferenceWeights.MaxPoints * (FiniteDifferenceWeights.MaxDerivative + 1)];
        c = c[..(n * columns)];
        c.Clear();
        c[0] = 1.0;
        double c1 = 1.0, c4 = u[0].Hi;
        for (var i = 1; i < n; i++)
        {
            var mn = Math.Min(i, m);
            var c2 = 1.0;
            var c5 = c4;
            c4 = u[i].Hi;
            for (var j = 0; j < i; j++)
            {
                var c3 = u[i].Hi - u[j].Hi;
                c2 = c2 * c3;
                if (j == i - 1)
                {
                    for (var k = mn; k >= 1; k--)
                        c[i * columns + k] = c1 * (k * c[(i - 1) * columns + k - 1] - c5 * c[(i - 1) * columns + k]) / c2;
                    c[i * columns] = -c1 * c5 * c[(i - 1) * columns] / c2;
                }
                for (var k = mn; k >= 1; k--)
                    c[j * columns + k] = (c4 * c[j * columns + k] - k * c[j * columns + k - 1]) / c3;
                c[j * columns] = c4 * c[j * columns] / c3;
            }
            c1 = c2;
        }
        for (var j = 0; j < n; j++)
            weights[j] = c[j * columns + m];
    }

    /// <summary>Fornberg's recursion in double-double on distinct finite offsets seen from 0, each
    /// weight rounded once; offsets symmetric about 0 (in any order) give exactly symmetric weights
    /// for even m and antisymmetric ones, 0 at 0, for odd m. The twin of dn_fornberg_unit_weights.</summary>
    internal static void UnitWeights(int m, ReadOnlySpan<DoubleDouble> u, Span<double> weights)
    {
        var n = u.Length;
        var columns = m + 1;
        // c[j·columns + k]: weight of point j for the k-th derivative, built up one point at a time.
        Span<DoubleDouble> c = stackalloc DoubleDouble[FiniteDifferenceWeights.MaxPoints * (FiniteDifferenceWeights.MaxDerivative + 1)];
        c = c[..(n * columns)];
        c.Clear();
        c[0] = DoubleDouble.Of(1.0);
        var c1 = DoubleDouble.Of(1.0);
        var c4 = u[0];
        for (var i = 1; i < n; i++)
        {
            var mn = Math.Min(i, m);
            var c2 = DoubleDouble.Of(1.0);
            var c5 = c4;
            c4 = u[i];
            for (var j = 0; j < i; j++)
            {
                var c3 = u[i] - u[j];
                c2 *= c3;
                if (j == i - 1)
                {
                    var ratio = c1 / c2;
                    for (var k = mn; k >= 1; k--)
                        c[i * columns + k] = ratio * (c[(i - 1) * columns + k - 1] * (double)k - c[(i - 1) * columns + k] * c5);
                    c[i * columns] = -(ratio * (c[(i - 1) * columns] * c5));
                }
                var inverse = DoubleDouble.Of(1.0) / c3;
                for (var k = mn; k >= 1; k--)
                    c[j * columns + k] = (c[j * columns + k] * c4 - c[j * columns + k - 1] * (double)k) * inverse;
                c[j * columns] = c[j * columns] * c4 * inverse;
            }
            c1 = c2;
        }
        RoundWeights(m, u, c, columns, weights);
    }

    /// <summary>Column m rounded to double; mirrored points of offsets symmetric about 0 get the
    /// mean of their two double-double weights, rounded once.</summary>
    private static void RoundWeights(int m, ReadOnlySpan<DoubleDouble> u, ReadOnlySpan<DoubleDouble> c, int columns, Span<double> weights)
    {
        var n = u.Length;
        Span<int> order = stackalloc int[FiniteDifferenceWeights.MaxPoints];
        for (var i = 0; i < n; i++)
        {
            var j = i;
            for (; j > 0 && Before(u[i], u[order[j - 1]]); j--) order[j] = order[j - 1];
            order[j] = i;
        }
        var symmetric = true;
        for (var i = 0; i + i < n; i++)
            if (u[order[i]].Hi != -u[order[n - 1 - i]].Hi || u[order[i]].Lo != -u[order[n - 1 - i]].Lo) symmetric = false;
        if (!symmetric)
        {
            for (var j = 0; j < n; j++) weights[j] = c[j * columns + m].Hi;
            return;
        }
        var odd = m % 2 != 0;
        for (var i = 0; i + i + 1 < n; i++)
        {
            int a = order[i], b = order[n - 1 - i];
            var sum = odd ? c[a * columns + m] - c[b * columns + m] : c[a * columns + m] + c[b * columns + m];
            var mean = sum.Hi * 0.5;
            weights[a] = mean;
            weights[b] = odd ? -mean : mean;
        }
        if (n % 2 != 0)
        {
            var middle = order[n / 2];
            weights[middle] = odd ? 0.0 : c[middle * columns + m].Hi;
        }
    }

    private static bool Before(DoubleDouble a, DoubleDouble b) => a.Hi < b.Hi || (a.Hi == b.Hi && a.Lo < b.Lo);
}
