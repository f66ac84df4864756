namespace DiffNative;

/// <summary>Compressed evaluation of a sparse Jacobian: one perturbation of all columns of a colour
/// per non-centre stencil point (the centre, when the stencil has one, once), then decompression of
/// every nonzero by the sparse combination kernel. Steps are the dense engine's. A Hessian from a
/// gradient is the Jacobian of the gradient with a star colouring's layout.</summary>
internal static class SparseJacobianEngine
{
    internal static DifferentiationInfo Compute(in FunctionSource f, CompressedLayout layout, ReadOnlySpan<double> x, Span<double> values,
        DifferentiationOptions options, CancellationToken cancellation)
    {
        var backend = DiffNativeRuntime.Resolve(options.Backend);
        var n = x.Length;
        var m = f.Outputs;
        var colors = layout.Colors;
        var nonZeros = layout.Sources.Length;
        var stencil = Stencils.Get(options.Scheme, 1, options.Accuracy);
        var offsets = stencil.ActiveOffsets;
        var weights = stencil.ActiveWeights;
        var outer = stencil.OuterOffsets;
        var centre = outer.Length < offsets.Length;
        var workspace = Workspace.Rent();
        try
        {
            var steps = workspace.Array(Workspace.Slot.Steps, n);
            StepSetup.Fill(backend, x, options, StepRule.BaseStep(1, options.Accuracy), steps.AsSpan(0, n));
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
            DifferenceKernels.SparseCombine(backend, blocks, block, weights, layout.Sources, layout.StepColumns,
                steps.AsSpan(0, n), values[..nonZeros]);
            return new DifferentiationInfo(plan.Count, StepSetup.Check(values[..nonZeros]));
        }
        finally
        {
            Workspace.Return(workspace);
        }
    }
}
