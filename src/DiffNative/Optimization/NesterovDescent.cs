namespace DiffNative.Optimization;

/// <summary>Nesterov momentum in PyTorch's form, which tracks the look-ahead point so that only the
/// gradient at the iterate is needed: v ← μv + ∇f, x ← x − η(∇f + μv).</summary>
internal sealed class NesterovDescent(int n, double rate, double momentum) : FixedStepMethod(n)
{
    private readonly double[] velocity = new double[n];

    protected override void Update(ReadOnlySpan<double> x, ReadOnlySpan<double> g, Span<double> next)
    {
        for (var i = 0; i < x.Length; i++)
        {
            velocity[i] = momentum * velocity[i] + g[i];
            next[i] = x[i] - rate * (g[i] + momentum * velocity[i]);
        }
    }
}
