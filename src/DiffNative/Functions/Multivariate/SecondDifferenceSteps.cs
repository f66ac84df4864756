namespace DiffNative;

/// <summary>Steps of the second-difference engines (dense Hessian, its diagonal, sparse Hessian).
/// Second differences sample both sides of x, so with bounds each step shrinks to the room on the
/// nearer side; the steps go straight into the engine's pooled buffer, so a bounded call allocates
/// nothing.</summary>
internal static class SecondDifferenceSteps
{
    /// <summary>Throws, naming x, when a coordinate of x lies on one of its bounds.</summary>
    internal static void RequireRoom(ReadOnlySpan<double> x, DifferentiationOptions options)
    {
        if (!Bounded(options)) return;
        for (var i = 0; i < x.Length; i++)
            if (!(Room(x, options, i) > 0))
                throw new ArgumentException($"x[{i}] = {x[i]} lies on a bound; second differences need room on both sides.", nameof(x));
    }

    /// <summary>The engine's steps: the user's, or <paramref name="baseStep"/> times the scale,
    /// made exact. With bounds, each is first halved until the stencil's outermost points stay
    /// within the room, so bounds far from x change nothing. <see cref="RequireRoom"/> must have
    /// passed.</summary>
    internal static void Fill(Backend backend, ReadOnlySpan<double> x, DifferentiationOptions options, double baseStep, Span<double> steps)
    {
        if (!Bounded(options))
        {
            StepSetup.Fill(backend, x, options, baseStep, steps);
            return;
        }
        var scales = options.TypicalScales.Span;
        var given = options.Steps.Span;
        var reach = options.Adaptive ? 1.0
            : Stencils.Get(DifferenceScheme.Central, 2, options.Scheme == DifferenceScheme.Central ? options.Accuracy : 2).Offsets[^1];
        for (var i = 0; i < x.Length; i++)
        {
            var h = !given.IsEmpty ? given[i] : baseStep * Math.Max(Math.Abs(x[i]), scales.IsEmpty ? 1.0 : scales[i]);
            var room = Room(x, options, i);
            h = Math.Min(h, room / reach);
            while (x[i] + reach * StepRule.MakeExact(x[i], h) > x[i] + room || x[i] - reach * StepRule.MakeExact(x[i], h) < x[i] - room)
                h *= 0.5;
            steps[i] = StepRule.MakeExact(x[i], h);
        }
    }

    private static bool Bounded(DifferentiationOptions options) => !options.LowerBounds.IsEmpty || !options.UpperBounds.IsEmpty;

    /// <summary>The distance from x to its nearer bound along coordinate i.</summary>
    private static double Room(ReadOnlySpan<double> x, DifferentiationOptions options, int i)
    {
        var lower = options.LowerBounds.Span;
        var upper = options.UpperBounds.Span;
        return Math.Min(x[i] - (lower.IsEmpty ? double.NegativeInfinity : lower[i]),
                        (upper.IsEmpty ? double.PositiveInfinity : upper[i]) - x[i]);
    }
}
