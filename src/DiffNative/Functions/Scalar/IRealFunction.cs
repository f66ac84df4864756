namespace DiffNative;

/// <summary>A real function of one variable as the scalar engine sees it. The engine is generic
/// over it, so that a delegate, a complex function on the real axis and the line t ↦ f(x + t·v)
/// through a multivariate function all run the same code, and the last one (a ref struct over
/// the caller's spans) needs neither a closure nor copies of x and v.</summary>
internal interface IRealFunction
{
    double At(double t);
}

/// <summary>A plain delegate.</summary>
internal readonly struct DelegateFunction(Func<double, double> f) : IRealFunction
{
    public double At(double t) => f(t);
}

/// <summary>A function written over complex numbers, on the real axis.</summary>
internal readonly struct RealAxis(Func<System.Numerics.Complex, System.Numerics.Complex> f) : IRealFunction
{
    public double At(double t) => f(new System.Numerics.Complex(t, 0)).Real;
}

/// <summary>t ↦ f(x + t·v), written into <paramref name="point"/> before each call.</summary>
internal readonly ref struct LineThrough(ScalarFunction f, ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> point)
    : IRealFunction
{
    private readonly ReadOnlySpan<double> x = x;
    private readonly ReadOnlySpan<double> v = v;
    private readonly Span<double> point = point;

    public double At(double t)
    {
        for (var i = 0; i < point.Length; i++) point[i] = x[i] + t * v[i];
        return f(point);
    }
}

/// <summary>A real function of several variables, one point at a time, as the gradient's step check
/// sees it: the caller's per-point delegate, or one row of its batch function.</summary>
internal interface IPointFunction
{
    double At(ReadOnlySpan<double> point);
}

/// <summary>A per-point delegate.</summary>
internal readonly struct PointDelegate(ScalarFunction f) : IPointFunction
{
    public double At(ReadOnlySpan<double> point) => f(point);
}
