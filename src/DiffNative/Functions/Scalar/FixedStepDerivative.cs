namespace DiffNative;

/// <summary>Central, forward and backward stencils with one step: the default or the user's.</summary>
internal static class FixedStepDerivative
{
    /// <summary>A default step that meets NaN or infinity is shrunk this many times (by 8 each)
    /// before the result is reported non-finite; a user's step is never changed.</summary>
    private const int MaxShrinks = 6;

    /// <summary>The derivative with validated options; steps scale with max(|x|, <paramref name="typicalScale"/>).</summary>
    internal static DerivativeResult Compute<TFunction>(ref TFunction f, double x, DerivativeOptions options, double typicalScale)
        where TFunction : IRealFunction, allows ref struct
    {
        var stencil = Stencils.Get(options.Scheme, options.Order, options.EffectiveAccuracy);
        var h = options.Step is { } given
            ? StepRule.MakeExact(x, given)
            : StepRule.Default(x, options.Order, stencil.Accuracy, typicalScale);
        var evaluations = 0;
        var scale = 0.0;
        for (var attempt = 0; ; attempt++)
        {
            var value = StencilEvaluation.Apply(stencil, ref f, x, h, ref evaluations, ref scale, out var left, out var right);
            if (double.IsFinite(value))
            {
                var status = DerivativeStatus.Ok;
                if (options.CheckDifferentiability && options.Order == 1 && stencil.Scheme == DifferenceScheme.Central)
                    status = DifferentiabilityCheck.Run(ref f, x, h, left, right, ref evaluations);
                return new DerivativeResult(value, null, h, evaluations, status);
            }
            if (options.Step is not null || attempt == MaxShrinks)
                return new DerivativeResult(double.NaN, null, h, evaluations, DerivativeStatus.NonFinite);
            h = StepRule.MakeExact(x, h / 8);
        }
    }
}
