namespace DiffNative;

/// <summary>The gradient of f at <paramref name="x"/>, written into <paramref name="gradient"/>
/// (n values). Must not keep either span: the buffers are reused.</summary>
public delegate void GradientFunction(ReadOnlySpan<double> x, Span<double> gradient);

/// <summary>The Hessian of f at <paramref name="x"/>, written into <paramref name="hessian"/>
/// (row-major n×n, symmetric). Must not keep either span: the buffers are reused.</summary>
public delegate void HessianFunction(ReadOnlySpan<double> x, Span<double> hessian);
