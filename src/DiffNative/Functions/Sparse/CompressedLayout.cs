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
        ColorPointers = new int[colors + 1];
        ColorColumns = new int[CountByColor(columnColors, colors, ColorPointers)];
        GroupByColor(columnColors, colors, ColorPointers, ColorColumns);
        Sources = sources;
        StepColumns = stepColumns;
    }

    private readonly int[] columnColors;

    internal int Colors { get; }

    /// <summary>Per column its colour, or −1 for a column that is never moved.</summary>
    internal ReadOnlySpan<int> ColumnColors => columnColors;

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

    /// <summary>The layout itself, as the engine reads it.</summary>
    internal CompressedView Whole => new(Colors, ColorPointers, ColorColumns, Sources, StepColumns, Sources.Length, null);

    /// <summary>The layout for moving only <paramref name="columns"/> (those that share a stencil
    /// near bounds), in the workspace's Part slots: each colour keeps just those columns, empty
    /// colours are dropped, and only the nonzeros whose moved column is among them remain;
    /// <see cref="CompressedView.Entries"/> gives their positions in this layout's nonzeros.
    /// Splitting colour classes keeps a colouring valid, distance-2 or star.</summary>
    internal CompressedView Restrict(ReadOnlySpan<int> columns, int rows, Workspace workspace)
    {
        var n = columnColors.Length;
        var kept = workspace.Ints(Workspace.IntSlot.PartColors, n).AsSpan(0, n);
        kept.Fill(-1);
        // Mark the colours in use, then number them in increasing order.
        var renumbered = workspace.Ints(Workspace.IntSlot.ColorMap, Colors).AsSpan(0, Colors);
        renumbered.Fill(-1);
        foreach (var c in columns)
        {
            if (columnColors[c] < 0) continue; // never moved: nothing of it to keep
            kept[c] = columnColors[c];
            renumbered[columnColors[c]] = 0;
        }
        var colors = 0;
        for (var c = 0; c < Colors; c++)
            if (renumbered[c] == 0) renumbered[c] = colors++;
        for (var i = 0; i < n; i++)
            if (kept[i] >= 0) kept[i] = renumbered[kept[i]];

        var pointers = workspace.Ints(Workspace.IntSlot.PartPointers, colors + 1);
        var moved = workspace.Ints(Workspace.IntSlot.PartColumns, CountByColor(kept, colors, pointers));
        GroupByColor(kept, colors, pointers, moved);

        var entries = workspace.Ints(Workspace.IntSlot.PartEntries, StepColumns.Length);
        var sources = workspace.Ints(Workspace.IntSlot.PartSources, StepColumns.Length);
        var stepColumns = workspace.Ints(Workspace.IntSlot.PartStepColumns, StepColumns.Length);
        var count = 0;
        for (var k = 0; k < StepColumns.Length; k++)
        {
            if (kept[StepColumns[k]] < 0) continue;
            entries[count] = k;
            sources[count] = renumbered[Sources[k] / rows] * rows + Sources[k] % rows;
            stepColumns[count] = StepColumns[k];
            count++;
        }
        return new CompressedView(colors, pointers, moved, sources, stepColumns, count, entries);
    }

    /// <summary>Counts each colour's columns into pointers[c + 1] (pointers[0] = 0) and returns
    /// how many columns have a colour.</summary>
    private static int CountByColor(ReadOnlySpan<int> columnColors, int colors, Span<int> pointers)
    {
        pointers[..(colors + 1)].Clear();
        foreach (var c in columnColors)
            if (c >= 0) pointers[c + 1]++;
        for (var c = 0; c < colors; c++) pointers[c + 1] += pointers[c];
        return pointers[colors];
    }

    /// <summary>The columns grouped by colour, increasing within each (a counting sort over
    /// <see cref="CountByColor"/>'s pointers, which it leaves as it found them).</summary>
    private static void GroupByColor(ReadOnlySpan<int> columnColors, int colors, Span<int> pointers, Span<int> grouped)
    {
        // pointers[c] walks to the end of colour c, which is the start of c + 1; shifting back
        // restores them without a cursor array.
        for (var i = 0; i < columnColors.Length; i++)
            if (columnColors[i] >= 0) grouped[pointers[columnColors[i]]++] = i;
        for (var c = colors; c > 0; c--) pointers[c] = pointers[c - 1];
        pointers[0] = 0;
    }
}
