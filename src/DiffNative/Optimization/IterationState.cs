namespace DiffNative.Optimization;

/// <summary>The current iterate with its value and gradient. A step replaces all three together
/// or leaves them alone, so the state always describes one finite point.</summary>
internal sealed class IterationState(int n)
{
    internal double[] X { get; } = new double[n];
    internal double Value { get; set; }
    internal double[] Gradient { get; } = new double[n];
    internal int N => X.Length;

    /// <summary>Accepts a trial point whose value and gradient are known to be finite.</summary>
    internal void Accept(ReadOnlySpan<double> x, double value, ReadOnlySpan<double> gradient)
    {
        x.CopyTo(X);
        Value = value;
        gradient.CopyTo(Gradient);
    }
}
