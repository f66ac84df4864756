using DiffNative.Tests.Support;
using Xunit.Abstractions;

namespace DiffNative.Tests.Optimization;

/// <summary>Trust-region Newton: reaches the Moré–Garbow–Hillstrom minima where line-search Newton
/// stalls, follows negative curvature away from a saddle, converges quadratically with an exact
/// Hessian and says why when the region collapses.</summary>
public class TrustRegionNewtonTests(ITestOutputHelper output)
{
    private static readonly OptimizerOptions TrustRegion = new() { Method = OptimizationMethod.TrustRegionNewton };

    // Meyer (MGH #10), n = 3, m = 16: rᵢ = x₁·exp(x₂/(tᵢ + x₃)) − yᵢ, tᵢ = 45 + 5i.
    private static readonly double[] MeyerY =
        [34780, 28610, 23650, 19630, 16370, 13720, 11540, 9744, 8261, 7030, 6005, 5147, 4427, 3820, 3307, 2872];

    private static double Meyer(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 1; i <= 16; i++)
        {
            var r = x[0] * Math.Exp(x[1] / (45 + 5 * i + x[2])) - MeyerY[i - 1];
            sum += r * r;
        }
        return sum;
    }

    // F* of Meyer and of Watson with n = 9: Gauss–Newton at 40 digits in mpmath
    // (TestData/meyer_watson_minima.py), agreeing with the paper's 87.9458 and 1.39976e-6.
    private const double MeyerMinimum = 87.945855170851120898;
    private const double WatsonMinimum = 1.3997601380990199426e-6;

    // Watson (MGH #20), m = 31: for tᵢ = i/29, i = 1..29,
    // rᵢ = Σⱼ₌₂ⁿ (j − 1)xⱼtᵢ^(j−2) − (Σⱼ₌₁ⁿ xⱼtᵢ^(j−1))² − 1; r₃₀ = x₁; r₃₁ = x₂ − x₁² − 1.
    private static double Watson(ReadOnlySpan<double> x)
    {
        var n = x.Length;
        var sum = 0.0;
        for (var i = 1; i <= 29; i++)
        {
            var t = i / 29.0;
            double derivative = 0, value = 0, power = 1;
            for (var j = 1; j <= n; j++)
            {
                // power = t^(j−1) here.
                if (j >= 2) derivative += (j - 1) * x[j - 1] * power / t;
                value += x[j - 1] * power;
                power *= t;
            }
            var r = derivative - value * value - 1;
            sum += r * r;
        }
        var r30 = x[0];
        var r31 = x[1] - x[0] * x[0] - 1;
        return sum + r30 * r30 + r31 * r31;
    }

    private void Report(string name, OptimizationResult r) =>
        output.WriteLine($"{name}: {r.Reason} after {r.Iterations} iterations, f = {r.Value:R}, |g| = {r.GradientNorm:E2}, " +
            $"{r.FunctionEvaluations} f, {r.GradientEvaluations} g, {r.HessianEvaluations} H");

    [Fact]
    public void Reaches_the_meyer_minimum_with_extrapolated_numerical_derivatives()
    {
        // Central differences on their default steps are off by h²f'''/6 ≈ 0.1 in ∂f/∂x₂ and ≈ 1 in
        // ∂f/∂x₃ here, more than the gradient along Meyer's valley: extrapolated ones are needed.
        var result = Optimize.Minimize(Meyer, [0.02, 4000, 250],
            TrustRegion with { GradientTolerance = 1e-12, Differentiation = new DifferentiationOptions { Adaptive = true } });
        Report("meyer", result);
        Assert.True(Math.Abs(result.Value - MeyerMinimum) <= 1e-8 * MeyerMinimum, $"f = {result.Value:R}");
        // f itself is rounded by about 3e-10 (residuals of 3 from terms of 35 000), so the run ends
        // when no step can be told from that noise, not on an iteration or evaluation limit.
        Assert.True(result.Converged || result.Reason == StopReason.TrustRegionCollapsed, result.Reason.ToString());
    }

    [Fact]
    public void Reaches_the_meyer_minimum_by_default_turning_adaptive_when_the_region_collapses()
    {
        // On default (fixed) steps the region collapses at f ≈ 87.968; the run then differences
        // adaptively from there and goes on to F*.
        var result = Optimize.Minimize(Meyer, [0.02, 4000, 250], TrustRegion);
        Report("meyer, default derivatives", result);
        Assert.True(Math.Abs(result.Value - MeyerMinimum) <= 1e-8 * MeyerMinimum, $"f = {result.Value:R}");
        Assert.True(result.Converged || result.Reason == StopReason.TrustRegionCollapsed, result.Reason.ToString());
    }

    [Fact]
    public void Differentiation_options_given_keep_their_fixed_steps_and_the_collapse_is_reported()
    {
        // The user's options are theirs: no switch to adaptive, and the stop says it is not converged.
        var result = Optimize.Minimize(Meyer, [0.02, 4000, 250], TrustRegion with { Differentiation = DifferentiationOptions.Default });
        Report("meyer, given fixed steps", result);
        Assert.Equal(StopReason.TrustRegionCollapsed, result.Reason);
        Assert.False(result.Converged);
        Assert.True(result.Value - MeyerMinimum > 1e-3, $"f = {result.Value:R}");
    }

    [Fact]
    public void Reaches_the_watson_minimum_for_nine_variables_with_numerical_derivatives()
    {
        var result = Optimize.Minimize(Watson, new double[9], TrustRegion with { GradientTolerance = 1e-8 });
        Report("watson", result);
        Assert.True(result.Converged, result.Reason.ToString());
        Assert.True(Math.Abs(result.Value - WatsonMinimum) <= 1e-8, $"f = {result.Value:R}");
    }

    public static TheoryData<string, bool> MghCases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var problem in MghProblems.All())
            foreach (var analytic in new[] { true, false })
                data.Add(problem.Id, analytic);
        return data;
    }

    [Theory]
    [MemberData(nameof(MghCases))]
    public void Reaches_the_published_minimum_of_the_mgh_six(string id, bool analyticGradient)
    {
        var problem = MghProblems.All().Single(p => p.Id == id);
        var objective = new Objective(problem.F) { Gradient = analyticGradient ? MghGradients.For(id) : null };
        var result = Optimize.Minimize(objective, problem.X0, TrustRegion);
        Report(id, result);
        Assert.True(result.Converged, result.Reason.ToString());
        Assert.True(Math.Abs(result.Value - problem.Minimum) <= 1e-8, $"f = {result.Value}");
    }

    /// <summary>f = x² − y² + y⁴/4: a saddle at the origin, minima f = −1 at (0, ±√2).</summary>
    private static readonly Objective Saddle = new(p => p[0] * p[0] - p[1] * p[1] + p[1] * p[1] * p[1] * p[1] / 4)
    {
        Gradient = (p, g) =>
        {
            g[0] = 2 * p[0];
            g[1] = -2 * p[1] + p[1] * p[1] * p[1];
        },
        Hessian = (p, h) =>
        {
            h[0] = 2;
            h[1] = h[2] = 0;
            h[3] = -2 + 3 * p[1] * p[1];
        },
    };

    [Fact]
    public void Leaves_a_saddle_along_negative_curvature_for_the_true_minimum()
    {
        // At (1, 0.01) the Hessian diag(2, −2 + 3y²) is indefinite.
        var result = Optimize.Minimize(Saddle, [1.0, 0.01], TrustRegion with { GradientTolerance = 1e-10 });
        Report("saddle", result);
        Assert.True(result.Converged, result.Reason.ToString());
        Assert.Equal(-1.0, result.Value, 12);
        Assert.Equal(0.0, result.X[0], 10);
        Assert.Equal(Math.Sqrt(2), result.X[1], 10);
    }

    [Fact]
    public void Takes_the_hard_case_step_along_negative_curvature_the_gradient_does_not_see()
    {
        // The same f from (0.5, 0): g = (1, 0) is orthogonal to the eigenvector (0, 1) of the negative
        // eigenvalue −2, the Moré–Sorensen hard case; any step along g keeps y = 0.
        var result = Optimize.Minimize(Saddle, [0.5, 0.0], TrustRegion with { GradientTolerance = 1e-10, MaxIterations = 1 });
        // One step: the model's minimiser on the region moves y, and f drops below 0, which no
        // step along y = 0 reaches (f ≥ 0 there).
        Assert.NotEqual(0.0, result.X[1]);
        Assert.True(result.Value < 0, $"f = {result.Value}");
    }

    [Fact]
    public void Converges_quadratically_on_rosenbrock_with_the_analytic_hessian()
    {
        var objective = new Objective(MghProblems.ExtendedRosenbrock)
        {
            Gradient = MghGradients.For("rosenbrock"),
            Hessian = (x, h) => MghProblems.ExtendedRosenbrockHessian(x.ToArray()).CopyTo(h),
        };
        var result = Optimize.Minimize(objective, [-1.2, 1.0], TrustRegion with { GradientTolerance = 0, RecordTrace = true, MaxIterations = 100 });
        Report("rosenbrock", result);
        var errors = result.Trace!.Select(r => Math.Max(Math.Abs(r.X[0] - 1), Math.Abs(r.X[1] - 1))).ToArray();
        output.WriteLine(string.Join(" ", errors.Select(e => e.ToString("E2"))));
        // Quadratic convergence: near (1, 1) each error is at most C times the square of the last, with
        // C = ½‖H⁻¹‖·‖∇³f‖ ≈ ½ · 2.5 · 2400 = 3000 (H = [[802, −400], [−400, 200]], ∂³f/∂x³ = 2400x).
        // Linear or superlinear convergence breaks this once the error is small.
        var close = Enumerable.Range(0, errors.Length - 1).Where(k => errors[k] < 1e-3 && errors[k + 1] > 0).ToArray();
        Assert.True(close.Length >= 2 && errors[close[^1]] < 1e-6, $"{close.Length} steps from within 1e-3");
        foreach (var k in close)
            Assert.True(errors[k + 1] <= 3000 * errors[k] * errors[k], $"step {k}: {errors[k]:E3} → {errors[k + 1]:E3}");
        Assert.Equal(0.0, errors[^1]);
    }

    [Fact]
    public void Never_raises_f_because_a_rejected_step_is_retried_within_the_iteration()
    {
        var result = Optimize.Minimize(MghProblems.ExtendedRosenbrock, [-1.2, 1.0], TrustRegion with { RecordTrace = true });
        var values = result.Trace!.Select(r => r.Value).ToArray();
        for (var k = 1; k < values.Length; k++) Assert.True(values[k] <= values[k - 1], $"iteration {k}: {values[k - 1]} → {values[k]}");
        Assert.Equal(result.Iterations + 1, values.Length);
    }

    [Fact]
    public void Stops_with_a_collapsed_region_when_the_gradient_points_uphill()
    {
        // The "gradient" has the wrong sign: every step the model likes raises f, so the region
        // shrinks until it is below rounding at x.
        var objective = new Objective(p => p[0] * p[0] + p[1] * p[1])
        {
            Gradient = (p, g) =>
            {
                g[0] = -2 * p[0];
                g[1] = -2 * p[1];
            },
            Hessian = (_, h) =>
            {
                h[0] = h[3] = 2;
                h[1] = h[2] = 0;
            },
        };
        var result = Optimize.Minimize(objective, [1.0, 2.0], TrustRegion);
        Assert.Equal(StopReason.TrustRegionCollapsed, result.Reason);
        Assert.Equal([1.0, 2.0], result.X);
        Assert.False(result.Converged);
    }

    [Fact]
    public void Refuses_a_line_search_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Optimize.Minimize(MghProblems.ExtendedRosenbrock, [-1.2, 1.0], TrustRegion with { LineSearch = LineSearchMethod.Backtracking }));
        Assert.Equal(nameof(OptimizerOptions.LineSearch), error.ParamName);
    }
}
