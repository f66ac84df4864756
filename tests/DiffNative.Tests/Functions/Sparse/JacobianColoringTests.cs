namespace DiffNative.Tests.Functions.Sparse;

public class JacobianColoringTests
{
    public static TheoryData<ColoringOrder> Orders => new() { ColoringOrder.LargestFirst, ColoringOrder.SmallestLast, ColoringOrder.Natural, ColoringOrder.Saturation };

    [Theory]
    [MemberData(nameof(Orders))]
    public void A_tridiagonal_Jacobian_needs_exactly_three_colours_for_every_n(ColoringOrder order)
    {
        foreach (var n in Enumerable.Range(3, 60).Concat([1000, 100_000]))
            Assert.Equal(3, JacobianColoring.Compute(SparsePatterns.Tridiagonal(n), order).Colors);
        Assert.Equal(1, JacobianColoring.Compute(SparsePatterns.Tridiagonal(1), order).Colors);
        Assert.Equal(2, JacobianColoring.Compute(SparsePatterns.Tridiagonal(2), order).Colors);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void Colourings_are_valid_on_random_patterns(ColoringOrder order)
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var pattern = SparsePatterns.Random(1 + seed % 17, 1 + seed * 7 % 23, 0.15, seed);
            var coloring = JacobianColoring.Compute(pattern, order);
            var widest = 0;
            for (var r = 0; r < pattern.Rows; r++)
            {
                var row = pattern.Row(r);
                widest = Math.Max(widest, row.Length);
                var colors = row.ToArray().Select(c => coloring.ColumnColors[c]).ToArray();
                Assert.Equal(colors.Length, colors.Distinct().Count());
            }
            Assert.InRange(coloring.Colors, widest, pattern.Columns);
            Assert.Equal(pattern.Columns, Enumerable.Range(0, coloring.Colors).Sum(c => coloring.ColumnsOf(c).Length));
        }
    }

    [Fact]
    public void A_band_of_half_width_b_needs_2b_plus_1_colours()
    {
        for (var b = 0; b <= 5; b++)
            Assert.Equal(2 * b + 1, JacobianColoring.Compute(SparsePatterns.Banded(50, b), ColoringOrder.Natural).Colors);
    }

    [Fact]
    public void An_arrow_with_a_full_row_needs_a_colour_per_column()
    {
        Assert.Equal(20, JacobianColoring.Compute(SparsePatterns.Arrow(20)).Colors);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void The_five_point_Laplacian_needs_few_colours(ColoringOrder order)
    {
        // Five is optimal ((i + 2j) mod 5); greedy orders are allowed a little more.
        Assert.InRange(JacobianColoring.Compute(SparsePatterns.Laplacian(30), order).Colors, 5, 8);
    }

    [Fact]
    public void The_five_point_Laplacian_on_300_by_300_gets_at_most_5_colours_by_default()
    {
        // The 5-point cross of one row is a clique of 5 columns, so 5 is also the least possible.
        var pattern = SparsePatterns.Laplacian(300);
        var coloring = JacobianColoring.Compute(pattern);
        Assert.Equal(ColoringOrder.Saturation, coloring.Order);
        Assert.InRange(coloring.Colors, 5, 5);
        for (var r = 0; r < pattern.Rows; r++)
        {
            var colors = pattern.Row(r).ToArray().Select(c => coloring.ColumnColors[c]).ToArray();
            Assert.Equal(colors.Length, colors.Distinct().Count());
        }
    }
}
