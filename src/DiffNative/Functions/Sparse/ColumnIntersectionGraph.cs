namespace DiffNative;

/// <summary>Columns of a pattern as vertices, joined when they share a row: a proper colouring of
/// this graph is a distance-2 colouring of the bipartite row/column graph, so the columns of one
/// colour can be perturbed together and every row still sees at most one of them.</summary>
internal sealed class ColumnIntersectionGraph
{
    private readonly int[] pointers;
    private readonly int[] neighbours;

    private ColumnIntersectionGraph(int[] pointers, int[] neighbours)
    {
        this.pointers = pointers;
        this.neighbours = neighbours;
    }

    internal int Vertices => pointers.Length - 1;

    internal int Degree(int v) => pointers[v + 1] - pointers[v];

    internal ReadOnlySpan<int> Neighbours(int v) => neighbours.AsSpan(pointers[v], Degree(v));

    internal static ColumnIntersectionGraph Build(SparsityPattern pattern)
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
        return new ColumnIntersectionGraph(pointers, [.. list]);
    }
}
