namespace DiffNative;

/// <summary>The order in which greedy colouring visits the columns. The colour count depends on
/// it; no order is best for every pattern.</summary>
public enum ColoringOrder
{
    /// <summary>Columns by decreasing degree in the column intersection graph (Welsh–Powell).</summary>
    LargestFirst,

    /// <summary>Repeatedly set aside a column of least remaining degree and colour in reverse
    /// (Matula–Beck): never more colours than the graph's degeneracy + 1.</summary>
    SmallestLast,

    /// <summary>Columns 0, 1, …, n − 1.</summary>
    Natural,

    /// <summary>Next, the uncoloured column whose neighbours already show the most distinct
    /// colours, ties to the larger degree, then the lower index (Brélaz's DSATUR). Chosen while
    /// colouring, so it follows the structure: the 5-point Laplacian's Jacobian gets the optimal
    /// 5 colours where the static orders give 7. Star colourings visit the columns in the order
    /// DSATUR colours the Hessian's adjacency graph. The default.</summary>
    Saturation,
}
