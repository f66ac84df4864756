namespace DiffNative;

/// <summary>A colouring of a sparse matrix's columns, which is what a compressed finite
/// difference needs: all columns of one colour are moved together. <see cref="JacobianColoring"/>
/// and <see cref="HessianColoring"/> are the two kinds; they differ in the rule the colours obey and
/// in how each nonzero is read back, and share everything else here. Immutable and thread-safe.</summary>
public abstract class ColumnColoring
{
    // private protected: the two colourings above are the only kinds; a third could not build a
    // Layout the engines understand.
    private protected ColumnColoring(SparsityPattern pattern, ColoringOrder order, CompressedLayout layout)
    {
        Pattern = pattern;
        Order = order;
        Layout = layout;
    }

    /// <summary>The pattern this colouring is for: the values of a sparse Jacobian or Hessian
    /// computed with it are in this pattern's order. For a Hessian it is the symmetric pattern,
    /// diagonal included.</summary>
    public SparsityPattern Pattern { get; }

    /// <summary>The order the greedy colouring used.</summary>
    public ColoringOrder Order { get; }

    /// <summary>The number of colours: function (Jacobian) or gradient (Hessian) differences per
    /// stencil point. At least the largest number of nonzeros in a row of a Jacobian.</summary>
    public int Colors => Layout.Colors;

    /// <summary>The colour of every column.</summary>
    public ReadOnlySpan<int> ColumnColors => Layout.ColumnColors;

    /// <summary>The columns of colour <paramref name="color"/>, increasing.</summary>
    public ReadOnlySpan<int> ColumnsOf(int color) => Layout.ColumnsOf(color);

    internal CompressedLayout Layout { get; }

    /// <summary>The step both kinds start with: colour every vertex of <paramref name="graph"/>
    /// (one per column) with <paramref name="color"/> in <paramref name="order"/>, and check that
    /// a stencil point's block of colours × <paramref name="rows"/> differences is addressable.</summary>
    private protected static (int[] ColumnColors, int Colors) ColorColumns(
        ColumnGraph graph, ColoringOrder order, int rows, Func<ColumnGraph, ColoringOrder, int[], int> color)
    {
        var columnColors = new int[graph.Vertices];
        var colors = color(graph, order, columnColors);
        checked { _ = colors * rows; }
        return (columnColors, colors);
    }
}
