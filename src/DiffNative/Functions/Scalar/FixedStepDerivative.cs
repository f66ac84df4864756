namespace DiffNative;

/// <summary>Central, forward and backward stencils with one step: the default or the user's.</summary>
internal static class FixedStepDerivative
{
    /// <summary>A default step that meets NaN or infinity is shrunk this many times (by 8 each)
    /// before the result is reported non-finite; a user's step is never changed.</summary>
    private const int MaxShrinks = 6;

    /// <summary>A default step whose differences are only rounding (f far larger than its change
    /// over the step) grows this many times, by <see cref="Growth"/> each, before the result is
    /// reported <see cref="DerivativeStatus.RoundingLimited"/>: for (x − 1e6)² at 1, the first term
    /// of Brown's badly scaled function (f ≈ 1e12, f″ = 2), the balanced step's second difference
    /// is rounding and a 10⁴ times longer one is exact.</summary>
    private const int MaxGrowths = 4;

    private const double Growth = 10;

    /// <summary>The derivative with validated options; steps scale with max(|x|, <paramref name="typicalScale"/>).</summary>
    internal static DerivativeResult Compute<TFunction>(ref TFunction f, double x, DerivativeOptions options, double typicalScale)
        where TFunction : IRealFunction, allows ref struct
    {
        var stencil = Stencils.Get(options.Scheme, options.Order, options.EffectiveAccuracy);
        var usersStep = options.Step is not null;
        var h = options.Step is { } given
            ? StepRule.MakeExact(x, given)
            : StepRule.Default(x, options.Order, stencil.Accuracy, typicalScale);
        var evaluations = 0;
        var scale = 0.0;
        var shrinks = 0;
        var growths = 0;
        var kinkShrinks = 0;
        var fitShrinks = 0;
        var companion = Companion(stencil);
        Span<double> samples = stackalloc double[stencil.Offsets.Length];
        DerivativeResult? limited = null; // the first rounding-limited result, kept if growing fails
        while (true)
        {
            var value = StencilEvaluation.Apply(stencil, ref f, x, h, ref evaluations, ref scale, out var left, out var right, out var roundingLimited,
                samples);
            if (double.IsFinite(value))
            {
                if (roundingLimited)
                {
                    limited ??= new DerivativeResult(value, null, h, evaluations, DerivativeStatus.RoundingLimited);
                    if (usersStep) return limited.Value with { Evaluations = evaluations };
                    if (growths == MaxGrowths)
                        return ZeroOnItsScale(stencil, h, value, scale, left, right, evaluations) ?? limited.Value with { Evaluations = evaluations };
                    growths++;
                    h = StepRule.MakeExact(x, h * Growth);
                    continue;
                }
                if (growths > 0)
                    return Confirm(stencil, ref f, x, h, value, limited!.Value, ref evaluations);
                var status = DerivativeStatus.Ok;
                double? error = null;
                if (companion is not null && TooLong(stencil, companion, samples, h, value, scale, x, typicalScale))
                {
                    // The step is far too long for the scale f varies on (ln′ at 1e-3 with a forward
                    // stencil reaching 3e-3 was 4.6 % off): shorter steps, or the verdict.
                    if (!usersStep && fitShrinks < MaxFitShrinks)
                    {
                        fitShrinks++;
                        h = StepRule.MakeExact(x, h / 4);
                        continue;
                    }
                    status = DerivativeStatus.NotConverged;
                }
                if (status == DerivativeStatus.Ok && options.CheckDifferentiability && options.Order == 1 && stencil.Scheme == DifferenceScheme.Central)
                {
                    // The check looks as far out as the stencil reached: a kink between h and 4h
                    // (|x| at 1e-3 with accuracy 8) bends the estimate as much as one within h.
                    var reach = h * stencil.Reach;
                    double halfSlope;
                    status = reach == h
                        ? DifferentiabilityCheck.Run(ref f, x, h, left, right, ref evaluations, out halfSlope)
                        : DifferentiabilityCheck.Run(ref f, x, StepRule.MakeExact(x, reach), double.NaN, double.NaN, ref evaluations, out halfSlope);
                    // A kink at x shows at every reach; one near x (|x| at 1e-3 with a stencil
                    // reaching 1.5e-3) disappears once the stencil no longer gets to it.
                    if (status == DerivativeStatus.NotDifferentiable && !usersStep && kinkShrinks < MaxKinkShrinks)
                    {
                        kinkShrinks++;
                        h = StepRule.MakeExact(x, h / 4);
                        continue;
                    }
                    // Central accuracy 2 has no lower-accuracy companion among its points, but the
                    // check's samples give the same stencil at h/2: their disagreement is 3/4 of the
                    // h² error (ln′ at 1e-3 was 1.2e-5 off with Ok).
                    if (status == DerivativeStatus.Ok && reach == h)
                        error = CentralError(value, halfSlope, scale, h);
                    if (status == DerivativeStatus.Ok && reach == h && TooLongForCentral(value, halfSlope, scale, x, typicalScale))
                    {
                        if (!usersStep && fitShrinks < MaxFitShrinks)
                        {
                            fitShrinks++;
                            h = StepRule.MakeExact(x, h / 4);
                            continue;
                        }
                        status = DerivativeStatus.NotConverged;
                    }
                }
                return new DerivativeResult(value, error, h, evaluations, status);
            }
            if (limited is { } kept) return kept with { Evaluations = evaluations }; // a grown step left the domain
            if (usersStep || shrinks == MaxShrinks)
                return new DerivativeResult(double.NaN, null, h, evaluations, DerivativeStatus.NonFinite);
            shrinks++;
            h = StepRule.MakeExact(x, h / 8);
        }
    }

