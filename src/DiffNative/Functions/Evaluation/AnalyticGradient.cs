namespace DiffNative;

// Here rather than in MachineLearning: Optimize (an objective's gradient) and GradientCheck (the
// gradient it checks) both take one, and neither area should need the other's namespace.

/// <summary>A hand-written gradient of f: Rⁿ → R at x, written into <paramref name="gradient"/> (n values).</summary>
public delegate void AnalyticGradient(ReadOnlySpan<double> x, Span<double> gradient);
