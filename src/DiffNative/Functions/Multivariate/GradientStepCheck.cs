namespace DiffNative;

/// <summary>The fixed-step gradient's (and dense Jacobian's, row by row) check of each coordinate's
/// step, from one more evaluation, f(x). Along axis i the second difference f(x + rhᵢeᵢ) − 2f(x) + f(x − rhᵢeᵢ) at the central
/// stencil's reach r·hᵢ is about (rhᵢ)²·∂ᵢ²f for a smooth f. Divided by 2rhᵢ, it is how far the
/// one-sided slopes at that reach disagree; far more than a balanced step allows against the
/// derivative's size means a kink within reach, or a step too long for the scale f varies on along
/// that axis (sin(xy) at (300, −50): the step follows |x| = 300 while f turns every 0.02 in x).
/// Central stencils of accuracy p ≥ 4 also hold the stencil of accuracy p − 2 among their points;
/// where the two estimates disagree by a hundred times what a balanced step gives (as the scalar
/// rule's companion check), the coordinate is suspect too: a step that spans many periods of f
/// (accuracy 8 at (300, −50) reaches 22 where sin(xy) turns every 0.13) can fool the second
/// difference alone, but not both.
/// Such a coordinate is differentiated again along its axis by the scalar adaptive engine, which
/// finds the step f needs there and reports a kink as NotDifferentiable (a user's step is only
/// judged, by the scalar fixed-step rule). Near a stationary point along an axis (∂ᵢf small
/// against hᵢ·∂ᵢ²f) a smooth f is rechecked too, at some 15 to 40 evaluations.</summary>
internal static class GradientStepCheck
{
    /// <summary>Whether the check applies: central stencils (their outer points straddle x) with
    /// the check asked for.</summary>
    internal static bool Applies(DifferentiationOptions options) =>
        options.CheckDifferentiability && options.Scheme == DifferenceScheme.Central;

    /// <summary>Whether the bounds, if any, leave every coordinate room for its central stencil and
    /// for a recheck, whose evaluations stay within 0.1·max(|xᵢ|, scaleᵢ) of x (the adaptive
    /// engine's first start) or the user's step's reach: then the bounds change nothing, and the
    /// gradient is the unbounded one, check included. Closer bounds make stencils one-sided or
    /// shorter, and the gradient goes unchecked.</summary>
    internal static bool BoundsAllow(ReadOnlySpan<double> x, ReadOnlySpan<double> steps, DifferentiationOptions options)
    {
        if (options.LowerBounds.IsEmpty && options.UpperBounds.IsEmpty) return true;
        var lower = options.LowerBounds.Span;
        var upper = options.UpperBounds.Span;
        var scales = options.TypicalScales.Span;
        var reach = Stencils.Get(DifferenceScheme.Central, 1, options.Accuracy).Reach;
        for (var i = 0; i < x.Length; i++)
        {
            var room = Math.Max(reach * steps[i], 0.1 * Math.Max(Math.Abs(x[i]), scales.IsEmpty ? 1.0 : scales[i]));
            if (!lower.IsEmpty && !(x[i] - room >= lower[i])) return false;
            if (!upper.IsEmpty && !(x[i] + room <= upper[i])) return false;
        }
        return true;
    }

    /// <summary>The largest |second difference|/(2·reach) accepted against the derivative's size:
    /// what a smooth f gives, about r·h·|f″/f′|/2, when the step h is ten times the balanced one
    /// for the scale L = |f′/f″| (ε^(1/(p+1))·L), whose error is then 10ᵖ times the balanced error;
    /// polynomials of moderate degree at x ≈ L stay well inside.</summary>
    internal static double Threshold(int accuracy, double reach) => 0.5 * 10 * StepRule.BaseStep(1, accuracy) * reach;

