namespace DiffNative.Optimization;

/// <summary>AdaGrad: G ← G + g², x ← x − ηg/(√G + ε); steps shrink where gradients have been large.</summary>
internal sealed class AdaGrad(int n, double rate, double epsilon) : FixedStepMethod(n)
{
    private readonly double[] sumOfSquares = new double[n];

    protected override void Update(ReadOnlySpan<double> x, ReadOnlySpan<double> g, Span<double> next)
    {
        for (var i = 0; i < x.Length; i++)
        {
            sumOfSquares[i] += g[i] * g[i];
            next[i] = x[i] - rate * g[i] / (Math.Sqrt(sumOfSquares[i]) + epsilon);
        }
    }
}
