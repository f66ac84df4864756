namespace DiffNative.Optimization;

/// <summary>Trust-region Newton (Nocedal and Wright, algorithm 4.1): the step minimises the
/// quadratic model inside the region ‖Dp‖ ≤ Δ (<see cref="TrustRegionSubproblem"/> in the scaled
/// variables Dp), so an indefinite or badly scaled Hessian limits the step's length instead of
/// bending its direction. A step that lowers f by less than a tenth of what the model predicted is
/// rejected and retried from a smaller region within the same iteration; good steps that reach the
/// boundary double Δ. The region is the ellipsoid ‖Dp‖ ≤ Δ with Dᵢ = √|Hᵢᵢ|, never decreasing, as
/// MINPACK scales by the Jacobian's column norms: variables whose curvature differs by many orders
/// (Meyer's x₁ ≈ 0.0056 against x₂ ≈ 6181) then move by their own lengths. A large sparse Hessian
/// stays sparse (<see cref="TrustRegionModel"/>).</summary>
internal sealed class TrustRegionNewton(int n) : MinimizationMethod
{
    /// <summary>The least ratio of actual to predicted decrease that accepts a step.</summary>
    private const double AcceptRatio = 0.1;

    /// <summary>Below this ratio the model is poor and the region shrinks; above the next it is good.</summary>
    private const double PoorRatio = 0.25;
    private const double GoodRatio = 0.75;

    private const double DoubleEpsilon = 2.220446049250313e-16;

    private readonly double[] scaledGradient = new double[n];
    private readonly double[] scales = new double[n];
    private readonly double[] step = new double[n];
    private readonly double[] trial = new double[n];
    private readonly double[] trialGradient = new double[n];
    private TrustRegionModel? model;
    private double radius;

    /// <summary>A region that collapsed on poor derivatives starts again from its first size.</summary>
    internal override void Restart() => radius = 0;

    internal override StepOutcome Step(IterationState state, ObjectiveEvaluator evaluator)
    {
        model ??= TrustRegionModel.Create(n, evaluator, state.X);
        if (!model.Evaluate(state.X, evaluator)) return StepOutcome.NonFinite;
        var first = radius == 0;
        model.UpdateScales(scales);
        // The first region reaches as far as x is from the origin in the scaled norm (at least 1):
        // the scale of x is the only length known before any step.
        if (first) radius = Math.Max(1.0, ScaledNorm(state.X));
        model.Scale(scales);
        for (var i = 0; i < n; i++) scaledGradient[i] = state.Gradient[i] / scales[i];
        // Only NaN or infinite values on the way to a collapse mean f is not finite near x.
        bool tried = false, sawFinite = false;
        while (true)
        {
            if (!(radius > 0)) return Collapsed();
            if (!model.Solve(scaledGradient, radius, step, out var onBoundary)) return StepOutcome.NonFinite;
            var predicted = model.PredictedDecrease(scaledGradient, step);
            var scaledStepNorm = Math.Sqrt(Vectors.Dot(step, step));
            for (var i = 0; i < n; i++) trial[i] = state.X[i] + step[i] / scales[i];
            // No predicted decrease, or a step lost to rounding: no smaller region can do better.
            if (!(predicted > 0) || Vectors.MaxAbsDifference(trial, state.X) == 0) return Collapsed();
            var value = evaluator.Value(trial);
            tried = true;
            sawFinite |= double.IsFinite(value);
            // Both decreases are shifted by f's rounding, so that steps whose effect is below it
            // compare as agreeing rather than as noise (Conn, Gould and Toint, section 17.4.2).
            var rounding = 10 * DoubleEpsilon * Math.Max(1.0, Math.Abs(state.Value));
            var ratio = (state.Value - value + rounding) / (predicted + rounding);
            // A NaN value gives a NaN ratio and shrinks the region, as line searches back off from NaN.
            // f must not rise, however small the rise: the shift above could otherwise accept one.
            if (!double.IsFinite(value) || !(ratio >= AcceptRatio) || value > state.Value)
            {
                radius = 0.25 * scaledStepNorm;
                continue;
            }
            if (!evaluator.Gradient(trial, trialGradient)) return StepOutcome.NonFinite;
            var slopeBefore = 0.0;
            for (var i = 0; i < n; i++) slopeBefore += state.Gradient[i] * (trial[i] - state.X[i]);
            state.Accept(trial, value, trialGradient);
            if (ratio < PoorRatio) radius = 0.25 * scaledStepNorm;
            else if (ratio > GoodRatio && onBoundary) radius = 2 * radius;
            if (!onBoundary && ratio > OverestimatedRatio) Extend(state, evaluator, slopeBefore);
            return StepOutcome.Moved;
        }

        StepOutcome Collapsed() => tried && !sawFinite ? StepOutcome.NonFinite : StepOutcome.RadiusCollapsed;
    }

    /// <summary>An interior step that lowers f by more than this times the prediction shows the
    /// model's curvature along it far too high (a numerical Hessian's error swamps a tiny eigenvalue,
    /// as in Meyer's valley).</summary>
    private const double OverestimatedRatio = 1.5;

    /// <summary>The longest extension along a step, in steps.</summary>
    private const double MaxExtension = 100;

    /// <summary>After an interior step p whose decrease beat the model's, tries x + αp with α the
    /// minimiser of the parabola through the slopes gᵀp before and after the step (the true
    /// curvature along p), and keeps it when f is lower there.</summary>
    private void Extend(IterationState state, ObjectiveEvaluator evaluator, double slopeBefore)
    {
        var slopeAfter = 0.0;
        for (var i = 0; i < n; i++) slopeAfter += state.Gradient[i] * step[i] / scales[i];
        if (!(slopeBefore < 0 && slopeAfter < 0 && slopeAfter > slopeBefore)) return;
        // From x + p, the parabola's minimiser lies α − 1 steps further on.
        var further = Math.Min(slopeBefore / (slopeAfter - slopeBefore) * -1 - 1, MaxExtension);
        if (!(further > 0.5)) return;
        for (var i = 0; i < n; i++) trial[i] = state.X[i] + further * step[i] / scales[i];
        var value = evaluator.Value(trial);
        if (!(value < state.Value) || !evaluator.Gradient(trial, trialGradient)) return;
        state.Accept(trial, value, trialGradient);
        radius = Math.Max(radius, (1 + further) * Math.Sqrt(Vectors.Dot(step, step)));
    }

    private double ScaledNorm(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 0; i < n; i++) sum += scales[i] * x[i] * scales[i] * x[i];
        return Math.Sqrt(sum);
    }
}
