using System.Globalization;
using DiffNative.Tests.Support;
using Xunit.Abstractions;

namespace DiffNative.Tests.Optimization;

/// <summary>Levenberg–Marquardt least squares: the six zero-residual Moré–Garbow–Hillstrom problems
/// from their standard starts, linear and exponential fits against closed forms, the covariance
/// estimate, the evaluation count and the cost of a Jacobian, and bad input.</summary>
public class LeastSquaresTests(ITestOutputHelper output)
{
    public static TheoryData<string, JacobianMethod> MghCases()
    {
        var data = new TheoryData<string, JacobianMethod>();
        foreach (var problem in MghProblems.All())
            foreach (var method in new[] { JacobianMethod.Forward, JacobianMethod.Central })
                data.Add(problem.Id, method);
        return data;
    }

    public static TheoryData<string> MghIds() => new(MghProblems.All().Select(p => p.Id));

    [Theory]
    [MemberData(nameof(MghIds))]
    public void Mgh_residuals_agree_with_the_published_values_at_the_start(string id)
    {
        using var doc = TestData.Load("mgh.json");
        var json = doc.RootElement.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);
        var expected = json.GetProperty("residuals_at_x0").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var x0 = json.GetProperty("x0").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var r = new double[MghResiduals.Count(id, x0.Length)];

        MghResiduals.For(id)(x0, r);

