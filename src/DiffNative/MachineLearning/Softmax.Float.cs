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
        Forward(false, x, destination, rowLength, backend);

    /// <summary>Log-softmax of float logits over each row, computed in double and rounded once.</summary>
    /// <inheritdoc cref="Apply(ReadOnlySpan{float}, Span{float}, int?, Backend?)" path="/param"/>
    public static void ApplyLog(ReadOnlySpan<float> x, Span<float> destination, int? rowLength = null, Backend? backend = null) =>
        Forward(true, x, destination, rowLength, backend);

    /// <summary>The backward pass of the float <see cref="Apply(ReadOnlySpan{float}, Span{float}, int?, Backend?)"/>:
    /// y ⊙ (upstream − upstream·y) per row, in double, rounded once.</summary>
    /// <param name="output">The forward output y.</param>
    /// <param name="upstream">∂L/∂y, as long as y.</param>
    /// <param name="gradient">Receives ∂L/∂x; may be output or upstream itself, not partly overlap them.</param>
    /// <param name="rowLength">Values per row; null for one row.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    public static void Backward(ReadOnlySpan<float> output, ReadOnlySpan<float> upstream, Span<float> gradient,
        int? rowLength = null, Backend? backend = null) =>
        BackwardCore(false, output, upstream, gradient, rowLength, backend);

    /// <summary>The backward pass of the float <see cref="ApplyLog(ReadOnlySpan{float}, Span{float}, int?, Backend?)"/>:
    /// upstream − e^y·Σupstream per row, in double, rounded once.</summary>
    /// <inheritdoc cref="Backward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, int?, Backend?)" path="/param"/>
    public static void BackwardLog(ReadOnlySpan<float> output, ReadOnlySpan<float> upstream, Span<float> gradient,
        int? rowLength = null, Backend? backend = null) =>
        BackwardCore(true, output, upstream, gradient, rowLength, backend);

    private static void Forward(bool logForm, ReadOnlySpan<float> x, Span<float> destination, int? rowLength, Backend? backend)
    {
        var cols = RowLength(x.Length, rowLength, nameof(x));
        if (destination.Length < x.Length)
            throw new ArgumentException($"The destination holds {destination.Length} values but {x.Length} are needed.", nameof(destination));
        if (x.Overlaps(destination[..x.Length]))
            throw new ArgumentException("The destination must not overlap x.", nameof(destination));
        if (x.IsEmpty)
            return;
        var chosen = DiffNativeRuntime.Resolve(backend);
        if (chosen.Kind == BackendKind.Native)
            NativeCore.SoftmaxF32(chosen.Isa, logForm, x, x.Length / cols, cols, destination);
        else
            FloatReference.SoftmaxForward(logForm, x, cols, destination);
    }

    private static void BackwardCore(bool logForm, ReadOnlySpan<float> output, ReadOnlySpan<float> upstream, Span<float> gradient,
        int? rowLength, Backend? backend)
    {
        var cols = RowLength(output.Length, rowLength, nameof(output));
        if (upstream.Length != output.Length)
            throw new ArgumentException($"The upstream gradient holds {upstream.Length} values, the output {output.Length}.", nameof(upstream));
        if (gradient.Length < output.Length)
            throw new ArgumentException($"The gradient holds {gradient.Length} values but {output.Length} are needed.", nameof(gradient));
        var g = gradient[..output.Length];
        if (PartlyOverlaps(output, g) || PartlyOverlaps(upstream, g))
            throw new ArgumentException("The gradient may be the output or upstream buffer itself but must not partly overlap them.", nameof(gradient));
        if (output.IsEmpty)
            return;
        var chosen = DiffNativeRuntime.Resolve(backend);
        if (chosen.Kind == BackendKind.Native)
            NativeCore.SoftmaxBackwardF32(chosen.Isa, logForm, output, upstream, output.Length / cols, cols, g);
        else
            FloatReference.SoftmaxBackward(logForm, output, upstream, cols, g);
    }
}
