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

    /// <summary>Whether a user's step is below the resolution of its coordinate (x + h == x): the
    /// differences along it are 0 whatever f does. Default steps never are.</summary>
    internal static bool AnyBelowResolution(ReadOnlySpan<double> x, ReadOnlyMemory<double> steps)
    {
        if (steps.IsEmpty) return false;
        var given = steps.Span;
        for (var i = 0; i < x.Length; i++)
        {
            var h = StepRule.MakeExact(x[i], given[i]);
            if (x[i] + h == x[i] || x[i] - h == x[i]) return true;
        }
        return false;
    }

    /// <summary>The status of a finished first-derivative call: NonFinite, or RoundingLimited when
    /// a user's step is below the resolution of x, or the given one.</summary>
    internal static DerivativeStatus WithSteps(DerivativeStatus status, ReadOnlySpan<double> x, DifferentiationOptions options) =>
        status == DerivativeStatus.Ok && AnyBelowResolution(x, options.Steps) ? DerivativeStatus.RoundingLimited : status;

    /// <summary>Any NaN or infinity in the values?</summary>
    internal static DerivativeStatus Check(ReadOnlySpan<double> values) =>
        Finite.All(values) ? DerivativeStatus.Ok : DerivativeStatus.NonFinite;
}
