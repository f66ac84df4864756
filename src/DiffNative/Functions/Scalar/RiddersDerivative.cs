namespace DiffNative;

/// <summary>Ridders' adaptive derivative: central estimates D(h) on steps shrinking by 1.4 fill a
/// Neville tableau that cancels the hᵖ, hᵖ⁺², … error terms one column at a time (p the central
/// stencil's accuracy, 2 unless given); the error estimate
/// is how much the best entry differs from its neighbours, plus the rounding the smallest step
/// suffers. When the first start does not converge (|x| is a poor scale: sin at 1e4, 1/x at 1e-3),
/// the next starts are those of <see cref="AdaptiveStarts"/>, and the run with the smallest
/// estimated error wins.</summary>
internal static class RiddersDerivative
{
    private const double Shrink = 1.4;
    private const double ShrinkSquared = Shrink * Shrink;
    private const int Levels = 12;
    private const double Safe = 2.0;
    private const int MaxShrinksToFinite = 40;

    /// <summary>The derivative with validated options; steps scale with max(|x|, <paramref name="typicalScale"/>).</summary>
    internal static DerivativeResult Compute<TFunction>(ref TFunction f, double x, DerivativeOptions options, double typicalScale)
        where TFunction : IRealFunction, allows ref struct
    {
        var stencil = Stencils.Get(DifferenceScheme.Central, options.Order, options.EffectiveAccuracy);
        var evaluations = 0;
        // The starts every adaptive operation shares (AdaptiveStarts): 0.1·max(|x|, scale), and
        // while that has not converged, 0.1·|x|, 0.1·scale, then ten times smaller each time; the
        // run with the smallest error estimate wins.
        var start = options.Step ?? AdaptiveStarts.First(x, typicalScale);
        var best = Run(stencil, ref f, x, start, ref evaluations);
        for (var restart = 0; restart < AdaptiveStarts.Restarts && options.Step is null && !Converged(best, x, options.Order, typicalScale); restart++)
        {
            start = AdaptiveStarts.Next(x, typicalScale, start, restart);
            var run = Run(stencil, ref f, x, start, ref evaluations);
            if (run.Error < best.Error || double.IsNaN(best.Value))
                best = run;
        }
        if (double.IsNaN(best.Value))
            return new DerivativeResult(double.NaN, null, best.Step, evaluations, DerivativeStatus.NonFinite);

        var status = DerivativeStatus.Ok;
        if (RoundingCheck.IsBelowResolution(x, best.Step, stencil))
            return new DerivativeResult(best.Value, best.Error, best.Step, evaluations, DerivativeStatus.RoundingLimited);
        if (!Converged(best, x, options.Order, typicalScale))
        {
            // Central stencils of odd order never evaluate f at x: a pole there (1/x at 0) would
            // otherwise pass for a derivative that merely did not converge.
            evaluations++;
            status = double.IsFinite(f.At(x)) ? DerivativeStatus.NotConverged : DerivativeStatus.NonFinite;
        }
        if (status == DerivativeStatus.Ok && options.CheckDifferentiability && options.Order == 1)
        {
            var h = StepRule.Default(x, 1, 2, typicalScale);
            status = DifferentiabilityCheck.Run(ref f, x, h, double.NaN, double.NaN, ref evaluations, out var halfSlope, out var quarterSlope);
            // A smooth f that turns within h (1/(1 + (1e5x)²) at 1e-9 turns within 1e-5, h = 6e-6)
            // looks kinked at that reach: look again 64 times closer, where a kink at x still shows.
            if (status == DerivativeStatus.NotDifferentiable && options.Step is null)
            {
                h = StepRule.MakeExact(x, h / 64);
                status = DifferentiabilityCheck.Run(ref f, x, h, double.NaN, double.NaN, ref evaluations, out halfSlope, out quarterSlope);
            }
            // A sequence that never came as close to x as h can agree with itself on a wrong value:
            // log(1 + (1e5x)²) at 1e-9 is even about 0 on every step from 0.1 down to 2.5e-3, and
            // its ladder settled on 6e-7 where the truth is 20. The central differences at h/2 and
            // h/4 the kink check took must then agree with it (AdaptiveStarts.DisagreesNearX); if
            // not, one more run starts near h.
            if (status == DerivativeStatus.Ok && options.Step is null && best.Smallest > h
                && !AgreesLocally(best, halfSlope, quarterSlope, h))
            {
                var near = Run(stencil, ref f, x, 4 * h, ref evaluations);
                best = near;
                if (double.IsNaN(near.Value))
                    return new DerivativeResult(double.NaN, null, near.Step, evaluations, DerivativeStatus.NonFinite);
                if (!Converged(near, x, options.Order, typicalScale)) status = DerivativeStatus.NotConverged;
            }
        }
        return new DerivativeResult(best.Value, best.Error, best.Step, evaluations, status);
    }

