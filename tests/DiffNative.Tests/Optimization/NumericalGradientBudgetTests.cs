using DiffNative.Tests.Support;
using Xunit.Abstractions;

namespace DiffNative.Tests.Optimization;

/// <summary>What BFGS and L-BFGS cost with numerical gradients and default options, in calls of f:
/// the minimum value of the Moré–Garbow–Hillstrom problems is 0, reached within 1e-8.</summary>
public class NumericalGradientBudgetTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(OptimizationMethod.Bfgs)]
    [InlineData(OptimizationMethod.Lbfgs)]
    public void Extended_rosenbrock_with_100_variables_takes_at_most_40000_evaluations(OptimizationMethod method)
    {
        var result = Optimize.Minimize(MghProblems.ExtendedRosenbrock, MghProblems.StandardStart(100), new OptimizerOptions { Method = method });

        output.WriteLine($"{method}: {result.Reason}, {result.Iterations} iterations, {result.FunctionEvaluations} evaluations, F = {result.Value:E3}");
        Assert.True(result.Converged, result.Reason.ToString());
        Assert.True(result.Value <= 1e-8, $"F = {result.Value:E3}");
        Assert.True(result.FunctionEvaluations <= 40_000, $"{result.FunctionEvaluations} evaluations");
    }

    /// <summary>The totals central differences from H₀ = I took on the six problems of mgh.json: the
    /// budget the economical gradients must stay under.</summary>
    [Theory]
    [InlineData(OptimizationMethod.Bfgs, 3917)]
    [InlineData(OptimizationMethod.Lbfgs, 3491)]
    public void The_mgh_problems_take_fewer_evaluations_than_central_differences_did(OptimizationMethod method, int centralTotal)
    {
        var total = 0;
        foreach (var problem in MghProblems.All())
        {
            var result = Optimize.Minimize(problem.F, problem.X0, new OptimizerOptions { Method = method });
            output.WriteLine($"{problem.Id}: {result.Reason}, {result.Iterations} iterations, {result.FunctionEvaluations} evaluations");
            Assert.True(result.Converged && Math.Abs(result.Value - problem.Minimum) <= 1e-8, $"{problem.Id}: {result.Reason}, F = {result.Value:E3}");
            total += result.FunctionEvaluations;
        }
        output.WriteLine($"total {total}");
        Assert.True(total < centralTotal, $"{total} evaluations in total");
    }
}
