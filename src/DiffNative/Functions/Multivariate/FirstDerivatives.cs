using System.Runtime.CompilerServices;

namespace DiffNative;

/// <summary>Gradients (one output) and Jacobians (m outputs, row-major m×n) from first-derivative
/// stencils along each axis, fixed-step or adaptive, with one-sided stencils near bounds.</summary>
internal static class FirstDerivatives
{
    internal static DifferentiationInfo Compute(in FunctionSource f, ReadOnlySpan<double> x, Span<double> output, Span<double> errors,
        DifferentiationOptions options, CancellationToken cancellation)
    {
        // Resolved even where the loop below needs no backend, so that one that cannot run here
        // (a bad DIFFNATIVE_ISA, a named ISA this CPU lacks) is refused on every path alike.
        var backend = DiffNativeRuntime.Resolve(options.Backend);
        if (f.Outputs == 1 && ScalarGradientLoop.Applies(x, options) && f.SequentialScalar(options) is { } plain)
            return ScalarGradientLoop.Compute(plain, x, output, options, cancellation);
        var n = x.Length;
        var workspace = Workspace.Rent();
        try
        {
            var steps = StepSetup.FirstDerivative(backend, x, options, workspace, out var first);
            var evaluations = 0;
            var nonFinite = false; // a value extrapolation did not use still means f was not finite near x
            var notConverged = false;
            var roundingLimited = false;
            var checkedStatus = DerivativeStatus.Ok;
            if (!options.Adaptive && GradientStepCheck.Applies(options) && GradientStepCheck.BoundsAllow(x, steps, options))
            {
                evaluations = Checked(f, x, steps, output[..(n * f.Outputs)], backend, options, workspace, cancellation, out checkedStatus);
            }
            else if (options.LowerBounds.IsEmpty && options.UpperBounds.IsEmpty)
            {
                // One group, every coordinate: no array, so the common case allocates nothing.
                evaluations = Run(f, x, AxisGroup.Everything(options.Scheme, n), steps, output, errors, backend, options, workspace, cancellation,
                    ref nonFinite, ref notConverged, ref roundingLimited);
            }
            else
            {
                foreach (var group in AxisGroups.Build(x, first, options, options.Accuracy, workspace))
                    evaluations += Run(f, x, group, steps, output, errors, backend, options, workspace, cancellation, ref nonFinite, ref notConverged,
                        ref roundingLimited);
            }
            var status = nonFinite ? DerivativeStatus.NonFinite : StepSetup.Check(output[..(n * f.Outputs)]);
            if (status == DerivativeStatus.Ok) status = checkedStatus;
            if (status == DerivativeStatus.Ok && notConverged) status = DerivativeStatus.NotConverged;
            if (status == DerivativeStatus.Ok && roundingLimited) status = DerivativeStatus.RoundingLimited;
            // Adaptive starts are the engine's own choice (0.1·|x| for a tiny x is right there).
            if (!options.Adaptive) status = StepSetup.WithSteps(status, x, first, options);
            return new DifferentiationInfo(evaluations, status);
        }
        finally
        {
            Workspace.Return(workspace);
        }
    }

