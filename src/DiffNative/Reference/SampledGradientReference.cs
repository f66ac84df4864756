namespace DiffNative.Reference;

/// <summary>The managed reference of the uniform first-derivative kernel: the same operations in
/// the same order as the C paths (numpy.gradient with edge_order=2), so results are bit-identical.
/// RyuJIT never contracts a*b+c into an FMA on its own, which keeps that true.</summary>
internal static class SampledGradientReference
{
    /// <summary>Arguments are already validated: n &gt;= 3, destination at least as long, spacing
    /// finite and positive.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static void Compute(ReadOnlySpan<double> y, double h, Span<double> output)
    {
        var n = y.Length;
        var twoH = 2.0 * h;
        for (var i = 1; i < n - 1; i++)
            output[i] = (y[i + 1] - y[i - 1]) / twoH;

        double a = -1.5 / h, b = 2.0 / h, c = -0.5 / h;
        output[0] = a * y[0] + b * y[1] + c * y[2];
        double d = 0.5 / h, e = -2.0 / h, f = 1.5 / h;
        output[n - 1] = d * y[n - 3] + e * y[n - 2] + f * y[n - 1];
    }
}
