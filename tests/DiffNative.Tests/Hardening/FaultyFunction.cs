using DiffNative.Tests.Support;

namespace DiffNative.Tests.Hardening;

/// <summary>What the user's function does wrong.</summary>
public enum Fault
{
    /// <summary>Throws the test's exception object at one evaluation.</summary>
    Throws,
    /// <summary>Returns NaN (every output) at one evaluation, or from it on when asked.</summary>
    ReturnsNaN,
    /// <summary>Cancels the caller's token at one evaluation and returns its normal value.</summary>
    CancelsToken,
}

/// <summary>A smooth function (the extended Rosenbrock function, or the Broyden tridiagonal
/// residual for vector-valued calls) in every form the library accepts, that misbehaves at the
/// <c>at</c>-th evaluation counted over all its forms and threads. With <c>at</c> = 0 it never
/// misbehaves, and <see cref="Calls"/> counts a clean run's evaluations.</summary>
public sealed class FaultyFunction
{
    private readonly Fault fault;
    private readonly long at;
    private readonly Exception thrown;
    private readonly CancellationTokenSource cancel;
    private readonly bool nanFromThenOn;
    private long calls;

    public FaultyFunction(Fault fault, long at, Exception thrown, CancellationTokenSource cancel, bool nanFromThenOn = false)
    {
        (this.fault, this.at, this.thrown, this.cancel, this.nanFromThenOn) = (fault, at, thrown, cancel, nanFromThenOn);
        // Made once, so that a measured call does not allocate delegates of its own.
        AsScalar = Scalar;
        AsVector = Vector;
        AsBatchScalar = BatchScalar;
        AsBatchVector = BatchVector;
    }

    /// <summary>A function that never misbehaves.</summary>
    public static FaultyFunction Clean() => new(Fault.Throws, 0, new InvalidOperationException("never thrown"), new CancellationTokenSource());

    public ScalarFunction AsScalar { get; }
    public VectorFunction AsVector { get; }
    public BatchScalarFunction AsBatchScalar { get; }
    public BatchVectorFunction AsBatchVector { get; }

    /// <summary>Evaluations so far (rows of a batch count one each).</summary>
    public long Calls => Interlocked.Read(ref calls);

    /// <summary>The Broyden tridiagonal residual's outputs equal its inputs.</summary>
    public static int Outputs(int n) => n;

    public double Scalar(ReadOnlySpan<double> x) => Misbehave() ? double.NaN : MghProblems.ExtendedRosenbrock(x);

    public void Vector(ReadOnlySpan<double> x, Span<double> y)
    {
        if (Misbehave()) { y.Fill(double.NaN); return; }
        for (var k = 0; k < x.Length; k++)
            y[k] = (3 - 2 * x[k]) * x[k] - (k > 0 ? x[k - 1] : 0) - 2 * (k + 1 < x.Length ? x[k + 1] : 0) + 1;
    }

    public void BatchScalar(ReadOnlySpan<double> points, int dimension, Span<double> values)
    {
        for (var r = 0; r < values.Length; r++)
            values[r] = Scalar(points.Slice(r * dimension, dimension));
    }

    public void BatchVector(ReadOnlySpan<double> points, int dimension, Span<double> values)
    {
        for (var r = 0; r * dimension < points.Length; r++)
            Vector(points.Slice(r * dimension, dimension), values.Slice(r * dimension, dimension));
    }

    /// <summary>Counts the call and does the fault's part; true when the value must be NaN.</summary>
    private bool Misbehave()
    {
        var call = Interlocked.Increment(ref calls);
        if (at == 0 || (call != at && !(nanFromThenOn && call > at))) return false;
        switch (fault)
        {
            case Fault.Throws:
                throw thrown;
            case Fault.CancelsToken:
                cancel.Cancel();
                return false;
            default:
                return true;
        }
    }
}
