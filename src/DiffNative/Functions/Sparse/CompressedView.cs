namespace DiffNative;

/// <summary>The arrays the compressed-difference engine reads: a colouring's own layout, or its
/// restriction to the columns of one stencil group near bounds, held in the pooled workspace (whose
/// buffers may be longer than the counts say).</summary>
/// <param name="Colors">The number of colours.</param>
/// <param name="ColorPointers">Where each colour's columns start in <paramref name="ColorColumns"/>; Colors + 1 of them.</param>
/// <param name="ColorColumns">The moved columns, grouped by colour, increasing within each.</param>
/// <param name="Sources">Per nonzero: colour·m + row.</param>
/// <param name="StepColumns">Per nonzero: the moved column whose step divides it.</param>
/// <param name="NonZeros">How many nonzeros the view has.</param>
/// <param name="Entries">Per nonzero its position among the whole layout's nonzeros; null for the whole layout.</param>
internal readonly record struct CompressedView(int Colors, int[] ColorPointers, int[] ColorColumns, int[] Sources, int[] StepColumns,
    int NonZeros, int[]? Entries)
{
    internal ReadOnlySpan<int> SourceSpan => Sources.AsSpan(0, NonZeros);

    internal ReadOnlySpan<int> StepColumnSpan => StepColumns.AsSpan(0, NonZeros);
}
