using System.Numerics;

namespace DiffNative;

// The float head, for networks that train in float, and the dispatch by element type that the
// shared training code calls.
public static partial class SoftmaxCrossEntropy
{
    /// <summary>The mean loss over float rows and ∂loss/∂logits into <paramref name="gradient"/>:
    /// the float <see cref="Losses.CategoricalCrossEntropyWithLogits(ReadOnlySpan{float}, ReadOnlySpan{float}, int, Span{float}, LossReduction)"/>
    /// (computed in double, rounded once; nothing allocated in steady state).</summary>
    /// <param name="logits">rows × <paramref name="classes"/> network outputs.</param>
    /// <param name="targets">One-hot (or probability) rows of the same shape.</param>
    /// <param name="classes">Values per row.</param>
    /// <param name="gradient">As long as the logits, or empty for the loss alone.</param>
    public static float Loss(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, int classes, Span<float> gradient = default) =>
        Losses.CategoricalCrossEntropyWithLogits(logits, targets, classes, gradient);

    /// <summary>Class probabilities of float logits, softmax of each row (within 1 float ulp).</summary>
    /// <param name="logits">rows × <paramref name="classes"/> values.</param>
    /// <param name="probabilities">As long as the logits; must not overlap them.</param>
    /// <param name="classes">Values per row.</param>
    public static void Probabilities(ReadOnlySpan<float> logits, Span<float> probabilities, int classes) =>
        Softmax.Apply(logits, probabilities, classes);

    /// <summary>The predicted class of one float row: the index of its largest logit (the first on a tie).</summary>
    public static int PredictedClass(ReadOnlySpan<float> row) => PredictedClassOf(row);

    /// <summary>How many float rows' predicted class is the target's largest entry.</summary>
    /// <param name="logits">rows × <paramref name="classes"/> values.</param>
    /// <param name="targets">The same shape.</param>
    /// <param name="classes">Values per row, at least 1.</param>
    public static int CountCorrect(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, int classes) =>
        CountCorrectOf(logits, targets, classes);

    /// <summary>The loss of the element type's overload, as a double.</summary>
    internal static double LossOf<T>(ReadOnlySpan<T> logits, ReadOnlySpan<T> targets, int classes, Span<T> gradient)
        where T : struct, IFloatingPointIeee754<T> =>
        NetworkPrecision<T>.IsDouble
            ? Loss(NetworkPrecision<T>.AsDouble(logits), NetworkPrecision<T>.AsDouble(targets), classes, NetworkPrecision<T>.AsDouble(gradient))
            : Loss(NetworkPrecision<T>.AsSingle(logits), NetworkPrecision<T>.AsSingle(targets), classes, NetworkPrecision<T>.AsSingle(gradient));
}
