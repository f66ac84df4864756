namespace DiffNative.Tests.MachineLearning.Network;

/// <summary>The per-step updaters follow the documented formulas (they run Optimization/'s
/// classes) and refuse methods that cannot take per-batch steps.</summary>
public class ParameterUpdaterTests
{
    [Fact]
    public void Sgd_moves_against_the_gradient_by_the_learning_rate()
    {
        double[] theta = [1, -2];
        ParameterUpdater.Sgd(2, 0.1).Step(theta, [0.5, -1]);
        Assert.Equal([0.95, -1.9], theta);
    }

    [Fact]
    public void Momentum_accumulates_velocity_in_PyTorchs_form()
    {
        double[] theta = [0];
        var sgd = ParameterUpdater.Sgd(1, 0.1, momentum: 0.9);
        sgd.Step(theta, [1]); // v = 1, θ = −0.1
        sgd.Step(theta, [1]); // v = 1.9, θ = −0.29
        Assert.Equal(-0.29, theta[0], 1e-15);
    }

    [Fact]
    public void Adams_first_step_is_the_learning_rate_times_the_gradients_sign()
    {
        // m̂ = g and v̂ = g² after one step, so the step is η·g/(|g| + ε).
        double[] theta = [0, 0];
        ParameterUpdater.Adam(2, 1e-2).Step(theta, [3, -0.5]);
        Assert.Equal(-1e-2, theta[0], 1e-9);
        Assert.Equal(1e-2, theta[1], 1e-9);
    }

    [Fact]
    public void Adam_steps_match_the_minimiser_on_the_same_problem()
    {
        // f(x) = Σ (x − c)², gradient 2(x − c): 20 updater steps equal 20 Optimize.Minimize iterations.
        double[] c = [1.5, -0.5, 2];
        double[] theta = [0, 0, 0];
        var gradient = new double[3];
        var adam = ParameterUpdater.Adam(3, 0.05);
        for (var k = 0; k < 20; k++)
        {
            for (var i = 0; i < 3; i++) gradient[i] = 2 * (theta[i] - c[i]);
            adam.Step(theta, gradient);
        }
        var objective = new Objective(x => x.ToArray().Select((v, i) => (v - c[i]) * (v - c[i])).Sum())
        {
            Gradient = (x, g) => { for (var i = 0; i < 3; i++) g[i] = 2 * (x[i] - c[i]); },
        };
        var minimized = Optimize.Minimize(objective, [0, 0, 0], new OptimizerOptions
        {
            Method = OptimizationMethod.Adam, LearningRate = 0.05, MaxIterations = 20, GradientTolerance = 0,
        });
        Assert.Equal(minimized.X.ToArray(), theta);
    }

    [Theory]
    [InlineData(OptimizationMethod.Bfgs)]
    [InlineData(OptimizationMethod.Lbfgs)]
    [InlineData(OptimizationMethod.Newton)]
    public void Methods_that_need_a_line_search_are_refused(OptimizationMethod method) =>
        Assert.Throws<ArgumentException>(() => ParameterUpdater.Create(new OptimizerOptions { Method = method }, 4));

    [Fact]
    public void A_step_with_the_wrong_length_is_refused() =>
        Assert.Throws<ArgumentException>(() => ParameterUpdater.Adam(3).Step(new double[3], new double[2]));
}
