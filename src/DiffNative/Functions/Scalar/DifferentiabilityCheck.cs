namespace DiffNative;

/// <summary>Tells a kink from a smooth bend. The slope jump J(r) = (f(x+r) − 2f(x) + f(x−r))/r is
/// about r·f″ for a smooth function: linear in r, so J(r) ≈ 2·J(r/2) ≈ 4·J(r/4). A kink at
/// distance a ≤ r from x adds about (1 − a/r) times the jump in slope, which is not linear in r
/// for any a: at a = 0 it stays constant, at r/2 &lt; a &lt; r it vanishes from J(r/2), and in
/// between one of the two ratios is off by more than a quarter (the two bands that pass each test,
/// a/r ∈ [0.27, 0.38] and [0.14, 0.19], do not meet).</summary>
internal static class DifferentiabilityCheck
{
    /// <summary>Ok, NotDifferentiable (something not smooth within r of x), or NonFinite.</summary>
    internal static DerivativeStatus Run<TFunction>(ref TFunction f, double x, double r, double left, double right, ref int evaluations)
        where TFunction : IRealFunction, allows ref struct =>
        Run(ref f, x, r, left, right, ref evaluations, out _);

    /// <summary>As above; <paramref name="halfSlope"/> receives the central difference at r/2,
    /// (f(x + r/2) − f(x − r/2))/r, free from the samples the check takes.</summary>
    internal static DerivativeStatus Run<TFunction>(ref TFunction f, double x, double r, double left, double right, ref int evaluations,
        out double halfSlope)
        where TFunction : IRealFunction, allows ref struct =>
        Run(ref f, x, r, left, right, ref evaluations, out halfSlope, out _);

    /// <summary>As above; <paramref name="quarterSlope"/> receives the central difference at r/4.</summary>
    internal static DerivativeStatus Run<TFunction>(ref TFunction f, double x, double r, double left, double right, ref int evaluations,
        out double halfSlope, out double quarterSlope)
        where TFunction : IRealFunction, allows ref struct
    {
        var centre = f.At(x);
        var half = StepRule.MakeExact(x, r / 2);
        var quarter = StepRule.MakeExact(x, r / 4);
        var halfRight = f.At(x + half);
        var halfLeft = f.At(x - half);
        var quarterRight = f.At(x + quarter);
        var quarterLeft = f.At(x - quarter);
        evaluations += 5;
        halfSlope = (halfRight - halfLeft) / (2 * half);
        quarterSlope = (quarterRight - quarterLeft) / (2 * quarter);
        if (double.IsNaN(left) || double.IsNaN(right))
        {
            left = f.At(x - r);
            right = f.At(x + r);
            evaluations += 2;
        }
        if (!double.IsFinite(centre) || !double.IsFinite(halfLeft) || !double.IsFinite(halfRight)
            || !double.IsFinite(quarterLeft) || !double.IsFinite(quarterRight))
            return DerivativeStatus.NonFinite;
        var jump = (right - 2 * centre + left) / r;
        var halfJump = (halfRight - 2 * centre + halfLeft) / half;
        var quarterJump = (quarterRight - 2 * centre + quarterLeft) / quarter;
        // Rounding in J at the shortest reach, where it is largest.
        var noise = 64 * StepRule.MachineEpsilon * (Math.Abs(left) + 2 * Math.Abs(centre) + Math.Abs(right)) / quarter;
        var outer = Math.Abs(jump - 2 * halfJump);
        var inner = Math.Abs(halfJump - 2 * quarterJump);
        var smooth = outer <= 0.25 * Math.Abs(jump) + noise && inner <= 0.25 * Math.Abs(halfJump) + noise;
        return smooth ? DerivativeStatus.Ok : DerivativeStatus.NotDifferentiable;
    }
}
