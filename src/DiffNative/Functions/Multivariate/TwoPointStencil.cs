namespace DiffNative;

/// <summary>A first-derivative stencil with two evaluated points (central of accuracy 2, forward
/// and backward of accuracy 1), with the base step of its accuracy: everything the gradient loop
/// reads of the options' scheme, in one object looked up once per call. Fetching the stencil, its
/// two arrays and the step table separately cost a few nanoseconds per call, which at n = 10 is a
/// few per cent of a cheap function's gradient.</summary>
internal sealed class TwoPointStencil
{
    private TwoPointStencil(Stencil stencil, double baseStep)
    {
        (Offset0, Offset1) = (stencil.ActiveOffsets[0], stencil.ActiveOffsets[1]);
        (Weight0, Weight1) = (stencil.ActiveWeights[0], stencil.ActiveWeights[1]);
        BaseStep = baseStep;
    }

    internal readonly double Offset0, Offset1, Weight0, Weight1, BaseStep;

    /// <summary>Whether one of the two points is x itself (forward and backward), evaluated once per gradient.</summary>
    internal bool OneSided => Offset0 == 0 || Offset1 == 0;

    // By Stencils.FirstDerivativeKey; null where the stencil has more points.
    private static readonly TwoPointStencil?[] ByOptions = Build();

    /// <summary>The two-point stencil for validated options, or null when theirs has more points.</summary>
    internal static TwoPointStencil? For(DifferenceScheme scheme, int accuracy) => ByOptions[Stencils.FirstDerivativeKey(scheme, accuracy)];

    private static TwoPointStencil?[] Build()
    {
        var table = new TwoPointStencil?[Stencils.FirstDerivativeKeys];
        foreach (var scheme in (DifferenceScheme[])[DifferenceScheme.Central, DifferenceScheme.Forward, DifferenceScheme.Backward])
            for (var accuracy = 1; accuracy <= 8; accuracy++)
            {
                if (!Stencils.IsSupportedAccuracy(scheme, accuracy)) continue;
                var stencil = Stencils.FirstDerivative(scheme, AxisGroups.OneSidedSafe(scheme, accuracy));
                if (stencil.ActiveOffsets.Length == 2)
                    table[Stencils.FirstDerivativeKey(scheme, accuracy)] = new TwoPointStencil(stencil, StepRule.BaseStep(1, accuracy));
            }
        return table;
    }
}
