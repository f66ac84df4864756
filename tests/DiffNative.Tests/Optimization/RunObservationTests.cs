using DiffNative.Tests.Support;

namespace DiffNative.Tests.Optimization;

/// <summary>The trace, the progress callback and cancellation.</summary>
public class RunObservationTests
{
    private static readonly double[] Start = [-1.2, 1.0];

    [Fact]
    public void The_trace_keeps_every_iterate_from_the_start()
    {
        var result = Optimize.Minimize(MghProblems.ExtendedRosenbrock, Start, new OptimizerOptions { RecordTrace = true });
        var trace = result.Trace!;
        Assert.Equal(result.Iterations + 1, trace.Count);
        Assert.Equal(Start, trace[0].X);
        Assert.Equal(24.2, trace[0].Value, 12);
        Assert.Equal(0, trace[0].StepNorm);
        Assert.Equal(result.X, trace[^1].X);
        Assert.Equal(result.Value, trace[^1].Value);
        Assert.Equal(Enumerable.Range(0, trace.Count), trace.Select(r => r.Iteration));
        Assert.Equal(result.FunctionEvaluations, trace[^1].FunctionEvaluations);
    }

    [Fact]
    public void Gradient_descent_keeps_the_history_of_its_iterates()
    {
        var result = Optimize.Minimize(x => x[0] * x[0], [1.0], new OptimizerOptions
        {
            Method = OptimizationMethod.GradientDescent, LearningRate = 0.25, MaxIterations = 3, RecordTrace = true,
        });
        // x ← x − 0.25·2x = x/2.
        Assert.Equal([1.0, 0.5, 0.25, 0.125], result.Trace!.Select(r => r.X[0]).ToArray(), new ToleranceComparer(1e-9));
    }

    [Fact]
    public void Trace_records_are_copies_that_later_iterations_do_not_change()
    {
        var result = Optimize.Minimize(MghProblems.ExtendedRosenbrock, Start, new OptimizerOptions { RecordTrace = true });
        Assert.Equal(Start, result.Trace![0].X);
        Assert.NotSame(result.Trace[^1].X, result.X);
    }

    [Fact]
    public void Progress_sees_the_start_and_every_iteration_in_order()
    {
        var seen = new List<IterationRecord>();
        var result = Optimize.Minimize(MghProblems.ExtendedRosenbrock, Start, new OptimizerOptions { Progress = seen.Add });
        Assert.Equal(result.Iterations + 1, seen.Count);
        Assert.Equal(Enumerable.Range(0, seen.Count), seen.Select(r => r.Iteration));
        Assert.Equal(result.Value, seen[^1].Value);
        Assert.Null(result.Trace);
    }

    [Fact]
    public void Cancelling_from_progress_stops_with_the_last_accepted_iterate()
    {
        using var source = new CancellationTokenSource();
        var seen = new List<IterationRecord>();
        var result = Optimize.Minimize(MghProblems.ExtendedRosenbrock, Start, new OptimizerOptions
        {
            Progress = r =>
            {
                seen.Add(r);
                if (r.Iteration == 3) source.Cancel();
            },
        }, source.Token);
        Assert.Equal(StopReason.Cancelled, result.Reason);
        Assert.False(result.Converged);
        Assert.Equal(3, result.Iterations);
        Assert.Equal(seen[3].X, result.X);
    }

    [Fact]
    public void A_token_cancelled_before_the_start_evaluates_nothing()
    {
        var result = Optimize.Minimize(MghProblems.ExtendedRosenbrock, Start, cancellationToken: new CancellationToken(canceled: true));
        Assert.Equal(StopReason.Cancelled, result.Reason);
        Assert.Equal(0, result.FunctionEvaluations);
        Assert.Equal(Start, result.X);
    }

    [Fact]
    public void Cancelling_inside_a_numerical_gradient_keeps_the_last_accepted_iterate()
    {
        using var source = new CancellationTokenSource();
        var calls = 0;
        var accepted = new List<double[]>();
        var result = Optimize.Minimize(x =>
        {
            if (++calls == 100) source.Cancel();
            return MghProblems.ExtendedRosenbrock(x);
        }, Start, new OptimizerOptions { Progress = r => accepted.Add(r.X) }, source.Token);
        Assert.Equal(StopReason.Cancelled, result.Reason);
        Assert.Equal(accepted[^1], result.X);
        Assert.All(result.X, v => Assert.True(double.IsFinite(v)));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(double value) => 0;
    }
}
