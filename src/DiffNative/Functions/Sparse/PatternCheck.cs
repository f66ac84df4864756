namespace DiffNative;

/// <summary>The check of a finished sparse result against f that
/// <see cref="DifferentiationOptions.CheckPattern"/> asks for. A pattern that misses a nonzero
/// gives wrong values that nothing else notices, since a colour then mixes that column into its
/// neighbours' differences or the entry is simply not computed. Along <see cref="Probes"/> random
/// directions v (vⱼ = ±(0.5 to 1)·max(|xⱼ|, scaleⱼ), from a fixed seed, so a call is repeatable),
/// f is differenced densely at x ± t·v and compared with the sparse result applied to v: J·v per
/// output for a Jacobian (and a Hessian from a gradient), vᵀHv for a Hessian from values (a second
/// difference with f(x)). A missing entry changes these by Jᵢⱼvⱼ (or 2Hᵢⱼvᵢvⱼ), which no vⱼ ≠ 0
/// hides, and two independent directions make cancelling between several missing entries unlikely.
/// <para>The disagreement allowed is each side's error: the truncation level τ times the size of
/// the terms compared (|probe| + Σ|terms of the sparse product|), with τ = ε^(1/3) for first and
/// ε^(1/4) for second derivatives (the square root of a balanced central difference's relative
/// error, ε^(2/3) or ε^(1/2): room for f varying on a scale a few hundred times shorter than its
/// typical scale), plus 64 rounding errors of the largest |f| seen, amplified as each difference
/// amplifies them (over t or t², over each entry's step with the stencil's Σ|w|, 8 times per
/// derivative order more when adaptive).</para></summary>
internal static class PatternCheck
{
    /// <summary>Random directions tried: x ± t·v for each, 4 evaluations (and f(x) once for a
    /// Hessian from values, 5).</summary>
    internal const int Probes = 2;

    /// <summary>Rounding errors of f allowed per value.</summary>
    private const double RoundingUlps = 64;

    private const ulong Seed = 0x5DEECE66D;

    /// <summary>The status after checking <paramref name="values"/> (the sparse Jacobian of f on
    /// <paramref name="pattern"/>, computed with <paramref name="steps"/>, or the smallest steps of
    /// an adaptive sequence): <see cref="DerivativeStatus.PatternMismatch"/>,
    /// <see cref="DerivativeStatus.NonFinite"/> when f is not finite at a probe point, or Ok.</summary>
    internal static DerivativeStatus Jacobian(in FunctionSource f, SparsityPattern pattern, ReadOnlySpan<double> x, ReadOnlySpan<double> values,
        ReadOnlySpan<double> steps, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation, ref int evaluations)
    {
        var n = x.Length;
        var m = f.Outputs;
        var t = StepRule.BaseStep(1, 2);
        var direction = workspace.Span(Workspace.Slot.ProbeDirection, n);
        var amplification = RoundingUlps * StepRule.MachineEpsilon * JacobianWeightSum(options);
        var probe = StepRule.MachineEpsilon * RoundingUlps / t;
        var pointers = pattern.RowPointers;
        var columns = pattern.ColumnIndices;
        var sampled = workspace.Span(Workspace.Slot.ProbeValues, 2 * m);
        var mismatch = false;
        for (var p = 0; p < Probes; p++)
        {
            // Which coordinates have room does not depend on the direction: no room means none at p = 0.
            if (!Directions(x, t, options, direction, p)) return DerivativeStatus.Ok;
            f.Evaluate(new LinePlan(t, centre: false), 0, 2, x, direction, sampled, options, workspace, cancellation);
            evaluations += 2;
            for (var k = 0; k < m; k++)
            {
                double plus = sampled[k], minus = sampled[m + k];
                if (!double.IsFinite(plus) || !double.IsFinite(minus)) return DerivativeStatus.NonFinite;
                var along = (plus - minus) / (2 * t);
                double product = 0, size = Math.Abs(along), rounding = 0;
                for (var e = pointers[k]; e < pointers[k + 1]; e++)
                {
                    var j = columns[e];
                    var term = values[e] * direction[j];
                    product += term;
                    size += Math.Abs(term);
                    rounding += Math.Abs(direction[j]) / steps[j];
                }
                var largest = Math.Max(Math.Abs(plus), Math.Abs(minus));
                var allowed = t * size + largest * (probe + amplification * rounding);
                mismatch |= !(Math.Abs(along - product) <= allowed);
            }
        }
        return mismatch ? DerivativeStatus.PatternMismatch : DerivativeStatus.Ok;
    }

