namespace DiffNative;

/// <summary>A sparse Hessian from function values: the dense engine's second differences, its
/// ε^(1/4)-scaled steps and its formulas, but only for the structural nonzeros of the upper
/// triangle (4 evaluations each) plus the diagonal (2n + 1): every entry has the dense Hessian's
/// bits. Adaptive runs the dense engine's levels (first steps a tenth of the scale, shrinking by
/// 1.4) and its entry-wise Ridders tableau on those entries only, so each adaptive entry has the
/// adaptive dense Hessian's bits too.</summary>
internal static class SparseHessianEngine
{
    private static readonly double[] DiagonalWeights = [1.0, 1.0, -2.0];
    private static readonly double[] PairWeights = [1.0, -1.0, -1.0, 1.0];

    /// <summary>values (and errors, when not empty and adaptive) in the pattern's CSR order.</summary>
    internal static DifferentiationInfo Compute(in FunctionSource f, SparsityPattern pattern, ReadOnlySpan<double> x, Span<double> values,
        Span<double> errors, DifferentiationOptions options, CancellationToken cancellation)
    {
        var backend = DiffNativeRuntime.Resolve(options.Backend);
        var n = x.Length;
        var pairs = (pattern.NonZeros - n) / 2;
        var entries = n + pairs;
        var workspace = Workspace.Rent();
        try
        {
            // Steps of the current level in [0, n), the adaptive sequence's first steps in [n, 2n).
            var steps = workspace.Array(Workspace.Slot.Steps, 2 * n);
            var pairIndices = workspace.Ints(Workspace.IntSlot.Pairs, 2 * pairs);
            FillUpperPairs(pattern, pairIndices, pairs);
            if (!options.Adaptive)
            {
                SecondDifferenceSteps.Fill(backend, x, options, SecondDerivatives.BaseStep, steps.AsSpan(0, n));
                var compact = workspace.Span(Workspace.Slot.Estimate, entries);
                var evaluations = FixedEntries(f, x, steps, pairIndices, pairs, compact, backend, options, workspace, cancellation, out _, out _);
                Scatter(pattern, compact[..n], compact[n..], values);
                return Checked(f, pattern, x, values, steps, options, workspace, cancellation, evaluations, StepSetup.Check(values[..pattern.NonZeros]));
            }

            var firstSteps = steps.AsSpan(n, n);
            SecondDifferenceSteps.Fill(backend, x, options, SecondDerivatives.AdaptiveFirstStep, firstSteps);
            var levels = new Levels(f, x, steps, pairIndices, pairs, backend, options, workspace, cancellation);
            // The extrapolation holds every workspace slot that the levels leave free, so its
            // compact results go to the front of the caller's spans (values holds n + 2P ≥ n + P)
            // and are copied to freed slots before the scatter to CSR order.
            var compactErrors = errors.IsEmpty ? workspace.Span(Workspace.Slot.KeptErrors, entries) : errors[..entries];
            var adaptiveEvaluations = Extrapolation.Run(ref levels, Tableau.SecondDerivative, x, steps, entries, values[..entries], compactErrors,
                backend, workspace, default, out var nonFinite, out var functionScale);
            // The verdict every adaptive operation gives its entries, on the compact order: the
            // diagonal, then the pairs (i, j).
            var (scale, largest) = AdaptiveStarts.Extent(values[..entries], compactErrors);
            var scales = options.TypicalScales.Span;
            bool notConverged = false, roundingLimited = false;
            for (var e = 0; e < entries; e++)
            {
                var (i, j) = e < n ? (e, e) : (pairIndices[e - n], pairIndices[pairs + e - n]);
                var verdict = AdaptiveStarts.Judge(values[e], compactErrors[e], scale, largest,
                    functionScale / (AdaptiveStarts.Natural(x, scales, i) * AdaptiveStarts.Natural(x, scales, j)));
                notConverged |= verdict == AdaptiveStarts.Verdict.NotConverged;
                roundingLimited |= verdict == AdaptiveStarts.Verdict.RoundingLimited;
            }
            var best = workspace.Span(Workspace.Slot.TablePrevious, entries);
            values[..entries].CopyTo(best);
            Scatter(pattern, best[..n], best[n..], values);
            if (!errors.IsEmpty)
            {
                var estimated = workspace.Span(Workspace.Slot.TableCurrent, entries);
                compactErrors.CopyTo(estimated);
                Scatter(pattern, estimated[..n], estimated[n..], errors);
            }
            return Checked(f, pattern, x, values, steps, options, workspace, cancellation, adaptiveEvaluations,
                AdaptiveStarts.Status(nonFinite, notConverged, roundingLimited, values[..pattern.NonZeros]));
        }
        finally
        {
            Workspace.Return(workspace);
        }
    }

    /// <summary>The result, checked against f when the options ask for it and it is otherwise Ok;
    /// steps[0, n) hold the steps used (an adaptive sequence's smallest).</summary>
    private static DifferentiationInfo Checked(in FunctionSource f, SparsityPattern pattern, ReadOnlySpan<double> x, Span<double> values,
        double[] steps, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation, int evaluations, DerivativeStatus status)
    {
        if (options.CheckPattern && status == DerivativeStatus.Ok)
            status = PatternCheck.Hessian(f, pattern, x, values[..pattern.NonZeros], steps.AsSpan(0, x.Length), options, workspace, cancellation,
                ref evaluations);
        return new DifferentiationInfo(evaluations, status);
    }

