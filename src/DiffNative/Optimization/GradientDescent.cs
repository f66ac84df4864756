namespace DiffNative.Optimization;

/// <summary>x ← x − η∇f with a fixed learning rate η.</summary>
internal sealed class GradientDescent(int n, double rate) : FixedStepMethod(n)
{
    protected override void Update(ReadOnlySpan<double> x, ReadOnlySpan<double> g, Span<double> next) =>
        Vectors.MoveAlong(x, -rate, g, next);
}
