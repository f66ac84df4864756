using System.Numerics;

namespace DiffNative.MachineLearning;

/// <summary>The classification head of a network: softmax over each row of logits with
/// categorical cross-entropy, averaged over rows. The softmax is not a layer of its own: the fused
/// gradient ∂L/∂z = (softmax(z) − y)/rows is exact and stable where chaining softmax's Jacobian with
/// −y/p would divide by probabilities that underflow.</summary>
public static class SoftmaxCrossEntropy
{
    /// <summary>The mean loss over the rows, and ∂loss/∂logits into <paramref name="gradient"/>
    /// (see <see cref="Losses.CategoricalCrossEntropyWithLogits(ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double}, LossReduction)"/>).</summary>
    /// <param name="logits">rows × <paramref name="classes"/> network outputs.</param>
    /// <param name="targets">One-hot (or probability) rows of the same shape.</param>
    /// <param name="classes">Values per row.</param>
    /// <param name="gradient">As long as the logits, or empty for the loss alone.</param>
    public static double Loss(ReadOnlySpan<double> logits, ReadOnlySpan<double> targets, int classes, Span<double> gradient = default) =>
        Losses.CategoricalCrossEntropyWithLogits(logits, targets, classes, gradient);

    /// <summary>The mean loss over float rows and ∂loss/∂logits into <paramref name="gradient"/>:
    /// the float <see cref="Losses.CategoricalCrossEntropyWithLogits(ReadOnlySpan{float}, ReadOnlySpan{float}, int, Span{float}, LossReduction)"/>
    /// (computed in double, rounded once; nothing allocated in steady state).</summary>
    /// <inheritdoc cref="Loss(ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double})" path="/param"/>
    public static float Loss(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, int classes, Span<float> gradient = default) =>
        Losses.CategoricalCrossEntropyWithLogits(logits, targets, classes, gradient);

    /// <summary>Class probabilities, softmax of each row.</summary>
    /// <param name="logits">rows × <paramref name="classes"/> values.</param>
    /// <param name="probabilities">As long as the logits; must not overlap them.</param>
    /// <param name="classes">Values per row.</param>
    public static void Probabilities(ReadOnlySpan<double> logits, Span<double> probabilities, int classes) =>
        Softmax.Apply(logits, probabilities, classes);

    /// <summary>Class probabilities of float logits, softmax of each row (within 1 float ulp).</summary>
    /// <inheritdoc cref="Probabilities(ReadOnlySpan{double}, Span{double}, int)" path="/param"/>
    public static void Probabilities(ReadOnlySpan<float> logits, Span<float> probabilities, int classes) =>
        Softmax.Apply(logits, probabilities, classes);

    /// <summary>The predicted class of one row: the index of its largest logit (the first on a tie).</summary>
    public static int PredictedClass(ReadOnlySpan<double> row) => PredictedClassOf(row);

    /// <summary>The predicted class of one float row: the index of its largest logit (the first on a tie).</summary>
    public static int PredictedClass(ReadOnlySpan<float> row) => PredictedClassOf(row);

    /// <summary>How many rows' predicted class is the target's largest entry (its class for one-hot rows).</summary>
    /// <param name="logits">rows × <paramref name="classes"/> values.</param>
    /// <param name="targets">The same shape.</param>
    /// <param name="classes">Values per row, at least 1.</param>
    public static int CountCorrect(ReadOnlySpan<double> logits, ReadOnlySpan<double> targets, int classes) =>
        CountCorrectOf(logits, targets, classes);

    /// <summary>How many float rows' predicted class is the target's largest entry.</summary>
    /// <inheritdoc cref="CountCorrect(ReadOnlySpan{double}, ReadOnlySpan{double}, int)" path="/param"/>
    public static int CountCorrect(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, int classes) =>
        CountCorrectOf(logits, targets, classes);

    /// <summary>The loss of the element type's overload, as a double (the training loop's).</summary>
    internal static double LossOf<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> targets, int classes, Span<T> gradient)
        where T : struct, IFloatingPointIeee754<T> =>
        NetworkPrecision<T>.IsDouble
            ? Loss(NetworkPrecision<T>.AsDouble(logits), NetworkPrecision<T>.AsDouble(targets), classes, NetworkPrecision<T>.AsDouble(gradient))
            : Loss(NetworkPrecision<T>.AsSingle(logits), NetworkPrecision<T>.AsSingle(targets), classes, NetworkPrecision<T>.AsSingle(gradient));

    private static int PredictedClassOf<T>(ReadOnlySpan<T> row) where T : struct, IFloatingPointIeee754<T>
    {
        var best = 0;
        for (var k = 1; k < row.Length; k++)
            if (row[k] > row[best]) best = k;
        return best;
    }

    internal static int CountCorrectOf<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> targets, int classes) where T : struct, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (logits.Length != targets.Length || logits.Length % classes != 0)
            throw new ArgumentException($"{logits.Length} logits and {targets.Length} targets are not the same whole rows of {classes}.", nameof(targets));
        var correct = 0;
        for (var r = 0; r < logits.Length / classes; r++)
            if (PredictedClassOf(logits.Slice(r * classes, classes)) == PredictedClassOf(targets.Slice(r * classes, classes))) correct++;
        return correct;
    }
}
