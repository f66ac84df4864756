namespace DiffNative;

/// <summary>What a colouring tells the compressed-difference engine: which columns move together
/// (colour groups, columns increasing within each) and, for every nonzero, where its difference
/// lands in a stencil point's block of colours × rows (colour·m + row) and whose step divides it.</summary>
internal sealed class CompressedLayout
{
    internal CompressedLayout(int[] columnColors, int colors, int[] sources, int[] stepColumns)
    {
        Colors = colors;
        // Columns grouped by colour (counting sort keeps them increasing within a colour).
        ColorPointers = new int[colors + 1];
        foreach (var c in columnColors) ColorPointers[c + 1]++;
        for (var c = 0; c < colors; c++) ColorPointers[c + 1] += ColorPointers[c];
        ColorColumns = new int[columnColors.Length];
        var next = ColorPointers[..^1];
        for (var i = 0; i < columnColors.Length; i++) ColorColumns[next[columnColors[i]]++] = i;
        Sources = sources;
        StepColumns = stepColumns;
    }

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
}
