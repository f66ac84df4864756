namespace DiffNative.Tests.Functions.Sparse;

public class SparsityPatternTests
{
    [Fact]
    public void Entries_are_sorted_per_row_and_duplicates_count_once()
    {
        var p = SparsityPattern.FromEntries(3, 4, [(2, 3), (0, 2), (0, 0), (2, 3), (0, 2), (1, 1)]);
        Assert.Equal([0, 2, 3, 4], p.RowPointers.ToArray());
        Assert.Equal([0, 2, 1, 3], p.ColumnIndices.ToArray());
        Assert.Equal(4, p.NonZeros);
    }

    [Fact]
    public void A_mask_gives_the_same_pattern_as_its_entries()
    {
        var mask = new bool[,] { { true, false, true }, { false, false, false }, { false, true, false } };
        var fromMask = SparsityPattern.FromMask(mask);
        var fromEntries = SparsityPattern.FromEntries(3, 3, [(0, 0), (0, 2), (2, 1)]);
        Assert.Equal(fromEntries.RowPointers.ToArray(), fromMask.RowPointers.ToArray());
        Assert.Equal(fromEntries.ColumnIndices.ToArray(), fromMask.ColumnIndices.ToArray());
    }

    [Fact]
    public void IndexOf_finds_entries_and_reports_absent_ones()
    {
        var p = SparsityPattern.FromEntries(2, 3, [(0, 1), (1, 0), (1, 2)]);
        Assert.Equal(0, p.IndexOf(0, 1));
        Assert.Equal(2, p.IndexOf(1, 2));
        Assert.Equal(-1, p.IndexOf(0, 0));
        Assert.Equal(-1, p.IndexOf(5, 0));
    }

    [Fact]
    public void Transpose_and_symmetrised_patterns()
    {
        var p = SparsityPattern.FromEntries(3, 3, [(0, 2), (1, 0)]);
        var t = p.Transpose();
        Assert.True(t.IndexOf(2, 0) >= 0 && t.IndexOf(0, 1) >= 0 && t.NonZeros == 2);
        var s = p.Symmetrized();
        Assert.Equal(3 + 4, s.NonZeros);
        Assert.True(s.IndexOf(2, 0) >= 0 && s.IndexOf(0, 1) >= 0 && s.IndexOf(1, 1) >= 0);
    }

    [Fact]
    public void Sparse_matrix_converts_to_dense_row_major()
    {
        var p = SparsityPattern.FromEntries(2, 3, [(0, 1), (1, 0), (1, 2)]);
        var m = new SparseMatrix(p, [5, 6, 7]);
        Assert.Equal([0, 5, 0, 6, 0, 7], m.ToDense());
        Assert.Equal(7, m[1, 2]);
        Assert.Equal(0, m[0, 0]);
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => SparsityPattern.FromEntries(0, 2, [])).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentOutOfRangeException>(() => SparsityPattern.FromEntries(2, 0, [])).ParamName);
        Assert.Equal("entries", Assert.Throws<ArgumentOutOfRangeException>(() => SparsityPattern.FromEntries(2, 2, [(2, 0)])).ParamName);
        Assert.Equal("entries", Assert.Throws<ArgumentOutOfRangeException>(() => SparsityPattern.FromEntries(2, 2, [(0, -1)])).ParamName);
        Assert.Equal("mask", Assert.Throws<ArgumentException>(() => SparsityPattern.FromMask(2, 2, new bool[3])).ParamName);
        Assert.Equal("columnIndices", Assert.Throws<ArgumentException>(() => SparsityPattern.FromCsr(1, 3, [0, 2], [2, 1])).ParamName);
        Assert.Equal("columnIndices", Assert.Throws<ArgumentException>(() => SparsityPattern.FromCsr(1, 3, [0, 2], [1, 1])).ParamName);
        Assert.Equal("columnIndices", Assert.Throws<ArgumentException>(() => SparsityPattern.FromCsr(1, 3, [0, 1], [3])).ParamName);
        Assert.Equal("rowPointers", Assert.Throws<ArgumentException>(() => SparsityPattern.FromCsr(2, 3, [0, 1], [0])).ParamName);
        Assert.Equal("rowPointers", Assert.Throws<ArgumentException>(() => SparsityPattern.FromCsr(2, 3, [0, 2, 1], [0])).ParamName);
        Assert.Equal("entries", Assert.Throws<ArgumentNullException>(() => SparsityPattern.FromEntries(2, 2, null!)).ParamName);
        Assert.Equal("mask", Assert.Throws<ArgumentNullException>(() => SparsityPattern.FromMask(null!)).ParamName);
        Assert.Equal("row", Assert.Throws<ArgumentOutOfRangeException>(() => SparsePatterns.Tridiagonal(3).Row(3)).ParamName);
        Assert.Throws<InvalidOperationException>(() => SparsityPattern.FromEntries(2, 3, [(0, 0)]).Symmetrized());
    }
}
