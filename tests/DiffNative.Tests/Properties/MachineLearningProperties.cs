using CsCheck;
using static DiffNative.Tests.Properties.Inputs;

namespace DiffNative.Tests.Properties;

/// <summary>Properties of the activations, softmax and losses over generated kinds (undefined
/// ones too), parameters, inputs with NaN and ±∞, row lengths and outputs (short, in place, partly
/// over an input): the <see cref="Contract"/> on every backend.</summary>
public class MachineLearningProperties
{
    internal enum ActivationCall
    {
        Apply,
        Derivative,
        ApplyWithDerivative,
        Backward,
    }

    internal sealed record ActivationCase(ActivationCall Call, int Kind, double Alpha, double[] X, int Slack, Placement Placement, int Shift, int SecondSlack, bool SecondOverFirst);

    private static readonly string[] ActivationNames = ["Kind", "Alpha", "x", "destination", "derivative", "value", "gradient", "upstream"];

    private static readonly Gen<ActivationCase> Activations =
        from call in Gen.Enum<ActivationCall>()
        from kind in Gen.Frequency((12, Gen.Int[0, 9]), (1, Gen.OneOf(-1, 10, 99)))
        from alpha in Gen.Frequency((6, Gen.Double[-2, 2]), (1, Gen.OneOf(Special)))
        from n in Length
        from x in Inputs.Array(n, Value)
        from slack in Slack
        from placement in Gen.Frequency((6, Gen.Const(Placement.Separate)), (3, Gen.Const(Placement.SameStart)), (2, OutputPlacement))
        from shift in Gen.Int[0, 200]
        from secondSlack in Slack
        from secondOverFirst in Gen.Frequency((8, Gen.Const(false)), (1, Gen.Const(true)))
        select new ActivationCase(call, kind, alpha, x, slack, placement, shift, secondSlack, secondOverFirst);

    [Fact]
    public void ActivationsKeepTheirContract() => Property.Check(nameof(ActivationsKeepTheirContract), Activations, c =>
    {
        var (arrays, x, first) = Contract.Place(c.X, c.X.Length + c.Slack, c.Placement, c.Shift);
        // The second span: the derivative of ApplyWithDerivative or the upstream of Backward,
        // separate, or over the first output.
        var secondLength = Math.Max(0, c.X.Length + c.SecondSlack);
        var second = c.SecondOverFirst && first.Length > 0
            ? first with { Length = Math.Min(first.Length, secondLength) }
            : new Region(arrays.Length, 0, secondLength);
        if (second.Array == arrays.Length) arrays = [.. arrays, Contract.Sentinels(secondLength).Select(v => -v * 1e70).ToArray()];
        var activation = new Activation((ActivationKind)c.Kind, c.Alpha);
        Region[] outputs = c.Call == ActivationCall.ApplyWithDerivative ? [first, second] : [first];
        Contract.Check(arrays, c.Call == ActivationCall.Backward ? [x, second] : [x], outputs, ActivationNames, (a, b) =>
        {
            switch (c.Call)
            {
                case ActivationCall.Apply: activation.Apply(x.Of(a), first.Of(a), b); break;
                case ActivationCall.Derivative: activation.Derivative(x.Of(a), first.Of(a), b); break;
                case ActivationCall.ApplyWithDerivative: activation.ApplyWithDerivative(x.Of(a), first.Of(a), second.Of(a), b); break;
                case ActivationCall.Backward: activation.Backward(x.Of(a), second.Of(a), first.Of(a), b); break;
            }
        });
    }, cases: 1_200);

    internal sealed record SoftmaxCase(int Call, int? RowLength, double[] X, int Slack, Placement Placement, int Shift, int UpstreamSlack);

    private static readonly Gen<SoftmaxCase> Softmaxes =
        from call in Gen.Int[0, 3]
        from n in Length
        from x in Inputs.Array(n, Gen.Frequency((8, Gen.Double[-30, 30]), (1, Value)))
        from rowLength in Gen.Frequency((3, Gen.Const((int?)null)), (4, Gen.Int[1, 9].Select(r => (int?)r)), (1, Gen.OneOf<int?>(0, -1, n + 1)))
        from slack in Slack
        from placement in OutputPlacement
        from shift in Gen.Int[0, 200]
        from upstreamSlack in Gen.Frequency((6, Gen.Const(0)), (1, Gen.Int[-2, 2]))
        select new SoftmaxCase(call, rowLength, x, slack, placement, shift, upstreamSlack);

