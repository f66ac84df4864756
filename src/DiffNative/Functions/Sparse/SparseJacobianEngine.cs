namespace DiffNative;

/// <summary>Compressed evaluation of a sparse Jacobian: one perturbation of all columns of a colour
/// per non-centre stencil point (the centre, when the stencil has one, once), then decompression of
/// every nonzero by the sparse combination kernel. Steps, one-sided stencils near bounds and the
/// adaptive step sequence are the dense engine's, so every entry has the dense Jacobian's bits.
/// A Hessian from a gradient is the Jacobian of the gradient with a star colouring's layout.</summary>
internal static class SparseJacobianEngine
{
    internal static DifferentiationInfo Compute(in FunctionSource f, CompressedLayout layout, SparsityPattern pattern, ReadOnlySpan<double> x,
        Span<double> values, DifferentiationOptions options, CancellationToken cancellation)
    {
        var backend = DiffNativeRuntime.Resolve(options.Backend);
        var n = x.Length;
        values = values[..layout.Sources.Length];
        var workspace = Workspace.Rent();
        try
        {
            var steps = StepSetup.FirstDerivative(backend, x, options, workspace, out var first);
            var evaluations = 0;
            var nonFinite = false; // a value extrapolation did not use still means f was not finite near x
            bool notConverged = false, roundingLimited = false;
            if (options.LowerBounds.IsEmpty && options.UpperBounds.IsEmpty)
            {
                // One group, every column: the common case allocates nothing.
                evaluations = Group(f, layout.Whole, options.Scheme, x, steps, values, backend, options, workspace, cancellation, ref nonFinite,
                    ref notConverged, ref roundingLimited);
            }
            else
            {
                // The dense engine's split (central, forward, backward; steps shortened where no
                // stencil fits): each group moves only its own columns, so colours split with it.
                // Every buffer is a workspace slot, so a warm bounded call allocates nothing.
                foreach (var group in AxisGroups.Build(x, first, options, options.Accuracy, workspace))
                {
                    var part = layout.Restrict(group.Members, f.Outputs, workspace);
                    var partValues = workspace.Span(Workspace.Slot.GroupValues, part.NonZeros);
                    evaluations += Group(f, part, group.Scheme, x, steps, partValues, backend, options, workspace, cancellation, ref nonFinite,
                        ref notConverged, ref roundingLimited);
                    var entries = part.Entries!;
                    for (var e = 0; e < part.NonZeros; e++) values[entries[e]] = partValues[e];
                }
            }
            var status = AdaptiveStarts.Status(nonFinite, notConverged, roundingLimited, values);
            if (!options.Adaptive) status = StepSetup.WithSteps(status, x, first, options);
            // steps[0, n) hold the steps used: fixed ones, or an adaptive sequence's smallest.
            if (options.CheckPattern && status == DerivativeStatus.Ok)
                status = PatternCheck.Jacobian(f, pattern, x, values, steps.AsSpan(0, n), options, workspace, cancellation, ref evaluations);
            return new DifferentiationInfo(evaluations, status);
        }
        finally
        {
            Workspace.Return(workspace);
        }
    }

    private static int Group(in FunctionSource f, CompressedView layout, DifferenceScheme scheme, ReadOnlySpan<double> x, double[] steps,
        Span<double> values, Backend backend, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation, ref bool nonFinite,
        ref bool notConverged, ref bool roundingLimited)
    {
        var stencil = Stencils.Get(scheme, 1, AxisGroups.OneSidedSafe(scheme, options.Adaptive ? 2 : options.Accuracy));
        if (!options.Adaptive) return Fixed(f, layout, stencil, x, steps, values, backend, options, workspace, cancellation, out _, out _);
        // Ridders' extrapolation over the dense engine's shrinking steps, nonzero by nonzero (the
        // tableau is entry-wise, so each entry follows the dense Jacobian's).
        var levels = new CompressedLevels(f, layout, stencil, x, steps, backend, options, workspace, cancellation);
        var errors = workspace.Span(Workspace.Slot.KeptErrors, values.Length);
        var evaluations = Extrapolation.Run(ref levels, Tableau.FirstDerivative(stencil), x, steps, values.Length, values, errors, backend,
            workspace, default, out var levelsNonFinite, out var functionScale);
        nonFinite |= levelsNonFinite;
        // The verdict every adaptive operation gives its entries (AdaptiveStarts.Judge); the dense
        // engine's restarts are not repeated here, so an entry that did not settle is reported.
        var (scale, largest) = AdaptiveStarts.Extent(values, errors);
        var columns = layout.StepColumnSpan;
        var scales = options.TypicalScales.Span;
        for (var e = 0; e < values.Length; e++)
        {
            var verdict = AdaptiveStarts.Judge(values[e], errors[e], scale, largest, functionScale / AdaptiveStarts.Natural(x, scales, columns[e]));
            notConverged |= verdict == AdaptiveStarts.Verdict.NotConverged;
            roundingLimited |= verdict == AdaptiveStarts.Verdict.RoundingLimited;
        }
        return evaluations;
    }

