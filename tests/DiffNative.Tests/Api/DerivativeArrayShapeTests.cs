namespace DiffNative.Tests.Api;

/// <summary>Dense results read as matrices: <c>result[row, column]</c>, <c>Rows</c>, <c>Columns</c>
/// and <c>ToArray2D()</c> over the row-major values, bounds-checked by name. Expected values are
/// closed forms.</summary>
public class DerivativeArrayShapeTests
{
    // y = (x₀x₁, x₀ + x₁², sin x₀): a 3×2 Jacobian, so rows and columns cannot be swapped unnoticed.
    private static void Y(ReadOnlySpan<double> p, Span<double> y)
    {
        y[0] = p[0] * p[1];
        y[1] = p[0] + p[1] * p[1];
        y[2] = Math.Sin(p[0]);
    }

    private static readonly double[] X = [0.5, 2.0];

    private static readonly double[,] ExpectedJacobian = { { 2.0, 0.5 }, { 1.0, 4.0 }, { Math.Cos(0.5), 0.0 } };

    [Fact]
    public void A_jacobian_is_m_by_n_and_indexed_by_output_then_coordinate()
    {
        var j = Differentiate.Jacobian(Y, 3, X);
        Assert.Equal(3, j.Rows);
        Assert.Equal(2, j.Columns);
        var matrix = j.ToArray2D();
        Assert.Equal(3, matrix.GetLength(0));
        Assert.Equal(2, matrix.GetLength(1));
        for (var k = 0; k < 3; k++)
            for (var i = 0; i < 2; i++)
            {
                Assert.Equal(ExpectedJacobian[k, i], j[k, i], 1e-8);
                Assert.Equal(j.Values[k * 2 + i], matrix[k, i]);
            }
    }

    [Fact]
    public void A_hessian_is_n_by_n()
    {
        // f = x₀²x₁ + x₁³: H = [[2x₁, 2x₀], [2x₀, 6x₁]].
        var h = Differentiate.Hessian(p => p[0] * p[0] * p[1] + p[1] * p[1] * p[1], X);
        Assert.Equal(2, h.Rows);
        Assert.Equal(2, h.Columns);
        double[,] expected = { { 2 * X[1], 2 * X[0] }, { 2 * X[0], 6 * X[1] } };
        var matrix = h.ToArray2D();
        for (var i = 0; i < 2; i++)
            for (var k = 0; k < 2; k++)
            {
                Assert.Equal(expected[i, k], h[i, k], 1e-6);
                Assert.Equal(h[i, k], matrix[i, k]);
            }
    }

    [Fact]
    public void A_gradient_is_one_row()
    {
        var g = Differentiate.Gradient(p => p[0] * p[1], X);
        Assert.Equal(1, g.Rows);
        Assert.Equal(2, g.Columns);
        Assert.Equal(X[1], g[0, 0], 1e-9);
        Assert.Equal(X[0], g[0, 1], 1e-9);
        Assert.Equal(new double[1, 2] { { g.Values[0], g.Values[1] } }, g.ToArray2D());
    }

    [Theory]
    [InlineData(3, 0, "row")]
    [InlineData(-1, 0, "row")]
    [InlineData(0, 2, "column")]
    [InlineData(2, -1, "column")]
    public void An_index_outside_the_matrix_is_refused_by_name(int row, int column, string name)
    {
        var j = Differentiate.Jacobian(Y, 3, X);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => j[row, column]);
        Assert.Equal(name, e.ParamName);
        Assert.Equal(name == "row" ? row : column, e.ActualValue);
    }

    [Fact]
    public void A_row_count_that_does_not_divide_the_values_is_refused()
    {
        var values = new double[6];
        Assert.Equal("Rows", Assert.Throws<ArgumentOutOfRangeException>(() => new DerivativeArray(values, null, 0, DerivativeStatus.Ok) { Rows = 4 }).ParamName);
        Assert.Equal("Rows", Assert.Throws<ArgumentOutOfRangeException>(() => new DerivativeArray(values, null, 0, DerivativeStatus.Ok) { Rows = 0 }).ParamName);
        Assert.Equal(2, new DerivativeArray(values, null, 0, DerivativeStatus.Ok) { Rows = 3 }.Columns);
    }

    [Fact]
    public void A_sparse_matrix_reads_as_a_dense_array_with_zeros_off_its_pattern()
    {
        var pattern = SparsityPattern.FromEntries(2, 3, [(0, 1), (1, 0), (1, 2)]);
        var matrix = new SparseMatrix(pattern, [5.0, 7.0, 11.0]);
        Assert.Equal(2, matrix.Rows);
        Assert.Equal(3, matrix.Columns);
        Assert.Equal(new double[,] { { 0, 5, 0 }, { 7, 0, 11 } }, matrix.ToArray2D());
    }

    [Theory]
    [InlineData(2, 0, "row")]
    [InlineData(-1, 1, "row")]
    [InlineData(0, 3, "column")]
    [InlineData(1, -1, "column")]
    public void A_sparse_index_outside_the_matrix_is_refused_not_read_as_zero(int row, int column, string name)
    {
        var matrix = new SparseMatrix(SparsityPattern.FromEntries(2, 3, [(0, 1)]), [5.0]);
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => matrix[row, column]).ParamName);
    }
}
