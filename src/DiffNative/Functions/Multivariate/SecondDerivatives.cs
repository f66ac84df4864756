namespace DiffNative;

/// <summary>Hessians from function values: true second-difference stencils with their own
/// ε^(1/4)-scaled steps (a ∛ε step, as Math.NET uses, leaves an error near ε^(1/3) instead of
/// ε^(1/2)), the diagonal alone, and Hessian-vector products.</summary>
internal static class SecondDerivatives
{
    private const int AdaptiveLevels = 6;

    /// <summary>ε^(1/4): the error balance of a second-order stencil for a second derivative.</summary>
    internal static double BaseStep => StepRule.BaseStep(2, 2);

    /// <summary>The dense Hessian with the given steps; 2n² + 1 evaluations.</summary>
    private static int FixedHessian(in FunctionSource f, ReadOnlySpan<double> x, double[] steps, Span<double> hessian, Backend backend,
        DifferentiationOptions options, Workspace workspace, CancellationToken cancellation, out double functionScale, out bool finiteValues)
    {
        var n = x.Length;
        var pairs = n * (n - 1) / 2;
        var pairIndices = workspace.Indices(2 * pairs);
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
            var steps = workspace.Array(Workspace.Slot.Steps, n);
            if (!options.Adaptive)
            {
                StepSetup.Fill(backend, x, options, BaseStep, steps.AsSpan(0, n));
                var evaluations = FixedHessian(f, x, steps, hessian, backend, options, workspace, cancellation, out _, out _);
                return new DifferentiationInfo(evaluations, StepSetup.Check(hessian[..(n * n)]));
            }
            return AdaptiveHessian(f, x, hessian, errors, steps, backend, options, workspace, cancellation);
        }
        finally
        {
            Workspace.Return(workspace);
        }
    }

    private static DifferentiationInfo AdaptiveHessian(in FunctionSource f, ReadOnlySpan<double> x, Span<double> hessian, Span<double> errors,
        double[] steps, Backend backend, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation)
    {
        var n = x.Length;
        var count = n * n;
        var firstSteps = new double[n];
        StepSetup.Fill(backend, x, options, 0.1, firstSteps);
        var previous = workspace.Span(Workspace.Slot.TablePrevious, AdaptiveLevels * count);
        var current = workspace.Span(Workspace.Slot.TableCurrent, AdaptiveLevels * count);
        var error = workspace.Span(Workspace.Slot.Errors, count);
        var estimate = workspace.Span(Workspace.Slot.Estimate, count);
        var best = hessian[..count];
        var bestLevel = new double[count];
        var evaluations = 0;
        var scale = 0.0;
        var nonFinite = false; // a value extrapolation did not use still means f was not finite near x
        for (var level = 0; level < AdaptiveLevels; level++)
        {
            StepSetup.Shrink(x, firstSteps, Math.Pow(VectorRichardson.Shrink, -level), steps.AsSpan(0, n));
            evaluations += FixedHessian(f, x, steps, estimate, backend, options, workspace, cancellation, out var levelScale, out var finite);
            scale = Math.Max(scale, levelScale);
            nonFinite |= !finite;
            estimate.CopyTo(current);
            VectorRichardson.Update(backend, count, level, previous, current, best, error, bestLevel);
            var swap = previous; previous = current; current = swap;
        }
        for (var e = 0; e < count; e++)
        {
            var shrink = Math.Pow(VectorRichardson.Shrink, -(int)bestLevel[e]);
            int i = e / n, j = e % n;
            error[e] += 16 * StepRule.MachineEpsilon * scale / (firstSteps[i] * shrink * firstSteps[j] * shrink);
        }
        if (!errors.IsEmpty) error.CopyTo(errors);
        return new DifferentiationInfo(evaluations, nonFinite ? DerivativeStatus.NonFinite : StepSetup.Check(best));
    }

    /// <summary>The Hessian's diagonal from second-derivative stencils along each axis: 1 + 2n
    /// evaluations at accuracy 2.</summary>
    internal static DifferentiationInfo Diagonal(in FunctionSource f, ReadOnlySpan<double> x, Span<double> diagonal,
        DifferentiationOptions options, CancellationToken cancellation)
    {
        var backend = DiffNativeRuntime.Resolve(options.Backend);
        var n = x.Length;
        var stencil = Stencils.Get(DifferenceScheme.Central, 2, options.Scheme == DifferenceScheme.Central ? options.Accuracy : 2);
        var workspace = Workspace.Rent();
        try
        {
            var steps = workspace.Array(Workspace.Slot.Steps, n);
            StepSetup.Fill(backend, x, options, StepRule.BaseStep(2, stencil.Accuracy), steps.AsSpan(0, n));
            // Evaluate the centre once and every non-zero offset along each axis.
            var offsets = stencil.ActiveOffsets;
            var outer = stencil.OuterOffsets;
            var plan = new DiagonalPlan(outer, steps, n);
            var raw = workspace.Span(Workspace.Slot.Scratch, plan.Count);
            f.Evaluate(plan, 0, plan.Count, x, default, raw, options, workspace, cancellation);
            var values = workspace.Span(Workspace.Slot.Values, offsets.Length * n);
            for (int j = 0, o = 0; j < offsets.Length; j++)
            {
                var row = values.Slice(j * n, n);
                if (offsets[j] == 0) row.Fill(raw[0]);
                else raw.Slice(1 + o++ * n, n).CopyTo(row);
            }
            DifferenceKernels.Combine(backend, values, n, stencil.ActiveWeights, steps.AsSpan(0, n), 2, diagonal[..n]);
            return new DifferentiationInfo(plan.Count, StepSetup.Check(diagonal[..n]));
        }
        finally
        {
            Workspace.Return(workspace);
        }
    }

    /// <summary>H·v from 4n evaluations: Hv_i = (((f⁺⁺ − f⁺⁻) − f⁻⁺) + f⁻⁻)/((4t)kᵢ) with
    /// f^{±±} = f(x ± t·v ± kᵢeᵢ), t and kᵢ ε^(1/4)-scaled.</summary>
    internal static DifferentiationInfo HessianVectorProduct(in FunctionSource f, ReadOnlySpan<double> x, ReadOnlySpan<double> v,
        Span<double> product, DifferentiationOptions options, CancellationToken cancellation)
    {
        var backend = DiffNativeRuntime.Resolve(options.Backend);
        var n = x.Length;
        var workspace = Workspace.Rent();
        try
        {
            var steps = workspace.Array(Workspace.Slot.Steps, n);
            StepSetup.Fill(backend, x, options, BaseStep, steps.AsSpan(0, n));
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
                return new DifferentiationInfo(0, DerivativeStatus.Ok);
            }
            var t = BaseStep * xscale / vmax;
            var plan = new DirectionPlan(t, steps, n);
            var values = workspace.Span(Workspace.Slot.Values, plan.Count);
            f.Evaluate(plan, 0, plan.Count, x, v, values, options, workspace, cancellation);
            // (((pp − pm) − mp) + mm)/((4t)·kᵢ) through the combination kernel: weights ±1 sum in
            // that order, and the divisor is folded into the step of each entry.
            var divisors = workspace.Span(Workspace.Slot.Estimate, n);
            for (var i = 0; i < n; i++) divisors[i] = (4.0 * t) * steps[i];
            DifferenceKernels.Combine(backend, values, n, HvpWeights, divisors, 1, product[..n]);
            return new DifferentiationInfo(plan.Count, StepSetup.Check(product[..n]));
        }
        finally
        {
            Workspace.Return(workspace);
        }
    }

    private static readonly double[] HvpWeights = [1.0, -1.0, -1.0, 1.0];
}
