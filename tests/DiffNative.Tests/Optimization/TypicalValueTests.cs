namespace DiffNative.Tests.Optimization;

/// <summary>An objective whose values are far below 1 near its minimum: 1e-8 times Rosenbrock's,
/// minimum at (1, 1) with value 0. Its gradient at the standard start is 1e-8·(−215.6, −88), so
/// the default absolute tolerance of 1e-6 stops BFGS after a few steps, far from (1, 1);
/// <see cref="OptimizerOptions.TypicalValue"/> = 1e-8 makes the tests relative to its size.</summary>
public class TypicalValueTests
{
    private const double Scale = 1e-8;

    private static double ScaledRosenbrock(ReadOnlySpan<double> x) =>
        Scale * (100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0]));

    private static readonly double[] Start = [-1.2, 1.0];

    [Theory]
    [InlineData(OptimizationMethod.Bfgs)]
    [InlineData(OptimizationMethod.Lbfgs)]
    [InlineData(OptimizationMethod.TrustRegionNewton)]
    public void A_typical_value_of_the_function_s_size_reaches_the_minimum(OptimizationMethod method)
    {
        var result = Optimize.Minimize(ScaledRosenbrock, Start, new OptimizerOptions { Method = method, TypicalValue = Scale });

        Assert.True(result.Converged, result.Reason.ToString());
        Assert.True(Math.Abs(result.X[0] - 1) <= 1e-4 && Math.Abs(result.X[1] - 1) <= 1e-4, $"x = ({result.X[0]}, {result.X[1]})");
    }

    [Fact]
    public void The_default_typical_value_stops_a_tiny_function_far_from_its_minimum()
    {
        // Why the option exists: at 1e-6 absolute the scaled gradient is below tolerance almost at once.
        var result = Optimize.Minimize(ScaledRosenbrock, Start);

        Assert.Equal(StopReason.GradientTolerance, result.Reason);
        Assert.True(Math.Abs(result.X[0] - 1) > 0.1, $"x₀ = {result.X[0]}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_typical_value_that_is_not_finite_and_positive_is_refused_naming_it(double value)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Optimize.Minimize(ScaledRosenbrock, Start, new OptimizerOptions { TypicalValue = value }));
        Assert.Equal(nameof(OptimizerOptions.TypicalValue), e.ParamName);
    }
}
