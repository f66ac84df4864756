using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace DiffNative;

/// <summary>The caller's function in whichever form it came (per point or batch, scalar or vector
/// valued), evaluated at a plan's points sequentially, in parallel, or in batches. The native core
/// never calls back into managed code: crossing costs more than a delegate call, and an exception
/// in the user's function must reach the caller as itself. Every span the function writes into is
/// filled with NaN just before the call: the buffers are pooled, so an output it leaves unwritten
/// would otherwise hold an earlier call's values (another thread's, even) and pass for a result.</summary>
internal readonly struct FunctionSource
{
    private readonly ScalarFunction? scalar;
    private readonly VectorFunction? vector;
    private readonly BatchScalarFunction? batchScalar;
    private readonly BatchVectorFunction? batchVector;

    /// <summary>Values per point: 1 for scalar functions, m for vector ones.</summary>
    internal int Outputs { get; }

    internal FunctionSource(ScalarFunction f) { scalar = f; Outputs = 1; }
    internal FunctionSource(BatchScalarFunction f) { batchScalar = f; Outputs = 1; }
    internal FunctionSource(VectorFunction f, int outputs) { vector = f; Outputs = outputs; }
    internal FunctionSource(BatchVectorFunction f, int outputs) { batchVector = f; Outputs = outputs; }

    /// <summary>A function with one value per point (not a vector function with one output).</summary>
    internal bool ScalarValued => scalar is not null || batchScalar is not null;

    private bool IsBatch => batchScalar is not null || batchVector is not null;

    /// <summary>Evaluates plan points [start, start+count) into values (Outputs per point).</summary>
    internal void Evaluate<TPlan>(in TPlan plan, int start, int count, ReadOnlySpan<double> x, ReadOnlySpan<double> direction,
        Span<double> values, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation)
        where TPlan : struct, IPointPlan
    {
        if (IsBatch)
            EvaluateBatches(plan, start, count, x, direction, values, options, workspace, cancellation);
        else if (options.Parallel && count > 1)
            EvaluateParallel(plan, start, count, x, direction, values, options, cancellation);
        else
            EvaluateSequential(plan, start, count, x, direction, values, workspace.Span(Workspace.Slot.Point, x.Length), cancellation);
        // The loops look at the token only every so often: a token that fired after the last look
        // still means the caller wants no result, whatever the size of the problem.
        cancellation.ThrowIfCancellationRequested();
    }

    /// <summary>A scalar function's value at one point, whichever form it came in: a batch function
    /// gets a batch of one row, its value first set to NaN so that a function that writes nothing
    /// shows as not finite.</summary>
    internal double AtPoint(ReadOnlySpan<double> point, Span<double> one)
    {
        if (scalar is not null) return scalar(point);
        one[0] = double.NaN;
        batchScalar!(point, point.Length, one[..1]);
        return one[0];
    }

    /// <summary>Every output's value at one point into <paramref name="values"/> (Outputs long),
    /// NaN first so that an output the function leaves unwritten shows as not finite.</summary>
    internal void ValuesAt(ReadOnlySpan<double> point, Span<double> values)
    {
        values = values[..Outputs];
        values.Fill(double.NaN);
        if (scalar is not null) values[0] = scalar(point);
        else if (vector is not null) vector(point, values);
        else if (batchScalar is not null) batchScalar(point, point.Length, values);
        else batchVector!(point, point.Length, values);
    }

    /// <summary>The per-point scalar function when that is how the caller gave it and evaluation is
    /// sequential: the gradient then runs its own tight loop.</summary>
    internal ScalarFunction? SequentialScalar(DifferentiationOptions options) => options.Parallel ? null : scalar;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EvaluateSequential<TPlan>(in TPlan plan, int start, int count, ReadOnlySpan<double> x, ReadOnlySpan<double> direction,
        Span<double> values, Span<double> point, CancellationToken cancellation)
        where TPlan : struct, IPointPlan
    {
        x.CopyTo(point);
        var m = Outputs;
        for (var k = 0; k < count; k++)
        {
            if ((k & 63) == 0) cancellation.ThrowIfCancellationRequested();
            var p = plan[start + k];
            plan.Apply(p, x, direction, point);
            if (scalar is not null)
            {
                values[k] = scalar(point);
            }
            else
            {
                var y = values.Slice(k * m, m);
                y.Fill(double.NaN);
                vector!(point, y);
            }
            plan.Restore(p, x, point);
        }
    }

    private void EvaluateParallel<TPlan>(TPlan plan, int start, int count, ReadOnlySpan<double> x, ReadOnlySpan<double> direction,
        Span<double> values, DifferentiationOptions options, CancellationToken cancellation)
        where TPlan : struct, IPointPlan
    {
        var self = this;
        var xs = x.ToArray();
        var ds = direction.ToArray();
        var results = new double[count * Outputs];
        var workers = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
        var chunk = Math.Max(1, count / (4 * workers));
        var chunks = (count + chunk - 1) / chunk;
        var parallelOptions = new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = workers };
        try
        {
            System.Threading.Tasks.Parallel.For(0, chunks, parallelOptions, c =>
            {
                var first = c * chunk;
                var length = Math.Min(chunk, count - first);
                var local = Workspace.Rent();
                try
                {
                    self.EvaluateSequential(plan, start + first, length, xs, ds,
                        results.AsSpan(first * self.Outputs, length * self.Outputs), local.Span(Workspace.Slot.Point, xs.Length), cancellation);
                }
                finally
                {
                    Workspace.Return(local);
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The user's exception, not a wrapper: the same object they threw.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        results.CopyTo(values);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EvaluateBatches<TPlan>(in TPlan plan, int start, int count, ReadOnlySpan<double> x, ReadOnlySpan<double> direction,
        Span<double> values, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation)
        where TPlan : struct, IPointPlan
    {
        var n = x.Length;
        var m = Outputs;
        var batch = Math.Max(1, Math.Min(options.BatchSize, count));
        var rows = workspace.Span(Workspace.Slot.Rows, batch * n);
        var backend = DiffNativeRuntime.Resolve(options.Backend);
        for (var first = 0; first < count; first += batch)
        {
            cancellation.ThrowIfCancellationRequested();
            var length = Math.Min(batch, count - first);
            BatchPoints.Build(backend, plan, start + first, length, x, direction, workspace, rows);
            var points = rows[..(length * n)];
            var output = values.Slice(first * m, length * m);
            output.Fill(double.NaN);
            if (batchScalar is not null) batchScalar(points, n, output);
            else batchVector!(points, n, output);
        }
    }
}

/// <summary>A scalar <see cref="FunctionSource"/> one point at a time (<paramref name="one"/> holds a batch function's value).</summary>
internal readonly ref struct SourcePoint(FunctionSource source, Span<double> one) : IPointFunction
{
    private readonly Span<double> one = one;

    public double At(ReadOnlySpan<double> point) => source.AtPoint(point, one);
}
