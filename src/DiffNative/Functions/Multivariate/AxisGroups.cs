namespace DiffNative;

/// <summary>Coordinates that share one first-derivative stencil. Without bounds there is one group
/// (every coordinate, the chosen scheme). With bounds, a coordinate whose central stencil would
/// leave [lower, upper] turns forward or backward, and if neither fits its step shrinks until the
/// roomier side does: no evaluation ever leaves the domain.</summary>
internal readonly record struct AxisGroup(DifferenceScheme Scheme, int[]? Coordinates, int Size);

internal static class AxisGroups
{
    /// <summary>Splits the coordinates when bounds are given; may shorten <paramref name="steps"/> (the largest step the
    /// call will use) so that a one-sided stencil fits.</summary>
    internal static AxisGroup[] Build(ReadOnlySpan<double> x, Span<double> steps, DifferentiationOptions options, int accuracy)
    {
        var n = x.Length;
        var lower = options.LowerBounds.Span;
        var upper = options.UpperBounds.Span;
        var schemes = new DifferenceScheme[n];
        for (var i = 0; i < n; i++)
        {
            var lo = lower.IsEmpty ? double.NegativeInfinity : lower[i];
            var hi = upper.IsEmpty ? double.PositiveInfinity : upper[i];
            schemes[i] = Choose(x[i], lo, hi, ref steps[i], options.Scheme, accuracy);
        }
        return Enum.GetValues<DifferenceScheme>()
            .Select(s => (Scheme: s, Coordinates: Enumerable.Range(0, n).Where(i => schemes[i] == s).ToArray()))
            .Where(g => g.Coordinates.Length > 0)
            .Select(g => new AxisGroup(g.Scheme, g.Coordinates, g.Coordinates.Length))
            .ToArray();
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
        h = Math.Min(h, room / reach);
        h = StepRule.MakeExact(x, h);
        while (forward ? x + reach * h > hi : x - reach * h < lo) h = StepRule.MakeExact(x, h * 0.5);
        return chosen;
    }

    private static IEnumerable<DifferenceScheme> Preference(DifferenceScheme preferred) => preferred switch
    {
        DifferenceScheme.Forward => [DifferenceScheme.Forward, DifferenceScheme.Backward],
        DifferenceScheme.Backward => [DifferenceScheme.Backward, DifferenceScheme.Forward],
        _ => [DifferenceScheme.Central, DifferenceScheme.Forward, DifferenceScheme.Backward],
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
