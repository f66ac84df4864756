namespace DiffNative;

/// <summary>Hessians from function values: true second-difference stencils with their own
/// ε^(1/4)-scaled steps (a ∛ε step, as Math.NET uses, leaves an error near ε^(1/3) instead of
/// ε^(1/2)), the diagonal alone, and Hessian-vector products.</summary>
internal static class SecondDerivatives
{
    /// <summary>ε^(1/4): the error balance of a second-order stencil for a second derivative.</summary>
    internal static double BaseStep => StepRule.BaseStep(2, 2);

    /// <summary>The first step of an adaptive sequence, relative to the scale of x: a tenth.</summary>
    internal const double AdaptiveFirstStep = 0.1;

    /// <summary>The dense Hessian with the given steps; 2n² + 1 evaluations.</summary>
    private static int FixedHessian(in FunctionSource f, ReadOnlySpan<double> x, double[] steps, Span<double> hessian, Backend backend,
        DifferentiationOptions options, Workspace workspace, CancellationToken cancellation, out double functionScale, out bool finiteValues)
    {
        var n = x.Length;
        var pairs = n * (n - 1) / 2;
        var pairIndices = workspace.Ints(Workspace.IntSlot.Pairs, 2 * pairs);
        HessianPlan.FillPairs(n, pairIndices);
        var plan = new HessianPlan(steps, pairIndices, n);
        var values = workspace.Span(Workspace.Slot.Values, plan.Count);
        f.Evaluate(plan, 0, plan.Count, x, default, values, options, workspace, cancellation);
        functionScale = FirstDerivatives.MaxAbsFinite(values, out finiteValues);
        var blocks = values[(1 + 2 * n)..];
        DifferenceKernels.AssembleHessian(backend, values[0], values.Slice(1, n), values.Slice(1 + n, n),
            blocks[..pairs], blocks.Slice(pairs, pairs), blocks.Slice(2 * pairs, pairs), blocks.Slice(3 * pairs, pairs),
            steps.AsSpan(0, n), hessian[..(n * n)]);
        return plan.Count;
    }

    internal static DifferentiationInfo Hessian(in FunctionSource f, ReadOnlySpan<double> x, Span<double> hessian, Span<double> errors,
        DifferentiationOptions options, CancellationToken cancellation)
    {
        var backend = DiffNativeRuntime.Resolve(options.Backend);
        var n = x.Length;
        var workspace = Workspace.Rent();
        try
        {
            var steps = workspace.Array(Workspace.Slot.Steps, StepsLength(n, options));
            if (!options.Adaptive)
            {
                x = ApartFrom(hessian, x, workspace);
                SecondDifferenceSteps.Fill(backend, x, options, BaseStep, steps.AsSpan(0, n));
                var evaluations = FixedHessian(f, x, steps, hessian, backend, options, workspace, cancellation, out _, out _);
                // Default steps may grow where the differences are rounding; a user's, or steps
                // already fitted to bounds, are kept and the result reported instead.
                var mayGrow = options.Steps.IsEmpty && options.LowerBounds.IsEmpty && options.UpperBounds.IsEmpty;
                var take = new HessianTake(f, x, steps, hessian, backend, options, workspace, cancellation, evaluations);
                evaluations += HessianRounding.Check(x, steps, mayGrow, ref take, out var roundingLimited);
                var status = StepSetup.Check(hessian[..(n * n)]);
                if (status == DerivativeStatus.Ok && !roundingLimited && mayGrow && options.CheckDifferentiability)
                {
                    evaluations += HessianStepCheck.Run(f, x, steps, options.TypicalScales.Span, workspace, cancellation, ref take, out var checkedStatus);
                    status = StepSetup.Check(hessian[..(n * n)]);
                    if (status == DerivativeStatus.Ok) status = checkedStatus;
                }
                return new DifferentiationInfo(evaluations, status == DerivativeStatus.Ok && roundingLimited ? DerivativeStatus.RoundingLimited : status);
            }
            return AdaptiveHessian(f, x, hessian, errors, steps, backend, options, workspace, cancellation);
        }
        finally
        {
            Workspace.Return(workspace);
        }
    }

