namespace DiffNative.Optimization;

/// <summary>Heavy-ball momentum in PyTorch's form: v ← μv + ∇f, x ← x − ηv.</summary>
internal sealed class MomentumDescent(int n, double rate, double momentum) : FixedStepMethod(n)
{
    private readonly double[] velocity = new double[n];

    protected override void Update(ReadOnlySpan<double> x, ReadOnlySpan<double> g, Span<double> next)
    {
        for (var i = 0; i < x.Length; i++)
        {
            velocity[i] = momentum * velocity[i] + g[i];
            next[i] = x[i] - rate * velocity[i];
        }
    }
}
