namespace DiffNative;

/// <summary>Per-coordinate steps: the user's (made exact), or the error-balancing rule through the
/// chosen backend's kernel.</summary>
internal static class StepSetup
{
    internal static void Fill(Backend backend, ReadOnlySpan<double> x, DifferentiationOptions options, double baseStep, Span<double> steps)
    {
        if (!options.Steps.IsEmpty)
        {
            var given = options.Steps.Span;
            for (var i = 0; i < x.Length; i++)
                steps[i] = StepRule.MakeExact(x[i], given[i]);
            return;
        }
        DifferenceKernels.Steps(backend, x, options.TypicalScales.Span, baseStep, steps);
    }

    /// <summary>Steps scaled by 1/1.4^level for a Richardson sequence, made exact again.</summary>
    internal static void Shrink(ReadOnlySpan<double> x, ReadOnlySpan<double> first, double factor, Span<double> steps)
    {
        for (var i = 0; i < x.Length; i++)
            steps[i] = StepRule.MakeExact(x[i], first[i] * factor);
    }

    /// <summary>Any NaN or infinity in the values?</summary>
    internal static DerivativeStatus Check(ReadOnlySpan<double> values) =>
        Finite.All(values) ? DerivativeStatus.Ok : DerivativeStatus.NonFinite;
}
