using DiffNative.Tests.Support;
using Xunit.Abstractions;

namespace DiffNative.Tests.Optimization;

/// <summary>Newton, BFGS and L-BFGS from each Moré–Garbow–Hillstrom standard start reach the
/// published minimum value (0 for all six) within 1e-8, with analytic and with numerical gradients.</summary>
public class MghMinimaTests(ITestOutputHelper output)
{
    public static TheoryData<string, OptimizationMethod, bool> Cases()
    {
        var data = new TheoryData<string, OptimizationMethod, bool>();
        foreach (var problem in MghProblems.All())
            foreach (var method in new[] { OptimizationMethod.Newton, OptimizationMethod.Bfgs, OptimizationMethod.Lbfgs })
                foreach (var analytic in new[] { true, false })
                    data.Add(problem.Id, method, analytic);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reaches_the_published_minimum_from_the_standard_start(string id, OptimizationMethod method, bool analyticGradient)
    {
        var problem = MghProblems.All().Single(p => p.Id == id);
        var objective = new Objective(problem.F) { Gradient = analyticGradient ? MghGradients.For(id) : null };

        var result = Optimize.Minimize(objective, problem.X0, new OptimizerOptions { Method = method });

        output.WriteLine($"{id} {method} {(analyticGradient ? "analytic" : "numerical")}: {result.Reason} after {result.Iterations} iterations, " +
            $"f = {result.Value:E3}, |g| = {result.GradientNorm:E2}, {result.FunctionEvaluations} f, {result.GradientEvaluations} g, {result.HessianEvaluations} H");
        Assert.True(result.Converged, result.Reason.ToString());
        Assert.True(Math.Abs(result.Value - problem.Minimum) <= 1e-8, $"f = {result.Value}");
    }
}
