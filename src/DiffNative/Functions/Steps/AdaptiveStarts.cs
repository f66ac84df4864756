namespace DiffNative;

/// <summary>Where an adaptive sequence starts, and when it has converged: the rule the scalar
/// engine and every multivariate adaptive operation share. The first start is 0.1·max(|x|, scale);
/// when that does not converge, f varies faster than the scale says, and the next starts are
/// 0.1·|x| (f may vary on the scale of x itself: 1/x, log near 0), 0.1·scale (wherever x is: sin at
/// 1e4), then ten times smaller each time (sin(100x) at 3).</summary>
internal static class AdaptiveStarts
{
    /// <summary>Starts tried after the first.</summary>
    internal const int Restarts = 3;

    internal static double First(double x, double scale) => 0.1 * Math.Max(Math.Abs(x), scale);

    /// <summary>The start after <paramref name="previous"/>, for restart number
    /// <paramref name="restart"/> (0-based).</summary>
    internal static double Next(double x, double scale, double previous, int restart)
    {
        var ax = Math.Abs(x);
        if (restart == 0 && ax > 0 && ax < scale / 4) return 0.1 * ax;
        if (restart == 0 && ax > 4 * scale) return 0.1 * scale;
        return previous / 10;
    }

    /// <summary>The error estimate is below a millionth of the value, or of what f's size over
    /// max(|x|, scale)ᵈ makes of a derivative near zero.</summary>
    internal static bool Converged(double value, double error, double functionScale, double x, double scale, int order) =>
        Converged(value, error, functionScale / StencilEvaluation.PowerOfStep(Math.Max(Math.Abs(x), scale), order));

    /// <summary>As above, with the derivative's natural size (|f| over the product of the scales
    /// it is taken along) given.</summary>
    internal static bool Converged(double value, double error, double natural) =>
        double.IsFinite(value) && error >= 0 && error <= 1e-6 * Math.Max(Math.Abs(value), natural);

    /// <summary>Whether an adaptive value disagrees with the central difference near x: the one at
    /// <paramref name="fineStep"/> (<paramref name="fine"/>) beside the one at twice that step
    /// (<paramref name="coarse"/>), whose disagreement, times 4/3, bounds the fine one's h² error,
    /// plus the rounding of f (<paramref name="functionScale"/>) over the fine step. It disagrees
    /// by more than both error estimates together and by more than a tenth of either value. A
    /// ladder whose steps only saw f far from x can agree with itself on a wrong value
    /// (log(1 + (1e5x)²) at 1e-9: 6e-7 for 20); the tenth keeps a function computed in float, whose
    /// differences near x are noise at the percent level, from being sent to worse steps.</summary>
    internal static bool DisagreesNearX(double value, double error, double coarse, double fine, double functionScale, double fineStep)
    {
        var localError = 4.0 / 3.0 * Math.Abs(coarse - fine) + 8 * StepRule.MachineEpsilon * functionScale / fineStep;
        var difference = Math.Abs(value - fine);
        return difference > localError + error && difference > 0.1 * Math.Max(Math.Abs(value), Math.Abs(fine));
    }

    /// <summary>How an entry of a multivariate adaptive result stands.</summary>
    internal enum Verdict
    {
        Converged,
        /// <summary>Its error is small beside f on its scale but not beside the result: rounding in
        /// f (Brown's function, f ≈ 1e12 with a Hessian of 4), which smaller steps only worsen.</summary>
        RoundingLimited,
        NotConverged,
    }

    /// <summary>An entry is converged when its error is a millionth of its value or of the
    /// result's largest entry; one that is not, but whose error is a millionth of its natural size
    /// (|f| over the scales it is taken along), is converged if the whole result is
    /// indistinguishable from 0 (a gradient at a minimum, a linear function's Hessian) and
    /// rounding-limited otherwise.</summary>
    internal static Verdict Judge(double value, double error, double resultScale, double largestError, double natural)
    {
        if (!double.IsFinite(value) || !(error >= 0)) return Verdict.NotConverged;
        if (error <= 1e-6 * Math.Max(Math.Abs(value), resultScale)) return Verdict.Converged;
        if (error <= 1e-6 * natural) return resultScale <= largestError ? Verdict.Converged : Verdict.RoundingLimited;
        return Verdict.NotConverged;
    }

    /// <summary>The largest finite |value| and the largest error of a result's entries.</summary>
    internal static (double Scale, double LargestError) Extent(ReadOnlySpan<double> values, ReadOnlySpan<double> errors)
    {
        double scale = 0, largest = 0;
        for (var e = 0; e < values.Length; e++)
        {
            if (double.IsFinite(values[e])) scale = Math.Max(scale, Math.Abs(values[e]));
            if (errors[e] > largest) largest = errors[e];
        }
        return (scale, largest);
    }

    /// <summary>The status of a whole adaptive result from its entries' verdicts.</summary>
    internal static DerivativeStatus Status(bool nonFinite, bool notConverged, bool roundingLimited, ReadOnlySpan<double> values)
    {
        if (nonFinite || !Finite.All(values)) return DerivativeStatus.NonFinite;
        if (notConverged) return DerivativeStatus.NotConverged;
        return roundingLimited ? DerivativeStatus.RoundingLimited : DerivativeStatus.Ok;
    }

    /// <summary>max(|x|, scale) of coordinate i.</summary>
    internal static double Natural(ReadOnlySpan<double> x, ReadOnlySpan<double> scales, int i) =>
        Math.Max(Math.Abs(x[i]), scales.IsEmpty ? 1.0 : scales[i]);
}
