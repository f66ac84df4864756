using DiffNative.Tests.Hardening;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.Optimization;

/// <summary>BFGS and L-BFGS with the differentiation options left null: forward differences, n
/// evaluations each since f at the point is already known, while the gradient is large; central
/// ones near the minimum, where the stopping test needs them. The counts are of the calls of f,
/// counted by wrapping it.</summary>
public class SwitchingGradientTests
{
    // f = ½‖x‖², gradient x.
    private static double HalfSquaredNorm(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        foreach (var v in x) sum += v * v;
        return 0.5 * sum;
    }

    [Theory]
    [InlineData(OptimizationMethod.Bfgs)]
    [InlineData(OptimizationMethod.Lbfgs)]
    public void The_start_gradient_costs_n_evaluations_beyond_f_at_the_start(OptimizationMethod method)
    {
        const int n = 10;
        var calls = 0;
        var atStart = -1;
        var result = Optimize.Minimize(x => { calls++; return MghProblems.ExtendedRosenbrock(x); }, MghProblems.StandardStart(n),
            new OptimizerOptions { Method = method, MaxIterations = 1, Progress = r => { if (r.Iteration == 0) atStart = calls; } });

        // f(x0) once, then f(x0 + hᵢeᵢ) for each i: the central gradient would take 2n.
        Assert.Equal(1 + n, atStart);
        Assert.Equal(calls, result.FunctionEvaluations);
    }

    [Theory]
    [InlineData(OptimizationMethod.Bfgs)]
    [InlineData(OptimizationMethod.Lbfgs)]
    public void An_iteration_costs_its_trial_point_and_n_for_the_gradient_there(OptimizationMethod method)
    {
        // From (1, 1, 1, 1), ‖g‖ = 2: the first trial step is α = 1.01/‖g‖ = 0.505 along −g, where
        // φ′(α) = −‖g‖²(1 − α) meets the curvature condition |1 − α| ≤ 0.9, so it is accepted.
        // Its f is known, so its forward gradient takes n more: 1 + n + 1 + n calls in all.
        const int n = 4;
        var calls = 0;
        var result = Optimize.Minimize(x => { calls++; return HalfSquaredNorm(x); }, [1.0, 1.0, 1.0, 1.0],
            new OptimizerOptions { Method = method, MaxIterations = 1 });

        Assert.Equal(1, result.Iterations);
        Assert.Equal(2 + 2 * n, calls);
        Assert.Equal(calls, result.FunctionEvaluations);
        Assert.Equal(2, result.GradientEvaluations);
    }

    [Theory]
    [InlineData(OptimizationMethod.Bfgs)]
    [InlineData(OptimizationMethod.Lbfgs)]
    public void Differentiation_options_given_even_the_defaults_keep_central_differences(OptimizationMethod method)
    {
        const int n = 10;
        var atStart = new int[2];
        for (var k = 0; k < 2; k++)
        {
            var calls = 0;
            var slot = k;
            Optimize.Minimize(x => { calls++; return MghProblems.ExtendedRosenbrock(x); }, MghProblems.StandardStart(n),
                new OptimizerOptions
                {
                    Method = method, MaxIterations = 1, Differentiation = k == 0 ? null : DifferentiationOptions.Default,
                    Progress = r => { if (r.Iteration == 0) atStart[slot] = calls; },
                });
        }

        Assert.Equal(1 + n, atStart[0]);
        Assert.Equal(1 + 2 * n, atStart[1]);
    }

    [Theory]
    [InlineData("rosenbrock", OptimizationMethod.Bfgs)]
    [InlineData("rosenbrock", OptimizationMethod.Lbfgs)]
    [InlineData("powell_singular", OptimizationMethod.Bfgs)]
    [InlineData("wood", OptimizationMethod.Lbfgs)]
    public void The_stopping_test_sees_a_gradient_accurate_to_central_differences(string id, OptimizationMethod method)
    {
        // A forward difference at the minimum is off by about hᵢ·∂²f/∂xᵢ²/2 (6e-6 on Rosenbrock,
        // where ∂²f/∂x₁² = 802): more than the tolerance. The reported norm must be the true one.
        var problem = MghProblems.All().Single(p => p.Id == id);
        var result = Optimize.Minimize(problem.F, problem.X0, new OptimizerOptions { Method = method });

        Assert.Equal(StopReason.GradientTolerance, result.Reason);
        var truth = new double[problem.N];
        MghGradients.For(id)(result.X, truth);
        var trueNorm = truth.Max(Math.Abs);
        Assert.True(Math.Abs(result.GradientNorm - trueNorm) <= 1e-7, $"reported {result.GradientNorm:E3}, true {trueNorm:E3}");
        Assert.True(trueNorm <= 1.1e-6, $"true gradient norm {trueNorm:E3}");
    }

