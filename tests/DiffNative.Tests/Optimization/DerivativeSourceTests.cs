using DiffNative.Tests.Support;

namespace DiffNative.Tests.Optimization;

/// <summary>Where derivatives come from: the hand-written MGH gradients agree with mgh.json, and
/// the differentiation options (backend, batch, parallel) pass through to numerical derivatives.</summary>
public class DerivativeSourceTests
{
    [Theory]
    [MemberData(nameof(MghProblems.Data), MemberType = typeof(MghProblems))]
    public void Hand_written_gradients_match_mgh_json_at_the_standard_start(MghProblems.Problem problem)
    {
        var g = new double[problem.N];
        MghGradients.For(problem.Id)(problem.X0, g);
        Assert.True(MghProblems.ScaledError(g, problem.Gradient) <= 1e-14, problem.Id);
    }

    [Fact]
    public void A_batch_objective_follows_the_same_path_as_a_per_point_one()
    {
        var options = new OptimizerOptions { Differentiation = new DifferentiationOptions { BatchSize = 3 } };
        var perPoint = Optimize.Minimize(MghProblems.ExtendedRosenbrock, MghProblems.StandardStart(4), options);
        var batched = Optimize.Minimize(Objective.FromBatch((points, n, values) =>
        {
            for (var r = 0; r < values.Length; r++) values[r] = MghProblems.ExtendedRosenbrock(points.Slice(r * n, n));
        }), MghProblems.StandardStart(4), options);
        Assert.Equal(perPoint.X, batched.X);
        Assert.Equal(perPoint.FunctionEvaluations, batched.FunctionEvaluations);
    }

    [Fact]
    public void Parallel_and_managed_numerical_derivatives_follow_the_same_path()
    {
        // Options given, even the defaults, keep central differences throughout, as parallel ones do.
        var sequential = Optimize.Minimize(MghProblems.ExtendedRosenbrock, MghProblems.StandardStart(10),
            new OptimizerOptions { Differentiation = DifferentiationOptions.Default });
        var parallel = Optimize.Minimize(MghProblems.ExtendedRosenbrock, MghProblems.StandardStart(10),
            new OptimizerOptions { Differentiation = new DifferentiationOptions { Parallel = true, MaxDegreeOfParallelism = 4 } });
        var managed = Optimize.Minimize(MghProblems.ExtendedRosenbrock, MghProblems.StandardStart(10),
            new OptimizerOptions { Differentiation = new DifferentiationOptions { Backend = Backend.Managed } });
        Assert.Equal(sequential.X, parallel.X);
        Assert.Equal(sequential.X, managed.X);
    }

    [Fact]
    public void Newton_differences_a_batch_objectives_hessian_in_batches()
    {
        var batches = 0;
        var objective = Objective.FromBatch((points, n, values) =>
        {
            batches++;
            for (var r = 0; r < values.Length; r++) values[r] = MghProblems.ExtendedRosenbrock(points.Slice(r * n, n));
        });
        var result = Optimize.Minimize(objective, [-1.2, 1.0], new OptimizerOptions { Method = OptimizationMethod.Newton });
        Assert.True(result.Value <= 1e-8);
        Assert.True(batches < result.FunctionEvaluations, "the Hessian's and gradients' points arrive many per call");
    }
}