    /// <summary>A fixed-step central gradient or Jacobian with <see cref="GradientStepCheck"/>: the
    /// stencil over every coordinate, then, when every entry is finite, the check (f(x), one
    /// evaluation of every output, and the rechecks of suspect entries, each along its axis for its
    /// own output).</summary>
    private static int Checked(in FunctionSource f, ReadOnlySpan<double> x, double[] steps, Span<double> output, Backend backend,
        DifferentiationOptions options, Workspace workspace, CancellationToken cancellation, out DerivativeStatus status)
    {
        var n = x.Length;
        var m = f.Outputs;
        var entries = m * n;
        var stencil = Stencils.Get(DifferenceScheme.Central, 1, options.Accuracy);
        var outerSums = workspace.Span(Workspace.Slot.OuterSums, 2 * entries);
        var lowers = FixedStepDerivative.Companion(stencil) is null ? default : outerSums.Slice(entries, entries);
        var evaluations = Fixed(f, x, stencil, AxisGroup.Everything(DifferenceScheme.Central, n), steps, output, backend, options, workspace,
            cancellation, out _, out _, outerSums: outerSums[..entries], lowers: lowers);
        status = DerivativeStatus.Ok;
        if (!Vectors.AllFinite(output)) return evaluations;
        var point = workspace.Span(Workspace.Slot.Point, n);
        x.CopyTo(point);
        if (f.ScalarValued)
        {
            var one = new SourcePoint(f, workspace.Span(Workspace.Slot.Scratch, 1));
            status = GradientStepCheck.Run(ref one, point, steps.AsSpan(0, n), outerSums[..n], lowers, output, options.Steps.Span,
                options.TypicalScales.Span, stencil.Accuracy, stencil.Reach, ref evaluations, cancellation);
        }
        else
        {
            var centre = workspace.Span(Workspace.Slot.CentreValues, m);
            f.ValuesAt(point, centre);
            evaluations++;
            var rowValues = workspace.Span(Workspace.Slot.Scratch, m);
            for (var k = 0; k < m; k++)
            {
                var row = new SourceRow(f, rowValues, k);
                status = GradientStepCheck.Worse(status, GradientStepCheck.Row(ref row, centre[k], point, steps.AsSpan(0, n),
                    outerSums.Slice(k * n, n), lowers.IsEmpty ? default : lowers.Slice(k * n, n), output.Slice(k * n, n), options.Steps.Span,
                    options.TypicalScales.Span, stencil.Accuracy, stencil.Reach, ref evaluations, cancellation));
            }
        }
        // A token that fired during f(x) or the last recheck still means no result.
        cancellation.ThrowIfCancellationRequested();
        return evaluations;
    }

    private static int Run(in FunctionSource f, ReadOnlySpan<double> x, AxisGroup group, double[] steps, Span<double> output, Span<double> errors,
        Backend backend, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation, ref bool nonFinite,
        ref bool notConverged, ref bool roundingLimited)
    {
        var accuracy = AxisGroups.OneSidedSafe(group.Scheme, options.Adaptive ? 2 : options.Accuracy);
        var stencil = Stencils.Get(group.Scheme, 1, accuracy);
        return options.Adaptive
            ? Adaptive(f, x, stencil, group, steps, output, errors, backend, options, workspace, cancellation, ref nonFinite, ref notConverged,
                ref roundingLimited)
            : Fixed(f, x, stencil, group, steps, output, backend, options, workspace, cancellation, out _, out _);
    }

