using Xunit.Abstractions;

namespace DiffNative.Tests.Optimization;

/// <summary>Least squares within bounds: minimisers on a bound, at a corner and on Rosenbrock's
/// valley worked out by hand (the KKT conditions: the free variables' gradient vanishes, each held
/// one's gradient pushes outwards), SciPy's bounded Rosenbrock cases, and no residual call outside
/// the box.</summary>
public class LeastSquaresBoundsTests(ITestOutputHelper output)
{
    // r = Ax − b with A = [[1, 0], [0, 1], [1, 1]], b = (1, 2, 4): unconstrained minimiser (4/3, 7/3).
    private static void Linear(ReadOnlySpan<double> x, Span<double> r)
    {
        r[0] = x[0] - 1;
        r[1] = x[1] - 2;
        r[2] = x[0] + x[1] - 4;
    }

    // SciPy's fun_rosenbrock: ½‖r‖² is half of Rosenbrock's function.
    private static void Rosenbrock(ReadOnlySpan<double> x, Span<double> r)
    {
        r[0] = 10 * (x[1] - x[0] * x[0]);
        r[1] = 1 - x[0];
    }

    private static readonly double Inf = double.PositiveInfinity;

    public static TheoryData<JacobianMethod> Methods() => new(JacobianMethod.Forward, JacobianMethod.Central);