    /// <summary>Whether a run's value agrees with the central difference at h/4, whose error
    /// estimate is 4/3 of its disagreement with the one at h/2 (four times its h² error) plus
    /// rounding (<see cref="AdaptiveStarts.DisagreesNearX"/>).</summary>
    private static bool AgreesLocally(StartOutcome run, double halfSlope, double quarterSlope, double h) =>
        !AdaptiveStarts.DisagreesNearX(run.Value, run.Error, halfSlope, quarterSlope, run.NearScale, h / 4);

    /// <summary>The error estimate is below a millionth of the value, or of what rounding alone
    /// would leave at the natural step when the value is near zero. That size is f's near x (at
    /// the last level), not the largest f the sequence met: exp(1000x) at 1e-3 reaches e¹⁰¹ at the
    /// first step, beside which a garbage value of −2e32 passed for a derivative near zero.</summary>
    private static bool Converged(StartOutcome run, double x, int order, double typicalScale) =>
        AdaptiveStarts.Converged(run.Value, run.Error, run.NearScale, x, typicalScale, order);

    /// <summary>One start's outcome: the value, its error estimate, the step that gave it, the
    /// largest |f| on the last level (f's size near x) and the last level's step.</summary>
    private readonly record struct StartOutcome(double Value, double Error, double Step, double NearScale, double Smallest);

    private static StartOutcome Run<TFunction>(Stencil stencil, ref TFunction f, double x, double start,
        ref int evaluations)
        where TFunction : IRealFunction, allows ref struct
    {
        Span<double> table = stackalloc double[Levels * Levels];
        var scale = 0.0;
        var h = StepRule.MakeExact(x, start);
        var first = StencilEvaluation.Apply(stencil, ref f, x, h, ref evaluations, ref scale, out _, out _);
        for (var shrink = 0; !double.IsFinite(first) && shrink < MaxShrinksToFinite; shrink++)
        {
            h = StepRule.MakeExact(x, h / 4);
            scale = 0;
            first = StencilEvaluation.Apply(stencil, ref f, x, h, ref evaluations, ref scale, out _, out _);
        }
        if (!double.IsFinite(first))
            return new(double.NaN, double.PositiveInfinity, h, scale, h);
        var nearScale = scale;

        table[0] = first;
        var value = first;
        var error = double.PositiveInfinity;
        var bestStep = h;
        for (var i = 1; i < Levels; i++)
        {
            h = StepRule.MakeExact(x, h / Shrink);
            var levelScale = 0.0;
            var estimate = StencilEvaluation.Apply(stencil, ref f, x, h, ref evaluations, ref levelScale, out _, out _);
            if (!double.IsFinite(estimate)) break;
            scale = Math.Max(scale, levelScale);
            nearScale = levelScale;
            table[i * Levels] = estimate;
            // A central stencil of accuracy p leaves the error terms h^p, h^(p+2), …
            var factor = Math.Pow(Shrink, stencil.Accuracy);
            for (var j = 1; j <= i; j++)
            {
                // Column j removes the h^(p+2(j-1)) term from column j-1.
                var current = table[i * Levels + j - 1];
                var previous = table[(i - 1) * Levels + j - 1];
                // current + (current - previous)/(factor - 1), not (current*factor - previous)/(factor - 1):
                // the same value without overflowing when the derivative is near the double range.
                var extrapolated = current + (current - previous) / (factor - 1);
                table[i * Levels + j] = extrapolated;
                factor *= ShrinkSquared;
                var difference = Math.Max(Math.Abs(extrapolated - current), Math.Abs(extrapolated - table[(i - 1) * Levels + j - 1]));
                if (difference <= error)
                {
                    error = difference;
                    value = extrapolated;
                    bestStep = h;
                }
            }
            // Once higher orders make things worse by a clear margin, rounding has taken over.
            if (Math.Abs(table[i * Levels + i] - table[(i - 1) * Levels + i - 1]) >= Safe * error)
                break;
        }
        // Rounding in the function values, amplified by 1/h^d at the step that gave the value and by
        // the extrapolation's own coefficients (a few units; 8 covers the deepest columns used).
        var rounding = 8 * StepRule.MachineEpsilon * scale / StencilEvaluation.PowerOfStep(bestStep, stencil.Derivative);
        return new(value, error + rounding, bestStep, nearScale, h);
    }
}