    /// <summary>One stencil application for a group with the given steps, written into the group's
    /// entries of output (row-major m×n).</summary>
    private static int Fixed(in FunctionSource f, ReadOnlySpan<double> x, Stencil stencil, AxisGroup group, double[] steps, Span<double> output,
        Backend backend, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation, out double functionScale,
        out bool finiteValues, Span<double> rowScales = default, Span<double> outerSums = default, Span<double> lowers = default)
    {
        var n = x.Length;
        var m = f.Outputs;
        var g = group.Size;
        // f(x), shared by every coordinate of a one-sided stencil, is evaluated once per call: by
        // the first group or level that needs it.
        var shared = AxisPlan.SharesCentre(stencil, group);
        var plan = new AxisPlan(stencil, steps, group, workspace.CentreKnown);
        var centre = workspace.Span(Workspace.Slot.CentreValues, m);
        var points = plan.Count;
        var weights = stencil.ActiveWeights;
        var entries = m * g;

        // Values of stencil point j, entry (k, gi), at j·mg + k·g + gi: the layout the combination needs.
        var grouped = workspace.Span(Workspace.Slot.Values, weights.Length * entries);
        if (f.SequentialScalar(options) is { } scalar)
        {
            EvaluateAxes(scalar, x, stencil.ActiveOffsets, steps, group, grouped, workspace.Span(Workspace.Slot.Point, n), centre, plan.HasCentre,
                cancellation);
        }
        else if (m == 1 && !shared)
        {
            f.Evaluate(plan, 0, points, x, default, grouped, options, workspace, cancellation);
        }
        else
        {
            var raw = workspace.Span(Workspace.Slot.Scratch, points * m);
            f.Evaluate(plan, 0, points, x, default, raw, options, workspace, cancellation);
            if (plan.HasCentre) raw[..m].CopyTo(centre);
            Spread(plan, stencil.ActiveOffsets, g, m, raw, centre, grouped);
        }
        if (shared) workspace.CentreKnown = true;
        // Only extrapolation needs these: a fixed stencil's output already shows a non-finite value.
        finiteValues = true;
        functionScale = options.Adaptive ? MaxAbsFinite(grouped, out finiteValues) : 0;
        if (!rowScales.IsEmpty)
            for (var j = 0; j < weights.Length; j++)
                for (var k = 0; k < m; k++)
                    foreach (var v in grouped.Slice(j * entries + k * g, g))
                        if (double.IsFinite(v) && Math.Abs(v) > rowScales[k]) rowScales[k] = Math.Abs(v);
        if (!outerSums.IsEmpty)
        {
            // Before the differences replace them: the step check's f(x + rh) + f(x − rh), entry by entry.
            var offsets = stencil.ActiveOffsets.AsSpan();
            var left = grouped.Slice(offsets.IndexOf(-stencil.Reach) * entries, entries);
            var right = grouped.Slice(offsets.IndexOf(stencil.Reach) * entries, entries);
            for (var e = 0; e < entries; e++) outerSums[e] = left[e] + right[e];
            if (!lowers.IsEmpty && FixedStepDerivative.Companion(stencil) is { } companion)
                for (var e = 0; e < entries; e++) lowers[e] = GradientStepCheck.CompanionSum(stencil, companion, grouped, e, entries);
        }
        SampleDifferences.Apply(stencil, grouped, entries);

        // Steps per entry, and the combination straight into output when the group is everything.
        var direct = group.Coordinates is null;
        ReadOnlySpan<double> entrySteps = steps.AsSpan(0, n);
        if (!direct || m > 1)
        {
            var expanded = workspace.Span(Workspace.Slot.Estimate, entries);
            for (var k = 0; k < m; k++)
                for (var gi = 0; gi < g; gi++)
                    expanded[k * g + gi] = steps[group[gi]];
            entrySteps = expanded;
        }
        var target = direct ? output[..entries] : workspace.Span(Workspace.Slot.Scratch, entries);
        DifferenceKernels.Combine(backend, grouped, entries, weights, entrySteps, 1, target);
        if (!direct)
            for (var k = 0; k < m; k++)
                for (var gi = 0; gi < g; gi++)
                    output[k * n + group[gi]] = target[k * g + gi];
        return points;
    }

    /// <summary>Moves the plan's values (m per point, in plan order) into the combination's layout,
    /// copying f(x) (<paramref name="centre"/>, evaluated once) into every coordinate's sample at offset 0.</summary>
    private static void Spread(in AxisPlan plan, double[] offsets, int g, int m, ReadOnlySpan<double> raw, ReadOnlySpan<double> centre,
        Span<double> grouped)
    {
        var entries = m * g;
        for (int j = 0, outer = 0; j < offsets.Length; j++)
        {
            var row = grouped.Slice(j * entries, entries);
            if (offsets[j] == 0)
            {
                for (var k = 0; k < m; k++) row.Slice(k * g, g).Fill(centre[k]);
                continue;
            }
            for (var gi = 0; gi < g; gi++)
            {
                var at = plan.Index(outer, gi) * m;
                for (var k = 0; k < m; k++) row[k * g + gi] = raw[at + k];
            }
            outer++;
        }
    }

