namespace DiffNative.Optimization;

/// <summary>A step satisfying the strong Wolfe conditions, by Nocedal and Wright's bracketing
/// (algorithm 3.5) and zoom (algorithm 3.6) with safeguarded cubic interpolation. The gradient at a
/// trial point is computed only when the Armijo condition holds there, because with numerical
/// gradients it costs n (forward, reusing the trial's f) or 2n evaluations of f. A NaN or infinite trial value counts as too far.</summary>
internal sealed class StrongWolfeLineSearch(int n, double c1, double c2) : LineSearch(n)
{
    private const int MaxExpansions = 40;
    private const int MaxZooms = 40;

    /// <summary>A point on the line: α, φ(α) and φ′(α) (NaN when its gradient was not computed).</summary>
    private readonly record struct Sample(double Alpha, double Value, double Slope);

    // The best Armijo point seen keeps its gradient so that a failed zoom can still move there.
    private readonly double[] bestGradient = new double[n];
    private readonly double[] bestX = new double[n];

    internal override StepOutcome Search(IterationState state, ReadOnlySpan<double> direction, double initialStep,
        ObjectiveEvaluator evaluator, out double step)
    {
        step = 0;
        var f0 = state.Value;
        var slope0 = Vectors.Dot(state.Gradient, direction);
        if (!(slope0 < 0)) return StepOutcome.LineSearchFailed;
        var previous = new Sample(0, f0, slope0);
        var alpha = initialStep;
        for (var i = 0; i < MaxExpansions; i++)
        {
            if (StepVanishes(state.X, alpha, direction)) return StepOutcome.LineSearchFailed;
            Vectors.MoveAlong(state.X, alpha, direction, Trial);
            var f = evaluator.Value(Trial);
            if (!double.IsFinite(f) || f > f0 + c1 * alpha * slope0 || (i > 0 && f >= previous.Value))
                return Zoom(state, direction, f0, slope0, previous, new Sample(alpha, f, double.NaN), evaluator, out step);
            if (!evaluator.Gradient(Trial, f, TrialGradient)) return StepOutcome.NonFinite;
            var slope = Vectors.Dot(TrialGradient, direction);
            if (Math.Abs(slope) <= -c2 * slope0)
                return Accept(state, Trial, f, TrialGradient, alpha, out step);
            var current = new Sample(alpha, f, slope);
            if (slope >= 0)
            {
                Remember();
                return Zoom(state, direction, f0, slope0, current, previous, evaluator, out step);
            }
            Remember();
            // Still going downhill steeply: extrapolate, at least doubling and at most ×10.
            var guess = Cubic(previous, current);
            previous = current;
            alpha = double.IsFinite(guess) ? Math.Clamp(guess, 2 * alpha, 10 * alpha) : 4 * alpha;
        }
        return StepOutcome.LineSearchFailed;
    }

    private void Remember()
    {
        Trial.CopyTo(bestX, 0);
        TrialGradient.CopyTo(bestGradient, 0);
    }

    private StepOutcome Zoom(IterationState state, ReadOnlySpan<double> direction, double f0, double slope0,
        Sample lo, Sample hi, ObjectiveEvaluator evaluator, out double step)
    {
        // lo always satisfies Armijo and has its slope; hi is too far, uphill or beyond a minimum.
        step = 0;
        var lastNonFinite = !double.IsFinite(hi.Value);
        for (var j = 0; j < MaxZooms; j++)
        {
            var width = hi.Alpha - lo.Alpha;
            var alpha = Interpolate(lo, hi);
            alpha = Math.Clamp(alpha, Math.Min(lo.Alpha + 0.1 * width, hi.Alpha - 0.1 * width),
                                      Math.Max(lo.Alpha + 0.1 * width, hi.Alpha - 0.1 * width));
            if (StepVanishes(state.X, width, direction) || StepVanishes(state.X, alpha, direction)) break;
            Vectors.MoveAlong(state.X, alpha, direction, Trial);
            var f = evaluator.Value(Trial);
            lastNonFinite = !double.IsFinite(f);
            if (lastNonFinite || f > f0 + c1 * alpha * slope0 || f >= lo.Value)
            {
                hi = new Sample(alpha, f, double.NaN);
                continue;
            }
            if (!evaluator.Gradient(Trial, f, TrialGradient)) return StepOutcome.NonFinite;
            var slope = Vectors.Dot(TrialGradient, direction);
            if (Math.Abs(slope) <= -c2 * slope0)
                return Accept(state, Trial, f, TrialGradient, alpha, out step);
            if (slope * (hi.Alpha - lo.Alpha) >= 0) hi = lo;
            lo = new Sample(alpha, f, slope);
            Remember();
        }
        // The curvature condition was not met, but a point with sufficient decrease is progress,
        // unless the gradient is a forward difference: then it is the suspect, to be retaken centrally.
        if (lo.Alpha > 0)
            return evaluator.DifferencesForward ? StepOutcome.LineSearchFailed : Accept(state, bestX, lo.Value, bestGradient, lo.Alpha, out step);
        return lastNonFinite ? StepOutcome.NonFinite : StepOutcome.LineSearchFailed;
    }

    private static StepOutcome Accept(IterationState state, ReadOnlySpan<double> x, double f, ReadOnlySpan<double> g, double alpha, out double step)
    {
        state.Accept(x, f, g);
        step = alpha;
        return StepOutcome.Moved;
    }

    /// <summary>The minimiser of the cubic through both samples when both slopes are known, of the
    /// quadratic through lo's value and slope and hi's value otherwise, the midpoint as a last resort.</summary>
    private static double Interpolate(Sample lo, Sample hi)
    {
        if (!double.IsFinite(hi.Value)) return 0.5 * (lo.Alpha + hi.Alpha);
        if (double.IsFinite(hi.Slope))
        {
            var cubic = Cubic(lo, hi);
            if (double.IsFinite(cubic)) return cubic;
        }
        var width = hi.Alpha - lo.Alpha;
        var quadratic = lo.Alpha - lo.Slope * width * width / (2 * (hi.Value - lo.Value - lo.Slope * width));
        return double.IsFinite(quadratic) ? quadratic : 0.5 * (lo.Alpha + hi.Alpha);
    }

    /// <summary>Nocedal and Wright (3.59); NaN when the cubic has no minimiser.</summary>
    private static double Cubic(Sample a, Sample b)
    {
        var d1 = a.Slope + b.Slope - 3 * (a.Value - b.Value) / (a.Alpha - b.Alpha);
        var radicand = d1 * d1 - a.Slope * b.Slope;
        if (!(radicand >= 0)) return double.NaN;
        var d2 = Math.Sign(b.Alpha - a.Alpha) * Math.Sqrt(radicand);
        return b.Alpha - (b.Alpha - a.Alpha) * (b.Slope + d2 - d1) / (b.Slope - a.Slope + 2 * d2);
    }
}
