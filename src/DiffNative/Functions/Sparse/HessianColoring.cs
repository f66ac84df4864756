namespace DiffNative;

/// <summary>A star colouring of a Hessian's columns for reading the Hessian off gradient differences
/// (Coleman–Moré, direct recovery): adjacent columns differ in colour and every path on four
/// columns uses at least three colours. The gradient difference along all columns of one colour
/// then gives every entry (i, j) directly, from column j's colour in row i or column i's colour in
/// row j, whichever that colour reaches only once; both triangles take the same value, so the
/// result is exactly symmetric. Compute once, evaluate many times: immutable and thread-safe.</summary>
public sealed class HessianColoring
{
    private readonly int[] columnColors;

    private HessianColoring(SparsityPattern pattern, ColoringOrder order, int[] columnColors, int colors)
    {
        Pattern = pattern;
        Order = order;
        this.columnColors = columnColors;
        var n = pattern.Rows;
        checked { _ = colors * n; }
        var alone = AloneInItsColor(pattern, columnColors, colors);
        var sources = new int[pattern.NonZeros];
        var stepColumns = new int[pattern.NonZeros];
        var pointers = pattern.RowPointers;
        var columns = pattern.ColumnIndices;
        for (var i = 0; i < n; i++)
            for (var k = pointers[i]; k < pointers[i + 1]; k++)
            {
                // (i, j) and (j, i) make the same choice, so both get the same bits.
                int a = Math.Min(i, columns[k]), b = Math.Max(i, columns[k]);
                var (row, column) = alone[pattern.IndexOf(a, b)] ? (a, b) : (b, a);
                sources[k] = columnColors[column] * n + row;
                stepColumns[k] = column;
            }
        Layout = new CompressedLayout(columnColors, colors, sources, stepColumns);
    }

    /// <summary>Star-colours the Hessian pattern <paramref name="pattern"/> greedily in the given
    /// order. Any square pattern will do: it is made symmetric with its diagonal
    /// (<see cref="SparsityPattern.Symmetrized"/>), which becomes <see cref="Pattern"/>.</summary>
    public static HessianColoring Compute(SparsityPattern pattern, ColoringOrder order = ColoringOrder.Saturation)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Rows != pattern.Columns)
            throw new ArgumentException($"A Hessian's pattern is square; this one is {pattern.Rows}×{pattern.Columns}.", nameof(pattern));
        if (!Enum.IsDefined(order)) throw new ArgumentOutOfRangeException(nameof(order), order, "Not a colouring order.");
        var symmetric = pattern.IsSymmetricWithDiagonal() ? pattern : pattern.Symmetrized();
        var colors = new int[symmetric.Columns];
        var count = StarColoring.Color(ColumnGraph.Adjacency(symmetric), order, colors);
        return new HessianColoring(symmetric, order, colors, count);
    }

    /// <summary>The symmetric pattern, diagonal included, that this colouring is for: the values of
    /// a sparse Hessian computed with it are in this pattern's order.</summary>
    public SparsityPattern Pattern { get; }

    /// <summary>The order the greedy colouring used.</summary>
    public ColoringOrder Order { get; }

    /// <summary>The number of colours: gradient differences per stencil point.</summary>
    public int Colors => Layout.Colors;

    /// <summary>The colour of every column.</summary>
    public ReadOnlySpan<int> ColumnColors => columnColors;

    /// <summary>The columns of colour <paramref name="color"/>, increasing.</summary>
    public ReadOnlySpan<int> ColumnsOf(int color) => Layout.ColumnsOf(color);

    internal CompressedLayout Layout { get; }

    /// <summary>Per nonzero (i, j): is j the only column of its colour in row i? (Always true on
    /// the diagonal: neighbours differ in colour.) Colour counts per row, so O(nonzeros) even
    /// for a full row.</summary>
    private static bool[] AloneInItsColor(SparsityPattern pattern, int[] colors, int colorCount)
    {
        var alone = new bool[pattern.NonZeros];
        var counts = new int[colorCount];
        var pointers = pattern.RowPointers;
        var columns = pattern.ColumnIndices;
        for (var i = 0; i < pattern.Rows; i++)
        {
            for (var k = pointers[i]; k < pointers[i + 1]; k++) counts[colors[columns[k]]]++;
            for (var k = pointers[i]; k < pointers[i + 1]; k++) alone[k] = counts[colors[columns[k]]] == 1;
            for (var k = pointers[i]; k < pointers[i + 1]; k++) counts[colors[columns[k]]] = 0;
        }
        return alone;
    }
}
