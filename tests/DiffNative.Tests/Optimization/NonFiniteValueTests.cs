namespace DiffNative.Tests.Optimization;

/// <summary>A NaN or infinite f or gradient stops the run with <see cref="StopReason.NonFiniteValue"/>
/// and the last point where everything was finite, never a NaN x.</summary>
public class NonFiniteValueTests
{
    // (x − 1)² but NaN beyond x = 0.5: fixed steps from −1 towards 1 must cross into it.
    private static double NanBeyondHalf(ReadOnlySpan<double> x) => x[0] > 0.5 ? double.NaN : (x[0] - 1) * (x[0] - 1);

    [Fact]
    public void A_fixed_step_into_nan_stops_at_the_last_finite_iterate()
    {
        var objective = new Objective(NanBeyondHalf) { Gradient = (x, g) => g[0] = 2 * (x[0] - 1) };
        var result = Optimize.Minimize(objective, [-1.0], new OptimizerOptions { Method = OptimizationMethod.GradientDescent, LearningRate = 0.1 });
        Assert.Equal(StopReason.NonFiniteValue, result.Reason);
        Assert.False(result.Converged);
        Assert.True(result.X[0] <= 0.5 && double.IsFinite(result.Value));
        Assert.Equal((result.X[0] - 1) * (result.X[0] - 1), result.Value);
    }

    [Theory]
    [InlineData(OptimizationMethod.Bfgs)]
    [InlineData(OptimizationMethod.Lbfgs)]
    [InlineData(OptimizationMethod.Newton)]
    [InlineData(OptimizationMethod.TrustRegionNewton)]
    [InlineData(OptimizationMethod.Adam)]
    public void A_function_that_turns_nan_everywhere_stops_the_run(OptimizationMethod method)
    {
        var calls = 0;
        var result = Optimize.Minimize(x => ++calls > 40 ? double.NaN : x[0] * x[0] + x[1] * x[1] + Math.Pow(x[0] - x[1], 4), [3.0, -2.0],
            new OptimizerOptions { Method = method, GradientTolerance = 0 });
        Assert.Equal(StopReason.NonFiniteValue, result.Reason);
        Assert.All(result.X, v => Assert.True(double.IsFinite(v)));
        Assert.True(double.IsFinite(result.Value));
    }

    [Fact]
    public void A_nan_at_the_start_stops_before_the_first_iteration()
    {
        var result = Optimize.Minimize(_ => double.NaN, [1.0, 2.0]);
        Assert.Equal(StopReason.NonFiniteValue, result.Reason);
        Assert.Equal(0, result.Iterations);
        Assert.Equal([1.0, 2.0], result.X);
    }

    [Fact]
    public void An_infinite_analytic_gradient_stops_the_run()
    {
        var objective = new Objective(x => x[0] * x[0]) { Gradient = (x, g) => g[0] = x[0] < 0.5 ? double.PositiveInfinity : 2 * x[0] };
        var result = Optimize.Minimize(objective, [1.0], new OptimizerOptions { Method = OptimizationMethod.GradientDescent, LearningRate = 0.3 });
        Assert.Equal(StopReason.NonFiniteValue, result.Reason);
        Assert.Equal(1.0, result.X[0]);
    }

    [Fact]
    public void A_line_search_backs_off_from_a_nan_region_and_still_converges()
    {
        // −log x + x, minimum 1 at x = 1; NaN for x ≤ 0. The first BFGS step from 0.1 overshoots far past 0.
        var objective = new Objective(x => x[0] <= 0 ? double.NaN : -Math.Log(x[0]) + x[0]) { Gradient = (x, g) => g[0] = -1 / x[0] + 1 };
        var result = Optimize.Minimize(objective, [0.1], new OptimizerOptions { Method = OptimizationMethod.Newton });
        Assert.True(result.Converged, result.Reason.ToString());
        Assert.Equal(1.0, result.X[0], 6);
    }
}