    /// <summary>The error of the accuracy-2 central difference D(h), from the same stencil at h/2
    /// that the kink check sampled: D(h) − D(h/2) is 3/4 of D(h)'s h² error for a smooth f, plus
    /// the rounding of f amplified by 1/h as the adaptive engine counts it.</summary>
    private static double CentralError(double value, double halfSlope, double functionScale, double h) =>
        4.0 / 3.0 * Math.Abs(value - halfSlope) + 8 * StepRule.MachineEpsilon * functionScale / h;

    /// <summary>A higher derivative whose differences are still rounding at 10⁴ times the balanced
    /// step is below that rounding, 64 ε·Σ|wⱼfⱼ|/hᵈ. Where f visibly changes over the step (its
    /// samples at ±h differ by more than rounding) and the bound moves the slope over the step by
    /// at most a millionth, f is a line on that scale and the derivative 0: the value at that step
    /// is Ok with the bound as its error (3x's second derivative was reported rounding-limited).
    /// Otherwise null: samples that barely change (a constant, 1e15 + 1e-8x²) say nothing.</summary>
    private static DerivativeResult? ZeroOnItsScale(Stencil stencil, double h, double value, double functionScale, double left, double right,
        int evaluations)
    {
        if (stencil.Derivative < 2 || double.IsNaN(left) || double.IsNaN(right)) return null;
        var bound = RoundingCheck.Bound(stencil, functionScale, h);
        var slope = RoundingCheck.Slope(right, left, h);
        return bound * StencilEvaluation.PowerOfStep(h, stencil.Derivative - 1) <= 1e-6 * slope
            ? new DerivativeResult(value, bound, h, evaluations, DerivativeStatus.Ok)
            : null;
    }

    /// <summary>A step too long for f (<see cref="TooLong"/>) shrinks by 4 up to this many times.</summary>
    private const int MaxFitShrinks = 4;

    /// <summary>The stencil of the next lower accuracy whose points are among this one's (one-sided
    /// accuracy p − 1, central p − 2): the same samples give it for free. Central accuracy 2 and
    /// one-sided accuracy 1 have none.</summary>
    internal static Stencil? Companion(Stencil stencil)
    {
        var lower = stencil.Scheme == DifferenceScheme.Central ? stencil.Accuracy - 2 : stencil.Accuracy - 1;
        return lower >= 1 && Stencils.IsSupportedAccuracy(stencil.Scheme, lower) ? Stencils.Get(stencil.Scheme, stencil.Derivative, lower) : null;
    }

    /// <summary>Whether the lower-accuracy estimate from the same samples disagrees with the value
    /// by far more than it should at a balanced step: its error there is about ε^(q/(p+d)) (q its
    /// accuracy, p this one's) of the derivative's size, and a hundred times that means the step is
    /// too long for the scale f varies on.</summary>
    private static bool TooLong(Stencil stencil, Stencil companion, ReadOnlySpan<double> samples, double h, double value, double functionScale,
        double x, double typicalScale)
    {
        var lower = StencilEvaluation.FromSamples(companion, stencil, samples, h);
        var expected = Math.Pow(StepRule.MachineEpsilon, (double)companion.Accuracy / (stencil.Accuracy + stencil.Derivative));
        return Disagree(value, lower, expected, functionScale, x, typicalScale, stencil.Derivative);
    }

    /// <summary>|other − value| beyond a hundred times <paramref name="expected"/> of the
    /// derivative's size, max(|value|, |f|/max(|x|, scale)ᵈ), so that a derivative near 0 is not
    /// judged on itself alone.</summary>
    private static bool Disagree(double value, double other, double expected, double functionScale, double x, double typicalScale, int order)
    {
        var size = Math.Max(Math.Abs(value), functionScale / StencilEvaluation.PowerOfStep(Math.Max(Math.Abs(x), typicalScale), order));
        return !(Math.Abs(other - value) <= 100 * expected * size);
    }

    /// <summary>The accuracy-2 central difference against the same at half the step: at a balanced
    /// step they differ by about ε^(2/3) of the derivative's size, and a hundred times that means
    /// the step is too long for f.</summary>
    private static bool TooLongForCentral(double value, double halfSlope, double functionScale, double x, double typicalScale) =>
        Disagree(value, halfSlope, Math.Pow(StepRule.MachineEpsilon, 2.0 / 3.0), functionScale, x, typicalScale, 1);

    /// <summary>A kink the stencil crossed is stepped around by shrinking the step by 4 up to this
    /// many times (256 times shorter in all); one still seen then is at x, and reported.</summary>
    private const int MaxKinkShrinks = 4;

    /// <summary>A grown step is trusted only when f is smooth on its scale: the estimate one growth
    /// further must agree with it to within its rounding (a quadratic under a huge constant, as
    /// Brown's function, agrees exactly, and the larger step is the more accurate). Otherwise the
    /// rounding-limited estimate stands.</summary>
    private static DerivativeResult Confirm<TFunction>(Stencil stencil, ref TFunction f, double x, double h, double value,
        DerivativeResult limited, ref int evaluations)
        where TFunction : IRealFunction, allows ref struct
    {
        var scale = 0.0;
        var wider = StepRule.MakeExact(x, h * Growth);
        var check = StencilEvaluation.Apply(stencil, ref f, x, wider, ref evaluations, ref scale, out _, out _, out var widerLimited);
        var rounding = RoundingCheck.Bound(stencil, scale, h);
        if (double.IsFinite(check) && !widerLimited && Math.Abs(check - value) <= rounding)
            return new DerivativeResult(check, null, wider, evaluations, DerivativeStatus.Ok);
        return limited with { Evaluations = evaluations };
    }
}
