namespace DiffNative;

/// <summary>Applies a stencil to a scalar function: h⁻ᵈ·Σⱼ wⱼ f(x + oⱼh), skipping zero weights
/// (they cost an evaluation and add nothing), summed as differences of samples (<see cref="Sum"/>)
/// so that a constant's derivative is exactly 0 and a large constant part of f cancels before
/// the weights multiply it.</summary>
internal static class StencilEvaluation
{
    /// <summary>The estimate; <paramref name="left"/> and <paramref name="right"/> receive f(x−h)
    /// and f(x+h) when the stencil samples them (NaN otherwise), for the differentiability check.</summary>
    internal static double Apply<TFunction>(Stencil stencil, ref TFunction f, double x, double h,
        ref int evaluations, ref double functionScale, out double left, out double right)
        where TFunction : IRealFunction, allows ref struct =>
        Apply(stencil, ref f, x, h, ref evaluations, ref functionScale, out left, out right, out _);

    /// <summary>As above; <paramref name="roundingLimited"/> tells whether the sum is at the level of
    /// the rounding in the values it adds (<see cref="RoundingCheck"/>; one more evaluation, f(x),
    /// when an odd derivative's mirrored samples are all equal).</summary>
    internal static double Apply<TFunction>(Stencil stencil, ref TFunction f, double x, double h,
        ref int evaluations, ref double functionScale, out double left, out double right, out bool roundingLimited)
        where TFunction : IRealFunction, allows ref struct
    {
        Span<double> values = stackalloc double[stencil.Offsets.Length];
        return Apply(stencil, ref f, x, h, ref evaluations, ref functionScale, out left, out right, out roundingLimited, values);
    }

    /// <summary>As above, leaving f at each offset in <paramref name="values"/> (0 where the weight
    /// is 0), for an estimate of lower order from the same samples.</summary>
    internal static double Apply<TFunction>(Stencil stencil, ref TFunction f, double x, double h,
        ref int evaluations, ref double functionScale, out double left, out double right, out bool roundingLimited, scoped Span<double> values)
        where TFunction : IRealFunction, allows ref struct
    {
        left = right = double.NaN;
        var offsets = stencil.Offsets;
        var weights = stencil.Weights;
        for (var j = 0; j < offsets.Length; j++)
        {
            if (weights[j] == 0) { values[j] = 0; continue; }
            var value = f.At(x + offsets[j] * h);
            values[j] = value;
            evaluations++;
            if (double.IsFinite(value)) functionScale = Math.Max(functionScale, Math.Abs(value));
            if (offsets[j] == -1) left = value;
            else if (offsets[j] == 1) right = value;
        }
        var sum = Sum(stencil, values);
        var verdict = RoundingCheck.IsBelowResolution(x, h, stencil) ? RoundingCheck.Verdict.Rounding : RoundingCheck.Judge(stencil, values, sum);
        if (verdict == RoundingCheck.Verdict.NeedsCentre)
        {
            evaluations++;
            verdict = RoundingCheck.JudgeWithCentre(values, stencil, f.At(x));
        }
        roundingLimited = verdict == RoundingCheck.Verdict.Rounding;
        return sum / PowerOfStep(h, stencil.Derivative);
    }

    /// <summary>Σⱼ wⱼfⱼ over the samples at every offset (0 where the weight is 0), weighted as
    /// <see cref="SampleDifferences"/> makes them: the same differences, in the same order, as the
    /// multivariate engines and the gradient's loop.</summary>
    internal static double Sum(Stencil stencil, ReadOnlySpan<double> values)
    {
        var weights = stencil.Weights;
        Span<double> active = stackalloc double[stencil.ActiveWeights.Length];
        for (int j = 0, a = 0; j < weights.Length; j++)
            if (weights[j] != 0) active[a++] = values[j];
        SampleDifferences.Apply(stencil, active, 1);
        var sum = 0.0;
        for (var a = 0; a < active.Length; a++)
            sum += stencil.ActiveWeights[a] * active[a];
        return sum;
    }

    /// <summary>The estimate of a stencil whose offsets are among <paramref name="sampled"/>'s, from
    /// the values sampled there.</summary>
    internal static double FromSamples(Stencil stencil, Stencil sampled, ReadOnlySpan<double> values, double h)
    {
        var offsets = stencil.Offsets;
        Span<double> own = stackalloc double[offsets.Length];
        for (var j = 0; j < offsets.Length; j++)
            own[j] = stencil.Weights[j] == 0 ? 0 : values[sampled.Offsets.IndexOf(offsets[j])];
        return Sum(stencil, own) / PowerOfStep(h, stencil.Derivative);
    }

    /// <summary>hᵈ by repeated multiplication, the same in every backend.</summary>
    internal static double PowerOfStep(double h, int d)
    {
        var p = h;
        for (var k = 1; k < d; k++) p *= h;
        return p;
    }
}
