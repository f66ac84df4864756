namespace DiffNative;

/// <summary>A distance-2 colouring of a Jacobian's columns (Curtis–Powell–Reid): columns that
/// share a row get different colours, so all columns of one colour are perturbed together and
/// each row's difference belongs to exactly one of them. Compute once, evaluate many times:
/// immutable and safe to share across threads.</summary>
public sealed class JacobianColoring : ColumnColoring
{
    private JacobianColoring(SparsityPattern pattern, ColoringOrder order, CompressedLayout layout) : base(pattern, order, layout) { }

    /// <summary>Colours the columns of <paramref name="pattern"/> greedily in the given order.</summary>
    public static JacobianColoring Compute(SparsityPattern pattern, ColoringOrder order = ColoringOrder.Saturation)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!Enum.IsDefined(order)) throw new ArgumentOutOfRangeException(nameof(order), order, "Not a colouring order.");
        var (columnColors, colors) = ColorColumns(ColumnGraph.Intersection(pattern), order, pattern.Rows, GreedyColoring.Color);
        return new JacobianColoring(pattern, order, LayoutFor(pattern, columnColors, colors));
    }

    /// <summary>Row r's difference in column j lands in colour(j)·m + r, divided by j's own step.</summary>
    private static CompressedLayout LayoutFor(SparsityPattern pattern, int[] columnColors, int colors)
    {
        var m = pattern.Rows;
        var sources = new int[pattern.NonZeros];
        var pointers = pattern.RowPointers;
        var columns = pattern.ColumnIndices;
        for (var r = 0; r < m; r++)
            for (var k = pointers[r]; k < pointers[r + 1]; k++)
                sources[k] = columnColors[columns[k]] * m + r;
        return new CompressedLayout(columnColors, colors, sources, columns.ToArray());
    }
}