    /// <summary>Σ wⱼfⱼ of <paramref name="companion"/> from the samples at <paramref name="stencil"/>'s
    /// active offsets, element <paramref name="index"/> of every <paramref name="stride"/> (one
    /// coordinate's samples, wherever the caller keeps them).</summary>
    internal static double CompanionSum(Stencil stencil, Stencil companion, ReadOnlySpan<double> samples, int index, int stride)
    {
        var offsets = stencil.ActiveOffsets.AsSpan();
        var (own, weights) = (companion.ActiveOffsets, companion.ActiveWeights);
        var sum = 0.0;
        for (var k = 0; k < own.Length; k++)
            sum += weights[k] * samples[offsets.IndexOf(own[k]) * stride + index];
        return sum;
    }

    /// <summary>How far the companion's estimate may stray, relative to the derivative's size: a
    /// hundred times its error at this stencil's balanced step, ε^(q/(p+1)).</summary>
    internal static double CompanionTolerance(int accuracy) => CompanionTolerances[accuracy];

    private static readonly double[] CompanionTolerances =
        Enumerable.Range(0, 9).Select(p => 100 * Math.Pow(StepRule.MachineEpsilon, (p - 2.0) / (p + 1))).ToArray();

    /// <summary>Whether coordinate i needs the recheck. <paramref name="outerSum"/> is f(x + rh) + f(x − rh),
    /// <paramref name="centre"/> f(x), <paramref name="reachStep"/> r·h, <paramref name="derivative"/>
    /// the stencil's estimate and <paramref name="coordinateScale"/> max(|xᵢ|, scaleᵢ): the
    /// derivative's size is at least |f|/scale, so that one near 0 is not judged on itself alone.</summary>
    internal static bool Suspect(double outerSum, double centre, double reachStep, double derivative, double coordinateScale, double threshold,
        double lower, double companionTolerance)
    {
        var size = Math.Max(Math.Abs(derivative), Math.Abs(centre) / coordinateScale);
        if (!double.IsNaN(lower) && !(Math.Abs(lower - derivative) <= companionTolerance * size)) return true;
        var jump = outerSum - 2 * centre;
        // A second difference made of rounding says nothing about the step.
        if (RoundingCheck.AtRoundingLevel(jump, Math.Abs(outerSum) + 2 * Math.Abs(centre))) return false;
        return !(Math.Abs(jump) / (2 * reachStep) <= threshold * size);
    }

    /// <summary>The check over every coordinate of a finite gradient: f(x) (one evaluation), then the
    /// recheck of each suspect coordinate, whose entry it replaces. <paramref name="outerSums"/>
    /// holds f(x + rhᵢeᵢ) + f(x − rhᵢeᵢ) per coordinate, <paramref name="lowers"/> the companion's
    /// Σ wⱼfⱼ per coordinate (empty for accuracy 2) and <paramref name="point"/> a copy of x.</summary>
    internal static DerivativeStatus Run<TPoint>(ref TPoint f, Span<double> point, ReadOnlySpan<double> steps, ReadOnlySpan<double> outerSums,
        ReadOnlySpan<double> lowers,
        Span<double> gradient, ReadOnlySpan<double> given, ReadOnlySpan<double> scales, int accuracy, double reach, ref int evaluations,
        CancellationToken cancellation)
        where TPoint : IPointFunction, allows ref struct
    {
        var centre = f.At(point);
        evaluations++;
        return Row(ref f, centre, point, steps, outerSums, lowers, gradient, given, scales, accuracy, reach, ref evaluations, cancellation);
    }

