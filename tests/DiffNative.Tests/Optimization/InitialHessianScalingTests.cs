using DiffNative.Tests.Support;

namespace DiffNative.Tests.Optimization;

/// <summary><see cref="OptimizerOptions.ScaleInitialHessian"/>: BFGS from H₀ = (sᵀy/yᵀy)I (Shanno and
/// Phua) on the problems where H₀ = I crawls, against SciPy 1.10.1's BFGS (TestData/scipy_bfgs.json),
/// which starts from I.</summary>
public class InitialHessianScalingTests
{
    [Theory]
    [InlineData("wood")]
    [InlineData("extended_rosenbrock_10")]
    public void Scaled_bfgs_takes_at_most_half_scipys_iterations(string id)
    {
        using var doc = TestData.Load("scipy_bfgs.json");
        var scipy = doc.RootElement.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id)
            .GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("gtol").GetDouble() == 1e-5 && r.GetProperty("jac").GetString() == "analytic");
        var problem = MghProblems.All().Single(p => p.Id == id);

        var result = Optimize.Minimize(new Objective(problem.F) { Gradient = MghGradients.For(id) }, problem.X0,
            new OptimizerOptions { GradientTolerance = 1e-5, ScaleInitialHessian = true });

        Assert.True(result.Converged, result.Reason.ToString());
        Assert.True(Math.Abs(result.Value - problem.Minimum) <= 1e-8, $"f = {result.Value}");
        var limit = 0.5 * scipy.GetProperty("nit").GetInt32();
        Assert.True(result.Iterations <= limit, $"{result.Iterations} iterations; half SciPy's = {limit}");
    }
}
