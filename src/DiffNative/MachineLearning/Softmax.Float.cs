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
        Forward<FloatKernels, float>(false, x, destination, rowLength, backend);

    /// <summary>Log-softmax of float logits over each row, computed in double and rounded once.</summary>
    /// <inheritdoc cref="Apply(ReadOnlySpan{float}, Span{float}, int?, Backend?)" path="/param"/>
    public static void ApplyLog(ReadOnlySpan<float> x, Span<float> destination, int? rowLength = null, Backend? backend = null) =>
        Forward<FloatKernels, float>(true, x, destination, rowLength, backend);

    /// <summary>The backward pass of the float <see cref="Apply(ReadOnlySpan{float}, Span{float}, int?, Backend?)"/>:
    /// y ⊙ (upstream − upstream·y) per row, in double, rounded once.</summary>
    /// <param name="output">The forward output y.</param>
    /// <param name="upstream">∂L/∂y, as long as y.</param>
    /// <param name="gradient">Receives ∂L/∂x; may be output or upstream itself, not partly overlap them.</param>
    /// <param name="rowLength">Values per row; null for one row.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    public static void Backward(ReadOnlySpan<float> output, ReadOnlySpan<float> upstream, Span<float> gradient,
        int? rowLength = null, Backend? backend = null) =>
        BackwardCore<FloatKernels, float>(false, output, upstream, gradient, rowLength, backend);

    /// <summary>The backward pass of the float <see cref="ApplyLog(ReadOnlySpan{float}, Span{float}, int?, Backend?)"/>:
    /// upstream − e^y·Σupstream per row, in double, rounded once.</summary>
    /// <inheritdoc cref="Backward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, int?, Backend?)" path="/param"/>
    public static void BackwardLog(ReadOnlySpan<float> output, ReadOnlySpan<float> upstream, Span<float> gradient,
        int? rowLength = null, Backend? backend = null) =>
        BackwardCore<FloatKernels, float>(true, output, upstream, gradient, rowLength, backend);

    private readonly struct FloatKernels : IKernels<float>
    {
        public static void NativeForward(Isa? isa, bool logForm, ReadOnlySpan<float> x, int rows, int cols, Span<float> y) =>
            NativeCore.SoftmaxF32(isa, logForm, x, rows, cols, y);

        public static void ReferenceForward(bool logForm, ReadOnlySpan<float> x, int cols, Span<float> y) =>
            FloatReference.SoftmaxForward(logForm, x, cols, y);

        public static void NativeBackward(Isa? isa, bool logForm, ReadOnlySpan<float> y, ReadOnlySpan<float> upstream, int rows, int cols,
            Span<float> dx) => NativeCore.SoftmaxBackwardF32(isa, logForm, y, upstream, rows, cols, dx);

        public static void ReferenceBackward(bool logForm, ReadOnlySpan<float> y, ReadOnlySpan<float> upstream, int cols, Span<float> dx) =>
            FloatReference.SoftmaxBackward(logForm, y, upstream, cols, dx);
    }
}
