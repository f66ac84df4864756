namespace DiffNative.Optimization;

/// <summary>The Hessian of f at <paramref name="x"/>, written into <paramref name="hessian"/>
/// (row-major n×n, symmetric). Must not keep either span: the buffers are reused.</summary>
public delegate void HessianFunction(ReadOnlySpan<double> x, Span<double> hessian);
