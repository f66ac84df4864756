using DiffNative.Tests.Support;

namespace DiffNative.Tests.Optimization;

/// <summary>Newton's method: exact on quadratics, downhill where the Hessian is indefinite, and
/// counting the Hessians it uses.</summary>
public class NewtonTests
{
    // f = ½xᵀAx − bᵀx with A positive definite; b = A·(1, −2, 3), so the minimiser is (1, −2, 3).
    private static readonly double[] A = [4, 1, 0, 1, 3, 1, 0, 1, 2];
    private static readonly double[] B = [2, -2, 4];

    private static Objective Quadratic(bool analyticHessian) => new(x =>
    {
        var sum = 0.0;
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++) sum += 0.5 * x[i] * A[i * 3 + j] * x[j];
            sum -= B[i] * x[i];
        }
        return sum;
    })
    {
        Gradient = (x, g) =>
        {
            for (var i = 0; i < 3; i++)
            {
                g[i] = -B[i];
                for (var j = 0; j < 3; j++) g[i] += A[i * 3 + j] * x[j];
            }
        },
        Hessian = analyticHessian ? (_, h) => A.CopyTo(h) : null,
    };

    [Fact]
    public void Solves_a_quadratic_in_one_step_with_an_analytic_hessian()
    {
        var result = Optimize.Minimize(Quadratic(analyticHessian: true), [10.0, 10.0, 10.0], new OptimizerOptions { Method = OptimizationMethod.Newton, GradientTolerance = 1e-12 });
        Assert.Equal(1, result.Iterations);
        Assert.Equal(1.0, result.X[0], 14);
        Assert.Equal(-2.0, result.X[1], 14);
        Assert.Equal(3.0, result.X[2], 14);
        Assert.Equal(1, result.HessianEvaluations);
    }

    [Fact]
    public void Differences_a_missing_hessian_from_the_analytic_gradient()
    {
        var result = Optimize.Minimize(Quadratic(analyticHessian: false), [10.0, 10.0, 10.0], new OptimizerOptions { Method = OptimizationMethod.Newton, MaxIterations = 1, GradientTolerance = 0 });
        Assert.Equal(1.0, result.X[0], 9);
        Assert.Equal(-2.0, result.X[1], 9);
        Assert.Equal(3.0, result.X[2], 9);
        // One Hessian from 2n = 6 gradient calls, besides the gradients at x0 and x1; f is never differenced.
        Assert.Equal(1, result.HessianEvaluations);
        Assert.Equal(2 + 6, result.GradientEvaluations);
        Assert.Equal(2, result.FunctionEvaluations);
    }

    [Fact]
    public void Goes_downhill_to_a_minimum_where_the_hessian_is_indefinite_instead_of_to_the_saddle()
    {
        // f = x⁴/4 − x²/2 + y²/2: a saddle at the origin (Hessian diag(−1, 1)), minima −1/4 at (±1, 0).
        // The raw Newton step from (0.01, 1) lands next to the saddle; the modified one must not.
        var objective = new Objective(p => p[0] * p[0] * p[0] * p[0] / 4 - p[0] * p[0] / 2 + p[1] * p[1] / 2)
        {
            Gradient = (p, g) =>
            {
                g[0] = p[0] * p[0] * p[0] - p[0];
                g[1] = p[1];
            },
            Hessian = (p, h) =>
            {
                h[0] = 3 * p[0] * p[0] - 1;
                h[1] = h[2] = 0;
                h[3] = 1;
            },
        };
        var result = Optimize.Minimize(objective, [0.01, 1.0], new OptimizerOptions { Method = OptimizationMethod.Newton });
        Assert.True(result.Converged, result.Reason.ToString());
        Assert.Equal(-0.25, result.Value, 12);
        Assert.Equal(1.0, Math.Abs(result.X[0]), 6);
    }

    [Fact]
    public void Converges_on_rosenbrock_from_a_start_where_its_hessian_is_indefinite()
    {
        // At (0, 1) the Hessian is [[1200x² − 400y + 2, −400x], [−400x, 200]] = [[−398, 0], [0, 200]].
        var objective = new Objective(MghProblems.ExtendedRosenbrock)
        {
            Gradient = MghGradients.For("rosenbrock"),
            Hessian = (x, h) => MghProblems.ExtendedRosenbrockHessian(x.ToArray()).CopyTo(h),
        };
        var result = Optimize.Minimize(objective, [0.0, 1.0], new OptimizerOptions { Method = OptimizationMethod.Newton });
        Assert.True(result.Converged, result.Reason.ToString());
        Assert.True(result.Value <= 1e-12, $"f = {result.Value}");
        Assert.Equal(1.0, result.X[0], 6);
        Assert.Equal(1.0, result.X[1], 6);
    }

    [Fact]
    public void Takes_a_strong_wolfe_line_search_when_asked()
    {
        var result = Optimize.Minimize(MghProblems.ExtendedRosenbrock, [-1.2, 1.0],
            new OptimizerOptions { Method = OptimizationMethod.Newton, LineSearch = LineSearchMethod.StrongWolfe });
        Assert.True(result.Converged, result.Reason.ToString());
        Assert.True(result.Value <= 1e-8);
    }
}