    [Theory]
    [InlineData(OptimizationMethod.Bfgs)]
    [InlineData(OptimizationMethod.Lbfgs)]
    public void A_line_search_that_fails_on_a_forward_gradient_retakes_it_centrally(OptimizationMethod method)
    {
        // At the minimum (1, 1) of 500(x − 1)² + (y − 1)² the forward difference along x is all
        // truncation, 500h = 7.45e-6 with h = √ε: above the tolerance, and no step along it lowers
        // f. The central difference there is exactly 0 (both values are 500h²).
        var result = Optimize.Minimize(x => 500 * (x[0] - 1) * (x[0] - 1) + (x[1] - 1) * (x[1] - 1), [1.0, 1.0],
            new OptimizerOptions { Method = method });

        Assert.True(result.Converged, result.Reason.ToString());
        Assert.Equal([1.0, 1.0], result.X);
        Assert.Equal(0.0, result.GradientNorm);
    }

    [Theory]
    [InlineData(OptimizationMethod.Bfgs)]
    [InlineData(OptimizationMethod.Lbfgs)]
    public void A_batch_objective_differences_forward_as_a_per_point_one(OptimizationMethod method)
    {
        var options = new OptimizerOptions { Method = method };
        var perPoint = Optimize.Minimize(MghProblems.ExtendedRosenbrock, MghProblems.StandardStart(10), options);
        var batches = 0;
        var batched = Optimize.Minimize(Objective.FromBatch((points, n, values) =>
        {
            batches++;
            for (var r = 0; r < values.Length; r++) values[r] = MghProblems.ExtendedRosenbrock(points.Slice(r * n, n));
        }), MghProblems.StandardStart(10), options);

        Assert.Equal(perPoint.X, batched.X);
        Assert.Equal(perPoint.FunctionEvaluations, batched.FunctionEvaluations);
        Assert.True(batches < batched.FunctionEvaluations / 2, "the forward points arrive many per call");
    }

    [Fact]
    public void Numerical_gradients_start_bfgs_from_the_scaled_identity_by_default()
    {
        var problem = MghProblems.All().Single(p => p.Id == "extended_rosenbrock_10");
        var byDefault = Optimize.Minimize(problem.F, problem.X0);
        var scaled = Optimize.Minimize(problem.F, problem.X0, new OptimizerOptions { ScaleInitialHessian = true });

        Assert.Equal(scaled.X, byDefault.X);
        Assert.Equal(scaled.FunctionEvaluations, byDefault.FunctionEvaluations);
    }

    public static TheoryData<OptimizationMethod, bool, Fault, int> FaultCases()
    {
        var data = new TheoryData<OptimizationMethod, bool, Fault, int>();
        foreach (var method in new[] { OptimizationMethod.Bfgs, OptimizationMethod.Lbfgs })
            foreach (var batch in new[] { false, true })
                foreach (var fault in Enum.GetValues<Fault>())
                    foreach (var at in new[] { 4, 50, 0 })
                        data.Add(method, batch, fault, at);
        return data;
    }

    /// <param name="at">The faulty evaluation: 4 inside the first forward gradient, 50 in a later
    /// one, 0 halfway through a clean run (central by then).</param>
    [Theory]
    [MemberData(nameof(FaultCases))]
    public void A_fault_in_a_forward_gradient_reaches_the_caller(OptimizationMethod method, bool batch, Fault fault, int at)
    {
        OptimizationResult Run(FaultyFunction f, CancellationToken token) => Optimize.Minimize(
            batch ? Objective.FromBatch(f.AsBatchScalar) : new Objective(f.AsScalar), MghProblems.StandardStart(10),
            new OptimizerOptions { Method = method }, token);
        var clean = FaultyFunction.Clean();
        Assert.True(Run(clean, default).Converged);
        var when = at > 0 ? at : clean.Calls / 2 + 1;
        var thrown = new InvalidOperationException("the objective's fault");
        using var cancel = new CancellationTokenSource();
        var faulty = new FaultyFunction(fault, when, thrown, cancel, nanFromThenOn: true);

        switch (fault)
        {
            case Fault.Throws:
                Assert.Same(thrown, Assert.Throws<InvalidOperationException>(() => Run(faulty, cancel.Token)));
                break;
            case Fault.CancelsToken:
                Assert.Equal(StopReason.Cancelled, Run(faulty, cancel.Token).Reason);
                break;
            case Fault.ReturnsNaN:
                var result = Run(faulty, cancel.Token);
                Assert.Equal(StopReason.NonFiniteValue, result.Reason);
                Assert.All(result.X, v => Assert.True(double.IsFinite(v)));
                Assert.True(double.IsFinite(result.Value));
                break;
        }
        Assert.True(faulty.Calls >= when, $"the fault at evaluation {when} was never reached ({faulty.Calls} evaluations)");
    }
}