    /// <summary>Ridders' extrapolation over shrinking steps for one group: every entry is
    /// extrapolated (those of other groups stay 0) and the group's are copied out. Coordinates with
    /// an entry that did not converge start again from smaller steps (<see cref="AdaptiveStarts"/>,
    /// as the scalar engine does), and each entry keeps the start with the smallest error estimate;
    /// one that never converges makes the call NotConverged, and one whose kept run met a value
    /// that was not finite makes it NonFinite. The tables are workspace slots that
    /// <see cref="Fixed"/> leaves alone, so a warm call allocates nothing.</summary>
    private static int Adaptive(in FunctionSource f, ReadOnlySpan<double> x, Stencil stencil, AxisGroup group, double[] steps,
        Span<double> output, Span<double> errors, Backend backend, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation,
        ref bool nonFinite, ref bool notConverged, ref bool roundingLimited)
    {
        var n = x.Length;
        var m = f.Outputs;
        var count = n * m;
        var tableau = Tableau.FirstDerivative(stencil);
        var best = workspace.Span(Workspace.Slot.LevelBest, count);
        var entryErrors = workspace.Span(Workspace.Slot.LevelErrors, count);
        var kept = errors.IsEmpty ? workspace.Span(Workspace.Slot.KeptErrors, count) : errors;
        var entryNonFinite = workspace.Span(Workspace.Slot.EntryNonFinite, count);
        var keptNonFinite = workspace.Span(Workspace.Slot.KeptNonFinite, count);
        var rowScales = workspace.Span(Workspace.Slot.RowScales, m);
        rowScales.Clear();
        entryNonFinite.Clear();
        var scales = options.TypicalScales.Span;
        var levels = new GroupLevels(f, x, stencil, group, steps, backend, options, workspace, cancellation, rowScales);
        var evaluations = Extrapolation.Run(ref levels, tableau, x, steps, count, best, entryErrors, backend, workspace, entryNonFinite, out _, out _);
        for (var k = 0; k < m; k++)
            for (var gi = 0; gi < group.Size; gi++)
            {
                var e = k * n + group[gi];
                output[e] = best[e];
                kept[e] = entryErrors[e];
                keptNonFinite[e] = entryNonFinite[e];
            }
        // A user's first steps are where the user wants the sequence to start: no restarts.
        var restartable = options.Steps.IsEmpty;
        for (var restart = 0; ; restart++)
        {
            var restarts = workspace.Ints(Workspace.IntSlot.Restarts, group.Size);
            var size = 0;
            for (var gi = 0; gi < group.Size; gi++)
            {
                var i = group[gi];
                var natural = AdaptiveStarts.Natural(x, scales, i);
                var verdict = AdaptiveStarts.Verdict.Converged;
                for (var k = 0; k < m && verdict != AdaptiveStarts.Verdict.NotConverged; k++)
                {
                    // Each output row is judged against its own size (within the group, whose
                    // entries alone are written yet): a Jacobian's rows may differ by orders.
                    double rowScale = 0, rowError = 0;
                    for (var gj = 0; gj < group.Size; gj++)
                    {
                        var e = k * n + group[gj];
                        if (double.IsFinite(output[e])) rowScale = Math.Max(rowScale, Math.Abs(output[e]));
                        if (kept[e] > rowError) rowError = kept[e];
                    }
                    var entry = AdaptiveStarts.Judge(output[k * n + i], kept[k * n + i], rowScale, rowError, rowScales[k] / natural);
                    if (entry != AdaptiveStarts.Verdict.Converged) verdict = entry;
                }
                if (verdict == AdaptiveStarts.Verdict.Converged) continue;
                // Rounding in f is what a smaller step only makes worse: no restart.
                if (verdict == AdaptiveStarts.Verdict.RoundingLimited)
                {
                    roundingLimited = true;
                    continue;
                }
                if (!restartable || restart == AdaptiveStarts.Restarts)
                {
                    notConverged = true;
                    continue;
                }
                steps[n + i] = AdaptiveStarts.Next(x[i], scales.IsEmpty ? 1.0 : scales[i], steps[n + i], restart);
                restarts[size++] = i;
            }
            if (size == 0) break;
            var again = new AxisGroup(group.Scheme, restarts, 0, size);
            levels = new GroupLevels(f, x, stencil, again, steps, backend, options, workspace, cancellation, rowScales);
            entryNonFinite.Clear();
            evaluations += Extrapolation.Run(ref levels, tableau, x, steps, count, best, entryErrors, backend, workspace, entryNonFinite, out _, out _);
            for (var k = 0; k < m; k++)
                for (var gi = 0; gi < size; gi++)
                {
                    var e = k * n + restarts[gi];
                    if (entryErrors[e] < kept[e] || !double.IsFinite(output[e]))
                    {
                        output[e] = best[e];
                        kept[e] = entryErrors[e];
                        keptNonFinite[e] = entryNonFinite[e];
                    }
                }
        }
        if (restartable && group.Scheme == DifferenceScheme.Central && options.LowerBounds.IsEmpty && options.UpperBounds.IsEmpty)
            evaluations += NearCheck(f, x, stencil, group, steps, output, kept, keptNonFinite, rowScales, backend, options, workspace, cancellation,
                ref notConverged);
        for (var k = 0; k < m; k++)
            for (var gi = 0; gi < group.Size; gi++)
                nonFinite |= keptNonFinite[k * n + group[gi]] != 0;
        return evaluations;
    }

