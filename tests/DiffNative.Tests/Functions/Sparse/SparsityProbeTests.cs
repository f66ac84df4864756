namespace DiffNative.Tests.Functions.Sparse;

/// <summary>Probing is checked against patterns known by construction: functions whose outputs read
/// exactly the columns of a given pattern.</summary>
public class SparsityProbeTests
{
    private static void AssertSamePattern(SparsityPattern expected, SparsityPattern actual)
    {
        Assert.Equal((expected.Rows, expected.Columns), (actual.Rows, actual.Columns));
        Assert.Equal(expected.RowPointers.ToArray(), actual.RowPointers.ToArray());
        Assert.Equal(expected.ColumnIndices.ToArray(), actual.ColumnIndices.ToArray());
    }

    [Fact]
    public void Probing_finds_random_patterns_exactly()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var pattern = SparsePatterns.Random(1 + seed % 13, 1 + seed * 5 % 29, 0.12, seed);
            var probed = SparsityProbe.Jacobian(SparsePatterns.RowFunction(pattern), pattern.Rows, SparsePatterns.Point(pattern.Columns, seed));
            AssertSamePattern(pattern, probed);
        }
    }

    [Fact]
    public void Probing_finds_the_five_point_Laplacian()
    {
        const int side = 12;
        VectorFunction residual = (u, r) =>
        {
            for (var i = 0; i < side; i++)
                for (var j = 0; j < side; j++)
                {
                    var k = i * side + j;
                    var neighbours = (i > 0 ? u[k - side] : 0) + (i < side - 1 ? u[k + side] : 0) + (j > 0 ? u[k - 1] : 0) + (j < side - 1 ? u[k + 1] : 0);
                    r[k] = 4 * u[k] - neighbours + Math.Exp(u[k]);
                }
        };
        AssertSamePattern(SparsePatterns.Laplacian(side), SparsityProbe.Jacobian(residual, side * side, new double[side * side]));
    }

    [Fact]
    public void A_derivative_that_vanishes_at_x_is_still_found_near_it()
    {
        // ∂y₀/∂x₀ = x₁ is 0 at x = (1, 0): moving x₀ there leaves y₀ = 0 to the bit, so probing at
        // x alone would miss (0, 0); the random points near x have x₁ ≠ 0.
        VectorFunction f = (x, y) => { y[0] = x[0] * x[1]; y[1] = Math.Cos(x[1]); };
        var probed = SparsityProbe.Jacobian(f, 2, [1.0, 0.0]);
        AssertSamePattern(SparsityPattern.FromEntries(2, 2, [(0, 0), (0, 1), (1, 1)]), probed);
    }

    [Fact]
    public void A_Hessian_pattern_from_a_gradient_is_the_symmetric_pattern_of_the_couplings()
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var n = 3 + seed;
            var pattern = SparsePatterns.Random(n, n, 0.15, seed).Symmetrized();
            var (gradient, _) = SparseHessianFromGradientTests.Coupled(pattern);
            AssertSamePattern(pattern, SparsityProbe.Hessian(gradient, SparsePatterns.Point(n, seed)));
        }
    }

    [Fact]
    public void Probing_costs_probes_times_n_plus_1_evaluations_and_depends_only_on_the_seed()
    {
        var pattern = SparsePatterns.Random(8, 11, 0.2, 4);
        var row = SparsePatterns.RowFunction(pattern);
        var calls = 0;
        VectorFunction counted = (x, y) => { calls++; row(x, y); };
        var x = SparsePatterns.Point(11, 4);
        SparsityProbe.Jacobian(counted, 8, x, probes: 5, seed: 9);
        Assert.Equal(5 * (11 + 1), calls);
        AssertSamePattern(SparsityProbe.Jacobian(row, 8, x, 2, 1), SparsityProbe.Jacobian(row, 8, x, 2, 1));
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        VectorFunction f = (x, y) => y[0] = x[0];
        Assert.Equal("f", Assert.Throws<ArgumentNullException>(() => SparsityProbe.Jacobian(null!, 1, [1.0])).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentNullException>(() => SparsityProbe.Hessian(null!, [1.0])).ParamName);
        Assert.Equal("outputs", Assert.Throws<ArgumentOutOfRangeException>(() => SparsityProbe.Jacobian(f, 0, [1.0])).ParamName);
        Assert.Equal("probes", Assert.Throws<ArgumentOutOfRangeException>(() => SparsityProbe.Jacobian(f, 1, [1.0], probes: 0)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => SparsityProbe.Jacobian(f, 1, [])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => SparsityProbe.Jacobian(f, 1, [double.PositiveInfinity])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => SparsityProbe.Hessian(f, [])).ParamName);
    }
}
