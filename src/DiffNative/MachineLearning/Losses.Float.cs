namespace DiffNative.MachineLearning;

// The float overloads: predictions and targets are widened to double, the double loss runs on
// them, and the loss and every gradient entry are rounded once to float. Inputs are checked on
// the float spans first (lengths, overlap), so a bad float gradient is refused untouched; the
// widened copies live in pooled arrays, so steady-state calls allocate nothing.
public static partial class Losses
{
    private enum FloatLoss { MeanSquared, MeanAbsolute, Huber, BinaryCrossEntropy, BinaryWithLogits, Categorical, CategoricalWithLogits, KlDivergence, Hinge }

    /// <summary>The float <see cref="MeanSquaredError(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, LossReduction)"/>:
    /// computed in double, the loss and gradient rounded once to float.</summary>
    public static float MeanSquaredError(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, Span<float> gradient = default,
        LossReduction reduction = LossReduction.Mean) =>
        Widened(FloatLoss.MeanSquared, predictions, targets, gradient, reduction);

    /// <summary>The float <see cref="MeanAbsoluteError(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, LossReduction)"/>.</summary>
    public static float MeanAbsoluteError(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, Span<float> gradient = default,
        LossReduction reduction = LossReduction.Mean) =>
        Widened(FloatLoss.MeanAbsolute, predictions, targets, gradient, reduction);

    /// <summary>The float <see cref="Huber(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, double, LossReduction)"/>.</summary>
    public static float Huber(ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, Span<float> gradient = default,
        double delta = 1.0, LossReduction reduction = LossReduction.Mean) =>
        Widened(FloatLoss.Huber, predictions, targets, gradient, reduction, parameter: delta);

    /// <summary>The float <see cref="BinaryCrossEntropy(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, double, LossReduction)"/>
    /// (the clamp ε applies to the widened probabilities).</summary>
    public static float BinaryCrossEntropy(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets, Span<float> gradient = default,
        double epsilon = DefaultEpsilon, LossReduction reduction = LossReduction.Mean) =>
        Widened(FloatLoss.BinaryCrossEntropy, probabilities, targets, gradient, reduction, parameter: epsilon);

    /// <summary>The float <see cref="BinaryCrossEntropyWithLogits(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, LossReduction)"/>:
    /// stable for any float logit.</summary>
    public static float BinaryCrossEntropyWithLogits(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, Span<float> gradient = default,
        LossReduction reduction = LossReduction.Mean) =>
        Widened(FloatLoss.BinaryWithLogits, logits, targets, gradient, reduction);

    /// <summary>The float <see cref="CategoricalCrossEntropy(ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double}, double, LossReduction)"/>.</summary>
    public static float CategoricalCrossEntropy(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> targets, int classes,
        Span<float> gradient = default, double epsilon = DefaultEpsilon, LossReduction reduction = LossReduction.Mean) =>
        Widened(FloatLoss.Categorical, probabilities, targets, gradient, reduction, classes, epsilon);

    /// <summary>The float <see cref="CategoricalCrossEntropyWithLogits(ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double}, LossReduction)"/>:
    /// max-subtracted, with the fused gradient softmax(z)·Σy − y per row.</summary>
    public static float CategoricalCrossEntropyWithLogits(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, int classes,
        Span<float> gradient = default, LossReduction reduction = LossReduction.Mean) =>
        Widened(FloatLoss.CategoricalWithLogits, logits, targets, gradient, reduction, classes);

    /// <summary>The float <see cref="KlDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double}, LossReduction)"/>.</summary>
    public static float KlDivergence(ReadOnlySpan<float> predicted, ReadOnlySpan<float> target, int classes,
        Span<float> gradient = default, LossReduction reduction = LossReduction.Mean) =>
        Widened(FloatLoss.KlDivergence, predicted, target, gradient, reduction, classes, targetsName: nameof(target));

    /// <summary>The float <see cref="Hinge(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, LossReduction)"/>.</summary>
    public static float Hinge(ReadOnlySpan<float> scores, ReadOnlySpan<float> labels, Span<float> gradient = default,
        LossReduction reduction = LossReduction.Mean) =>
        Widened(FloatLoss.Hinge, scores, labels, gradient, reduction, targetsName: nameof(labels));

    private static float Widened(FloatLoss loss, ReadOnlySpan<float> predictions, ReadOnlySpan<float> targets, Span<float> gradient,
        LossReduction reduction, int classes = 1, double parameter = 0.0, string targetsName = "targets")
    {
        Scale(predictions, targets, gradient, reduction, predictions.Length, targetsName);
        var n = predictions.Length;
        var pool = WideningPool.Arrays;
        double[] p = pool.Rent(n), t = pool.Rent(n), g = pool.Rent(gradient.IsEmpty ? 0 : n);
        try
        {
            var pd = p.AsSpan(0, n);
            var td = t.AsSpan(0, n);
            var gd = gradient.IsEmpty ? default : g.AsSpan(0, n);
            for (var i = 0; i < n; i++)
            {
                pd[i] = predictions[i];
                td[i] = targets[i];
            }
            var value = loss switch
            {
                FloatLoss.MeanSquared => MeanSquaredError(pd, td, gd, reduction),
                FloatLoss.MeanAbsolute => MeanAbsoluteError(pd, td, gd, reduction),
                FloatLoss.Huber => Huber(pd, td, gd, parameter, reduction),
                FloatLoss.BinaryCrossEntropy => BinaryCrossEntropy(pd, td, gd, parameter, reduction),
                FloatLoss.BinaryWithLogits => BinaryCrossEntropyWithLogits(pd, td, gd, reduction),
                FloatLoss.Categorical => CategoricalCrossEntropy(pd, td, classes, gd, parameter, reduction),
                FloatLoss.CategoricalWithLogits => CategoricalCrossEntropyWithLogits(pd, td, classes, gd, reduction),
                FloatLoss.KlDivergence => KlDivergence(pd, td, classes, gd, reduction),
                _ => Hinge(pd, td, gd, reduction),
            };
            // written only once the double loss has accepted every argument
            for (var i = 0; i < gd.Length; i++) gradient[i] = (float)gd[i];
            return (float)value;
        }
        finally
        {
            pool.Return(p);
            pool.Return(t);
            pool.Return(g);
        }
    }
}
