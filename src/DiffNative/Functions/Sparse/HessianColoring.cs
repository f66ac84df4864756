namespace DiffNative;

/// <summary>A star colouring of a Hessian's columns for reading the Hessian off gradient differences
/// (Coleman–Moré, direct recovery): adjacent columns differ in colour and every path on four
/// columns uses at least three colours. The gradient difference along all columns of one colour
/// then gives every entry (i, j) directly, from column j's colour in row i or column i's colour in
/// row j, whichever that colour reaches only once; both triangles take the same value, so the
/// result is exactly symmetric. Compute once, evaluate many times: immutable and thread-safe.</summary>
public sealed class HessianColoring : ColumnColoring
{
    private HessianColoring(SparsityPattern pattern, ColoringOrder order, CompressedLayout layout) : base(pattern, order, layout) { }

    /// <summary>Star-colours the Hessian pattern <paramref name="pattern"/> greedily in the given
    /// order. Any square pattern will do: it is made symmetric with its diagonal
    /// (<see cref="SparsityPattern.Symmetrized"/>), which becomes <see cref="ColumnColoring.Pattern"/>.</summary>
    public static HessianColoring Compute(SparsityPattern pattern, ColoringOrder order = ColoringOrder.Saturation)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Rows != pattern.Columns)
            throw new ArgumentException($"A Hessian's pattern is square; this one is {pattern.Rows}×{pattern.Columns}.", nameof(pattern));
        if (!Enum.IsDefined(order)) throw new ArgumentOutOfRangeException(nameof(order), order, "Not a colouring order.");
        var symmetric = pattern.IsSymmetricWithDiagonal() ? pattern : pattern.Symmetrized();
        var (columnColors, colors) = ColorColumns(ColumnGraph.Adjacency(symmetric), order, symmetric.Rows, StarColoring.Color);
        return new HessianColoring(symmetric, order, LayoutFor(symmetric, columnColors, colors));
    }

    /// <summary>Entry (i, j) is read from whichever of (i, j) and (j, i) sees its column alone in
    /// its colour, and divided by that column's step.</summary>
    private static CompressedLayout LayoutFor(SparsityPattern pattern, int[] columnColors, int colors)
    {
        var n = pattern.Rows;
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
        return new CompressedLayout(columnColors, colors, sources, stepColumns);
    }

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
