using System.Runtime.CompilerServices;

namespace DiffNative.Reference;

/// <summary>Managed references of the grid kernels (native/src/grid_stencils.c, kernels/grid.c,
/// api_grid.c): the same weights from the same Fornberg recursion, the same sums in the same
/// order, so every backend gives the same bits.</summary>
internal static class GridReference
{
    internal sealed class Stencils
    {
        internal int M;
        internal double[] Central = [];
        internal int[] CentralOffsets = [];
        internal int EdgePoints;
        internal double[][] Left = [];
        internal double[][] Right = [];
        internal int MinimumSamples;
    }

    /// <summary>Fewest samples an axis needs: the larger of the central and edge stencils.</summary>
    internal static int MinimumSamples(int d, int p) => Math.Max(2 * ((d + 1) / 2) - 1 + p, d + p);

    // A few recently built stencil sets per thread, so repeated calls allocate nothing.
    [ThreadStatic] private static (int D, int P, double Spacing, Stencils S)[]? recent;

    internal static Stencils Get(int d, int p, double spacing)
    {
        recent ??= new (int, int, double, Stencils)[8];
        for (var i = 0; i < recent.Length; i++)
            if (recent[i].S is not null && recent[i].D == d && recent[i].P == p && recent[i].Spacing.Equals(spacing))
                return recent[i].S;
        var built = Build(d, p, spacing);
        Array.Copy(recent, 0, recent, 1, recent.Length - 1);
        recent[0] = (d, p, spacing, built);
        return built;
    }

    internal static Stencils Build(int d, int p, double spacing)
    {
        var hd = spacing;
        for (var k = 1; k < d; k++) hd *= spacing;
        var kc = 2 * ((d + 1) / 2) - 1 + p;
        var m = (kc - 1) / 2;
        var ke = d + p;
        Span<double> w = stackalloc double[16];
        var offsets = new double[kc];
        for (var j = 0; j < kc; j++) offsets[j] = j - m;
        FiniteDifferenceWeightsReference.Compute(d, offsets, 0, w, out _); // integer offsets: never refused
        var central = new List<double>();
        var centralOffsets = new List<int>();
        for (var j = 0; j < kc; j++)
        {
            if (w[j] == 0) continue;
            central.Add(w[j] / hd);
            centralOffsets.Add(j - m);
        }
        var edge = new double[ke];
        for (var j = 0; j < ke; j++) edge[j] = j;
        var left = new double[m][];
        var right = new double[m][];
        for (var i = 0; i < m; i++)
        {
            FiniteDifferenceWeightsReference.Compute(d, edge, i, w, out _);
            left[i] = Divide(w[..ke], hd);
            FiniteDifferenceWeightsReference.Compute(d, edge, ke - 1 - i, w, out _);
            right[i] = Divide(w[..ke], hd);
        }
        return new Stencils
        {
            M = m, Central = central.ToArray(), CentralOffsets = centralOffsets.ToArray(), EdgePoints = ke,
            Left = left, Right = right, MinimumSamples = Math.Max(kc, ke),
        };
    }

    private static double[] Divide(ReadOnlySpan<double> w, double hd)
    {
        var result = new double[w.Length];
        for (var j = 0; j < w.Length; j++) result[j] = w[j] / hd;
        return result;
    }

