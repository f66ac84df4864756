namespace DiffNative;

/// <summary>The default step: balance truncation (∝ hᵖ) against rounding (∝ ε/hᵈ), which puts
/// the optimum at h ∝ ε^(1/(p+d)), scaled by max(|x|, typical scale), then adjusted so that
/// (x+h)−x is exactly h and the stencil's spacing is what the weights assume.</summary>
internal static class StepRule
{
    /// <summary>The gap between 1 and the next double, 2⁻⁵².</summary>
    internal const double MachineEpsilon = 2.220446049250313e-16;

    internal static double Default(double x, int derivative, int accuracy, double typicalScale) =>
        MakeExact(x, BaseStep(derivative, accuracy) * Math.Max(Math.Abs(x), typicalScale));

    /// <summary>ε^(1/(p+d)); the few (d, p) pairs are cached because Math.Pow is not free.</summary>
    internal static double BaseStep(int derivative, int accuracy) =>
        BaseSteps[derivative + accuracy];

    private static readonly double[] BaseSteps =
        Enumerable.Range(0, 16).Select(k => k == 0 ? 1.0 : Math.Pow(MachineEpsilon, 1.0 / k)).ToArray();

    /// <summary>The step h' near h with (x+h')−x == h' exactly.</summary>
    internal static double MakeExact(double x, double h)
    {
        var exact = (x + h) - x;
        return exact > 0 ? exact : h;
    }
}
