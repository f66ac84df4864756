namespace DiffNative;

/// <summary>Greedy star colouring (Coleman–Moré; Gebremedhin, Manne, Pothen 2005): a proper
/// colouring in which every path on four vertices uses at least three colours. Then for every
/// edge (i, j) at least one end sees the other as its only neighbour of that colour, which is what
/// lets a Hessian be read directly from gradient differences of one colour at a time.</summary>
internal static class StarColoring
{
    /// <summary>Colours of every vertex; returns the number of colours. Each vertex v takes the
    /// smallest colour that creates no two-coloured path on four vertices with the vertices
    /// coloured before it (every such path is checked when its last vertex is coloured):
    /// not a neighbour's colour; not the colour of an x two steps away through w when x has
    /// another neighbour of w's colour (v–w–x–y); and, when two neighbours of v share a colour,
    /// no colour next to either (u–v–w–x). What those rules need is kept up to date as vertices
    /// are coloured, so a vertex costs its degree times the colours near it, not its neighbours'
    /// degrees: a hub of degree d is not O(d²).</summary>
    internal static int Color(ColumnGraph graph, ColoringOrder order, int[] colors)
    {
        var n = graph.Vertices;
        Array.Fill(colors, -1);
        var state = new NeighbourhoodColors(n);
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
                var b = colors[w];
                if (b < 0) continue;
                forbidden[b] = v;
                if (seenOnce[b] == v) seenTwice[b] = v;
                seenOnce[b] = v;
            }
            foreach (var w in graph.Neighbours(v))
            {
                var b = colors[w];
                if (b < 0) continue;
                foreach (var a in state.EndColors(w)) forbidden[a] = v;
                if (seenTwice[b] == v)
                    foreach (var a in state.NeighbourColors(w)) forbidden[a] = v;
            }
            var c = 0;
            while (forbidden[c] == v) c++;
            colors[v] = c;
            count = Math.Max(count, c + 1);
            state.Colored(graph, colors, v);
        }
        return count;
    }

    /// <summary>Per vertex: the distinct colours among its coloured neighbours, and its "end
    /// colours": colours a of neighbours x (of colour a) that have another neighbour of the
    /// vertex's own colour, so that a new neighbour of colour a would close a two-coloured path.
    /// Both only grow as vertices are coloured.</summary>
    private sealed class NeighbourhoodColors(int n)
    {
        private readonly List<int>?[] neighbourColors = new List<int>?[n];
        private readonly List<int>?[] endColors = new List<int>?[n];
        private readonly HashSet<long> ends = [];

        /// <summary>(x, b) → the first neighbour of x coloured b, or −1 once there are two or more.</summary>
        private readonly Dictionary<long, int> firstOfColor = [];

        internal IEnumerable<int> NeighbourColors(int w) => neighbourColors[w] ?? (IEnumerable<int>)[];

        internal IEnumerable<int> EndColors(int w) => endColors[w] ?? (IEnumerable<int>)[];

        private static long Key(int vertex, int color) => ((long)vertex << 32) | (uint)color;

        private bool HasTwo(int x, int color) => firstOfColor.TryGetValue(Key(x, color), out var first) && first < 0;

        /// <summary>x has another neighbour of w's colour: x's colour becomes an end colour of w.</summary>
        private void AddEnd(int w, int color)
        {
            if (ends.Add(Key(w, color))) (endColors[w] ??= []).Add(color);
        }

        internal void Colored(ColumnGraph graph, int[] colors, int y)
        {
            var b = colors[y];
            foreach (var x in graph.Neighbours(y))
            {
                var key = Key(x, b);
                if (!firstOfColor.TryGetValue(key, out var first))
                {
                    firstOfColor[key] = y;
                    (neighbourColors[x] ??= []).Add(b);
                }
                else
                {
                    if (first >= 0) firstOfColor[key] = -1;
                    if (colors[x] < 0) continue;
                    // x now has two neighbours of colour b: y, and the first one if there were two only now.
                    AddEnd(y, colors[x]);
                    if (first >= 0) AddEnd(first, colors[x]);
                }
            }
            // y as the far end: each coloured neighbour w gains y's colour as an end colour when y
            // has another neighbour of w's colour.
            foreach (var w in graph.Neighbours(y))
                if (colors[w] >= 0 && HasTwo(y, colors[w])) AddEnd(w, b);
        }
    }
}
