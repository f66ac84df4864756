namespace DiffNative;

/// <summary>Tells a kink from a smooth bend. The slope jump J(h) = (f(x+h) − 2f(x) + f(x−h))/h is
/// about h·f″ for a smooth function, so halving h halves it; across a kink it stays near the jump
/// in slope. A jump that does not shrink, and stands well above rounding noise, means f is not
/// differentiable at x.</summary>
internal static class DifferentiabilityCheck
{
    internal static DerivativeStatus Run<TFunction>(ref TFunction f, double x, double h, double left, double right, ref int evaluations)
        where TFunction : IRealFunction, allows ref struct
    {
        var centre = f.At(x);
        var halfStep = StepRule.MakeExact(x, h / 2);
        var halfRight = f.At(x + halfStep);
        var halfLeft = f.At(x - halfStep);
        evaluations += 3;
        if (!double.IsFinite(centre) || !double.IsFinite(halfLeft) || !double.IsFinite(halfRight))
            return DerivativeStatus.NonFinite;
        if (double.IsNaN(left) || double.IsNaN(right))
        {
            left = f.At(x - h);
            right = f.At(x + h);
            evaluations += 2;
        }
        var jump = Math.Abs((right - 2 * centre + left) / h);
        var halfJump = Math.Abs((halfRight - 2 * centre + halfLeft) / halfStep);
        var noise = StepRule.MachineEpsilon * (Math.Abs(left) + 2 * Math.Abs(centre) + Math.Abs(right)) / halfStep;
        var kink = jump > 64 * noise && halfJump > 0.75 * jump;
        return kink ? DerivativeStatus.NotDifferentiable : DerivativeStatus.Ok;
    }
}
