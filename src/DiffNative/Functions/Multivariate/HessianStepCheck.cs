namespace DiffNative;

/// <summary>The default fixed-step Hessian's (and accuracy-2 diagonal's) check of each coordinate's step, from 2n more
/// evaluations: f(x ± 2hᵢeᵢ) give the diagonal's second difference at twice the step, and
/// D(h) − D(2h) is three times D(h)'s h² error for a smooth f. An error above a hundred times what
/// the balanced step ε^(1/4)·L leaves (ε^(1/2) of the entry's size) means the step is too long for
/// the scale f varies on along that axis (exp(1000x) at 1e-3: a step of 1.2e-4 was 1.2e-3 off with
/// Ok). Such coordinates' steps shrink fourfold and the Hessian is taken again, off-diagonal
/// entries included, up to <see cref="MaxShrinks"/> times; a coordinate still suspect then makes
/// the result NotConverged; f not finite at x ± 2hᵢeᵢ makes it NonFinite. A user's steps, bounds and the optimisers (no
/// <see cref="DifferentiationOptions.CheckDifferentiability"/>) skip the check.</summary>
internal static class HessianStepCheck
{
    internal const int MaxShrinks = 4;

    /// <summary>The largest |D(h) − D(2h)|/3 accepted against the entry's size.</summary>
    internal static readonly double Tolerance = 100 * Math.Sqrt(StepRule.MachineEpsilon);

    /// <summary>Whether coordinate i's step is too long. <paramref name="centre"/> is f(x),
    /// <paramref name="farSum"/> f(x + 2hᵢeᵢ) + f(x − 2hᵢeᵢ), <paramref name="diagonal"/> the
    /// Hessian's entry (i, i) at step h, <paramref name="coordinateScale"/> max(|xᵢ|, scaleᵢ): the
    /// entry's size is at least |f|/scale², so that one near 0 is not judged on itself alone.</summary>
    internal static bool Suspect(double centre, double farSum, double diagonal, double h, double coordinateScale)
    {
        var jump = farSum - 2 * centre;
        // A second difference made of rounding says nothing about the step.
        if (RoundingCheck.AtRoundingLevel(jump, Math.Abs(farSum) + 2 * Math.Abs(centre))) return false;
        var far = jump / (4 * h * h);
        var size = Math.Max(Math.Abs(diagonal), Math.Abs(centre) / (coordinateScale * coordinateScale));
        return !(Math.Abs(diagonal - far) / 3 <= Tolerance * size);
    }

    /// <summary>Checks the Hessian (or diagonal) just taken, shrinking the suspect coordinates' steps[0, n) and
    /// taking it again (<paramref name="take"/>) until none is suspect; returns the evaluations
    /// spent and the verdict: Ok, NotConverged, or NonFinite.</summary>
    internal static int Run<TTake>(in FunctionSource f, ReadOnlySpan<double> x, double[] steps, ReadOnlySpan<double> scales,
        Workspace workspace, CancellationToken cancellation, ref TTake take, out DerivativeStatus status)
        where TTake : HessianRounding.ITake, allows ref struct
    {
        var n = x.Length;
        var point = workspace.Span(Workspace.Slot.Point, n);
        var one = workspace.Span(Workspace.Slot.Scratch, 1);
        var evaluations = 0;
        for (var shrink = 0; ; shrink++)
        {
            x.CopyTo(point);
            var centre = take.Centre();
            var suspects = 0;
            for (var i = 0; i < n; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                var h = steps[i];
                point[i] = x[i] + 2 * h;
                var plus = f.AtPoint(point, one);
                point[i] = x[i] - 2 * h;
                var minus = f.AtPoint(point, one);
                point[i] = x[i];
                evaluations += 2;
                // f not finite within 2h is not finite near x, as anywhere else.
                if (!double.IsFinite(plus + minus))
                {
                    status = DerivativeStatus.NonFinite;
                    return evaluations;
                }
                if (!Suspect(centre, plus + minus, take.DiagonalValue(i), h, AdaptiveStarts.Natural(x, scales, i))) continue;
                suspects++;
                if (shrink < MaxShrinks) steps[i] = StepRule.MakeExact(x[i], h / 4);
            }
            cancellation.ThrowIfCancellationRequested(); // a token that fired during the last evaluation
            status = suspects == 0 ? DerivativeStatus.Ok : DerivativeStatus.NotConverged;
            if (suspects == 0 || shrink == MaxShrinks) return evaluations;
            evaluations += take.Retake();
        }
    }
}
