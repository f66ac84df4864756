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

    /// <summary>The first-derivative engines' steps from the pooled workspace: fixed steps in
    /// [0, n); adaptive ones keep the first steps of the sequence in [n, 2n) while each level's
    /// go to [0, n). <paramref name="first"/> is where the first (or only) steps are.</summary>
    internal static double[] FirstDerivative(Backend backend, ReadOnlySpan<double> x, DifferentiationOptions options, Workspace workspace,
        out Span<double> first)
    {
        var n = x.Length;
        var steps = workspace.Array(Workspace.Slot.Steps, options.Adaptive ? 2 * n : n);
        first = steps.AsSpan(options.Adaptive ? n : 0, n);
        Fill(backend, x, options, options.Adaptive ? 0.1 : StepRule.BaseStep(1, options.Accuracy), first);
        return steps;
    }

    /// <summary>Steps scaled by 1/1.4^level for a Richardson sequence, made exact again.</summary>
    internal static void Shrink(ReadOnlySpan<double> x, ReadOnlySpan<double> first, double factor, Span<double> steps)
    {
        for (var i = 0; i < x.Length; i++)
            steps[i] = StepRule.MakeExact(x[i], first[i] * factor);
    }

    /// <summary>Whether a step is below the resolution of its coordinate's scale: x + h == x (every
    /// difference along it is 0), or h under 64 ε·max(|x|, typical scale), where a function that
    /// varies on that scale changes by less than a few dozen rounding errors of its value (bounds
    /// ±1e-300 around 0 squeeze the step to 1e-300, and exp(x)'s samples all round to 1). Default
    /// steps never are; a user's, or one shortened to fit bounds, may be.</summary>
    internal static bool AnyBelowResolution(ReadOnlySpan<double> x, ReadOnlySpan<double> steps, ReadOnlySpan<double> scales)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var h = steps[i];
            var scale = Math.Max(Math.Abs(x[i]), scales.IsEmpty ? 1.0 : scales[i]);
            if (x[i] + h == x[i] || x[i] - h == x[i] || h < 64 * StepRule.MachineEpsilon * scale) return true;
        }
        return false;
    }

    /// <summary>The status of a finished first-derivative call given the steps it used (the
    /// first ones, for adaptive): RoundingLimited where one is below the resolution of its
    /// coordinate's scale, otherwise the given one.</summary>
    internal static DerivativeStatus WithSteps(DerivativeStatus status, ReadOnlySpan<double> x, ReadOnlySpan<double> steps, DifferentiationOptions options) =>
        status == DerivativeStatus.Ok && AnyBelowResolution(x, steps, options.TypicalScales.Span) ? DerivativeStatus.RoundingLimited : status;

    /// <summary>Any NaN or infinity in the values?</summary>
    internal static DerivativeStatus Check(ReadOnlySpan<double> values) =>
        Finite.All(values) ? DerivativeStatus.Ok : DerivativeStatus.NonFinite;
}
