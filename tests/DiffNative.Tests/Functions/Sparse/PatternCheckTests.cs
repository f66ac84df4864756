using DiffNative.Tests.Support;

namespace DiffNative.Tests.Functions.Sparse;

/// <summary><see cref="DifferentiationOptions.CheckPattern"/>: a pattern that misses one true
/// nonzero gives wrong values with status Ok unless checked, and checked it gives
/// <see cref="DerivativeStatus.PatternMismatch"/> — whichever nonzero is missing, for a Jacobian, a
/// Hessian from values and one from a gradient; a correct pattern stays Ok, with the same values and
/// exactly 4 more evaluations (5 for a Hessian from values).</summary>
public class PatternCheckTests
{
    private const int N = 12;
    private static readonly SparsityPattern Tridiagonal = SparsePatterns.Tridiagonal(N);
    private static readonly double[] X = SparsePatterns.Point(N, 11);

    /// <summary>The option sets each case runs under: default, forward, accuracy 4, adaptive, batch, parallel.</summary>
    public static IEnumerable<object[]> Settings() =>
        new[] { "central", "forward", "accuracy 4", "adaptive", "batch", "parallel" }.Select(s => new object[] { s });

    private static DifferentiationOptions Options(string setting, bool check) => new()
    {
        CheckPattern = check,
        Scheme = setting == "forward" ? DifferenceScheme.Forward : DifferenceScheme.Central,
        Accuracy = setting switch { "forward" => 1, "accuracy 4" => 4, _ => 2 },
        Adaptive = setting == "adaptive",
        Parallel = setting == "parallel",
        BatchSize = setting == "batch" ? 5 : 1024,
    };

    private static BatchVectorFunction Batch(VectorFunction f, int m) => (points, n, values) =>
    {
        for (var r = 0; r < points.Length / n; r++) f(points.Slice(r * n, n), values.Slice(r * m, m));
    };

    private static BatchScalarFunction Batch(ScalarFunction f) => (points, n, values) =>
    {
        for (var r = 0; r < values.Length; r++) values[r] = f(points.Slice(r * n, n));
    };

    /// <summary>The sparse Jacobian, by the batch overload when the setting says so.</summary>
    private static SparseDerivativeArray Jacobian(VectorFunction f, JacobianColoring coloring, double[] x, string setting, bool check)
    {
        var values = new double[coloring.Pattern.NonZeros];
        var options = Options(setting, check);
        var info = setting == "batch"
            ? Differentiate.SparseJacobian(Batch(f, coloring.Pattern.Rows), coloring, x, values, options)
            : Differentiate.SparseJacobian(f, coloring, x, values, options);
        return new SparseDerivativeArray(new SparseMatrix(coloring.Pattern, values), coloring.Colors, info.Evaluations, info.Status);
    }

    private static SparseDerivativeArray Hessian(ScalarFunction f, SparsityPattern pattern, double[] x, string setting, bool check)
    {
        var values = new double[pattern.NonZeros];
        var options = Options(setting, check);
        var info = setting == "batch"
            ? Differentiate.SparseHessian(Batch(f), pattern, x, values, options)
            : Differentiate.SparseHessian(f, pattern, x, values, options);
        return new SparseDerivativeArray(new SparseMatrix(pattern, values), 0, info.Evaluations, info.Status);
    }

    private static SparseDerivativeArray FromGradient(VectorFunction gradient, HessianColoring coloring, double[] x, string setting, bool check)
    {
        var values = new double[coloring.Pattern.NonZeros];
        var options = Options(setting, check);
        var info = setting == "batch"
            ? Differentiate.SparseHessianFromGradient(Batch(gradient, coloring.Pattern.Rows), coloring, x, values, options)
            : Differentiate.SparseHessianFromGradient(gradient, coloring, x, values, options);
        return new SparseDerivativeArray(new SparseMatrix(coloring.Pattern, values), coloring.Colors, info.Evaluations, info.Status);
    }

