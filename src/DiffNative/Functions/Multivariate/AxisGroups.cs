namespace DiffNative;

/// <summary>Coordinates that share one first-derivative stencil. Without bounds there is one group
/// (every coordinate, the chosen scheme). With bounds, a coordinate whose central stencil would
/// leave [lower, upper] turns forward or backward, and if neither fits, it takes whichever allows
/// the longer step: central shrunk to the nearer bound, or one-sided shrunk to the roomier side
/// (SciPy's rule). No evaluation ever leaves the domain.</summary>
internal readonly record struct AxisGroup(DifferenceScheme Scheme, int[]? Coordinates, int Start, int Size)
{
    /// <summary>Every coordinate, one scheme: no array at all.</summary>
    internal static AxisGroup Everything(DifferenceScheme scheme, int n) => new(scheme, null, 0, n);

    /// <summary>The group's g-th coordinate.</summary>
    internal int this[int g] => Coordinates is null ? g : Coordinates[Start + g];

    /// <summary>The group's coordinates, increasing; only for a group that is not everything.</summary>
    internal ReadOnlySpan<int> Members => Coordinates.AsSpan(Start, Size);
}

/// <summary>The groups of one call in the order the engines run them: central, forward, backward,
/// each of its coordinates increasing, empty groups skipped. A struct enumerable over the caller's
/// pooled buffer, so that a bounded call allocates nothing.</summary>
internal readonly struct AxisGroupList(int[] order, int central, int forward, int n)
{
    public Enumerator GetEnumerator() => new(order, central, forward, n);

    internal struct Enumerator(int[] order, int central, int forward, int n)
    {
        private int scheme = -1;

        public AxisGroup Current { get; private set; }

        public bool MoveNext()
        {
            while (++scheme < AxisGroups.SchemeCount)
            {
                var (start, end) = scheme switch
                {
                    0 => (0, central),
                    1 => (central, central + forward),
                    _ => (central + forward, n),
                };
                if (end <= start) continue;
                Current = new AxisGroup((DifferenceScheme)scheme, order, start, end - start);
                return true;
            }
            return false;
        }
    }
}

internal static class AxisGroups
{
    /// <summary>Central, forward, backward: the schemes in their enum's order, which is the order
    /// the groups run in.</summary>
    internal const int SchemeCount = 3;

    /// <summary>Splits the coordinates when bounds are given; may shorten <paramref name="steps"/> (the largest step the
    /// call will use) so that a one-sided stencil fits. The groups live in the workspace's
    /// <see cref="Workspace.IntSlot.AxisOrder"/> slot.</summary>
    internal static AxisGroupList Build(ReadOnlySpan<double> x, Span<double> steps, DifferentiationOptions options, int accuracy, Workspace workspace)
    {
        var n = x.Length;
        var lower = options.LowerBounds.Span;
        var upper = options.UpperBounds.Span;
        // [0, n): the coordinates grouped by scheme; [n, 2n): each coordinate's scheme.
        var order = workspace.Ints(Workspace.IntSlot.AxisOrder, 2 * n);
        var schemes = order.AsSpan(n, n);
        Span<int> counts = stackalloc int[SchemeCount];
        counts.Clear();
        for (var i = 0; i < n; i++)
        {
            var lo = lower.IsEmpty ? double.NegativeInfinity : lower[i];
            var hi = upper.IsEmpty ? double.PositiveInfinity : upper[i];
            schemes[i] = (int)Choose(x[i], lo, hi, ref steps[i], options.Scheme, accuracy);
            counts[schemes[i]]++;
        }
        // A counting sort, stable, so that each group's coordinates stay increasing.
        Span<int> next = stackalloc int[SchemeCount];
        next[0] = 0;
        for (var s = 1; s < SchemeCount; s++) next[s] = next[s - 1] + counts[s - 1];
        for (var i = 0; i < n; i++) order[next[schemes[i]]++] = i;
        return new AxisGroupList(order, counts[(int)DifferenceScheme.Central], counts[(int)DifferenceScheme.Forward], n);
    }

    private static DifferenceScheme Choose(double x, double lo, double hi, ref double h, DifferenceScheme preferred, int accuracy)
    {
        foreach (var scheme in Preference(preferred))
        {
            var (min, max) = Span(scheme, accuracy);
            if (x + min * h >= lo && x + max * h <= hi) return scheme;
        }
        // Nothing fits: shrink the step on the roomier side until its one-sided stencil does.
        var forward = hi - x >= x - lo;
        var chosen = forward ? DifferenceScheme.Forward : DifferenceScheme.Backward;
        var (lowest, highest) = Span(chosen, accuracy);
        var room = forward ? hi - x : x - lo;
        var reach = forward ? highest : -lowest;
        if (!(room > 0))
            throw new ArgumentException("x lies on both bounds of a coordinate: there is no room to differentiate.", "x");
        var oneSided = Math.Min(h, room / reach);
        if (preferred == DifferenceScheme.Central)
        {
            // SciPy's rule: a central stencil shrunk to the nearer bound beats a one-sided one
            // whose step is no longer (x = 10 in [10 − 3e-9, 10 + 2e-9]: central at 2e-9, not
            // backward at 1.5e-9): same order, smaller error constant, and no bias to one side.
            var (_, centralReach) = Span(DifferenceScheme.Central, accuracy);
            var central = Math.Min(hi - x, x - lo) / centralReach;
            if (central >= oneSided && central > 0)
            {
                h = StepRule.MakeExact(x, central);
                while (x + centralReach * h > hi || x - centralReach * h < lo) h = StepRule.MakeExact(x, h * 0.5);
                return DifferenceScheme.Central;
            }
        }
        h = StepRule.MakeExact(x, oneSided);
        while (forward ? x + reach * h > hi : x - reach * h < lo) h = StepRule.MakeExact(x, h * 0.5);
        return chosen;
    }

    private static readonly DifferenceScheme[] ForwardFirst = [DifferenceScheme.Forward, DifferenceScheme.Backward];
    private static readonly DifferenceScheme[] BackwardFirst = [DifferenceScheme.Backward, DifferenceScheme.Forward];
    private static readonly DifferenceScheme[] CentralFirst = [DifferenceScheme.Central, DifferenceScheme.Forward, DifferenceScheme.Backward];

    private static DifferenceScheme[] Preference(DifferenceScheme preferred) => preferred switch
    {
        DifferenceScheme.Forward => ForwardFirst,
        DifferenceScheme.Backward => BackwardFirst,
        _ => CentralFirst,
    };

    /// <summary>The lowest and highest offsets of the first-derivative stencil.</summary>
    private static (double Min, double Max) Span(DifferenceScheme scheme, int accuracy)
    {
        var offsets = Stencils.Get(scheme, 1, OneSidedSafe(scheme, accuracy)).Offsets;
        return (offsets[0], offsets[^1]);
    }

    /// <summary>Central accuracies (2, 4, 6, 8) are valid one-sided ones too except 8: cap at 6.</summary>
    internal static int OneSidedSafe(DifferenceScheme scheme, int accuracy) =>
        scheme == DifferenceScheme.Central ? accuracy : Math.Min(accuracy, 6);
}
