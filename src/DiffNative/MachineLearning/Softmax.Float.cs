using DiffNative.Interop;
using DiffNative.Reference;

namespace DiffNative;

// The float overloads: the double algorithm on the widened rows, every result rounded once to float
// (within 1 float ulp, the same bits on every backend).
public static partial class Softmax
{
    /// <summary>Softmax of float logits over each row, computed in double and rounded once.</summary>
    /// <param name="x">The logits: whole rows.</param>
    /// <param name="destination">As long as x; must not overlap it.</param>
    /// <param name="rowLength">Values per row; null for one row.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    public static void Apply(ReadOnlySpan<float> x, Span<float> destination, int? rowLength = null, Backend? backend = null) =>
        Forward(false, x, destination, rowLength, backend, NativeCore.SoftmaxF32, FloatReference.SoftmaxForward);

    /// <summary>Log-softmax of float logits over each row, computed in double and rounded once.</summary>
    /// <inheritdoc cref="Apply(ReadOnlySpan{float}, Span{float}, int?, Backend?)" path="/param"/>
    public static void ApplyLog(ReadOnlySpan<float> x, Span<float> destination, int? rowLength = null, Backend? backend = null) =>
        Forward(true, x, destination, rowLength, backend, NativeCore.SoftmaxF32, FloatReference.SoftmaxForward);

    /// <summary>The backward pass of the float <see cref="Apply(ReadOnlySpan{float}, Span{float}, int?, Backend?)"/>:
    /// y ⊙ (upstream − upstream·y) per row, in double, rounded once.</summary>
    /// <param name="output">The forward output y.</param>
    /// <param name="upstream">∂L/∂y, as long as y.</param>
    /// <param name="gradient">Receives ∂L/∂x; may be output or upstream itself, not partly overlap them.</param>
    /// <param name="rowLength">Values per row; null for one row.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    public static void Backward(ReadOnlySpan<float> output, ReadOnlySpan<float> upstream, Span<float> gradient,
        int? rowLength = null, Backend? backend = null) =>
        BackwardCore(false, output, upstream, gradient, rowLength, backend,
            NativeCore.SoftmaxBackwardF32, FloatReference.SoftmaxBackward);

    /// <summary>The backward pass of the float <see cref="ApplyLog(ReadOnlySpan{float}, Span{float}, int?, Backend?)"/>:
    /// upstream − e^y·Σupstream per row, in double, rounded once.</summary>
    /// <inheritdoc cref="Backward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, int?, Backend?)" path="/param"/>
    public static void BackwardLog(ReadOnlySpan<float> output, ReadOnlySpan<float> upstream, Span<float> gradient,
        int? rowLength = null, Backend? backend = null) =>
        BackwardCore(true, output, upstream, gradient, rowLength, backend,
            NativeCore.SoftmaxBackwardF32, FloatReference.SoftmaxBackward);
}