        Assert.Equal(expected.Length, r.Length);
        for (var k = 0; k < r.Length; k++) Assert.Equal(expected[k], r[k], 1e-12);
    }

    [Theory]
    [MemberData(nameof(MghCases))]
    public void Reaches_the_zero_residual_minimum_from_the_standard_start(string id, JacobianMethod method)
    {
        using var doc = TestData.Load("mgh.json");
        var json = doc.RootElement.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);
        var x0 = json.GetProperty("x0").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var minimiser = json.GetProperty("minima")[0].GetProperty("x").EnumerateArray()
            .Select(e => double.Parse(e.GetString()!, CultureInfo.InvariantCulture)).ToArray();
        var options = new LeastSquaresOptions { JacobianMethod = method };

        var result = Optimize.LeastSquares(MghResiduals.For(id), MghResiduals.Count(id, x0.Length), x0, options);

        var distance = Math.Sqrt(result.X.Zip(minimiser, (a, b) => (a - b) * (a - b)).Sum());
        output.WriteLine($"{id} {method}: {result.Reason} after {result.Iterations} iterations, {result.FunctionEvaluations} evaluations, " +
            $"cost = {result.Cost:E2}, |x - x*| = {distance:E2}");
        Assert.True(result.Converged, result.Reason.ToString());
        Assert.True(result.Cost <= 1e-20, $"cost = {result.Cost}");
        // Powell's singular function is quartic in x − x* along its singular directions, so x is known to √‖r‖.
        Assert.True(distance <= (id == "powell_singular" ? 1e-6 : 1e-9), $"|x - x*| = {distance}");
    }

    private static readonly double[] Times = Enumerable.Range(0, 12).Select(i => 0.25 * i).ToArray();

    // Data off the quadratic by a fixed, non-polynomial wiggle, so the fit has a nonzero residual.
    private static readonly double[] Observations = Times.Select(t => 1.5 - 0.8 * t + 0.3 * t * t + 0.05 * Math.Sin(7 * t)).ToArray();

    private static void QuadraticResiduals(ReadOnlySpan<double> c, Span<double> r)
    {
        for (var k = 0; k < Times.Length; k++) r[k] = c[0] + c[1] * Times[k] + c[2] * Times[k] * Times[k] - Observations[k];
    }

    private static double[,] Design()
    {
        var design = new double[Times.Length, 3];
        for (var k = 0; k < Times.Length; k++) (design[k, 0], design[k, 1], design[k, 2]) = (1, Times[k], Times[k] * Times[k]);
        return design;
    }

    /// <summary>(XᵀX)⁻¹ by Gauss–Jordan with partial pivoting.</summary>
    private static double[,] NormalInverse(double[,] design)
    {
        int m = design.GetLength(0), n = design.GetLength(1);
        var a = new double[n, 2 * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
                for (var k = 0; k < m; k++) a[i, j] += design[k, i] * design[k, j];
            a[i, n + i] = 1;
        }
        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).MaxBy(row => Math.Abs(a[row, col]));
            for (var j = 0; j < 2 * n; j++) (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            var p = a[col, col];
            for (var j = 0; j < 2 * n; j++) a[col, j] /= p;
            for (var row = 0; row < n; row++)
            {
                if (row == col) continue;
                var factor = a[row, col];
                for (var j = 0; j < 2 * n; j++) a[row, j] -= factor * a[col, j];
            }
        }
        var inverse = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) inverse[i, j] = a[i, n + j];
        return inverse;
    }

    private static double[] NormalEquationSolution()
    {
        var design = Design();
        var inverse = NormalInverse(design);
        var solution = new double[3];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                for (var k = 0; k < Times.Length; k++) solution[i] += inverse[i, j] * design[k, j] * Observations[k];
        return solution;
    }

    [Theory]
    [InlineData(JacobianMethod.Forward)]
    [InlineData(JacobianMethod.Central)]
    public void A_linear_fit_matches_the_normal_equations(JacobianMethod method)
    {
        var expected = NormalEquationSolution();

        var result = Optimize.LeastSquares(QuadraticResiduals, Times.Length, [0.0, 0.0, 0.0], new LeastSquaresOptions { JacobianMethod = method });

        output.WriteLine($"linear {method}: {result.Reason}, {result.Iterations} iterations, {result.FunctionEvaluations} evaluations");
        Assert.True(result.Converged, result.Reason.ToString());
        for (var i = 0; i < 3; i++) Assert.Equal(expected[i], result.X[i], 1e-10);
        Assert.Equal(expected.Length, result.Jacobian!.Columns);
        Assert.Equal(Times.Length, result.Jacobian.Rows);
        for (var k = 0; k < Times.Length; k++)
            for (var i = 0; i < 3; i++) Assert.Equal(Design()[k, i], result.Jacobian[k, i], 1e-6);
    }

    [Fact]
    public void The_covariance_of_a_linear_fit_is_s_squared_times_the_inverse_of_XtX()
    {
        var design = Design();
        var inverse = NormalInverse(design);
        var solution = NormalEquationSolution();
        var sumOfSquares = 0.0;
        for (var k = 0; k < Times.Length; k++)
        {
            var r = solution[0] + solution[1] * Times[k] + solution[2] * Times[k] * Times[k] - Observations[k];
            sumOfSquares += r * r;
        }
        var s2 = sumOfSquares / (Times.Length - 3);
        var options = new LeastSquaresOptions
        {
            Jacobian = (_, j) =>
            {
                for (var k = 0; k < Times.Length; k++) (j[3 * k], j[3 * k + 1], j[3 * k + 2]) = (1, Times[k], Times[k] * Times[k]);
            },
        };

        var result = Optimize.LeastSquares(QuadraticResiduals, Times.Length, [0.0, 0.0, 0.0], options);

        Assert.NotNull(result.Covariance);
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                Assert.Equal(s2 * inverse[i, j], result.Covariance![i * 3 + j], 1e-10 * Math.Abs(s2 * inverse[i, i]) + 1e-18);
        Assert.Equal(0.5 * sumOfSquares, result.Cost, 1e-12);
    }

    [Fact]
    public void A_square_system_has_no_covariance()
    {
        var result = Optimize.LeastSquares((x, r) => { r[0] = x[0] - 1; r[1] = x[1] + 2; }, 2, [0.0, 0.0]);

        Assert.Null(result.Covariance);
        Assert.Equal(LeastSquaresStopReason.ZeroResidual, result.Reason);
        Assert.Equal([1.0, -2.0], result.X);
    }

    [Theory]
    [InlineData(JacobianMethod.Forward)]
    [InlineData(JacobianMethod.Central)]
    public void An_exponential_decay_fit_recovers_its_parameters_from_noise_free_data(JacobianMethod method)
    {
        // y = A e^(−kt) + C with A = 2.5, k = 1.3, C = 0.4
        var t = Enumerable.Range(0, 25).Select(i => 0.2 * i).ToArray();
        var y = t.Select(ti => 2.5 * Math.Exp(-1.3 * ti) + 0.4).ToArray();
        void Residuals(ReadOnlySpan<double> p, Span<double> r)
        {
            for (var k = 0; k < t.Length; k++) r[k] = p[0] * Math.Exp(-p[1] * t[k]) + p[2] - y[k];
        }

        var result = Optimize.LeastSquares(Residuals, t.Length, [1.0, 0.1, 0.0],
            new LeastSquaresOptions { JacobianMethod = method, FunctionTolerance = 0, StepTolerance = 1e-14 });

        output.WriteLine($"exponential {method}: {result.Reason}, {result.Iterations} iterations, {result.FunctionEvaluations} evaluations, cost {result.Cost:E2}");
        Assert.True(result.Converged, result.Reason.ToString());
        Assert.Equal(2.5, result.X[0], 1e-9);
        Assert.Equal(1.3, result.X[1], 1e-9);
        Assert.Equal(0.4, result.X[2], 1e-9);
    }

    [Fact]
    public void Function_evaluations_count_every_residual_call_differencing_included()
    {
        var calls = 0;
        var result = Optimize.LeastSquares((x, r) => { calls++; MghResiduals.For("rosenbrock")(x, r); }, 2, [-1.2, 1.0]);

        Assert.Equal(calls, result.FunctionEvaluations);
        Assert.Equal(0, result.JacobianEvaluations);
    }

    [Theory]
    [InlineData(JacobianMethod.Forward, 1)]
    [InlineData(JacobianMethod.Central, 2)]
    public void A_jacobian_costs_one_residual_call_per_variable_and_stencil_point(JacobianMethod method, int pointsPerVariable)
    {
        // The quadratic fit is linear: one accepted step is r(x₀), J(x₀), the trial, J at the result.
        // r(x) is known at each iterate, so a forward difference needs only the moved points.
        var calls = 0;
        var options = new LeastSquaresOptions { JacobianMethod = method, MaxIterations = 1 };

        var result = Optimize.LeastSquares((c, r) => { calls++; QuadraticResiduals(c, r); }, Times.Length, [0.0, 0.0, 0.0], options);

        Assert.Equal(1, result.Iterations);
        Assert.Equal(2 + 2 * pointsPerVariable * 3, result.FunctionEvaluations);
        Assert.Equal(calls, result.FunctionEvaluations);
    }

    [Fact]
    public void No_point_is_evaluated_twice_in_a_forward_difference_fit()
    {
        var seen = new HashSet<(double, double, double, double)>();
        var repeats = 0;

        var result = Optimize.LeastSquares((x, r) =>
        {
            if (!seen.Add((x[0], x[1], x[2], x[3]))) repeats++;
            MghResiduals.For("wood")(x, r);
        }, 6, [-3.0, -1.0, -3.0, -1.0]);

        Assert.True(result.Converged, result.Reason.ToString());
        Assert.Equal(0, repeats);
    }

    [Fact]
    public void The_forward_jacobian_keeps_the_differencing_steps()
    {
        // The Jacobian at the result has the bits of a forward difference of accuracy 1 there.
        var result = Optimize.LeastSquares(MghResiduals.For("wood"), 6, [-3.0, -1.0, -3.0, -1.0]);
        var expected = Differentiate.Jacobian(MghResiduals.For("wood"), 6, result.X,
            new DifferentiationOptions { Scheme = DifferenceScheme.Forward, Accuracy = 1, CheckDifferentiability = false });

        Assert.Equal(expected.Values, result.Jacobian!.Values);
    }

    [Fact]
    public void An_analytic_jacobian_replaces_the_differencing()
    {
        var calls = 0;
        var options = new LeastSquaresOptions
        {
            Jacobian = (x, j) => { j[0] = -20 * x[0]; j[1] = 10; j[2] = -1; j[3] = 0; },
        };

        var result = Optimize.LeastSquares((x, r) => { calls++; MghResiduals.For("rosenbrock")(x, r); }, 2, [-1.2, 1.0], options);

        Assert.True(result.Converged, result.Reason.ToString());
        Assert.Equal(calls, result.FunctionEvaluations);
        Assert.True(result.JacobianEvaluations >= 1);
        // Without differencing, every residual call is the start or one trial step.
        Assert.True(result.FunctionEvaluations <= result.JacobianEvaluations + 1 + 20, $"{result.FunctionEvaluations} calls");
        Assert.Equal(1.0, result.X[0], 1e-12);
        Assert.Equal(1.0, result.X[1], 1e-12);
    }

    [Fact]
    public void A_residual_that_is_nan_at_the_start_stops_there()
    {
        var result = Optimize.LeastSquares((x, r) => r[0] = double.NaN, 1, [1.0]);

        Assert.Equal(LeastSquaresStopReason.NonFiniteValue, result.Reason);
        Assert.False(result.Converged);
        Assert.Equal(0, result.Iterations);
        Assert.Equal([1.0], result.X);
    }

    [Fact]
    public void A_residual_that_turns_nan_away_from_the_start_stops_at_the_last_finite_iterate()
    {
        // r = x − 5 is finite only on [0.9, 1.1]: the Jacobian is fine, every step to x = 5 hits NaN.
        var result = Optimize.LeastSquares((x, r) => r[0] = Math.Abs(x[0] - 1) <= 0.1 ? x[0] - 5 : double.NaN, 1, [1.0],
            new LeastSquaresOptions { Differentiation = new DifferentiationOptions { Steps = new[] { 1e-6 } } });

        Assert.True(result.Reason is LeastSquaresStopReason.NonFiniteValue, result.Reason.ToString());
        Assert.True(Math.Abs(result.X[0] - 1) <= 0.1);
        Assert.True(double.IsFinite(result.Residuals[0]));
    }

    [Fact]
    public void A_nan_trial_step_shrinks_the_region_and_the_fit_goes_on()
    {
        // r = ln x from x = 10: the first Gauss–Newton step, 10 − 10 ln 10 ≈ −13, leaves the domain.
        var nanTrials = 0;
        var result = Optimize.LeastSquares((x, r) =>
        {
            r[0] = Math.Log(x[0]);
            if (double.IsNaN(r[0])) nanTrials++;
        }, 1, [10.0], new LeastSquaresOptions { JacobianMethod = JacobianMethod.Central });

        Assert.True(nanTrials >= 1, "the test should reach a NaN trial");
        Assert.True(result.Converged, result.Reason.ToString());
        Assert.Equal(1.0, result.X[0], 1e-12);
    }

    [Theory]
    [InlineData(3)]   // inside the first Jacobian's differencing
    [InlineData(10)]
    [InlineData(25)]
    public void Cancellation_stops_with_the_last_accepted_iterate(int cancelAtCall)
    {
        using var cancel = new CancellationTokenSource();
        var calls = 0;
        var result = Optimize.LeastSquares((x, r) =>
        {
            if (++calls == cancelAtCall) cancel.Cancel();
            MghResiduals.For("wood")(x, r);
        }, 6, [-3.0, -1.0, -3.0, -1.0], null, cancel.Token);

        Assert.Equal(LeastSquaresStopReason.Cancelled, result.Reason);
        Assert.False(result.Converged);
        var r = new double[6];
        MghResiduals.For("wood")(result.X, r);
        Assert.Equal(r, result.Residuals);
    }

    [Fact]
    public void A_jacobian_with_nan_stops_with_a_non_finite_value()
    {
        var result = Optimize.LeastSquares((x, r) => r[0] = x[0] - 5, 1, [1.0],
            new LeastSquaresOptions { Jacobian = (_, j) => j[0] = double.NaN });

        Assert.Equal(LeastSquaresStopReason.NonFiniteValue, result.Reason);
        Assert.Equal([1.0], result.X);
        Assert.Null(result.Jacobian);
    }

    [Fact]
    public void The_iteration_limit_stops_the_fit()
    {
        var result = Optimize.LeastSquares(MghResiduals.For("rosenbrock"), 2, [-1.2, 1.0], new LeastSquaresOptions { MaxIterations = 1 });

        Assert.Equal(LeastSquaresStopReason.MaxIterations, result.Reason);
        Assert.Equal(1, result.Iterations);
    }

    [Fact]
    public void The_evaluation_limit_stops_the_fit()
    {
        double[] x0 = [-3.0, -1.0, -3.0, -1.0];
        var jacobianCost = Differentiate.Jacobian(MghResiduals.For("wood"), 6, x0,
            new DifferentiationOptions { Scheme = DifferenceScheme.Forward, Accuracy = 1 }).Evaluations;

        var result = Optimize.LeastSquares(MghResiduals.For("wood"), 6, x0, new LeastSquaresOptions { MaxEvaluations = 12 });

        Assert.Equal(LeastSquaresStopReason.MaxEvaluations, result.Reason);
        // The limit is checked before each Jacobian and each trial step, so one of them may cross it.
        Assert.InRange(result.FunctionEvaluations, 12, 12 + jacobianCost);
    }

    public static TheoryData<string, Func<LeastSquaresResult>> BadInputs() => new()
    {
        { "residuals", () => Optimize.LeastSquares(null!, 1, [1.0]) },
        { "outputs", () => Optimize.LeastSquares((x, r) => r[0] = x[0], 0, [1.0]) },
        { "x0", () => Optimize.LeastSquares((x, r) => r[0] = x[0], 1, []) },
        { "x0", () => Optimize.LeastSquares((x, r) => r[0] = x[0], 1, [double.NaN]) },
        { "x0", () => Optimize.LeastSquares((x, r) => r[0] = x[0], 1, [double.PositiveInfinity]) },
        { "FunctionTolerance", () => Optimize.LeastSquares((x, r) => r[0] = x[0], 1, [1.0], new LeastSquaresOptions { FunctionTolerance = -1 }) },
        { "StepTolerance", () => Optimize.LeastSquares((x, r) => r[0] = x[0], 1, [1.0], new LeastSquaresOptions { StepTolerance = double.NaN }) },
        { "GradientTolerance", () => Optimize.LeastSquares((x, r) => r[0] = x[0], 1, [1.0], new LeastSquaresOptions { GradientTolerance = double.PositiveInfinity }) },
        { "MaxIterations", () => Optimize.LeastSquares((x, r) => r[0] = x[0], 1, [1.0], new LeastSquaresOptions { MaxIterations = 0 }) },
        { "MaxEvaluations", () => Optimize.LeastSquares((x, r) => r[0] = x[0], 1, [1.0], new LeastSquaresOptions { MaxEvaluations = 0 }) },
        { "JacobianMethod", () => Optimize.LeastSquares((x, r) => r[0] = x[0], 1, [1.0], new LeastSquaresOptions { JacobianMethod = (JacobianMethod)7 }) },
        { "InitialStepBound", () => Optimize.LeastSquares((x, r) => r[0] = x[0], 1, [1.0], new LeastSquaresOptions { InitialStepBound = 0 }) },
        { "Differentiation", () => Optimize.LeastSquares((x, r) => r[0] = x[0], 1, [1.0],
            new LeastSquaresOptions { Differentiation = new DifferentiationOptions { Adaptive = true } }) },
        { "Differentiation", () => Optimize.LeastSquares((x, r) => r[0] = x[0], 1, [1.0],
            new LeastSquaresOptions { Differentiation = new DifferentiationOptions { LowerBounds = new[] { 0.0 } } }) },
        { "LowerBounds", () => Optimize.LeastSquares((x, r) => r[0] = x[0], 1, [1.0], new LeastSquaresOptions { LowerBounds = new[] { 0.0, 0.0 } }) },
        { "UpperBounds", () => Optimize.LeastSquares((x, r) => r[0] = x[0], 1, [1.0], new LeastSquaresOptions { UpperBounds = new[] { double.NaN } }) },
        { "LowerBounds", () => Optimize.LeastSquares((x, r) => r[0] = x[0], 1, [1.0],
            new LeastSquaresOptions { LowerBounds = new[] { 1.0 }, UpperBounds = new[] { 1.0 } }) },
        { "x0", () => Optimize.LeastSquares((x, r) => r[0] = x[0], 1, [1.0], new LeastSquaresOptions { UpperBounds = new[] { 0.5 } }) },
        { "x0", () => Optimize.LeastSquares((x, r) => r[0] = x[0], 1, [1.0], new LeastSquaresOptions { LowerBounds = new[] { 2.0 } }) },
        { "JacobianSparsity", () => Optimize.LeastSquares((x, r) => r[0] = x[0], 1, [1.0],
            new LeastSquaresOptions { JacobianSparsity = SparsityPattern.FromEntries(2, 1, [(0, 0)]) }) },
        { "JacobianSparsity", () => Optimize.LeastSquares((x, r) => r[0] = x[0], 1, [1.0], new LeastSquaresOptions
            {
                JacobianSparsity = SparsityPattern.FromEntries(1, 1, [(0, 0)]),
                Jacobian = (_, j) => j[0] = 1,
            }) },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_refused_naming_the_parameter(string parameter, Func<LeastSquaresResult> call)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => call());
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Bad_input_is_refused_before_the_residuals_are_called()
    {
        var calls = 0;
        Assert.ThrowsAny<ArgumentException>(() =>
            Optimize.LeastSquares((x, r) => { calls++; r[0] = x[0]; }, 1, [1.0], new LeastSquaresOptions { FunctionTolerance = -1 }));
        Assert.ThrowsAny<ArgumentException>(() =>
            Optimize.LeastSquares((x, r) => { calls++; r[0] = x[0]; }, 1, [1.0], new LeastSquaresOptions { LowerBounds = new[] { 2.0 } }));
        Assert.Equal(0, calls);
    }
}