    /// <summary>The fixed Hessian as <see cref="HessianRounding"/> sees it: its values are f(x) at
    /// 0, f(x + hᵢeᵢ) at 1 + i, f(x − hᵢeᵢ) at 1 + n + i of the Values slot.</summary>
    private readonly ref struct HessianTake(FunctionSource f, ReadOnlySpan<double> x, double[] steps, Span<double> hessian, Backend backend,
        DifferentiationOptions options, Workspace workspace, CancellationToken cancellation, int pointCount) : HessianRounding.ITake
    {
        private readonly ReadOnlySpan<double> x = x;
        private readonly Span<double> hessian = hessian;

        public int Retake() => FixedHessian(f, x, steps, hessian, backend, options, workspace, cancellation, out _, out _);

        public (bool Limited, double Rounding) Diagonal(int i, double h)
        {
            var values = workspace.Span(Workspace.Slot.Values, pointCount);
            var n = x.Length;
            double centre = values[0], plus = values[1 + i], minus = values[1 + n + i];
            var noise = Math.Abs(plus) + Math.Abs(minus) + 2 * Math.Abs(centre);
            return HessianRounding.Judge((plus + minus) - 2 * centre, noise, plus == -minus && centre == 0, h);
        }

        public double DiagonalValue(int i) => hessian[i * x.Length + i];

        public double Centre() => workspace.Span(Workspace.Slot.Values, pointCount)[0];

        public double Slope(int i, double h)
        {
            var values = workspace.Span(Workspace.Slot.Values, pointCount);
            return RoundingCheck.Slope(values[1 + i], values[1 + x.Length + i], h);
        }

        public double OffDiagonalScale()
        {
            var n = x.Length;
            var scale = 0.0;
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++)
                    if (i != j && double.IsFinite(hessian[i * n + j])) scale = Math.Max(scale, Math.Abs(hessian[i * n + j]));
            return scale;
        }
    }

    /// <summary>The fixed diagonal as <see cref="HessianRounding"/> sees it: f at stencil point j
    /// along axis i is values[j·n + i] of the Values slot.</summary>
    private readonly ref struct DiagonalTake(FunctionSource f, ReadOnlySpan<double> x, double[] steps, Stencil stencil, Span<double> diagonal,
        Backend backend, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation) : HessianRounding.ITake
    {
        private readonly ReadOnlySpan<double> x = x;
        private readonly Span<double> diagonal = diagonal;

        public int Retake() => FixedDiagonal(f, x, steps, stencil, diagonal, backend, options, workspace, cancellation, out _, out _);

        public (bool Limited, double Rounding) Diagonal(int i, double h)
        {
            var n = x.Length;
            var weights = stencil.ActiveWeights;
            var offsets = stencil.ActiveOffsets;
            var values = workspace.Span(Workspace.Slot.Values, weights.Length * n);
            double sum = 0, noise = 0;
            var odd = true;
            for (var j = 0; j < weights.Length; j++)
            {
                var v = values[j * n + i];
                sum += weights[j] * v;
                noise += Math.Abs(weights[j] * v);
                // Exact cancellation of an odd function: mirrored samples opposite, the centre 0.
                var mirror = offsets.Length - 1 - j;
                odd &= offsets[j] == 0 ? v == 0 : values[mirror * n + i] == -v;
            }
            return HessianRounding.Judge(sum, noise, odd, h);
        }

        public double DiagonalValue(int i) => diagonal[i];

        public double Centre()
        {
            var offsets = stencil.ActiveOffsets.AsSpan();
            return workspace.Span(Workspace.Slot.Values, offsets.Length * x.Length)[offsets.IndexOf(0.0) * x.Length];
        }

        public double OffDiagonalScale() => 0;

        public double Slope(int i, double h)
        {
            var n = x.Length;
            var offsets = stencil.ActiveOffsets.AsSpan();
            var values = workspace.Span(Workspace.Slot.Values, offsets.Length * n);
            return RoundingCheck.Slope(values[offsets.IndexOf(1.0) * n + i], values[offsets.IndexOf(-1.0) * n + i], h);
        }
    }

    private static DifferentiationInfo AdaptiveHessian(in FunctionSource f, ReadOnlySpan<double> x, Span<double> hessian, Span<double> errors,
        double[] steps, Backend backend, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation)
    {
        var n = x.Length;
        var levels = new HessianLevels(f, x, FirstSteps(backend, x, options, steps), steps, backend, options, workspace, cancellation);
        var entryErrors = errors.IsEmpty ? workspace.Span(Workspace.Slot.KeptErrors, n * n) : errors[..(n * n)];
        var evaluations = Extrapolation.Run(ref levels, Tableau.SecondDerivative, x, steps, n * n, hessian[..(n * n)], entryErrors,
            backend, workspace, default, out var nonFinite, out var functionScale);
        var scales = options.TypicalScales.Span;
        var (scale, largest) = AdaptiveStarts.Extent(hessian[..(n * n)], entryErrors);
        bool notConverged = false, roundingLimited = false;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                Note(AdaptiveStarts.Judge(hessian[i * n + j], entryErrors[i * n + j], scale, largest,
                    functionScale / (AdaptiveStarts.Natural(x, scales, i) * AdaptiveStarts.Natural(x, scales, j))), ref notConverged, ref roundingLimited);
        return new DifferentiationInfo(evaluations, AdaptiveStarts.Status(nonFinite, notConverged, roundingLimited, hessian[..(n * n)]));
    }

    /// <summary>x itself, or a copy where the output may overwrite it: a fixed second derivative
    /// may be written over x (Differentiate.RequireApart), and its step checks evaluate f near x
    /// after it is written.</summary>
    private static ReadOnlySpan<double> ApartFrom(Span<double> output, ReadOnlySpan<double> x, Workspace workspace, int slot = Workspace.Slot.Origin)
    {
        if (!output.Overlaps(x)) return x;
        var origin = workspace.Span(slot, x.Length);
        x.CopyTo(origin);
        return origin;
    }

    /// <summary>The Steps slot's length: each level's steps in [0, n), and when adaptive the first
    /// steps they shrink from in [n, 2n).</summary>
    private static int StepsLength(int n, DifferentiationOptions options) => options.Adaptive ? 2 * n : n;

    /// <summary>The first steps of an adaptive sequence (a tenth of the scale, or the user's),
    /// written to steps[n, 2n) so that the pooled slot holds them and a call allocates nothing.</summary>
    private static ReadOnlySpan<double> FirstSteps(Backend backend, ReadOnlySpan<double> x, DifferentiationOptions options, double[] steps)
    {
        var first = steps.AsSpan(x.Length, x.Length);
        SecondDifferenceSteps.Fill(backend, x, options, AdaptiveFirstStep, first);
        return first;
    }

    private readonly ref struct HessianLevels(FunctionSource f, ReadOnlySpan<double> x, ReadOnlySpan<double> firstSteps, double[] steps, Backend backend,
        DifferentiationOptions options, Workspace workspace, CancellationToken cancellation) : ILevelEstimates
    {
        private readonly ReadOnlySpan<double> x = x;
        private readonly ReadOnlySpan<double> firstSteps = firstSteps;

        public int Evaluate(double factor, Span<double> estimate, out double functionScale, out bool finiteValues) =>
            FixedHessian(f, x, steps, estimate, backend, options, workspace, cancellation, out functionScale, out finiteValues);

        public double RoundingDivisor(int entry) => firstSteps[entry / x.Length] * firstSteps[entry % x.Length];

        public double RoundingScale(int entry, double functionScale) => functionScale;
    }

    /// <summary>The Hessian's diagonal from second-derivative stencils along each axis: 1 + 2n
    /// evaluations at accuracy 2, and 2n more for the step check; adaptive extrapolates over 6
    /// shrinking steps.</summary>
    internal static DifferentiationInfo Diagonal(in FunctionSource f, ReadOnlySpan<double> x, Span<double> diagonal, Span<double> errors,
        DifferentiationOptions options, CancellationToken cancellation)
    {
        var backend = DiffNativeRuntime.Resolve(options.Backend);
        var n = x.Length;
        var accuracy = options.Adaptive || options.Scheme != DifferenceScheme.Central ? 2 : options.Accuracy;
        var stencil = Stencils.Get(DifferenceScheme.Central, 2, accuracy);
        var workspace = Workspace.Rent();
        try
        {
            var steps = workspace.Array(Workspace.Slot.Steps, StepsLength(n, options));
            if (options.Adaptive)
            {
                var levels = new DiagonalLevels(f, x, FirstSteps(backend, x, options, steps), steps, stencil, backend, options, workspace, cancellation);
                var entryErrors = errors.IsEmpty ? workspace.Span(Workspace.Slot.KeptErrors, n) : errors[..n];
                var adaptiveEvaluations = Extrapolation.Run(ref levels, Tableau.SecondDerivative, x, steps, n, diagonal[..n], entryErrors,
                    backend, workspace, default, out var nonFinite, out var functionScale);
                var scales = options.TypicalScales.Span;
                var (scale, largest) = AdaptiveStarts.Extent(diagonal[..n], entryErrors);
                bool notConverged = false, roundingLimited = false;
                for (var i = 0; i < n; i++)
                {
                    var natural = AdaptiveStarts.Natural(x, scales, i);
                    Note(AdaptiveStarts.Judge(diagonal[i], entryErrors[i], scale, largest, functionScale / (natural * natural)),
                        ref notConverged, ref roundingLimited);
                }
                return new DifferentiationInfo(adaptiveEvaluations, AdaptiveStarts.Status(nonFinite, notConverged, roundingLimited, diagonal[..n]));
            }
            x = ApartFrom(diagonal, x, workspace);
            SecondDifferenceSteps.Fill(backend, x, options, StepRule.BaseStep(2, stencil.Accuracy), steps.AsSpan(0, n));
            var evaluations = FixedDiagonal(f, x, steps, stencil, diagonal, backend, options, workspace, cancellation, out _, out _);
            var mayGrow = options.Steps.IsEmpty && options.LowerBounds.IsEmpty && options.UpperBounds.IsEmpty;
            var take = new DiagonalTake(f, x, steps, stencil, diagonal, backend, options, workspace, cancellation);
            evaluations += HessianRounding.Check(x, steps, mayGrow, ref take, out var rounding);
            var status = StepSetup.Check(diagonal[..n]);
            // The step check compares with the accuracy-2 difference at twice the step: for
            // accuracy 2 only, whose h² error that difference measures.
            if (status == DerivativeStatus.Ok && !rounding && mayGrow && options.CheckDifferentiability && stencil.Accuracy == 2)
            {
                evaluations += HessianStepCheck.Run(f, x, steps, options.TypicalScales.Span, workspace, cancellation, ref take, out var checkedStatus);
                status = StepSetup.Check(diagonal[..n]);
                if (status == DerivativeStatus.Ok) status = checkedStatus;
            }
            return new DifferentiationInfo(evaluations, status == DerivativeStatus.Ok && rounding ? DerivativeStatus.RoundingLimited : status);
        }
        finally
        {
            Workspace.Return(workspace);
        }
    }

    private static int FixedDiagonal(in FunctionSource f, ReadOnlySpan<double> x, double[] steps, Stencil stencil, Span<double> diagonal,
        Backend backend, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation, out double functionScale, out bool finiteValues)
    {
        var n = x.Length;
        // Evaluate the centre once and every non-zero offset along each axis.
        var offsets = stencil.ActiveOffsets;
        var plan = new DiagonalPlan(stencil.OuterOffsets, steps, n);
        var raw = workspace.Span(Workspace.Slot.Scratch, plan.Count);
        f.Evaluate(plan, 0, plan.Count, x, default, raw, options, workspace, cancellation);
        functionScale = FirstDerivatives.MaxAbsFinite(raw, out finiteValues);
        var values = workspace.Span(Workspace.Slot.Values, offsets.Length * n);
        for (int j = 0, o = 0; j < offsets.Length; j++)
        {
            var row = values.Slice(j * n, n);
            if (offsets[j] == 0) row.Fill(raw[0]);
            else raw.Slice(1 + o++ * n, n).CopyTo(row);
        }
        // Weighted as differences from the centre (SampleDifferences), on a copy: the rows stay as
        // sampled for the rounding check.
        var differences = workspace.Span(Workspace.Slot.Scratch, offsets.Length * n);
        values.CopyTo(differences);
        SampleDifferences.Apply(stencil, differences, n);
        DifferenceKernels.Combine(backend, differences, n, stencil.ActiveWeights, steps.AsSpan(0, n), 2, diagonal[..n]);
        return plan.Count;
    }

    private readonly ref struct DiagonalLevels(FunctionSource f, ReadOnlySpan<double> x, ReadOnlySpan<double> firstSteps, double[] steps, Stencil stencil,
        Backend backend, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation) : ILevelEstimates
    {
        private readonly ReadOnlySpan<double> x = x;
        private readonly ReadOnlySpan<double> firstSteps = firstSteps;

        public int Evaluate(double factor, Span<double> estimate, out double functionScale, out bool finiteValues) =>
            FixedDiagonal(f, x, steps, stencil, estimate, backend, options, workspace, cancellation, out functionScale, out finiteValues);

        public double RoundingDivisor(int entry) => firstSteps[entry] * firstSteps[entry];

        public double RoundingScale(int entry, double functionScale) => functionScale;
    }

    /// <summary>H·v from 4n evaluations: Hv_i = (((f⁺⁺ − f⁺⁻) − f⁻⁺) + f⁻⁻)/((4t)kᵢ) with
    /// f^{±±} = f(x ± t·v ± kᵢeᵢ), t and kᵢ ε^(1/4)-scaled; adaptive shrinks t and every kᵢ
    /// together (the error has even total powers only) over 6 levels.</summary>
    internal static DifferentiationInfo HessianVectorProduct(in FunctionSource f, ReadOnlySpan<double> x, ReadOnlySpan<double> v,
        Span<double> product, Span<double> errors, DifferentiationOptions options, CancellationToken cancellation)
    {
        var backend = DiffNativeRuntime.Resolve(options.Backend);
        var n = x.Length;
        var vmax = 0.0;
        var xscale = 0.0;
        var scales = options.TypicalScales.Span;
        for (var i = 0; i < n; i++)
        {
            vmax = Math.Max(vmax, Math.Abs(v[i]));
            xscale = Math.Max(xscale, Math.Max(Math.Abs(x[i]), scales.IsEmpty ? 1.0 : scales[i]));
        }
        if (vmax == 0)
        {
            product[..n].Clear();
            if (!errors.IsEmpty) errors[..n].Clear();
            return new DifferentiationInfo(0, DerivativeStatus.Ok);
        }
        var workspace = Workspace.Rent();
        try
        {
            var steps = workspace.Array(Workspace.Slot.Steps, StepsLength(n, options));
            if (options.Adaptive)
            {
                var levels = new HvpLevels(f, x, v, 0.1 * xscale / vmax, FirstSteps(backend, x, options, steps), steps, backend, options, workspace, cancellation);
                var entryErrors = errors.IsEmpty ? workspace.Span(Workspace.Slot.KeptErrors, n) : errors[..n];
                var adaptiveEvaluations = Extrapolation.Run(ref levels, Tableau.SecondDerivative, x, steps, n, product[..n], entryErrors,
                    backend, workspace, default, out var nonFinite, out var functionScale);
                var (scale, largest) = AdaptiveStarts.Extent(product[..n], entryErrors);
                bool notConverged = false, roundingLimited = false;
                // (Hv)ᵢ = Σⱼ Hᵢⱼvⱼ: |f| over the scale of xᵢ and that of the line along v.
                for (var i = 0; i < n; i++)
                    Note(AdaptiveStarts.Judge(product[i], entryErrors[i], scale, largest,
                        functionScale / (AdaptiveStarts.Natural(x, scales, i) * xscale / vmax)), ref notConverged, ref roundingLimited);
                return new DifferentiationInfo(adaptiveEvaluations, AdaptiveStarts.Status(nonFinite, notConverged, roundingLimited, product[..n]));
            }
            // The step check evaluates f after the product is written, which may be over x or v.
            x = ApartFrom(product, x, workspace);
            v = ApartFrom(product, v, workspace, Workspace.Slot.Direction);
            StepSetup.Fill(backend, x, options, BaseStep, steps.AsSpan(0, n));
            var t = BaseStep * xscale / vmax;
            var evaluations = FixedHvp(f, x, v, t, steps, product, backend, options, workspace, cancellation, out var nearScale, out _);
            var status = StepSetup.Check(product[..n]);
            if (status == DerivativeStatus.Ok && options.CheckDifferentiability && options.Steps.IsEmpty
                && options.LowerBounds.IsEmpty && options.UpperBounds.IsEmpty)
            {
                var natural = workspace.Span(Workspace.Slot.Estimate, n);
                for (var i = 0; i < n; i++) natural[i] = 1 / (AdaptiveStarts.Natural(x, scales, i) * xscale / vmax);
                var take = new HvpTake(f, x, v, steps, backend, options, workspace, cancellation);
                evaluations += HvpStepCheck.Run(x, t, nearScale, steps, product[..n], workspace.Span(Workspace.Slot.LevelEstimate, n), natural, ref take,
                    out var checkedStatus);
                status = StepSetup.Check(product[..n]);
                if (status == DerivativeStatus.Ok) status = checkedStatus;
            }
            return new DifferentiationInfo(evaluations, status);
        }
        finally
        {
            Workspace.Return(workspace);
        }
    }

    private static int FixedHvp(in FunctionSource f, ReadOnlySpan<double> x, ReadOnlySpan<double> v, double t, double[] steps, Span<double> product,
        Backend backend, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation, out double functionScale, out bool finiteValues)
    {
        var n = x.Length;
        var plan = new DirectionPlan(t, steps, n);
        var values = workspace.Span(Workspace.Slot.Values, plan.Count);
        f.Evaluate(plan, 0, plan.Count, x, v, values, options, workspace, cancellation);
        functionScale = FirstDerivatives.MaxAbsFinite(values, out finiteValues);
        // (((pp − pm) − mp) + mm)/((4t)·kᵢ) through the combination kernel: weights ±1 sum in
        // that order, and the divisor is folded into the step of each entry.
        var divisors = workspace.Span(Workspace.Slot.Scratch, n);
        for (var i = 0; i < n; i++) divisors[i] = (4.0 * t) * steps[i];
        DifferenceKernels.Combine(backend, values, n, HvpWeights, divisors, 1, product[..n]);
        return plan.Count;
    }

    private readonly ref struct HvpLevels(FunctionSource f, ReadOnlySpan<double> x, ReadOnlySpan<double> v, double firstT, ReadOnlySpan<double> firstSteps,
        double[] steps, Backend backend, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation) : ILevelEstimates
    {
        private readonly ReadOnlySpan<double> x = x;
        private readonly ReadOnlySpan<double> v = v;
        private readonly ReadOnlySpan<double> firstSteps = firstSteps;

        public int Evaluate(double factor, Span<double> estimate, out double functionScale, out bool finiteValues) =>
            FixedHvp(f, x, v, firstT * factor, steps, estimate, backend, options, workspace, cancellation, out functionScale, out finiteValues);

        public double RoundingDivisor(int entry) => firstT * firstSteps[entry];

        public double RoundingScale(int entry, double functionScale) => functionScale;
    }

    /// <summary>The fixed product as <see cref="HvpStepCheck"/> takes it.</summary>
    private readonly ref struct HvpTake(FunctionSource f, ReadOnlySpan<double> x, ReadOnlySpan<double> v, double[] steps, Backend backend,
        DifferentiationOptions options, Workspace workspace, CancellationToken cancellation) : HvpStepCheck.ITake
    {
        private readonly ReadOnlySpan<double> x = x;
        private readonly ReadOnlySpan<double> v = v;

        public int Product(double t, Span<double> into, out double functionScale) =>
            FixedHvp(f, x, v, t, steps, into, backend, options, workspace, cancellation, out functionScale, out _);
    }

    private static readonly double[] HvpWeights = [1.0, -1.0, -1.0, 1.0];

    private static void Note(AdaptiveStarts.Verdict verdict, ref bool notConverged, ref bool roundingLimited)
    {
        notConverged |= verdict == AdaptiveStarts.Verdict.NotConverged;
        roundingLimited |= verdict == AdaptiveStarts.Verdict.RoundingLimited;
    }
}
