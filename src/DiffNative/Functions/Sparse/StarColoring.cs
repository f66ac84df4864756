namespace DiffNative;

/// <summary>Greedy star colouring (Coleman–Moré; Gebremedhin, Manne, Pothen 2005): a proper
/// colouring in which every path on four vertices uses at least three colours. Then for every
/// edge (i, j) at least one end sees the other as its only neighbour of that colour, which is what
/// lets a Hessian be read directly from gradient differences of one colour at a time.</summary>
internal static class StarColoring
{
    /// <summary>Colours of every vertex; returns the number of colours. Each vertex takes the
    /// smallest colour that creates no two-coloured path on four vertices with the vertices
    /// coloured before it: every such path is checked when its last vertex is coloured. The cost
    /// is Σ over edges (v, w) of deg(w): a hub of degree d costs O(d²) (an arrow of 20,000 took
    /// 6 s), as in Gebremedhin–Manne–Pothen's greedy algorithm.</summary>
    internal static int Color(ColumnGraph graph, ColoringOrder order, int[] colors)
    {
        var n = graph.Vertices;
        Array.Fill(colors, -1);
        var forbidden = new int[n + 1];
        var seenOnce = new int[n + 1];
        var seenTwice = new int[n + 1];
        Array.Fill(forbidden, -1);
        Array.Fill(seenOnce, -1);
        Array.Fill(seenTwice, -1);
        var count = 0;
        foreach (var v in GreedyColoring.Order(graph, order))
        {
            foreach (var w in graph.Neighbours(v))
            {
                if (colors[w] < 0) continue;
                forbidden[colors[w]] = v;
                if (seenOnce[colors[w]] == v) seenTwice[colors[w]] = v;
                seenOnce[colors[w]] = v;
            }
            foreach (var w in graph.Neighbours(v))
            {
                var b = colors[w];
                if (b < 0) continue;
                foreach (var x in graph.Neighbours(w))
                {
                    if (x == v || colors[x] < 0 || forbidden[colors[x]] == v) continue;
                    // v inside u–v–w–x: two neighbours of v share colour b, so v must not take x's colour.
                    // v at the end of v–w–x–y: x already has another neighbour y of w's colour.
                    if (seenTwice[b] == v || GreedyColoring.HasNeighbourOfColor(graph, colors, x, w, b))
                        forbidden[colors[x]] = v;
                }
            }
            var c = 0;
            while (forbidden[c] == v) c++;
            colors[v] = c;
            count = Math.Max(count, c + 1);
        }
        return count;
    }
}
