using DiffNative.Tests.Support;

namespace DiffNative.Tests.Optimization;

/// <summary>The first-order methods reach Rosenbrock's minimum (0 at (1, 1)) from (−1.2, 1) within
/// 1e-6 in the iteration budgets the README states, and their first steps follow their closed forms.</summary>
public class FirstOrderMethodTests
{
    private static readonly double[] Start = [-1.2, 1.0];

    /// <summary>The README's budget table: method, learning rate, iterations.</summary>
    public static TheoryData<OptimizationMethod, double, int> Budgets() => new()
    {
        { OptimizationMethod.GradientDescent, 1e-3, 20_000 },
        { OptimizationMethod.Momentum, 1e-3, 2_000 },
        { OptimizationMethod.Nesterov, 1e-3, 2_000 },
        { OptimizationMethod.AdaGrad, 0.3, 12_000 },
        { OptimizationMethod.RmsProp, 3e-5, 150_000 },
        { OptimizationMethod.Adam, 1e-2, 5_000 },
        { OptimizationMethod.AdamW, 1e-3, 20_000 },
    };

    [Theory]
    [MemberData(nameof(Budgets))]
    public void Reaches_rosenbrocks_minimum_within_its_budget_with_an_analytic_gradient(OptimizationMethod method, double rate, int budget)
    {
        var objective = new Objective(MghProblems.ExtendedRosenbrock) { Gradient = MghGradients.For("rosenbrock") };
        var result = Optimize.Minimize(objective, Start, new OptimizerOptions { Method = method, LearningRate = rate, MaxIterations = budget });
        Assert.True(result.Value <= 1e-6, $"{method}: f = {result.Value} after {result.Iterations} iterations ({result.Reason})");
    }

    [Theory]
    [MemberData(nameof(Budgets))]
    public void Reaches_rosenbrocks_minimum_within_its_budget_with_a_numerical_gradient(OptimizationMethod method, double rate, int budget)
    {
        var result = Optimize.Minimize(MghProblems.ExtendedRosenbrock, Start, new OptimizerOptions { Method = method, LearningRate = rate, MaxIterations = budget });
        Assert.True(result.Value <= 1e-6, $"{method}: f = {result.Value} after {result.Iterations} iterations ({result.Reason})");
    }

    [Fact]
    public void Gradient_descent_takes_the_step_minus_rate_times_gradient()
    {
        var result = Run(OptimizationMethod.GradientDescent, 0.1, iterations: 1);
        // f = x² + 3y² at (1, 1): gradient (2, 6).
        Assert.Equal([1 - 0.1 * 2, 1 - 0.1 * 6], result.X);
    }

    [Fact]
    public void Momentum_accumulates_the_gradient_into_a_velocity()
    {
        var result = Run(OptimizationMethod.Momentum, 0.1, iterations: 2);
        // v₁ = g(x₀) = (2, 6); x₁ = (0.8, 0.4); v₂ = 0.9v₁ + g(x₁) = (1.8 + 1.6, 5.4 + 2.4).
        Assert.Equal(0.8 - 0.1 * (1.8 + 1.6), result.X[0], 15);
        Assert.Equal(0.4 - 0.1 * (5.4 + 2.4), result.X[1], 15);
    }

    [Fact]
    public void Nesterov_steps_along_the_gradient_plus_the_momentum_of_the_new_velocity()
    {
        var result = Run(OptimizationMethod.Nesterov, 0.1, iterations: 1);
        // v₁ = (2, 6); x₁ = x₀ − η(g + 0.9v₁) = 1 − 0.1·1.9·g.
        Assert.Equal(1 - 0.1 * 1.9 * 2, result.X[0], 15);
        Assert.Equal(1 - 0.1 * 1.9 * 6, result.X[1], 15);
    }

    [Theory]
    [InlineData(OptimizationMethod.AdaGrad)]
    [InlineData(OptimizationMethod.RmsProp)]
    [InlineData(OptimizationMethod.Adam)]
    public void Adaptive_methods_first_move_each_coordinate_by_about_the_rate(OptimizationMethod method)
    {
        var result = Run(method, 0.01, iterations: 1);
        // AdaGrad and Adam normalise g by |g|; RMSProp by √(1 − ρ)|g| = 0.1|g|.
        var expected = method == OptimizationMethod.RmsProp ? 0.1 : 0.01;
        Assert.Equal(1 - expected, result.X[0], 6);
        Assert.Equal(1 - expected, result.X[1], 6);
    }

    [Fact]
    public void AdamW_decays_x_by_one_minus_rate_times_decay_when_the_gradient_is_negligible()
    {
        // A gradient of 1e-300 moves Adam by about 1e-292: only the decoupled decay remains.
        var objective = new Objective(_ => 5.0) { Gradient = (_, g) => g.Fill(1e-300) };
        var result = Optimize.Minimize(objective, [2.0, -4.0], new OptimizerOptions
        {
            Method = OptimizationMethod.AdamW, LearningRate = 0.1, WeightDecay = 0.5, MaxIterations = 3, GradientTolerance = 0,
        });
        Assert.Equal(2.0 * Math.Pow(1 - 0.05, 3), result.X[0], 14);
        Assert.Equal(-4.0 * Math.Pow(1 - 0.05, 3), result.X[1], 14);
    }

    [Fact]
    public void Adam_is_AdamW_without_weight_decay()
    {
        var adam = Run(OptimizationMethod.Adam, 0.01, iterations: 50);
        var adamW = Run(OptimizationMethod.AdamW, 0.01, iterations: 50, weightDecay: 0);
        Assert.Equal(adam.X, adamW.X);
    }

    [Fact]
    public void Gradient_descent_with_a_line_search_converges_on_a_quadratic()
    {
        foreach (var search in new[] { LineSearchMethod.Backtracking, LineSearchMethod.StrongWolfe })
        {
            var result = Optimize.Minimize(Quadratic, [1.0, 1.0], new OptimizerOptions
            {
                Method = OptimizationMethod.GradientDescent, LineSearch = search, LearningRate = 1, GradientTolerance = 1e-10,
            });
            Assert.True(result.Converged, $"{search}: {result.Reason}");
            Assert.True(Math.Abs(result.X[0]) < 1e-10 && Math.Abs(result.X[1]) < 1e-10, search.ToString());
        }
    }

    private static Objective Quadratic { get; } = new(x => x[0] * x[0] + 3 * x[1] * x[1])
    {
        Gradient = (x, g) =>
        {
            g[0] = 2 * x[0];
            g[1] = 6 * x[1];
        },
    };

    private static OptimizationResult Run(OptimizationMethod method, double rate, int iterations, double weightDecay = 1e-2) =>
        Optimize.Minimize(Quadratic, [1.0, 1.0], new OptimizerOptions
        {
            Method = method, LearningRate = rate, MaxIterations = iterations, GradientTolerance = 0, WeightDecay = weightDecay,
        });
}
