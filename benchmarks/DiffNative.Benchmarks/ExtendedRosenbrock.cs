namespace DiffNative.Benchmarks;

/// <summary>The extended Rosenbrock function (Moré–Garbow–Hillstrom problem 21) and its standard start.</summary>
internal static class ExtendedRosenbrock
{
    internal static double Value(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 0; i + 1 < x.Length; i += 2)
        {
            var r1 = 10 * (x[i + 1] - x[i] * x[i]);
            var r2 = 1 - x[i];
            sum += r1 * r1 + r2 * r2;
        }
        return sum;
    }

    /// <summary>The closed-form gradient, for Hessians from gradients.</summary>
    internal static void Gradient(ReadOnlySpan<double> x, Span<double> g)
    {
        for (var i = 0; i + 1 < x.Length; i += 2)
        {
            var u = x[i + 1] - x[i] * x[i];
            g[i] = -400 * x[i] * u - 2 * (1 - x[i]);
            g[i + 1] = 200 * u;
        }
    }

    /// <summary>The Hessian's upper triangle: the (2i, 2i + 1) couplings of each 2×2 block.</summary>
    internal static SparsityPattern HessianPattern(int n) =>
        SparsityPattern.FromEntries(n, n, Enumerable.Range(0, n / 2).Select(k => (2 * k, 2 * k + 1)));

    internal static double[] Start(int n) => Enumerable.Range(0, n).Select(i => i % 2 == 0 ? -1.2 : 1.0).ToArray();
}
