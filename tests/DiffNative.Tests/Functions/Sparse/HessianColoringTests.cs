namespace DiffNative.Tests.Functions.Sparse;

/// <summary>Star colourings are checked by brute force here, independently of the colouring code:
/// neighbours differ and every path on four vertices shows at least three colours.</summary>
public class HessianColoringTests
{
    public static TheoryData<ColoringOrder> Orders => new() { ColoringOrder.LargestFirst, ColoringOrder.SmallestLast, ColoringOrder.Natural, ColoringOrder.Saturation };

    /// <summary>The first violation of the star-colouring rules, or null.</summary>
    internal static string? StarViolation(SparsityPattern pattern, ReadOnlySpan<int> colors)
    {
        var n = pattern.Rows;
        var neighbours = new HashSet<int>[n];
        for (var i = 0; i < n; i++) neighbours[i] = [];
        for (var i = 0; i < n; i++)
            foreach (var j in pattern.Row(i))
                if (i != j)
                {
                    neighbours[i].Add(j);
                    neighbours[j].Add(i);
                }
        for (var b = 0; b < n; b++)
            foreach (var c in neighbours[b])
            {
                if (colors[b] == colors[c]) return $"neighbours {b} and {c} share colour {colors[b]}";
                foreach (var a in neighbours[b])
                    foreach (var d in neighbours[c])
                        if (a != c && d != b && a != d && new[] { colors[a], colors[b], colors[c], colors[d] }.Distinct().Count() < 3)
                            return $"path {a}-{b}-{c}-{d} has two colours";
            }
        return null;
    }

    [Fact]
    public void The_checker_rejects_a_proper_colouring_with_a_two_coloured_path()
    {
        var path = SparsePatterns.Tridiagonal(4);
        Assert.Contains("two colours", StarViolation(path, [0, 1, 0, 1]));
        Assert.Contains("share colour", StarViolation(path, [0, 0, 1, 2]));
        Assert.Null(StarViolation(path, [0, 1, 0, 2]));
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void Colourings_of_random_symmetric_patterns_are_star_colourings(ColoringOrder order)
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var n = 1 + seed % 23;
            var pattern = SparsePatterns.Random(n, n, 0.05 + 0.01 * (seed % 10), seed);
            var coloring = HessianColoring.Compute(pattern, order);
            Assert.Null(StarViolation(coloring.Pattern, coloring.ColumnColors));
            Assert.Equal(n, Enumerable.Range(0, coloring.Colors).Sum(c => coloring.ColumnsOf(c).Length));
            Assert.Equal(coloring.Colors, coloring.ColumnColors.ToArray().Distinct().Count());
        }
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void A_tridiagonal_Hessian_needs_three_colours(ColoringOrder order)
    {
        // A path on four vertices needs three colours; 0,1,0,2 repeated is a star colouring.
        foreach (var n in Enumerable.Range(4, 40).Concat([1000]))
        {
            var coloring = HessianColoring.Compute(SparsePatterns.Tridiagonal(n), order);
            Assert.Equal(3, coloring.Colors);
            if (n < 100) Assert.Null(StarViolation(coloring.Pattern, coloring.ColumnColors));
        }
    }

    [Fact]
    public void The_five_point_Laplacian_Hessian_gets_five_colours_by_default()
    {
        // The grid graph's star chromatic number is 5 (Fertin, Raspaud, Reed 2004).
        var coloring = HessianColoring.Compute(SparsePatterns.Laplacian(30));
        Assert.Equal(5, coloring.Colors);
        Assert.Null(StarViolation(coloring.Pattern, coloring.ColumnColors));
    }

    [Fact]
    public void An_arrow_needs_two_colours_where_its_Jacobian_needs_one_per_column()
    {
        // Symmetry is what star colouring exploits: the full row is recovered from the full column.
        Assert.Equal(2, HessianColoring.Compute(SparsePatterns.Arrow(20)).Colors);
        Assert.Equal(20, JacobianColoring.Compute(SparsePatterns.Arrow(20)).Colors);
        // A hub of degree 99,999: the colouring keeps per-vertex colour summaries instead of
        // rescanning the hub's neighbours for every leaf (which took 6 s at 20,000).
        Assert.Equal(2, HessianColoring.Compute(SparsePatterns.Arrow(100_000)).Colors);
    }

    [Fact]
    public void A_triangle_of_the_pattern_is_enough()
    {
        var upper = SparsityPattern.FromEntries(4, 4, [(0, 1), (1, 2), (2, 3)]);
        var coloring = HessianColoring.Compute(upper);
        Assert.Equal(10, coloring.Pattern.NonZeros); // 4 diagonal + 3 pairs × 2
        Assert.Equal(SparsePatterns.Tridiagonal(4).ColumnIndices.ToArray(), coloring.Pattern.ColumnIndices.ToArray());
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("pattern", Assert.Throws<ArgumentNullException>(() => HessianColoring.Compute(null!)).ParamName);
        Assert.Equal("pattern", Assert.Throws<ArgumentException>(() => HessianColoring.Compute(SparsityPattern.FromEntries(2, 3, [(0, 0)]))).ParamName);
        Assert.Equal("order", Assert.Throws<ArgumentOutOfRangeException>(() => HessianColoring.Compute(SparsePatterns.Tridiagonal(3), (ColoringOrder)99)).ParamName);
        var coloring = HessianColoring.Compute(SparsePatterns.Tridiagonal(3));
        Assert.Equal("color", Assert.Throws<ArgumentOutOfRangeException>(() => coloring.ColumnsOf(coloring.Colors)).ParamName);
    }
}
