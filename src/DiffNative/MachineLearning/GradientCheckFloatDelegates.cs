namespace DiffNative;

/// <summary>A float function f: Rⁿ → R, as networks that train in float compute it.</summary>
public delegate float FloatScalarFunction(ReadOnlySpan<float> x);

/// <summary>A float function f: Rⁿ → Rᵐ writing its m values into <paramref name="y"/>.</summary>
public delegate void FloatVectorFunction(ReadOnlySpan<float> x, Span<float> y);

/// <summary>A hand-written float gradient of f: Rⁿ → R at x (n values).</summary>
public delegate void FloatAnalyticGradient(ReadOnlySpan<float> x, Span<float> gradient);

/// <summary>A hand-written float Jacobian, row-major m×n (entry [k·n + i] is ∂fₖ/∂xᵢ).</summary>
public delegate void FloatAnalyticJacobian(ReadOnlySpan<float> x, Span<float> jacobian);

/// <summary>A hand-written float backward pass: gradient = Jᵀ·upstream at x (upstream m values, gradient n).</summary>
public delegate void FloatBackwardPass(ReadOnlySpan<float> x, ReadOnlySpan<float> upstream, Span<float> gradient);
