using DiffNative.Tests.Support;

namespace DiffNative.Tests.Optimization;

/// <summary>The target: on every MGH problem our BFGS, with the analytic gradient and SciPy's
/// tolerance, takes no more iterations than SciPy 1.10.1's BFGS + 10 % (TestData/scipy_bfgs.json).</summary>
public class ScipyComparisonTests
{
    public static TheoryData<string, double> Cases()
    {
        var data = new TheoryData<string, double>();
        foreach (var problem in MghProblems.All())
            foreach (var gtol in new[] { 1e-5, 1e-6 })
                data.Add(problem.Id, gtol);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bfgs_takes_no_more_iterations_than_scipy_plus_ten_percent(string id, double gtol)
    {
        using var doc = TestData.Load("scipy_bfgs.json");
        var scipy = doc.RootElement.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id)
            .GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("gtol").GetDouble() == gtol && r.GetProperty("jac").GetString() == "analytic");
        var problem = MghProblems.All().Single(p => p.Id == id);

        var result = Optimize.Minimize(new Objective(problem.F) { Gradient = MghGradients.For(id) }, problem.X0,
            new OptimizerOptions { GradientTolerance = gtol });

        Assert.True(result.Converged, result.Reason.ToString());
        var limit = 1.1 * scipy.GetProperty("nit").GetInt32();
        Assert.True(result.Iterations <= limit, $"{result.Iterations} iterations; SciPy + 10 % = {limit}");
    }
}