    /// <summary>The diagonal into entries[0, n), the pairs into entries[n, n + P), with the steps in
    /// steps[0, n); returns the evaluations. Uses the Values and Scratch slots (and those f's
    /// evaluation uses), none of the extrapolation's.</summary>
    private static int FixedEntries(in FunctionSource f, ReadOnlySpan<double> x, double[] steps, int[] pairIndices, int pairs, Span<double> entries,
        Backend backend, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation, out double functionScale, out bool finiteValues)
    {
        var n = x.Length;
        var plan = new HessianPlan(steps, pairIndices, n, pairs);
        var raw = workspace.Span(Workspace.Slot.Values, plan.Count);
        f.Evaluate(plan, 0, plan.Count, x, default, raw, options, workspace, cancellation);
        functionScale = FirstDerivatives.MaxAbsFinite(raw, out finiteValues);

        // Diagonal: ((f⁺ + f⁻) − 2f₀)/h² through the combination kernel, weights summed in the
        // dense kernel's order; the centre is repeated so that it forms a block of its own.
        var scratch = workspace.Span(Workspace.Slot.Scratch, 3 * n + pairs);
        var diagonalBlocks = scratch[..(3 * n)];
        raw.Slice(1, 2 * n).CopyTo(diagonalBlocks);
        diagonalBlocks.Slice(2 * n, n).Fill(raw[0]);
        DifferenceKernels.Combine(backend, diagonalBlocks, n, DiagonalWeights, steps.AsSpan(0, n), 2, entries[..n]);

        // Pairs: (((f⁺⁺ − f⁺⁻) − f⁻⁺) + f⁻⁻)/((4hᵢ)hⱼ), the divisor folded into a per-pair step.
        if (pairs > 0)
        {
            var divisors = scratch.Slice(3 * n, pairs);
            for (var p = 0; p < pairs; p++) divisors[p] = (4.0 * steps[pairIndices[p]]) * steps[pairIndices[pairs + p]];
            DifferenceKernels.Combine(backend, raw[(1 + 2 * n)..], pairs, PairWeights, divisors, 1, entries.Slice(n, pairs));
        }
        return plan.Count;
    }

    /// <summary>One level of the adaptive sequence: the fixed-step entries with the first steps
    /// (steps[n, 2n)) scaled by the level's factor, exactly as the dense adaptive Hessian's.</summary>
    private readonly ref struct Levels(FunctionSource f, ReadOnlySpan<double> x, double[] steps, int[] pairIndices, int pairs, Backend backend,
        DifferentiationOptions options, Workspace workspace, CancellationToken cancellation) : ILevelEstimates
    {
        private readonly ReadOnlySpan<double> x = x;

        public int Evaluate(double factor, Span<double> estimate, out double functionScale, out bool finiteValues) =>
            FixedEntries(f, x, steps, pairIndices, pairs, estimate, backend, options, workspace, cancellation, out functionScale, out finiteValues);

        /// <summary>hᵢ² for diagonal entry i, hᵢhⱼ for pair (i, j): the dense engine's divisor of
        /// the same entry.</summary>
        public double RoundingDivisor(int entry)
        {
            var n = x.Length;
            if (entry < n) return steps[n + entry] * steps[n + entry];
            var p = entry - n;
            return steps[n + pairIndices[p]] * steps[n + pairIndices[pairs + p]];
        }

        public double RoundingScale(int entry, double functionScale) => functionScale;
    }

    /// <summary>Pairs i &lt; j of the pattern, row by row: i into pairs[0..P), j into pairs[P..2P).</summary>
    private static void FillUpperPairs(SparsityPattern pattern, Span<int> pairs, int count)
    {
        var p = 0;
        for (var i = 0; i < pattern.Rows; i++)
            foreach (var j in pattern.Row(i))
                if (j > i)
                {
                    pairs[p] = i;
                    pairs[count + p] = j;
                    p++;
                }
    }

    /// <summary>Copies (no arithmetic) each entry into CSR order; (j, i) below the diagonal takes
    /// pair (i, j)'s value, found in the same row-by-row order as the pairs were listed.</summary>
    private static void Scatter(SparsityPattern pattern, ReadOnlySpan<double> diagonal, ReadOnlySpan<double> pairValues, Span<double> values)
    {
        var pointers = pattern.RowPointers;
        var columns = pattern.ColumnIndices;
        var p = 0;
        for (var i = 0; i < pattern.Rows; i++)
            for (var k = pointers[i]; k < pointers[i + 1]; k++)
            {
                var j = columns[k];
                if (j == i) values[k] = diagonal[i];
                else if (j > i)
                {
                    values[k] = pairValues[p];
                    values[pattern.IndexOf(j, i)] = pairValues[p];
                    p++;
                }
            }
    }
}
