namespace DiffNative;

/// <summary>A hand-written gradient of f: Rⁿ → R at x, written into <paramref name="gradient"/> (n values).</summary>
public delegate void AnalyticGradient(ReadOnlySpan<double> x, Span<double> gradient);

/// <summary>A hand-written Jacobian of f: Rⁿ → Rᵐ at x, row-major m×n (entry [k·n + i] is ∂fₖ/∂xᵢ).</summary>
public delegate void AnalyticJacobian(ReadOnlySpan<double> x, Span<double> jacobian);

/// <summary>A hand-written backward pass of f: Rⁿ → Rᵐ: the vector-Jacobian product
/// gradient = Jᵀ·upstream at x (upstream has m values, gradient n).</summary>
public delegate void BackwardPass(ReadOnlySpan<double> x, ReadOnlySpan<double> upstream, Span<double> gradient);
