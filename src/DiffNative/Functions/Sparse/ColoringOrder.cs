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
}
