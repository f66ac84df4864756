namespace DiffNative;

/// <summary>What a colouring tells the compressed-difference engine: which columns move together
/// (colour groups, columns increasing within each) and, for every nonzero, where its difference
/// lands in a stencil point's block of colours × rows (colour·m + row) and whose step divides it.</summary>
internal sealed class CompressedLayout
{
    /// <param name="columnColors">Per column its colour, or −1 for a column that is never moved.</param>
    /// <param name="colors">The number of colours.</param>
    /// <param name="sources">Per nonzero: colour·m + row.</param>
    /// <param name="stepColumns">Per nonzero: the moved column whose step divides it.</param>
    internal CompressedLayout(int[] columnColors, int colors, int[] sources, int[] stepColumns)
    {
        Colors = colors;
        this.columnColors = columnColors;
        // Columns grouped by colour (counting sort keeps them increasing within a colour).
        ColorPointers = new int[colors + 1];
        foreach (var c in columnColors)
            if (c >= 0) ColorPointers[c + 1]++;
        for (var c = 0; c < colors; c++) ColorPointers[c + 1] += ColorPointers[c];
        ColorColumns = new int[ColorPointers[colors]];
        var next = ColorPointers[..^1];
        for (var i = 0; i < columnColors.Length; i++)
            if (columnColors[i] >= 0) ColorColumns[next[columnColors[i]]++] = i;
        Sources = sources;
        StepColumns = stepColumns;
    }

    private readonly int[] columnColors;

    internal int Colors { get; }

    internal int[] ColorPointers { get; }

    internal int[] ColorColumns { get; }

    /// <summary>Per nonzero: colour·m + row.</summary>
    internal int[] Sources { get; }

    /// <summary>Per nonzero: the column whose step divides its difference.</summary>
    internal int[] StepColumns { get; }

    internal ReadOnlySpan<int> ColumnsOf(int color)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(color);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(color, Colors);
        return ColorColumns.AsSpan(ColorPointers[color], ColorPointers[color + 1] - ColorPointers[color]);
    }

    /// <summary>The layout for moving only <paramref name="columns"/> (those that share a stencil
    /// near bounds): each colour keeps just those columns, empty colours are dropped, and only the
    /// nonzeros whose moved column is among them remain; <c>Entries</c> gives their positions in
    /// this layout's nonzeros. Splitting colour classes keeps a colouring valid, distance-2 or star.</summary>
    internal (CompressedLayout Layout, int[] Entries) Restrict(ReadOnlySpan<int> columns, int rows)
    {
        var kept = new int[columnColors.Length];
        Array.Fill(kept, -1);
        var used = new bool[Colors];
        foreach (var c in columns)
        {
            kept[c] = columnColors[c];
            used[columnColors[c]] = true;
        }
        var renumbered = new int[Colors];
        var colors = 0;
        for (var c = 0; c < Colors; c++) renumbered[c] = used[c] ? colors++ : -1;
        for (var i = 0; i < kept.Length; i++)
            if (kept[i] >= 0) kept[i] = renumbered[kept[i]];
        var entries = new List<int>();
        for (var k = 0; k < StepColumns.Length; k++)
            if (kept[StepColumns[k]] >= 0) entries.Add(k);
        var sources = new int[entries.Count];
        var stepColumns = new int[entries.Count];
        for (var e = 0; e < entries.Count; e++)
        {
            var k = entries[e];
            sources[e] = renumbered[Sources[k] / rows] * rows + Sources[k] % rows;
            stepColumns[e] = StepColumns[k];
        }
        return (new CompressedLayout(kept, colors, sources, stepColumns), [.. entries]);
    }
}