    /// <summary>The scalar engine's rule for a ladder that agrees with itself far from x: every
    /// entry must agree with the central difference at h/2, h the balanced step, whose error
    /// estimate is 4/3 of its disagreement with the one at h plus rounding (2n evaluations each;
    /// <see cref="AdaptiveStarts.DisagreesNearX"/>). The adaptive gradient of 1/(1 + (1e5x)²) at 1e-9 settled on
    /// −1.2e-14 (truth −17.6) with Ok: its steps, 0.1 and below, only saw f's flat tails. A
    /// coordinate with an entry that disagrees is run once more from 4h, and those entries take
    /// that run, judged as any other.</summary>
    private static int NearCheck(in FunctionSource f, ReadOnlySpan<double> x, Stencil stencil, AxisGroup group, double[] steps, Span<double> output,
        Span<double> kept, Span<double> keptNonFinite, Span<double> rowScales, Backend backend, DifferentiationOptions options, Workspace workspace,
        CancellationToken cancellation, ref bool notConverged)
    {
        var n = x.Length;
        var m = f.Outputs;
        var count = n * m;
        var balanced = Stencils.Get(DifferenceScheme.Central, 1, 2);
        var near = workspace.Span(Workspace.Slot.LevelBest, count);
        var half = workspace.Span(Workspace.Slot.LevelErrors, count);
        StepSetup.Fill(backend, x, options, StepRule.BaseStep(1, 2), steps.AsSpan(0, n)); // no user steps here: the balanced rule
        var evaluations = Fixed(f, x, balanced, group, steps, near, backend, options, workspace, cancellation, out _, out _);
        for (var gi = 0; gi < group.Size; gi++) steps[group[gi]] = StepRule.MakeExact(x[group[gi]], steps[group[gi]] / 2);
        evaluations += Fixed(f, x, balanced, group, steps, half, backend, options, workspace, cancellation, out _, out _);
        var restarts = workspace.Ints(Workspace.IntSlot.Restarts, group.Size);
        var size = 0;
        for (var gi = 0; gi < group.Size; gi++)
        {
            var i = group[gi];
            var agrees = true;
            for (var k = 0; k < m && agrees; k++)
            {
                var e = k * n + i;
                agrees = !AdaptiveStarts.DisagreesNearX(output[e], kept[e], near[e], half[e], rowScales[k], steps[i]);
            }
            if (agrees) continue;
            steps[n + i] = StepRule.MakeExact(x[i], 8 * steps[i]);
            restarts[size++] = i;
        }
        var best = workspace.Span(Workspace.Slot.LevelBest, count);
        var entryErrors = workspace.Span(Workspace.Slot.LevelErrors, count);
        var entryNonFinite = workspace.Span(Workspace.Slot.EntryNonFinite, count);
        var scales = options.TypicalScales.Span;
        // The first run from 4h replaces what the far ladder gave; where it does not converge, the
        // starts shrink tenfold as AdaptiveStarts' do, and each entry keeps its best run.
        for (var attempt = 0; size > 0; attempt++)
        {
            var again = new AxisGroup(group.Scheme, restarts, 0, size);
            entryNonFinite.Clear();
            var levels = new GroupLevels(f, x, stencil, again, steps, backend, options, workspace, cancellation, rowScales);
            evaluations += Extrapolation.Run(ref levels, Tableau.FirstDerivative(stencil), x, steps, count, best, entryErrors, backend, workspace,
                entryNonFinite, out _, out _);
            var next = 0;
            for (var gi = 0; gi < size; gi++)
            {
                var i = restarts[gi];
                var converged = true;
                for (var k = 0; k < m; k++)
                {
                    var e = k * n + i;
                    if (attempt == 0 || entryErrors[e] < kept[e])
                        (output[e], kept[e], keptNonFinite[e]) = (best[e], entryErrors[e], entryNonFinite[e]);
                    converged &= AdaptiveStarts.Judge(output[e], kept[e], Math.Abs(output[e]), kept[e],
                        rowScales[k] / AdaptiveStarts.Natural(x, scales, i)) == AdaptiveStarts.Verdict.Converged;
                }
                if (converged) continue;
                if (attempt == AdaptiveStarts.Restarts)
                {
                    notConverged = true;
                    continue;
                }
                steps[n + i] = StepRule.MakeExact(x[i], steps[n + i] / 10);
                restarts[next++] = i;
            }
            size = next;
        }
        return evaluations;
    }