    /// <summary>The derivative along one axis of a row-major array (accumulate: add to out).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AlongAxis(ReadOnlySpan<double> y, ReadOnlySpan<int> shape, int axis, Stencils s, bool accumulate, Span<double> output)
    {
        int outer = 1, lines = 1;
        for (var j = 0; j < axis; j++) outer *= shape[j];
        for (var j = axis + 1; j < shape.Length; j++) lines *= shape[j];
        var n = shape[axis];
        var block = n * lines;
        for (var o = 0; o < outer; o++)
        {
            var yb = y.Slice(o * block, block);
            var ob = output.Slice(o * block, block);
            if (lines == 1)
            {
                // The common case, a contiguous line: the interior without per-point stencil choice.
                Interior(yb, s, accumulate, ob);
            }
            for (var i = 0; i < n; i++)
            {
                if (lines == 1 && i >= s.M && i < n - s.M) continue;
                double[] c;
                int first;      // sample index of the stencil's first point
                int[]? offsets; // central offsets, or null for edge stencils over consecutive samples
                if (i < s.M) { c = s.Left[i]; first = 0; offsets = null; }
                else if (i >= n - s.M) { c = s.Right[n - 1 - i]; first = n - s.EdgePoints; offsets = null; }
                else { c = s.Central; first = 0; offsets = s.CentralOffsets; }
                for (var l = 0; l < lines; l++)
                {
                    var sum = c[0] * yb[(offsets is null ? first : i + offsets[0]) * lines + l];
                    for (var j = 1; j < c.Length; j++)
                        sum = sum + c[j] * yb[(offsets is null ? first + j : i + offsets[j]) * lines + l];
                    ob[i * lines + l] = accumulate ? ob[i * lines + l] + sum : sum;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Interior(ReadOnlySpan<double> y, Stencils s, bool accumulate, Span<double> output)
    {
        var c = s.Central;
        var offsets = s.CentralOffsets;
        for (var i = s.M; i < y.Length - s.M; i++)
        {
            var sum = c[0] * y[i + offsets[0]];
            for (var j = 1; j < c.Length; j++)
                sum = sum + c[j] * y[i + offsets[j]];
            output[i] = accumulate ? output[i] + sum : sum;
        }
    }

    /// <summary>numpy.gradient on a uniform grid, edge order 1 or 2.</summary>
    internal static void Numpy(ReadOnlySpan<double> y, double h, int edgeOrder, Span<double> output)
    {
        var n = y.Length;
        if (n >= 3) SampledGradientReference.Compute(y, h, output);
        if (edgeOrder == 1)
        {
            output[0] = (y[1] - y[0]) / h;
            output[n - 1] = (y[n - 1] - y[n - 2]) / h;
        }
    }

    /// <summary>numpy.gradient with coordinates, operation for operation (see api_grid.c).</summary>
    internal static void NumpyCoordinates(ReadOnlySpan<double> y, ReadOnlySpan<double> x, int edgeOrder, Span<double> output)
    {
        var n = y.Length;
        var first = x[1] - x[0];
        var uniform = true;
        for (var i = 2; i < n && uniform; i++) uniform = (x[i] - x[i - 1]) == first;
        if (uniform)
        {
            Numpy(y, first, edgeOrder, output);
            return;
        }
        for (var i = 1; i + 1 < n; i++)
        {
            double dx1 = x[i] - x[i - 1], dx2 = x[i + 1] - x[i];
            var a = -(dx2) / (dx1 * (dx1 + dx2));
            var b = (dx2 - dx1) / (dx1 * dx2);
            var c = dx1 / (dx2 * (dx1 + dx2));
            output[i] = a * y[i - 1] + b * y[i] + c * y[i + 1];
        }
        if (edgeOrder == 1)
        {
            output[0] = (y[1] - y[0]) / (x[1] - x[0]);
            output[n - 1] = (y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2]);
        }
        else
        {
            double dx1 = x[1] - x[0], dx2 = x[2] - x[1];
            var a = -(2.0 * dx1 + dx2) / (dx1 * (dx1 + dx2));
            var b = (dx1 + dx2) / (dx1 * dx2);
            var c = -dx1 / (dx2 * (dx1 + dx2));
            output[0] = a * y[0] + b * y[1] + c * y[2];
            dx1 = x[n - 2] - x[n - 3];
            dx2 = x[n - 1] - x[n - 2];
            a = (dx2) / (dx1 * (dx1 + dx2));
            b = -(dx2 + dx1) / (dx1 * dx2);
            c = (2.0 * dx2 + dx1) / (dx2 * (dx1 + dx2));
            output[n - 1] = a * y[n - 3] + b * y[n - 2] + c * y[n - 1];
        }
    }

    /// <summary>Fewest samples the coordinate derivative needs for order d, accuracy p.</summary>
    internal static int CoordinateMinimum(int d, int p)
    {
        var m = (2 * ((d + 1) / 2) - 1 + p - 1) / 2;
        var kc = 2 * m + 1 + (d % 2 == 0 ? 1 : 0);
        return Math.Max(kc, d + p);
    }

    /// <summary>Per-point Fornberg weights on coordinates (see dn_grid_derivative_coordinates).</summary>
    /// <summary>The first point whose stencil offsets x[j] − x[i] overflow or coincide after
    /// rounding (0, 1 and 1e20 seen from 1e20), or include one below 2⁻¹⁰²² of the widest, or −1:
    /// Fornberg's recursion needs finite, distinct offsets that scale exactly to unit size, and
    /// the caller must learn that before anything is written.</summary>
    internal static int FirstUnusableStencil(ReadOnlySpan<double> x, int d, int p)
    {
        var n = x.Length;
        var m = (2 * ((d + 1) / 2) - 1 + p - 1) / 2;
        var kc = 2 * m + 1 + (d % 2 == 0 ? 1 : 0);
        var ke = d + p;
        Span<double> offsets = stackalloc double[17];
        Span<DoubleDouble> unit = stackalloc DoubleDouble[17];
        for (var i = 0; i < n; i++)
        {
            int first, k;
            if (i < m) { first = 0; k = ke; }
            else if (i + m >= n || i + kc - m > n) { first = n - ke; k = ke; }
            else { first = i - m; k = kc; }
            var previous = x[first] - x[i];
            if (!double.IsFinite(previous)) return i;
            offsets[0] = previous;
            for (var j = 1; j < k; j++)
            {
                var offset = x[first + j] - x[i];
                if (!double.IsFinite(offset) || !(offset > previous)) return i;
                offsets[j] = previous = offset;
            }
            if (FiniteDifferenceWeightsReference.UnitOffsets(offsets[..k], 0, unit[..k], out _) >= 0) return i;
        }
        return -1;
    }

    internal static void Coordinates(ReadOnlySpan<double> y, ReadOnlySpan<double> x, int d, int p, Span<double> output)
    {
        var n = y.Length;
        var m = (2 * ((d + 1) / 2) - 1 + p - 1) / 2;
        var kc = 2 * m + 1 + (d % 2 == 0 ? 1 : 0);
        var ke = d + p;
        Span<double> offsets = stackalloc double[17];
        Span<DoubleDouble> unit = stackalloc DoubleDouble[17];
        Span<double> w = stackalloc double[17];
        for (var i = 0; i < n; i++)
        {
            int first, k;
            if (i < m) { first = 0; k = ke; }
            else if (i + m >= n || i + kc - m > n) { first = n - ke; k = ke; }
            else { first = i - m; k = kc; }
            for (var j = 0; j < k; j++) offsets[j] = x[first + j] - x[i];
            // Unit-scale weights, as dn_grid_derivative_coordinates.
            FiniteDifferenceWeightsReference.UnitOffsets(offsets[..k], 0, unit[..k], out var exponent); // checked by FirstUnusableStencil
            FiniteDifferenceWeightsReference.UnitWeightsPlain(d, unit[..k], w[..k]);
            // The samples at unit scale too, as dn_grid_derivative_coordinates: both scales come
            // back in one exact step.
            var largest = 0.0;
            for (var j = 0; j < k; j++) largest = Math.Abs(y[first + j]) > largest ? Math.Abs(y[first + j]) : largest;
            var shift = largest > 0.0 && double.IsFinite(largest) ? -Math.ILogB(largest) : 0;
            var sum = w[0] * Math.ScaleB(y[first], shift);
            for (var j = 1; j < k; j++) sum = sum + w[j] * Math.ScaleB(y[first + j], shift);
            output[i] = Math.ScaleB(sum, -exponent * d - shift);
        }
    }
}