    /// <summary>The status after checking <paramref name="values"/>, the sparse Hessian of f on the
    /// symmetric <paramref name="pattern"/> from values, as <see cref="Jacobian"/> does.</summary>
    internal static DerivativeStatus Hessian(in FunctionSource f, SparsityPattern pattern, ReadOnlySpan<double> x, ReadOnlySpan<double> values,
        ReadOnlySpan<double> steps, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation, ref int evaluations)
    {
        var n = x.Length;
        var t = StepRule.BaseStep(2, 2);
        var direction = workspace.Span(Workspace.Slot.ProbeDirection, n);
        // A second difference amplifies rounding by Σ|w| = 4 over its steps' product; the
        // pairs' (1, −1, −1, 1)/4 by less.
        var amplification = RoundingUlps * StepRule.MachineEpsilon * 4 * (options.Adaptive ? 16 : 1);
        var pointers = pattern.RowPointers;
        var columns = pattern.ColumnIndices;
        var sampled = workspace.Span(Workspace.Slot.ProbeValues, 3);
        var centre = 0.0;
        var mismatch = false;
        for (var p = 0; p < Probes; p++)
        {
            if (!Directions(x, t, options, direction, p)) return DerivativeStatus.Ok;
            var plan = new LinePlan(t, centre: p == 0);
            f.Evaluate(plan, 0, plan.Count, x, direction, sampled[..plan.Count], options, workspace, cancellation);
            evaluations += plan.Count;
            if (p == 0) centre = sampled[0];
            double plus = sampled[plan.Count - 2], minus = sampled[plan.Count - 1];
            if (!double.IsFinite(centre) || !double.IsFinite(plus) || !double.IsFinite(minus)) return DerivativeStatus.NonFinite;
            var along = ((plus + minus) - 2 * centre) / (t * t);
            double product = 0, size = Math.Abs(along), rounding = 0;
            for (var i = 0; i < n; i++)
                for (var e = pointers[i]; e < pointers[i + 1]; e++)
                {
                    var j = columns[e];
                    var term = values[e] * direction[i] * direction[j];
                    product += term;
                    size += Math.Abs(term);
                    rounding += Math.Abs(direction[i] * direction[j]) / (steps[i] * steps[j]);
                }
            var largest = Math.Max(Math.Abs(centre), Math.Max(Math.Abs(plus), Math.Abs(minus)));
            var allowed = t * size + largest * (RoundingUlps * StepRule.MachineEpsilon * 4 / (t * t) + amplification * rounding);
            mismatch |= !(Math.Abs(along - product) <= allowed);
        }
        return mismatch ? DerivativeStatus.PatternMismatch : DerivativeStatus.Ok;
    }

    /// <summary>Σ|w| of the stencils a sparse Jacobian may have used: the options' scheme, and the
    /// one-sided ones when bounds may have turned columns; 8 times more when adaptive, as the
    /// extrapolation amplifies rounding.</summary>
    private static double JacobianWeightSum(DifferentiationOptions options)
    {
        var accuracy = options.Adaptive ? 2 : options.Accuracy;
        var sum = Stencils.Get(options.Scheme, 1, AxisGroups.OneSidedSafe(options.Scheme, accuracy)).WeightSum;
        if (!options.LowerBounds.IsEmpty || !options.UpperBounds.IsEmpty)
            sum = Math.Max(sum, Stencils.Get(DifferenceScheme.Forward, 1, AxisGroups.OneSidedSafe(DifferenceScheme.Forward, accuracy)).WeightSum);
        return options.Adaptive ? 8 * sum : sum;
    }

    /// <summary>Direction number <paramref name="probe"/> into <paramref name="v"/>: a coordinate
    /// that x ± t·max(|xⱼ|, scaleⱼ) would take outside its bounds stays 0, so no probe point leaves
    /// the box. False when that leaves no coordinate to move: then there is nothing to check.</summary>
    private static bool Directions(ReadOnlySpan<double> x, double t, DifferentiationOptions options, Span<double> v, int probe)
    {
        var scales = options.TypicalScales.Span;
        var lower = options.LowerBounds.Span;
        var upper = options.UpperBounds.Span;
        var state = Seed + (ulong)probe * 0x9E3779B97F4A7C15;
        var any = false;
        for (var j = 0; j < x.Length; j++)
        {
            var bits = SplitMix(ref state);
            var scale = Math.Max(Math.Abs(x[j]), scales.IsEmpty ? 1.0 : scales[j]);
            var reach = t * scale;
            var inside = (lower.IsEmpty || x[j] - reach >= lower[j]) && (upper.IsEmpty || x[j] + reach <= upper[j]);
            // 0.5 to 1 in size, either sign: no coordinate's term can vanish.
            var size = 0.5 + 0.5 * ((bits >> 11) * (1.0 / (1UL << 53)));
            v[j] = inside ? ((bits & 1) == 0 ? size : -size) * scale : 0;
            any |= inside;
        }
        return any;
    }

    /// <summary>Steele, Lea and Flood's SplitMix64: a fixed, allocation-free stream.</summary>
    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>Points along the direction: x (with <paramref name="centre"/>), then x + t·v and x − t·v.</summary>
    private readonly struct LinePlan(double t, bool centre) : IPointPlan
    {
        public int Count => centre ? 3 : 2;

        public Perturbation this[int k] => centre && k == 0 ? Perturbation.Centre
            : new Perturbation(-1, 0, -1, 0, k == Count - 2 ? t : -t);

        public void Apply(in Perturbation p, ReadOnlySpan<double> x, ReadOnlySpan<double> direction, Span<double> point) => p.ApplyTo(x, direction, point);

        public void Restore(in Perturbation p, ReadOnlySpan<double> x, Span<double> point) => p.RestoreIn(x, point);

        public int DeltaCount(in Perturbation p) => p.DeltaCount;

        public void DescribeDeltas(in Perturbation p, Span<int> indices, Span<double> deltas) => p.DescribeDeltas(indices, deltas);
    }
}