    /// <summary>One level of a group's sequence: its fixed stencil on the level's steps; each
    /// output's largest finite |f| on the level goes to <paramref name="rowScales"/> (after the last
    /// level, f's size near x), the scale a derivative near 0 is judged converged against.</summary>
    private readonly ref struct GroupLevels(FunctionSource f, ReadOnlySpan<double> x, Stencil stencil, AxisGroup group, double[] steps,
        Backend backend, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation, Span<double> rowScales) : ILevelEstimates
    {
        private readonly ReadOnlySpan<double> x = x;
        private readonly Span<double> rowScales = rowScales;
        private readonly Span<double> rowRounding = RunRounding(workspace, rowScales.Length);

        private static Span<double> RunRounding(Workspace workspace, int m)
        {
            var rounding = workspace.Span(Workspace.Slot.RowRounding, m);
            rounding.Clear();
            return rounding;
        }

        public int Evaluate(double factor, Span<double> estimate, out double functionScale, out bool finiteValues)
        {
            // Each level's own |f|, so that the last level's is the rows' size near x (see Extrapolation.Run).
            rowScales.Clear();
            var points = Fixed(f, x, stencil, group, steps, estimate, backend, options, workspace, cancellation, out functionScale, out finiteValues,
                rowScales);
            for (var k = 0; k < rowScales.Length; k++) rowRounding[k] = Math.Max(rowRounding[k], rowScales[k]);
            return points;
        }

        /// <summary>Entry (k, i) is rounded at output k's largest |f| of the run.</summary>
        public double RoundingScale(int entry, double functionScale) => rowRounding[entry / x.Length];

        /// <summary>Entry (k, i)'s first step hᵢ.</summary>
        public double RoundingDivisor(int entry) => steps[x.Length + entry % x.Length];
    }

    /// <summary>The gradient's hot loop, without the general plan's per-point decoding (a division
    /// and a struct per point), which for a cheap function is a noticeable part of the cost. Fully
    /// optimised at once: the on-stack-replacement version tiering produced ran 2.5× slower.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void EvaluateAxes(ScalarFunction f, ReadOnlySpan<double> x, double[] offsets, double[] steps, AxisGroup group,
        Span<double> values, Span<double> point, Span<double> centre, bool evaluateCentre, CancellationToken cancellation)
    {
        x.CopyTo(point);
        var coordinates = group.Coordinates;
        var first = group.Start;
        var k = 0;
        foreach (var offset in offsets)
        {
            cancellation.ThrowIfCancellationRequested();
            if (offset == 0)
            {
                // x itself, the same point for every coordinate, group and level: evaluated by the first that needs it.
                if (evaluateCentre) centre[0] = f(point);
                if (group.Size > 0) values.Slice(k, group.Size).Fill(centre[0]);
                k += group.Size;
                continue;
            }
            for (var g = 0; g < group.Size; g++, k++)
            {
                var i = coordinates is null ? g : coordinates[first + g];
                point[i] = x[i] + offset * steps[i];
                values[k] = f(point);
                point[i] = x[i];
            }
        }
        cancellation.ThrowIfCancellationRequested(); // a token that fired during the last axis sweep
    }

    /// <summary>The largest finite |value|, and whether every value was finite.</summary>
    internal static double MaxAbsFinite(ReadOnlySpan<double> values, out bool allFinite)
    {
        var max = 0.0;
        allFinite = true;
        foreach (var v in values)
        {
            if (!double.IsFinite(v)) allFinite = false;
            else if (Math.Abs(v) > max) max = Math.Abs(v);
        }
        return max;
    }
}