    /// <summary>The check of one output's row (a gradient, or a Jacobian's row k with
    /// <paramref name="f"/> that row's function) given its value at x, <paramref name="centre"/>.</summary>
    internal static DerivativeStatus Row<TPoint>(ref TPoint f, double centre, Span<double> point, ReadOnlySpan<double> steps,
        ReadOnlySpan<double> outerSums, ReadOnlySpan<double> lowers, Span<double> gradient, ReadOnlySpan<double> given, ReadOnlySpan<double> scales,
        int accuracy, double reach, ref int evaluations, CancellationToken cancellation)
        where TPoint : IPointFunction, allows ref struct
    {
        // The gradient of a function that is not finite at x is no derivative there (1/|x| at 0).
        if (!double.IsFinite(centre)) return DerivativeStatus.NonFinite;
        var threshold = Threshold(accuracy, reach);
        var companionTolerance = CompanionTolerance(accuracy);
        var status = DerivativeStatus.Ok;
        var (twiceCentre, limit) = (2 * centre, 2 * reach * threshold);
        for (var i = 0; i < point.Length; i++)
        {
            // The common case first, in a few operations: a second difference inside what the
            // derivative itself allows (the size Suspect judges against is at least |∂ᵢf|).
            if (lowers.IsEmpty && Math.Abs(outerSums[i] - twiceCentre) <= limit * steps[i] * Math.Abs(gradient[i])) continue;
            var scale = Math.Max(Math.Abs(point[i]), scales.IsEmpty ? 1.0 : scales[i]);
            var lower = lowers.IsEmpty ? double.NaN : lowers[i] / steps[i];
            if (!Suspect(outerSums[i], centre, reach * steps[i], gradient[i], scale, threshold, lower, companionTolerance)) continue;
            cancellation.ThrowIfCancellationRequested();
            var verdict = Recheck(ref f, point, i, accuracy, given.IsEmpty ? null : given[i], scales.IsEmpty ? 1.0 : scales[i], ref evaluations,
                out gradient[i]);
            status = Worse(status, verdict);
        }
        return status;
    }

    /// <summary>Coordinate i again, along t ↦ f(x + (t − xᵢ)eᵢ): by the scalar adaptive engine
    /// (the default <see cref="Differentiate.Derivative(Func{double, double}, double, DerivativeOptions?)"/>)
    /// where the steps are the library's, or by the scalar fixed-step rule at the user's step, which
    /// only judges it. <paramref name="point"/> holds x and is restored.</summary>
    internal static DerivativeStatus Recheck<TPoint>(ref TPoint f, Span<double> point, int i, int accuracy, double? usersStep, double typicalScale,
        ref int evaluations, out double value)
        where TPoint : IPointFunction, allows ref struct
    {
        var axis = new AxisThrough<TPoint>(ref f, point, i);
        var result = usersStep is { } step
            ? FixedStepDerivative.Compute(ref axis, point[i], new DerivativeOptions { Method = DerivativeMethod.Central, Accuracy = accuracy, Step = step },
                typicalScale)
            : RiddersDerivative.Compute(ref axis, point[i], Adaptive, typicalScale);
        evaluations += result.Evaluations;
        value = result.Value;
        return result.Status;
    }

    private static readonly DerivativeOptions Adaptive = new() { Method = DerivativeMethod.Adaptive };

    /// <summary>The worse of two statuses, in the order a caller must act on them: a value that is
    /// not finite, then a kink, then a step that did not settle, then rounding.</summary>
    internal static DerivativeStatus Worse(DerivativeStatus a, DerivativeStatus b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(DerivativeStatus s) => s switch
    {
        DerivativeStatus.Ok => 0,
        DerivativeStatus.RoundingLimited => 1,
        DerivativeStatus.NotConverged => 2,
        DerivativeStatus.NotDifferentiable => 3,
        _ => 4,
    };
}

/// <summary>Output k of a vector <see cref="FunctionSource"/> at a point: each call evaluates
/// every output into <c>values</c> (NaN first, so an output left unwritten is not finite).</summary>
internal readonly ref struct SourceRow(FunctionSource source, Span<double> values, int k) : IPointFunction
{
    private readonly Span<double> values = values;

    public double At(ReadOnlySpan<double> point)
    {
        source.ValuesAt(point, values);
        return values[k];
    }
}

/// <summary>t ↦ f at x with coordinate i set to t; <c>point</c> holds x between calls.</summary>
internal ref struct AxisThrough<TPoint>(ref TPoint f, Span<double> point, int i) : IRealFunction
    where TPoint : IPointFunction, allows ref struct
{
    private TPoint f = f;
    private readonly Span<double> point = point;

    public double At(double t)
    {
        var centre = point[i];
        point[i] = t;
        var value = f.At(point);
        point[i] = centre;
        return value;
    }
}