    [Fact]
    public void SoftmaxKeepsItsContract() => Property.Check(nameof(SoftmaxKeepsItsContract), Softmaxes, c =>
    {
        var (arrays, x, output) = Contract.Place(c.X, c.X.Length + c.Slack, c.Placement, c.Shift);
        var upstream = new Region(arrays.Length, 0, Math.Max(0, c.X.Length + c.UpstreamSlack));
        arrays = [.. arrays, Enumerable.Range(0, upstream.Length).Select(i => Math.Sin(i) * 3).ToArray()];
        Contract.Check(arrays, [x, upstream], [output], ["x", "destination", "rowLength", "output", "upstream", "gradient"], (a, b) =>
        {
            switch (c.Call)
            {
                case 0: Softmax.Apply(x.Of(a), output.Of(a), c.RowLength, b); break;
                case 1: Softmax.ApplyLog(x.Of(a), output.Of(a), c.RowLength, b); break;
                case 2: Softmax.Backward(x.Of(a), upstream.Of(a), output.Of(a), c.RowLength, b); break;
                default: Softmax.BackwardLog(x.Of(a), upstream.Of(a), output.Of(a), c.RowLength, b); break;
            }
        });
    }, cases: 1_000);

    internal sealed record LossCase(int Loss, double[] Predictions, double[] Targets, int GradientLength, bool GradientOverPredictions,
        int Classes, double Parameter, int Reduction);

    private static readonly Gen<LossCase> LossCases =
        from loss in Gen.Int[0, 8]
        from n in Gen.Frequency((10, Gen.Int[0, 24]), (1, Gen.OneOf(70, 129)))
        from predictions in Inputs.Array(n, Gen.Frequency((6, Gen.Double[-3, 3]), (3, Gen.Double.Unit), (1, Value)))
        from targetLength in Gen.Frequency((8, Gen.Const(n)), (1, Gen.Int[0, n + 2]))
        from targets in Inputs.Array(targetLength, Gen.Frequency((4, Gen.OneOf(0.0, 1.0, -1.0)), (4, Gen.Double.Unit), (1, Value)))
        from gradient in Gen.Frequency((3, Gen.Const(0)), (6, Gen.Const(n)), (1, Gen.Int[0, n + 2]))
        from over in Gen.Frequency((8, Gen.Const(false)), (1, Gen.Const(true)))
        from classes in Gen.Frequency((6, Gen.Int[1, 4]), (1, Gen.OneOf(0, -1, 7)))
        from parameter in Gen.Frequency((6, Gen.Double[1e-13, 0.49]), (1, Gen.OneOf(Special)), (1, Gen.OneOf(0.5, 1.0, 2.0)))
        from reduction in Gen.Frequency((8, Gen.Int[0, 1]), (1, Gen.OneOf(-1, 2)))
        select new LossCase(loss, predictions, targets, gradient, over, classes, parameter, reduction);

    [Fact]
    public void LossesKeepTheirContract() => Property.Check(nameof(LossesKeepTheirContract), LossCases, c =>
    {
        double[][] arrays = [(double[])c.Predictions.Clone(), (double[])c.Targets.Clone(), Contract.Sentinels(c.GradientLength)];
        var predictions = new Region(0, 0, c.Predictions.Length);
        var targets = new Region(1, 0, c.Targets.Length);
        var gradient = c.GradientOverPredictions ? predictions with { Length = Math.Min(c.GradientLength, c.Predictions.Length) } : new Region(2, 0, c.GradientLength);
        var reduction = (LossReduction)c.Reduction;
        Contract.Check(arrays, [predictions, targets], [gradient],
            ["predictions", "targets", "probabilities", "logits", "predicted", "target", "scores", "labels", "gradient", "classes", "delta", "epsilon", "reduction"],
            (a, unused) =>
            {
                var p = predictions.Of(a);
                var t = targets.Of(a);
                var g = gradient.Of(a);
                _ = c.Loss switch
                {
                    0 => Losses.MeanSquaredError(p, t, g, reduction),
                    1 => Losses.MeanAbsoluteError(p, t, g, reduction),
                    2 => Losses.Huber(p, t, g, c.Parameter, reduction),
                    3 => Losses.BinaryCrossEntropy(p, t, g, c.Parameter, reduction),
                    4 => Losses.BinaryCrossEntropyWithLogits(p, t, g, reduction),
                    5 => Losses.CategoricalCrossEntropy(p, t, c.Classes, g, c.Parameter, reduction),
                    6 => Losses.CategoricalCrossEntropyWithLogits(p, t, c.Classes, g, reduction),
                    7 => Losses.KlDivergence(p, t, c.Classes, g, reduction),
                    _ => Losses.Hinge(p, t, g, reduction),
                };
            }, backends: Contract.OneCall);
    }, cases: 1_200);
}
