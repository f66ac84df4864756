namespace DiffNative;

/// <summary>A sparse Hessian from function values: the dense engine's second differences, its
/// ε^(1/4)-scaled steps and its formulas, but only for the structural nonzeros of the upper
/// triangle (4 evaluations each) plus the diagonal (2n + 1): every entry has the dense Hessian's
/// bits.</summary>
internal static class SparseHessianEngine
{
    private static readonly double[] DiagonalWeights = [1.0, 1.0, -2.0];
    private static readonly double[] PairWeights = [1.0, -1.0, -1.0, 1.0];

    internal static DifferentiationInfo Compute(in FunctionSource f, SparsityPattern pattern, ReadOnlySpan<double> x, Span<double> values,
        DifferentiationOptions options, CancellationToken cancellation)
    {
        var backend = DiffNativeRuntime.Resolve(options.Backend);
        var n = x.Length;
        var pairs = (pattern.NonZeros - n) / 2;
        var workspace = Workspace.Rent();
        try
        {
            var steps = workspace.Array(Workspace.Slot.Steps, n);
            StepSetup.Fill(backend, x, options, SecondDerivatives.BaseStep, steps.AsSpan(0, n));
            var pairIndices = workspace.Indices(2 * pairs);
            FillUpperPairs(pattern, pairIndices, pairs);
            var plan = new HessianPlan(steps, pairIndices, n, pairs);
            var raw = workspace.Span(Workspace.Slot.Values, plan.Count);
            f.Evaluate(plan, 0, plan.Count, x, default, raw, options, workspace, cancellation);

            // Diagonal: ((f⁺ + f⁻) − 2f₀)/h² through the combination kernel, weights summed in the
            // dense kernel's order; the centre is repeated so that it forms a block of its own.
            var diagonalBlocks = workspace.Span(Workspace.Slot.Scratch, 3 * n);
            raw.Slice(1, 2 * n).CopyTo(diagonalBlocks);
            diagonalBlocks.Slice(2 * n, n).Fill(raw[0]);
            var diagonal = workspace.Span(Workspace.Slot.Estimate, n + pairs);
            DifferenceKernels.Combine(backend, diagonalBlocks, n, DiagonalWeights, steps.AsSpan(0, n), 2, diagonal[..n]);

            // Pairs: (((f⁺⁺ − f⁺⁻) − f⁻⁺) + f⁻⁻)/((4hᵢ)hⱼ), the divisor folded into a per-pair step.
            var offDiagonal = diagonal.Slice(n, pairs);
            if (pairs > 0)
            {
                var divisors = workspace.Span(Workspace.Slot.Errors, pairs);
                for (var p = 0; p < pairs; p++) divisors[p] = (4.0 * steps[pairIndices[p]]) * steps[pairIndices[pairs + p]];
                DifferenceKernels.Combine(backend, raw[(1 + 2 * n)..], pairs, PairWeights, divisors, 1, offDiagonal);
            }
            Scatter(pattern, diagonal[..n], offDiagonal, values);
            return new DifferentiationInfo(plan.Count, StepSetup.Check(values[..pattern.NonZeros]));
        }
        finally
        {
            Workspace.Return(workspace);
        }
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
