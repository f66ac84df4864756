namespace DiffNative.Tests.Optimization;

/// <summary>Problems whose minimum value is large: the gradient tolerance scales with |f| and a
/// line search that fails where the numerical gradient is at its noise level is convergence.
/// Functions and minima from Moré, Garbow and Hillstrom, "Testing unconstrained optimization
/// software", ACM TOMS 7 (1981), problems 6 and 16; F = Σ rᵢ².</summary>
public class ScaleAwareStoppingTests
{
    private const double JennrichSampsonMinimum = 124.362182355;
    private const double BrownDennisMinimum = 85822.2016263563;

    // Problem 6, m = 10: rᵢ = 2 + 2i − (e^{i x₁} + e^{i x₂}).
    private static double JennrichSampson(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 1; i <= 10; i++)
        {
            var r = 2 + 2 * i - (Math.Exp(i * x[0]) + Math.Exp(i * x[1]));
            sum += r * r;
        }
        return sum;
    }

    // Problem 16, m = 20, n = 4, tᵢ = i/5: rᵢ = (x₁ + tᵢx₂ − e^{tᵢ})² + (x₃ + x₄ sin tᵢ − cos tᵢ)².
    private static double BrownDennis(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 1; i <= 20; i++)
        {
            var t = i / 5.0;
            var a = x[0] + t * x[1] - Math.Exp(t);
            var b = x[2] + x[3] * Math.Sin(t) - Math.Cos(t);
            var r = a * a + b * b;
            sum += r * r;
        }
        return sum;
    }

    public static TheoryData<string, OptimizationMethod> Cases() => new()
    {
        { "jennrich_sampson", OptimizationMethod.Bfgs },
        { "jennrich_sampson", OptimizationMethod.Lbfgs },
        { "brown_dennis", OptimizationMethod.Bfgs },
        { "brown_dennis", OptimizationMethod.Lbfgs },
    };

    private static (ScalarFunction F, double[] X0, double Minimum) Problem(string id) => id switch
    {
        "jennrich_sampson" => (JennrichSampson, [0.3, 0.4], JennrichSampsonMinimum),
        _ => (BrownDennis, [25.0, 5.0, -5.0, -1.0], BrownDennisMinimum),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Numerical_gradients_converge_at_a_large_minimum(string id, OptimizationMethod method)
    {
        var (f, x0, minimum) = Problem(id);
        var result = Optimize.Minimize(f, x0, new OptimizerOptions { Method = method });
        Assert.True(result.Converged, $"{result.Reason}: f = {result.Value:R}, |g| = {result.GradientNorm:E2}");
        Assert.True(Math.Abs(result.Value - minimum) <= 1e-8 * minimum, $"f = {result.Value:R}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_run_stopped_far_from_the_minimum_has_not_converged(string id, OptimizationMethod method)
    {
        var (f, x0, _) = Problem(id);
        var result = Optimize.Minimize(f, x0, new OptimizerOptions { Method = method, MaxIterations = 2 });
        Assert.Equal(StopReason.MaxIterations, result.Reason);
        Assert.False(result.Converged);
    }

    [Theory]
    [InlineData("jennrich_sampson")]
    [InlineData("brown_dennis")]
    public void A_line_search_failing_at_the_gradient_noise_level_is_attainable_accuracy(string id)
    {
        // No gradient tolerance: L-BFGS runs until no step lowers f, then its numerical gradient is rounding noise.
        var (f, x0, minimum) = Problem(id);
        var result = Optimize.Minimize(f, x0, new OptimizerOptions { Method = OptimizationMethod.Lbfgs, GradientTolerance = 0 });
        Assert.Equal(StopReason.AttainableAccuracy, result.Reason);
        Assert.True(result.Converged);
        Assert.True(Math.Abs(result.Value - minimum) <= 1e-8 * minimum, $"f = {result.Value:R}");
    }

    [Fact]
    public void A_line_search_failing_on_a_noisy_function_far_from_its_minimum_has_not_converged()
    {
        // Noise of amplitude 1e-4 makes every numerical gradient about 1e-4/h ≈ 1e2 wrong.
        var result = Optimize.Minimize(x => x[0] * x[0] + x[1] * x[1] + 1e-4 * Math.Sin(1e7 * x[0]), [3.0, 4.0]);
        Assert.False(result.Converged, $"{result.Reason}: f = {result.Value}");
    }
}
