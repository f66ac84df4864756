namespace DiffNative;

/// <summary>A distance-2 colouring of a Jacobian's columns (Curtis–Powell–Reid): columns that
/// share a row get different colours, so all columns of one colour are perturbed together and
/// each row's difference belongs to exactly one of them. Compute once, evaluate many times:
/// immutable and safe to share across threads.</summary>
public sealed class JacobianColoring
{
    private readonly int[] columnColors;

    private JacobianColoring(SparsityPattern pattern, ColoringOrder order, int[] columnColors, int colors)
    {
        Pattern = pattern;
        Order = order;
        this.columnColors = columnColors;
        var m = pattern.Rows;
        checked { _ = colors * m; }
        var sources = new int[pattern.NonZeros];
        var pointers = pattern.RowPointers;
        var columns = pattern.ColumnIndices;
        for (var r = 0; r < m; r++)
            for (var k = pointers[r]; k < pointers[r + 1]; k++)
                sources[k] = columnColors[columns[k]] * m + r;
        Layout = new CompressedLayout(columnColors, colors, sources, columns.ToArray());
    }

    /// <summary>Colours the columns of <paramref name="pattern"/> greedily in the given order.</summary>
    public static JacobianColoring Compute(SparsityPattern pattern, ColoringOrder order = ColoringOrder.Saturation)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!Enum.IsDefined(order)) throw new ArgumentOutOfRangeException(nameof(order), order, "Not a colouring order.");
        var colors = new int[pattern.Columns];
        var count = GreedyColoring.Color(ColumnGraph.Intersection(pattern), order, colors);
        return new JacobianColoring(pattern, order, colors, count);
    }

    /// <summary>The pattern this colouring is for.</summary>
    public SparsityPattern Pattern { get; }

    /// <summary>The order the greedy colouring used.</summary>
    public ColoringOrder Order { get; }

    /// <summary>The number of colours: perturbation groups per stencil point. At least the
    /// largest number of nonzeros in a row.</summary>
    public int Colors => Layout.Colors;

    /// <summary>The colour of every column.</summary>
    public ReadOnlySpan<int> ColumnColors => columnColors;

    /// <summary>The columns of colour <paramref name="color"/>, increasing.</summary>
    public ReadOnlySpan<int> ColumnsOf(int color) => Layout.ColumnsOf(color);

    internal CompressedLayout Layout { get; }
}
