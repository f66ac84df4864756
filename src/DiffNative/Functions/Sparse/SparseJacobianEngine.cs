namespace DiffNative;

/// <summary>Compressed evaluation of a sparse Jacobian: one perturbation of all columns of a colour
/// per non-centre stencil point (the centre, when the stencil has one, once), then decompression of
/// every nonzero by the sparse combination kernel. Steps, and with bounds the one-sided stencils
/// and shortened steps, are the dense engine's. A Hessian from a gradient is the Jacobian of the
/// gradient with a star colouring's layout.</summary>
internal static class SparseJacobianEngine
{
    internal static DifferentiationInfo Compute(in FunctionSource f, CompressedLayout layout, ReadOnlySpan<double> x, Span<double> values,
        DifferentiationOptions options, CancellationToken cancellation)
    {
        var backend = DiffNativeRuntime.Resolve(options.Backend);
        var n = x.Length;
        var nonZeros = layout.Sources.Length;
        var workspace = Workspace.Rent();
        try
        {
            var steps = workspace.Array(Workspace.Slot.Steps, n);
            StepSetup.Fill(backend, x, options, StepRule.BaseStep(1, options.Accuracy), steps.AsSpan(0, n));
            if (options.LowerBounds.IsEmpty && options.UpperBounds.IsEmpty)
            {
                var evaluations = Run(f, layout, Stencils.Get(options.Scheme, 1, options.Accuracy), x, steps, values[..nonZeros],
                    backend, options, workspace, cancellation);
                return new DifferentiationInfo(evaluations, StepSetup.Check(values[..nonZeros]));
            }
            return Bounded(f, layout, x, steps, values[..nonZeros], backend, options, workspace, cancellation);
        }
        finally
        {
            Workspace.Return(workspace);
        }
    }

    /// <summary>With bounds, the columns split as the dense engine splits them (central, forward,
    /// backward; steps shortened where no stencil fits) and each group runs with its own stencil,
    /// moving only its own columns: colours split accordingly, and cost grows with the split.</summary>
    private static DifferentiationInfo Bounded(in FunctionSource f, CompressedLayout layout, ReadOnlySpan<double> x, double[] steps,
        Span<double> values, Backend backend, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation)
    {
        var evaluations = 0;
        foreach (var group in AxisGroups.Build(x, steps.AsSpan(0, x.Length), options, options.Accuracy))
        {
            var (part, entries) = layout.Restrict(group.Coordinates!, f.Outputs);
            var stencil = Stencils.Get(group.Scheme, 1, AxisGroups.OneSidedSafe(group.Scheme, options.Accuracy));
            var partValues = new double[entries.Length];
            evaluations += Run(f, part, stencil, x, steps, partValues, backend, options, workspace, cancellation);
            for (var e = 0; e < entries.Length; e++) values[entries[e]] = partValues[e];
        }
        return new DifferentiationInfo(evaluations, StepSetup.Check(values));
    }

    private static int Run(in FunctionSource f, CompressedLayout layout, Stencil stencil, ReadOnlySpan<double> x, double[] steps,
        Span<double> values, Backend backend, DifferentiationOptions options, Workspace workspace, CancellationToken cancellation)
    {
        var m = f.Outputs;
        var colors = layout.Colors;
        var offsets = stencil.ActiveOffsets;
        var outer = stencil.OuterOffsets;
        var centre = outer.Length < offsets.Length;
        var plan = new ColorPlan(outer, steps, layout.ColorPointers, layout.ColorColumns, colors, centre);
        var block = colors * m;
        var raw = workspace.Span(Workspace.Slot.Values, plan.Count * m);
        f.Evaluate(plan, 0, plan.Count, x, default, raw, options, workspace, cancellation);

        // One block of colours × rows per stencil point, in the stencil's order; the shared
        // centre is repeated for every colour so that one kernel call decompresses everything.
        Span<double> blocks = raw;
        if (centre)
        {
            blocks = workspace.Span(Workspace.Slot.Scratch, offsets.Length * block);
            for (int j = 0, o = 0; j < offsets.Length; j++)
            {
                var target = blocks.Slice(j * block, block);
                if (offsets[j] == 0)
                    for (var c = 0; c < colors; c++) raw[..m].CopyTo(target.Slice(c * m, m));
                else
                    raw.Slice(m + o++ * block, block).CopyTo(target);
            }
        }
        DifferenceKernels.SparseCombine(backend, blocks, block, stencil.ActiveWeights, layout.Sources, layout.StepColumns,
            steps.AsSpan(0, x.Length), values);
        return plan.Count;
    }
}
