using DiffNative.Tests.Support;

namespace DiffNative.Tests.Optimization;

/// <summary>Each stopping rule stops the run with its own reason, and the counts say what it cost.</summary>
public class StoppingRuleTests
{
    private static readonly double[] Start = [-1.2, 1.0];

    // f = x² + 3y² + z², gradient (2x, 6y, 2z).
    private static double Bowl(ReadOnlySpan<double> x) => x[0] * x[0] + 3 * x[1] * x[1] + x[2] * x[2];

    private static void BowlGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 2 * x[0];
        g[1] = 6 * x[1];
        g[2] = 2 * x[2];
    }

    [Fact]
    public void A_start_at_a_stationary_point_stops_before_the_first_iteration()
    {
        var result = Optimize.Minimize(new Objective(Bowl) { Gradient = BowlGradient }, [0.0, 0.0, 0.0]);
        Assert.Equal(StopReason.GradientTolerance, result.Reason);
        Assert.True(result.Converged);
        Assert.Equal(0, result.Iterations);
        Assert.Equal(1, result.FunctionEvaluations);
        Assert.Equal(1, result.GradientEvaluations);
    }

    [Fact]
    public void The_gradient_norm_is_the_largest_absolute_partial_derivative()
    {
        var result = Optimize.Minimize(new Objective(Bowl) { Gradient = BowlGradient }, [1.0, 1.0, 1.0],
            new OptimizerOptions { Method = OptimizationMethod.GradientDescent, LearningRate = 0.1, MaxIterations = 1 });
        // x₁ = (0.8, 0.4, 0.8): gradient (1.6, 2.4, 1.6).
        Assert.Equal(2.4, result.GradientNorm, 14);
    }

    [Fact]
    public void Max_iterations_stops_after_exactly_that_many()
    {
        var result = Optimize.Minimize(MghProblems.ExtendedRosenbrock, Start, new OptimizerOptions { MaxIterations = 5 });
        Assert.Equal(StopReason.MaxIterations, result.Reason);
        Assert.False(result.Converged);
        Assert.Equal(5, result.Iterations);
    }

    [Fact]
    public void Max_evaluations_stops_once_the_budget_is_spent()
    {
        var result = Optimize.Minimize(MghProblems.ExtendedRosenbrock, Start, new OptimizerOptions { MaxEvaluations = 50 });
        Assert.Equal(StopReason.MaxEvaluations, result.Reason);
        Assert.InRange(result.FunctionEvaluations, 50, 50 + 40);
    }

    [Fact]
    public void Function_tolerance_stops_when_f_barely_changes()
    {
        // Minimum 10: the relative change of f shrinks geometrically while the gradient is still large.
        var result = Optimize.Minimize(x => Bowl(x) + 10, [1.0, 1.0, 1.0], new OptimizerOptions
        {
            Method = OptimizationMethod.GradientDescent, LearningRate = 0.01, FunctionTolerance = 1e-6, GradientTolerance = 1e-12,
        });
        Assert.Equal(StopReason.FunctionTolerance, result.Reason);
        Assert.True(result.Converged);
        Assert.True(result.GradientNorm > 1e-6);
    }

    [Fact]
    public void Step_tolerance_stops_when_x_barely_moves()
    {
        var result = Optimize.Minimize(MghProblems.ExtendedRosenbrock, Start, new OptimizerOptions
        {
            Method = OptimizationMethod.GradientDescent, LearningRate = 1e-3, StepTolerance = 1e-5, MaxIterations = 100_000,
        });
        Assert.Equal(StopReason.StepTolerance, result.Reason);
        Assert.True(result.Trace is null);
    }

    [Fact]
    public void Numerical_gradients_count_their_function_evaluations()
    {
        var options = new OptimizerOptions { Method = OptimizationMethod.GradientDescent, LearningRate = 0.1, MaxIterations = 10, GradientTolerance = 0 };
        var analytic = Optimize.Minimize(new Objective(Bowl) { Gradient = BowlGradient }, [1.0, 1.0, 1.0], options);
        var numerical = Optimize.Minimize(Bowl, [1.0, 1.0, 1.0], options);
        // Fixed steps: f and ∇f once at the start and once per iteration; central differences cost 2n = 6 calls.
        Assert.Equal(11, analytic.FunctionEvaluations);
        Assert.Equal(11, analytic.GradientEvaluations);
        Assert.Equal(11 + 6 * 11, numerical.FunctionEvaluations);
        Assert.Equal(11, numerical.GradientEvaluations);
        Assert.Equal(0, numerical.HessianEvaluations);
    }

    [Fact]
    public void Numerical_hessians_of_f_count_their_function_evaluations()
    {
        var result = Optimize.Minimize(Bowl, [1.0, 1.0, 1.0], new OptimizerOptions { Method = OptimizationMethod.Newton, MaxIterations = 1, GradientTolerance = 0 });
        // Two gradients (6 calls each), one Hessian (2n² + 1 = 19 calls) and the line search's one f.
        Assert.Equal(1, result.HessianEvaluations);
        Assert.Equal(1 + 1 + 2 * 6 + 19, result.FunctionEvaluations);
    }
}