    [Theory]
    [MemberData(nameof(Methods))]
    public void A_linear_fit_whose_minimiser_breaks_an_upper_bound_stops_on_that_bound(JacobianMethod method)
    {
        // x₁ ≤ 1 holds x₁ = 1; then (x₀ − 1)² + (x₀ − 3)² gives x₀ = 2, r = (1, −1, −1), cost 3/2;
        // the gradient Aᵀr = (0, −2) pushes x₁ up against its bound.
        var options = new LeastSquaresOptions { JacobianMethod = method, UpperBounds = new[] { Inf, 1.0 } };

        var result = Optimize.LeastSquares(Linear, 3, [0.0, 0.0], options);

        output.WriteLine($"{method}: {result.Reason}, x = ({result.X[0]:R}, {result.X[1]:R}), {result.FunctionEvaluations} evaluations");
        Assert.True(result.Converged, result.Reason.ToString());
        Assert.Equal(2.0, result.X[0], 1e-9);
        Assert.Equal(1.0, result.X[1]);
        Assert.Equal(1.5, result.Cost, 1e-12);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void A_lower_bound_holds_one_variable_and_the_other_takes_its_conditional_minimum(JacobianMethod method)
    {
        // x₀ ≥ 3 holds x₀ = 3; (x₁ − 2)² + (x₁ − 1)² gives x₁ = 3/2, r = (2, −1/2, 1/2), cost 9/4;
        // the gradient (5/2, 0) pushes x₀ down against its bound.
        var options = new LeastSquaresOptions { JacobianMethod = method, LowerBounds = new[] { 3.0, -Inf } };

        var result = Optimize.LeastSquares(Linear, 3, [5.0, 0.0], options);

        Assert.True(result.Converged, result.Reason.ToString());
        Assert.Equal(3.0, result.X[0]);
        // Forward differences know J to about √ε, which moves a minimiser with residuals by about as much.
        Assert.Equal(1.5, result.X[1], 1e-8);
        Assert.Equal(2.25, result.Cost, 1e-12);
    }

    [Fact]
    public void A_minimum_at_a_corner_stops_on_the_projected_gradient()
    {
        // x₀ ≥ 3 and x₁ ≤ 1: r(3, 1) = (2, −1, 0), gradient (2, −1) pushes both against their
        // bounds, so the projected gradient is zero at the corner.
        var options = new LeastSquaresOptions { LowerBounds = new[] { 3.0, -Inf }, UpperBounds = new[] { Inf, 1.0 } };

        var result = Optimize.LeastSquares(Linear, 3, [4.0, 0.0], options);

        Assert.Equal(LeastSquaresStopReason.GradientTolerance, result.Reason);
        Assert.Equal([3.0, 1.0], result.X);
        Assert.Equal(2.5, result.Cost, 1e-12);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Rosenbrock_with_x0_at_most_one_half_ends_at_one_half_one_quarter(JacobianMethod method)
    {
        // For any x₀, x₁ = x₀² zeroes the first residual, and (1 − x₀)² falls as x₀ rises to its
        // bound: x* = (1/2, 1/4), r = (0, 1/2), cost 1/8.
        var options = new LeastSquaresOptions { JacobianMethod = method, UpperBounds = new[] { 0.5, Inf } };

        var result = Optimize.LeastSquares(Rosenbrock, 2, [-1.2, 1.0], options);

        output.WriteLine($"{method}: {result.Reason}, x = ({result.X[0]:R}, {result.X[1]:R}), {result.Iterations} iterations, {result.FunctionEvaluations} evaluations");
        Assert.True(result.Converged, result.Reason.ToString());
        Assert.Equal(0.5, result.X[0]);
        Assert.Equal(0.25, result.X[1], 1e-9);
        Assert.Equal(0.125, result.Cost, 1e-14);
    }

    /// <summary>Roots of 400x³ − 598x − 2: where ∂/∂x₀ of 100(3/2 − x₀²)² + (1 − x₀)² vanishes, the
    /// minimisers on the line x₁ = 3/2 (the outer two), by bisection to the last bit.</summary>
    private static double CubicRoot(double low, double high)
    {
        static double P(double x) => 400 * x * x * x - 598 * x - 2;
        var lowSign = Math.Sign(P(low));
        while (true)
        {
            var mid = 0.5 * (low + high);
            if (mid == low || mid == high) return mid;
            if (Math.Sign(P(mid)) == lowSign) low = mid;
            else high = mid;
        }
    }

    private static readonly double PositiveRoot = CubicRoot(1.2, 1.25);
    private static readonly double NegativeRoot = CubicRoot(-1.25, -1.2);

    /// <summary>SciPy's test_rosenbrock_bounds (scipy/optimize/tests/test_least_squares.py): its
    /// starts and bounds, with the constrained minimisers worked out here. With x₁ ≥ 3/2 the valley
    /// x₁ = x₀² is cut off and x₁ is held at 3/2, where x₀ is a minimising root of the cubic (on
    /// either side of 0: both are local minimisers); with x₀ ≤ 1 as well, the corner (1, 3/2) is one
    /// (its gradient (−200, 100) pushes both out).</summary>
    public static TheoryData<string, double[], double[], double[], double[][]> ScipyCases() => new()
    {
        { "free minimiser inside", [-2.0, 1.0], [-Inf, -1.5], [Inf, Inf], [[1.0, 1.0]] },
        { "x1 >= 1.5 from (2, 2)", [2.0, 2.0], [-Inf, 1.5], [Inf, Inf], [[PositiveRoot, 1.5], [NegativeRoot, 1.5]] },
        { "x1 >= 1.5 from (-2, 2)", [-2.0, 2.0], [-Inf, 1.5], [Inf, Inf], [[PositiveRoot, 1.5], [NegativeRoot, 1.5]] },
        { "x0 <= 1, x1 >= 1.5", [0.0, 2.0], [-Inf, 1.5], [1.0, Inf], [[1.0, 1.5], [NegativeRoot, 1.5]] },
        { "box [1, 3] x [1.5, 3]", [2.0, 2.0], [1.0, 1.5], [3.0, 3.0], [[PositiveRoot, 1.5]] },
        { "box [-50, 0.5] x [0, 100]", [-1.2, 1.0], [-50.0, 0.0], [0.5, 100], [[0.5, 0.25]] },
    };

    [Theory]
    [MemberData(nameof(ScipyCases))]
    public void Scipy_bounded_rosenbrock_cases_end_at_a_constrained_minimiser(string name, double[] x0, double[] lower, double[] upper,
        double[][] minimisers)
    {
        foreach (var method in new[] { JacobianMethod.Forward, JacobianMethod.Central })
        {
            var options = new LeastSquaresOptions { JacobianMethod = method, LowerBounds = lower, UpperBounds = upper };

            var result = Optimize.LeastSquares(Rosenbrock, 2, x0, options);

            var distance = minimisers.Min(m => Math.Sqrt(m.Zip(result.X, (a, b) => (a - b) * (a - b)).Sum()));
            output.WriteLine($"{name} {method}: {result.Reason}, x = ({result.X[0]:R}, {result.X[1]:R}), |x - x*| = {distance:E2}, " +
                $"{result.FunctionEvaluations} evaluations");
            Assert.True(result.Converged, $"{method}: {result.Reason}");
            Assert.True(distance <= 1e-8, $"{method}: |x - x*| = {distance}");
        }
    }

    /// <summary>SciPy's test_bounds_instances and test_bounds_shape (test_least_squares.py) with
    /// their tolerances: fun_trivial r = x² + 5 (minimiser 0, or the bound nearest it) and
    /// fun_2d_trivial r = x (minimiser 0, or the bound nearest it).</summary>
    public static TheoryData<string, double[], double[], double[], double[], double> ScipyTrivialCases() => new()
    {
        { "trivial lb 1", [3.0], [1.0], [Inf], [1.0], 1e-4 },
        { "trivial [-1, 1]", [0.5], [-1.0], [1.0], [0.0], 1e-4 },
        { "trivial ub -1", [-3.0], [-Inf], [-1.0], [-1.0], 1e-4 },
        { "2d [-1, 1]", [0.5, 0.5], [-1.0, -1.0], [1.0, 1.0], [0.0, 0.0], 1e-5 },
        { "2d lb 0.1", [0.5, 0.5], [0.1, 0.1], [Inf, Inf], [0.1, 0.1], 1e-5 },
        { "2d [0.5, 2]", [1.0, 1.0], [0.5, 0.5], [2.0, 2.0], [0.5, 0.5], 1e-7 },
        { "2d [0.3, 3] x [0.2, 3]", [1.0, 1.0], [0.3, 0.2], [3.0, 3.0], [0.3, 0.2], 1e-7 },
        { "2d [-1, 1] x [0.5, 3]", [1.0, 1.0], [-1.0, 0.5], [1.0, 3.0], [0.0, 0.5], 1e-5 },
    };

    [Theory]
    [MemberData(nameof(ScipyTrivialCases))]
    public void Scipy_trivial_bounded_cases_end_at_the_bound_nearest_the_free_minimiser(string name, double[] x0, double[] lower, double[] upper,
        double[] expected, double tolerance)
    {
        VectorFunction residuals = x0.Length == 1 ? (x, r) => r[0] = x[0] * x[0] + 5 : (x, r) => x.CopyTo(r);

        var result = Optimize.LeastSquares(residuals, x0.Length, x0, new LeastSquaresOptions { LowerBounds = lower, UpperBounds = upper });

        output.WriteLine($"{name}: {result.Reason}, x = [{string.Join(", ", result.X.Select(v => v.ToString("R")))}]");
        Assert.True(result.Converged, result.Reason.ToString());
        for (var i = 0; i < x0.Length; i++) Assert.Equal(expected[i], result.X[i], tolerance);
    }

    public static TheoryData<string, LeastSquaresOptions> Differencings() => new()
    {
        { "forward", new LeastSquaresOptions { JacobianMethod = JacobianMethod.Forward } },
        { "central", new LeastSquaresOptions { JacobianMethod = JacobianMethod.Central } },
        { "sparse central", new LeastSquaresOptions
            {
                JacobianMethod = JacobianMethod.Central,
                JacobianSparsity = SparsityPattern.FromEntries(2, 2, [(0, 0), (0, 1), (1, 0)]),
            } },
    };

    [Theory]
    [MemberData(nameof(Differencings))]
    public void No_residual_call_leaves_the_box(string name, LeastSquaresOptions differencing)
    {
        // The minimiser (1/2, 1/4) lies on x₀'s upper bound and the start on x₁'s lower one, so
        // the difference stencils there must turn one-sided.
        double[] lower = [-2.0, 0.0], upper = [0.5, 3.0];
        var outside = new List<string>();
        var options = differencing with { LowerBounds = lower, UpperBounds = upper };

        var result = Optimize.LeastSquares((x, r) =>
        {
            for (var i = 0; i < 2; i++)
                if (!(x[i] >= lower[i] && x[i] <= upper[i])) outside.Add($"x[{i}] = {x[i]:R}");
            Rosenbrock(x, r);
        }, 2, [-1.2, 0.0], options);

        output.WriteLine($"{name}: {result.Reason}, x = ({result.X[0]:R}, {result.X[1]:R}), {result.FunctionEvaluations} evaluations");
        Assert.Empty(outside);
        Assert.True(result.Converged, result.Reason.ToString());
        Assert.Equal(0.5, result.X[0]);
        Assert.Equal(0.25, result.X[1], 1e-9);
    }
}
