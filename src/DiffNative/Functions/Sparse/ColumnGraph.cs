namespace DiffNative;

/// <summary>An undirected graph on a pattern's columns, in adjacency-list (CSR) form: the graph
/// that a colouring of those columns must respect.</summary>
internal sealed class ColumnGraph
{
    private readonly int[] pointers;
    private readonly int[] neighbours;

    private ColumnGraph(int[] pointers, int[] neighbours)
    {
        this.pointers = pointers;
        this.neighbours = neighbours;
    }

    internal int Vertices => pointers.Length - 1;

    internal int Degree(int v) => pointers[v + 1] - pointers[v];

    internal ReadOnlySpan<int> Neighbours(int v) => neighbours.AsSpan(pointers[v], Degree(v));

    /// <summary>Columns joined when they share a row (the column intersection graph): a proper
    /// colouring of it is a distance-2 colouring of the bipartite row/column graph, so the columns
    /// of one colour can be perturbed together and every row still sees at most one of them.</summary>
    internal static ColumnGraph Intersection(SparsityPattern pattern)
    {
        var n = pattern.Columns;
        var byColumn = pattern.Transpose();
        var pointers = new int[n + 1];
        var list = new List<int>();
        var seen = new int[n];
        Array.Fill(seen, -1);
        for (var v = 0; v < n; v++)
        {
            // Distinct neighbours via a stamp per vertex, not a set: one pass, no allocation.
            seen[v] = v;
            foreach (var row in byColumn.Row(v))
                foreach (var w in pattern.Row(row))
                    if (seen[w] != v)
                    {
                        seen[w] = v;
                        list.Add(w);
                    }
            pointers[v + 1] = list.Count;
        }
        return new ColumnGraph(pointers, [.. list]);
    }

    /// <summary>The adjacency graph of a symmetric pattern: i and j joined when (i, j) is an
    /// off-diagonal nonzero. Its star colourings give Hessians from gradient differences.</summary>
    internal static ColumnGraph Adjacency(SparsityPattern symmetric)
    {
        var n = symmetric.Rows;
        var pointers = new int[n + 1];
        var list = new List<int>(symmetric.NonZeros);
        for (var v = 0; v < n; v++)
        {
            foreach (var w in symmetric.Row(v))
                if (w != v) list.Add(w);
            pointers[v + 1] = list.Count;
        }
        return new ColumnGraph(pointers, [.. list]);
    }
}
