namespace DiffNative.Optimization;

/// <summary>The bounds of a least-squares fit: which variables the gradient holds at a bound, and
/// the projection that keeps every trial point inside the box.</summary>
internal sealed class FeasibleBox
{
    private readonly double[] lower, upper;

    private FeasibleBox(double[] lower, double[] upper)
    {
        this.lower = lower;
        this.upper = upper;
    }

    /// <summary>The box of the options, or null when they set no bounds.</summary>
    internal static FeasibleBox? From(LeastSquaresOptions options, int n)
    {
        if (!options.HasBounds) return null;
        var lower = new double[n];
        var upper = new double[n];
        for (var i = 0; i < n; i++) (lower[i], upper[i]) = (options.LowerBound(i), options.UpperBound(i));
        return new FeasibleBox(lower, upper);
    }

    /// <summary>Whether variable i sits on a bound that the gradient g of ½‖r‖² pushes it against
    /// (−g points out of the box): it is held there, and its component leaves the projected gradient.</summary>
    internal bool Holds(int i, double x, double g) => x == lower[i] && g > 0 || x == upper[i] && g < 0;

    /// <summary>Clamps point into the box and, where a coordinate moved, sets step to point − x, the
    /// step actually taken; true when any coordinate was clamped.</summary>
    internal bool Project(Span<double> point, ReadOnlySpan<double> x, Span<double> step)
    {
        var clamped = false;
        for (var i = 0; i < point.Length; i++)
        {
            var inside = Math.Clamp(point[i], lower[i], upper[i]);
            if (inside == point[i]) continue;
            point[i] = inside;
            step[i] = inside - x[i];
            clamped = true;
        }
        return clamped;
    }
}