    /// <summary>One level of the sequence: the compressed stencil on the level's steps.</summary>
    private readonly ref struct CompressedLevels(FunctionSource f, CompressedView layout, Stencil stencil, ReadOnlySpan<double> x, double[] steps,
        Backend backend, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation) : ILevelEstimates
    {
        private readonly ReadOnlySpan<double> x = x;

        public int Evaluate(double factor, Span<double> estimate, out double functionScale, out bool finiteValues) =>
            Fixed(f, layout, stencil, x, steps, estimate, backend, options, workspace, cancellation, out functionScale, out finiteValues);

        /// <summary>Nonzero e's first step: that of its column.</summary>
        public double RoundingDivisor(int entry) => steps[x.Length + layout.StepColumnSpan[entry]];

        public double RoundingScale(int entry, double functionScale) => functionScale;
    }

    /// <summary>One compressed stencil application with the given steps. functionScale (the largest
    /// finite |f|) and finiteValues (whether every value of f was finite) are for extrapolation
    /// only: a fixed stencil's values show a non-finite f.</summary>
    private static int Fixed(in FunctionSource f, CompressedView layout, Stencil stencil, ReadOnlySpan<double> x, double[] steps,
        Span<double> values, Backend backend, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation,
        out double functionScale, out bool finiteValues)
    {
        var m = f.Outputs;
        var colors = layout.Colors;
        var offsets = stencil.ActiveOffsets;
        var outer = stencil.OuterOffsets;
        var centre = outer.Length < offsets.Length;
        // x is evaluated once per call, by the first group or level that needs it.
        var evaluateCentre = centre && !workspace.CentreKnown;
        var plan = new ColorPlan(outer, steps, layout.ColorPointers, layout.ColorColumns, colors, evaluateCentre);
        var block = colors * m;
        var raw = workspace.Span(Workspace.Slot.Values, plan.Count * m);
        f.Evaluate(plan, 0, plan.Count, x, default, raw, options, workspace, cancellation);
        var centreValues = workspace.Span(Workspace.Slot.CentreValues, m);
        if (evaluateCentre) raw[..m].CopyTo(centreValues);
        finiteValues = true;
        functionScale = 0;
        if (options.Adaptive)
        {
            functionScale = FirstDerivatives.MaxAbsFinite(raw, out finiteValues);
            if (centre && !evaluateCentre)
            {
                // f's size near x counts f(x) on every level, as when each level evaluated it.
                functionScale = Math.Max(functionScale, FirstDerivatives.MaxAbsFinite(centreValues, out var centreFinite));
                finiteValues &= centreFinite;
            }
        }

        // One block of colours × rows per stencil point, in the stencil's order; the shared
        // centre is repeated for every colour so that one kernel call decompresses everything.
        Span<double> blocks = raw;
        if (centre)
        {
            var first = evaluateCentre ? m : 0;
            blocks = workspace.Span(Workspace.Slot.Scratch, offsets.Length * block);
            for (int j = 0, o = 0; j < offsets.Length; j++)
            {
                var target = blocks.Slice(j * block, block);
                if (offsets[j] == 0)
                    for (var c = 0; c < colors; c++) centreValues.CopyTo(target.Slice(c * m, m));
                else
                    raw.Slice(first + o++ * block, block).CopyTo(target);
            }
            workspace.CentreKnown = true;
        }
        // The dense engine's differences (every nonzero's samples are its dense entry's).
        SampleDifferences.Apply(stencil, blocks[..(offsets.Length * block)], block);
        DifferenceKernels.SparseCombine(backend, blocks, block, stencil.ActiveWeights, layout.SourceSpan, layout.StepColumnSpan,
            steps.AsSpan(0, x.Length), values);
        return plan.Count;
    }
}
