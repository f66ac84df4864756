namespace DiffNative.Optimization;

/// <summary>RMSProp: E ← ρE + (1 − ρ)g², x ← x − ηg/(√E + ε); AdaGrad with a fading memory.</summary>
internal sealed class RmsProp(int n, double rate, double decay, double epsilon) : FixedStepMethod(n)
{
    private readonly double[] meanSquare = new double[n];

    protected override void Update(ReadOnlySpan<double> x, ReadOnlySpan<double> g, Span<double> next)
    {
        for (var i = 0; i < x.Length; i++)
        {
            meanSquare[i] = decay * meanSquare[i] + (1 - decay) * g[i] * g[i];
            next[i] = x[i] - rate * g[i] / (Math.Sqrt(meanSquare[i]) + epsilon);
        }
    }
}
