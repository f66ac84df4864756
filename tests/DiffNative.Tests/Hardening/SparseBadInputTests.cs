namespace DiffNative.Tests.Hardening;

/// <summary>Sparse structures' bad-input rows beyond the patterns' own tests: colourings, matrices
/// on a pattern, and lookups by row or colour, each naming its parameter.</summary>
public class SparseBadInputTests
{
    private static readonly SparsityPattern Pattern = SparsityPattern.FromEntries(2, 3, [(0, 0), (0, 2), (1, 1)]);

    private static string? Name(Action call) => Assert.ThrowsAny<ArgumentException>(call).ParamName;

    [Fact]
    public void A_colouring_needs_a_pattern_and_a_defined_order()
    {
        Assert.Equal("pattern", Name(() => JacobianColoring.Compute(null!)));
        Assert.Equal("order", Name(() => JacobianColoring.Compute(Pattern, (ColoringOrder)7)));
        var coloring = JacobianColoring.Compute(Pattern);
        Assert.Equal("color", Name(() => coloring.ColumnsOf(-1).ToArray()));
        Assert.Equal("color", Name(() => coloring.ColumnsOf(coloring.Colors).ToArray()));
    }

    [Fact]
    public void Patterns_refuse_null_sources_and_rows_outside()
    {
        Assert.Equal("entries", Name(() => SparsityPattern.FromEntries(2, 2, null!)));
        Assert.Equal("mask", Name(() => SparsityPattern.FromMask(null!)));
        Assert.Equal("row", Name(() => Pattern.Row(2).ToArray()));
        Assert.Equal("row", Name(() => Pattern.Row(-1).ToArray()));
        Assert.Throws<InvalidOperationException>(() => Pattern.Symmetrized());
    }

    [Fact]
    public void A_matrix_needs_one_value_per_nonzero_and_a_large_enough_destination()
    {
        Assert.Equal("Values", Name(() => new SparseMatrix(Pattern, [1.0, 2.0])));
        Assert.Equal("Values", Name(() => new SparseMatrix(Pattern, null!)));
        Assert.Equal("Pattern", Name(() => new SparseMatrix(null!, [1.0])));
        var matrix = new SparseMatrix(Pattern, [1.0, 2.0, 3.0]);
        var destination = new double[5];
        Assert.Equal("destination", Name(() => matrix.ToDense(destination)));
        Assert.All(destination, v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void A_dense_copy_too_large_for_an_array_says_so_instead_of_overflowing()
    {
        var huge = SparsityPattern.FromEntries(50_000, 50_000, [(0, 0)]);
        Assert.Throws<InvalidOperationException>(() => new SparseMatrix(huge, [1.0]).ToDense());
    }
}
