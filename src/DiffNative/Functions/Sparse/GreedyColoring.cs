namespace DiffNative;

/// <summary>Greedy vertex colouring in a chosen order: each vertex takes the smallest colour none of
/// its already coloured neighbours has.</summary>
internal static class GreedyColoring
{
    /// <summary>Colours of every vertex; returns the number of colours.</summary>
    internal static int Color(ColumnGraph graph, ColoringOrder order, int[] colors)
    {
        var n = graph.Vertices;
        Array.Fill(colors, -1);
        var forbidden = new int[n + 1];
        Array.Fill(forbidden, -1);
        var count = 0;
        foreach (var v in Order(graph, order))
        {
            foreach (var w in graph.Neighbours(v))
                if (colors[w] >= 0) forbidden[colors[w]] = v;
            var c = 0;
            while (forbidden[c] == v) c++;
            colors[v] = c;
            count = Math.Max(count, c + 1);
        }
        return count;
    }

    internal static int[] Order(ColumnGraph graph, ColoringOrder order) => order switch
    {
        ColoringOrder.Natural => Enumerable.Range(0, graph.Vertices).ToArray(),
        ColoringOrder.LargestFirst => Enumerable.Range(0, graph.Vertices).OrderByDescending(graph.Degree).ThenBy(v => v).ToArray(),
        ColoringOrder.SmallestLast => SmallestLast(graph),
        ColoringOrder.Saturation => SaturationOrder(graph),
        _ => throw new ArgumentOutOfRangeException(nameof(order), order, "Not a colouring order."),
    };

    /// <summary>Matula–Beck in O(V + E): degree buckets as doubly linked lists; after a removal
    /// the least degree can drop by at most one, so the scan restarts one bucket lower.</summary>
    private static int[] SmallestLast(ColumnGraph graph)
    {
        var n = graph.Vertices;
        var degree = new int[n];
        var maxDegree = 0;
        for (var v = 0; v < n; v++) maxDegree = Math.Max(maxDegree, degree[v] = graph.Degree(v));
        var head = new int[maxDegree + 1];
        Array.Fill(head, -1);
        var next = new int[n];
        var previous = new int[n];
        // Inserted in decreasing index order so that each bucket lists its vertices by increasing index.
        for (var v = n - 1; v >= 0; v--) Push(v);
        var removed = new bool[n];
        var order = new int[n];
        var low = 0;
        for (var k = n - 1; k >= 0; k--)
        {
            while (head[low] < 0) low++;
            var v = head[low];
            Unlink(v);
            removed[v] = true;
            order[k] = v;
            foreach (var w in graph.Neighbours(v))
            {
                if (removed[w]) continue;
                Unlink(w);
                degree[w]--;
                Push(w);
            }
            low = Math.Max(0, low - 1);
        }
        return order;

        void Push(int v)
        {
            var d = degree[v];
            next[v] = head[d];
            previous[v] = -1;
            if (head[d] >= 0) previous[head[d]] = v;
            head[d] = v;
        }

        void Unlink(int v)
        {
            if (previous[v] >= 0) next[previous[v]] = next[v];
            else head[degree[v]] = next[v];
            if (next[v] >= 0) previous[next[v]] = previous[v];
        }
    }

    /// <summary>The order in which DSATUR colours the vertices; greedy colouring in this order
    /// reproduces DSATUR's colours. A priority queue with stale entries skipped on the way out:
    /// an entry is pushed whenever a vertex's saturation grows, so O((V + E) log V).</summary>
    private static int[] SaturationOrder(ColumnGraph graph)
    {
        var n = graph.Vertices;
        var colors = new int[n];
        Array.Fill(colors, -1);
        var saturation = new int[n];
        var forbidden = new int[n + 1];
        Array.Fill(forbidden, -1);
        // (vertex, colour) pairs already counted in a saturation: O(1) per edge, even next to a hub.
        var seen = new HashSet<long>();
        var queue = new PriorityQueue<int, (int Saturation, int Degree, int Index)>(n);
        for (var v = 0; v < n; v++) queue.Enqueue(v, (0, -graph.Degree(v), v));
        var order = new int[n];
        var k = 0;
        while (queue.TryDequeue(out var v, out var key))
        {
            if (colors[v] >= 0 || -key.Saturation != saturation[v]) continue;
            foreach (var w in graph.Neighbours(v))
                if (colors[w] >= 0) forbidden[colors[w]] = v;
            var c = 0;
            while (forbidden[c] == v) c++;
            colors[v] = c;
            order[k++] = v;
            foreach (var w in graph.Neighbours(v))
            {
                if (colors[w] >= 0 || !seen.Add(((long)w << 32) | (uint)c)) continue;
                saturation[w]++;
                queue.Enqueue(w, (-saturation[w], -graph.Degree(w), w));
            }
        }
        return order;
    }
}
