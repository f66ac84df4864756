using DiffNative.Tests.Support;

namespace DiffNative.Tests.Hardening;

/// <summary>What a lazy call of the user's function leaves unwritten.</summary>
public enum Unwritten
{
    /// <summary>Every output: the function returns without writing.</summary>
    Everything,
    /// <summary>The second half of its output span (of y, or of a batch's values).</summary>
    SecondHalf,
}

/// <summary>A smooth function in every form that writes into a span — the Broyden tridiagonal
/// residual (vector), the extended Rosenbrock function (scalar, through a batch) and that
/// function's closed-form gradient — that writes its outputs whole for its first
/// <c>goodCalls</c> calls and then turns lazy: from then on it writes 2·f, and only into the first
/// half of its span, or nothing. Calls are counted over all forms (a batch counts one).</summary>
public sealed class LazyFunction
{
    private readonly Unwritten unwritten;
    private readonly long goodCalls;
    private long calls;

    public LazyFunction(Unwritten unwritten, long goodCalls)
    {
        (this.unwritten, this.goodCalls) = (unwritten, goodCalls);
        AsVector = Vector;
        AsBatchScalar = BatchScalar;
        AsBatchVector = BatchVector;
        AsGradient = Gradient;
        AsBatchGradient = BatchGradient;
        AsAnalyticGradient = Gradient;
        AsHessianFunction = Hessian;
    }

    /// <summary>Turns lazy at the next call.</summary>
    public void TurnLazy() => Interlocked.Exchange(ref calls, goodCalls);

    public VectorFunction AsVector { get; }
    public BatchScalarFunction AsBatchScalar { get; }
    public BatchVectorFunction AsBatchVector { get; }
    public VectorFunction AsGradient { get; }
    public BatchVectorFunction AsBatchGradient { get; }
    public AnalyticGradient AsAnalyticGradient { get; }
    public HessianFunction AsHessianFunction { get; }

    /// <summary>The Broyden tridiagonal residual: yₖ = (3 − 2xₖ)xₖ − xₖ₋₁ − 2xₖ₊₁ + 1.</summary>
    public static void Broyden(ReadOnlySpan<double> x, Span<double> y)
    {
        for (var k = 0; k < x.Length; k++)
            y[k] = (3 - 2 * x[k]) * x[k] - (k > 0 ? x[k - 1] : 0) - 2 * (k + 1 < x.Length ? x[k + 1] : 0) + 1;
    }

    /// <summary>∂yₖ/∂xⱼ of <see cref="Broyden"/>: 3 − 4xₖ on the diagonal, −1 below it, −2 above it.</summary>
    public static double BroydenJacobian(double[] x, int k, int j) =>
        j == k ? 3 - 4 * x[k] : j == k - 1 ? -1 : j == k + 1 ? -2 : 0;

    /// <summary>The closed-form gradient of the extended Rosenbrock function.</summary>
    public static void RosenbrockGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        for (var i = 0; i + 1 < x.Length; i += 2)
        {
            var u = x[i + 1] - x[i] * x[i];
            g[i] = -400 * x[i] * u - 2 * (1 - x[i]);
            g[i + 1] = 200 * u;
        }
    }

    /// <summary>Counts the call; true once the good calls are spent.</summary>
    private bool Lazy() => Interlocked.Increment(ref calls) > goodCalls;

    private void Write(ReadOnlySpan<double> whole, Span<double> output, bool lazy)
    {
        if (!lazy)
        {
            whole.CopyTo(output);
            return;
        }
        if (unwritten == Unwritten.Everything) return;
        for (var k = 0; k < output.Length / 2; k++) output[k] = 2 * whole[k];
    }

    private void Vector(ReadOnlySpan<double> x, Span<double> y)
    {
        Span<double> whole = stackalloc double[y.Length];
        Broyden(x, whole);
        Write(whole, y, Lazy());
    }

    private void Gradient(ReadOnlySpan<double> x, Span<double> g)
    {
        Span<double> whole = stackalloc double[g.Length];
        RosenbrockGradient(x, whole);
        Write(whole, g, Lazy());
    }

    private void Hessian(ReadOnlySpan<double> x, Span<double> h) =>
        Write(MghProblems.ExtendedRosenbrockHessian(x.ToArray()), h, Lazy());

    private void BatchScalar(ReadOnlySpan<double> points, int dimension, Span<double> values)
    {
        var whole = new double[values.Length];
        for (var r = 0; r < values.Length; r++) whole[r] = MghProblems.ExtendedRosenbrock(points.Slice(r * dimension, dimension));
        Write(whole, values, Lazy());
    }

    private void BatchVector(ReadOnlySpan<double> points, int dimension, Span<double> values) =>
        BatchRows(points, dimension, values, Broyden);

    private void BatchGradient(ReadOnlySpan<double> points, int dimension, Span<double> values) =>
        BatchRows(points, dimension, values, RosenbrockGradient);

    private delegate void Row(ReadOnlySpan<double> x, Span<double> y);

    private void BatchRows(ReadOnlySpan<double> points, int dimension, Span<double> values, Row row)
    {
        var whole = new double[values.Length];
        for (var r = 0; r * dimension < points.Length; r++)
            row(points.Slice(r * dimension, dimension), whole.AsSpan(r * dimension, dimension));
        Write(whole, values, Lazy());
    }
}
