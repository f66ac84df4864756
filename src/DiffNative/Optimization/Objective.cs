namespace DiffNative.Optimization;

/// <summary>The function to minimise with whatever derivatives the caller has. A missing gradient
/// is differenced numerically from f; a missing Hessian is differenced from the analytic gradient
/// when there is one (2n gradient calls, more accurate), otherwise from f (2n² + 1 calls); a sparse
/// Hessian costs less (see <see cref="OptimizerOptions.HessianSparsity"/>).
/// Immutable; share it across threads if the delegates allow it.</summary>
public sealed record Objective
{
    /// <summary>An objective evaluated one point per call.</summary>
    /// <param name="value">f: Rⁿ → R.</param>
    public Objective(ScalarFunction value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    private Objective(BatchScalarFunction batch)
    {
        BatchValue = batch;
        // A single point is a batch of one row; the buffer is per thread so parallel callers share nothing.
        Value = x =>
        {
            var value = singleRow ??= new double[1];
            // The row is this thread's for every call: unwritten, it must not pass for the last value.
            value[0] = double.NaN;
            batch(x, x.Length, value);
            return value[0];
        };
    }

    [ThreadStatic] private static double[]? singleRow;

    /// <summary>An objective evaluated many points per call: numerical derivatives send their
    /// stencil points in batches of <see cref="DifferentiationOptions.BatchSize"/>.</summary>
    /// <param name="value">f at many points.</param>
    public static Objective FromBatch(BatchScalarFunction value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Objective(value);
    }

    /// <summary>f at one point.</summary>
    public ScalarFunction Value { get; }

    /// <summary>f at many points, when the objective was made by <see cref="FromBatch"/>; otherwise null.</summary>
    public BatchScalarFunction? BatchValue { get; }

    /// <summary>The analytic gradient (the delegate <see cref="MachineLearning.GradientCheck"/> checks); null
    /// differences it numerically. It must not keep either span: the buffers are reused.</summary>
    public AnalyticGradient? Gradient { get; init; }

    /// <summary>The analytic Hessian (Newton only); null differences it numerically.</summary>
    public HessianFunction? Hessian { get; init; }

    /// <summary>How many variables f takes; when set, the starting point must have this many.</summary>
    public int? Dimension { get; init; }
}
