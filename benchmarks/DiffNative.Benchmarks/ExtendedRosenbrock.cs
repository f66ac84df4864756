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

    internal static double[] Start(int n) => Enumerable.Range(0, n).Select(i => i % 2 == 0 ? -1.2 : 1.0).ToArray();
}
