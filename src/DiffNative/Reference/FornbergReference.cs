namespace DiffNative.Reference;

/// <summary>The managed reference of dn_fd_weights: Fornberg's recursion with the same operations in
/// the same order as native/src/api_stencil.c, so both give the same bits.</summary>
internal static class FornbergReference
{
    /// <summary>Arguments are already validated.</summary>
    internal static void Compute(int m, ReadOnlySpan<double> x, double x0, Span<double> weights)
    {
        var n = x.Length;
        var columns = m + 1;
        Span<double> c = stackalloc double[FiniteDifferenceWeights.MaxPoints * (FiniteDifferenceWeights.MaxDerivative + 1)];
        c = c[..(n * columns)];
        c.Clear();
        c[0] = 1.0;
        double c1 = 1.0, c4 = x[0] - x0;
        for (var i = 1; i < n; i++)
        {
            var mn = Math.Min(i, m);
            var c2 = 1.0;
            var c5 = c4;
            c4 = x[i] - x0;
            for (var j = 0; j < i; j++)
            {
                var c3 = x[i] - x[j];
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
}