    private static SparsityPattern Without(SparsityPattern pattern, params (int Row, int Column)[] left) =>
        SparsityPattern.FromEntries(pattern.Rows, pattern.Columns,
            Enumerable.Range(0, pattern.Rows).SelectMany(i => pattern.Row(i).ToArray().Select(j => (i, j))).Where(e => !left.Contains(e)));

    private static IEnumerable<(int, int)> UpperPairs(SparsityPattern pattern) =>
        Enumerable.Range(0, pattern.Rows).SelectMany(i => pattern.Row(i).ToArray().Where(j => j > i).Select(j => (i, j)));

    [Theory]
    [MemberData(nameof(Settings))]
    public void A_Jacobian_pattern_missing_any_one_nonzero_is_reported(string setting)
    {
        var f = SparsePatterns.RowFunction(Tridiagonal);
        foreach (var i in Enumerable.Range(0, N))
            foreach (var j in Tridiagonal.Row(i).ToArray())
            {
                var coloring = JacobianColoring.Compute(Without(Tridiagonal, (i, j)));
                Assert.Equal(DerivativeStatus.Ok, Jacobian(f, coloring, X, setting, check: false).Status);
                Assert.Equal(DerivativeStatus.PatternMismatch, Jacobian(f, coloring, X, setting, check: true).Status);
            }
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void A_Hessian_pattern_missing_any_one_pair_is_reported_from_values(string setting)
    {
        var f = SparsePatterns.CoupledScalar(Tridiagonal);
        foreach (var (i, j) in UpperPairs(Tridiagonal))
        {
            var pattern = Without(Tridiagonal, (i, j), (j, i));
            Assert.Equal(DerivativeStatus.Ok, Hessian(f, pattern, X, setting, check: false).Status);
            Assert.Equal(DerivativeStatus.PatternMismatch, Hessian(f, pattern, X, setting, check: true).Status);
        }
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void A_Hessian_pattern_missing_any_one_pair_is_reported_from_a_gradient(string setting)
    {
        var (gradient, _) = SparseHessianFromGradientTests.Coupled(Tridiagonal);
        foreach (var (i, j) in UpperPairs(Tridiagonal))
        {
            var coloring = HessianColoring.Compute(Without(Tridiagonal, (i, j), (j, i)));
            Assert.Equal(DerivativeStatus.Ok, FromGradient(gradient, coloring, X, setting, check: false).Status);
            Assert.Equal(DerivativeStatus.PatternMismatch, FromGradient(gradient, coloring, X, setting, check: true).Status);
        }
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Correct_Jacobian_patterns_pass_with_the_same_values_and_exactly_4_more_evaluations(string setting)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var n = 3 + seed % 17;
            var coloring = JacobianColoring.Compute(SparsePatterns.Random(n + 2, n, 0.15, seed));
            var f = SparsePatterns.RowFunction(coloring.Pattern);
            var x = SparsePatterns.Point(n, seed);
            var plain = Jacobian(f, coloring, x, setting, check: false);
            var checkedResult = Jacobian(f, coloring, x, setting, check: true);
            Assert.Equal(DerivativeStatus.Ok, plain.Status);
            Assert.True(checkedResult.Status == DerivativeStatus.Ok, $"seed {seed}: {checkedResult.Status}");
            Assert.Equal(plain.Evaluations + 4, checkedResult.Evaluations);
            Assert.Equal(plain.Matrix.Values, checkedResult.Matrix.Values);
        }
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Correct_Hessian_patterns_pass_with_the_same_values_and_exactly_5_more_evaluations_from_values(string setting)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var n = 3 + seed % 17;
            var pattern = SparsePatterns.Random(n, n, 0.12, seed).Symmetrized();
            var f = SparsePatterns.CoupledScalar(pattern);
            var x = SparsePatterns.Point(n, seed);
            var plain = Hessian(f, pattern, x, setting, check: false);
            var checkedResult = Hessian(f, pattern, x, setting, check: true);
            Assert.Equal(DerivativeStatus.Ok, plain.Status);
            Assert.True(checkedResult.Status == DerivativeStatus.Ok, $"seed {seed}: {checkedResult.Status}");
            Assert.Equal(plain.Evaluations + 5, checkedResult.Evaluations);
            Assert.Equal(plain.Matrix.Values, checkedResult.Matrix.Values);
        }
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Correct_Hessian_patterns_pass_with_the_same_values_and_exactly_4_more_gradients(string setting)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var n = 3 + seed % 17;
            var coloring = HessianColoring.Compute(SparsePatterns.Random(n, n, 0.12, seed));
            var (gradient, _) = SparseHessianFromGradientTests.Coupled(coloring.Pattern);
            var x = SparsePatterns.Point(n, seed);
            var plain = FromGradient(gradient, coloring, x, setting, check: false);
            var checkedResult = FromGradient(gradient, coloring, x, setting, check: true);
            Assert.Equal(DerivativeStatus.Ok, plain.Status);
            Assert.True(checkedResult.Status == DerivativeStatus.Ok, $"seed {seed}: {checkedResult.Status}");
            Assert.Equal(plain.Evaluations + 4, checkedResult.Evaluations);
            Assert.Equal(plain.Matrix.Values, checkedResult.Matrix.Values);
        }
    }

    [Fact]
    public void Extended_Rosenbrock_of_1000_unknowns_passes_from_values_and_from_its_gradient()
    {
        const int n = 1000;
        var pattern = SparsityPattern.FromEntries(n, n, Enumerable.Range(0, n / 2).Select(k => (2 * k, 2 * k + 1))).Symmetrized();
        var x = MghProblems.StandardStart(n);
        var options = new DifferentiationOptions { CheckPattern = true };
        Assert.Equal(DerivativeStatus.Ok, Differentiate.SparseHessian(MghProblems.ExtendedRosenbrock, pattern, x, options).Status);
        VectorFunction gradient = (p, g) => MghProblems.ExtendedRosenbrockGradient(p.ToArray()).CopyTo(g);
        Assert.Equal(DerivativeStatus.Ok, Differentiate.SparseHessianFromGradient(gradient, pattern, x, options).Status);
    }

    [Fact]
    public void Coordinates_within_a_step_of_a_bound_are_left_out_and_with_all_of_them_there_the_check_costs_nothing()
    {
        var f = SparsePatterns.RowFunction(Tridiagonal);
        var coloring = JacobianColoring.Compute(Tridiagonal);
        double Evaluations(double[] lower, bool check) =>
            Differentiate.SparseJacobian(f, coloring, X, new DifferentiationOptions { LowerBounds = lower, CheckPattern = check }).Evaluations;
        var everyOneOn = (double[])X.Clone();
        Assert.Equal(Evaluations(everyOneOn, false), Evaluations(everyOneOn, true));
        var oneOn = X.Select((v, i) => i == 4 ? v : v - 1).ToArray();
        Assert.Equal(Evaluations(oneOn, false) + 4, Evaluations(oneOn, true));
        var status = Differentiate.SparseJacobian(f, coloring, X, new DifferentiationOptions { LowerBounds = oneOn, CheckPattern = true }).Status;
        Assert.Equal(DerivativeStatus.Ok, status);
    }

    [Fact]
    public void The_checked_span_overloads_allocate_nothing_in_steady_state()
    {
        var coloring = JacobianColoring.Compute(Tridiagonal);
        var star = HessianColoring.Compute(Tridiagonal);
        var f = SparsePatterns.RowFunction(Tridiagonal);
        var scalar = SparsePatterns.CoupledScalar(Tridiagonal);
        var (gradient, _) = SparseHessianFromGradientTests.Coupled(Tridiagonal);
        var values = new double[Tridiagonal.NonZeros];
        var options = new DifferentiationOptions { CheckPattern = true };
        Assert.Equal(0, Allocations.SteadyState(() => Differentiate.SparseJacobian(f, coloring, X, values, options)));
        Assert.Equal(0, Allocations.SteadyState(() => Differentiate.SparseHessian(scalar, Tridiagonal, X, values, options)));
        Assert.Equal(0, Allocations.SteadyState(() => Differentiate.SparseHessianFromGradient(gradient, star, X, values, options)));
    }
}
