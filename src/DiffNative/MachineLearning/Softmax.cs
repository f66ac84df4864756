using System.Numerics;
using DiffNative.Interop;
using DiffNative.Reference;

namespace DiffNative.MachineLearning;

/// <summary>Softmax and log-softmax over a vector or over each row of a row-major matrix, and
/// their backward passes. The row maximum is subtracted first, so nothing overflows; log-softmax
/// is (x − max) − log1p(Σ of the other terms), so log-softmax([1000, 0]) is exactly [0, −1000].
/// The maxima of a row share it equally, also when they are +∞: [+∞, +∞, 0] gives [½, ½, 0] and
/// log-softmax [−log 2, −log 2, −∞] (a maximum's x − max counts as 0, not ∞ − ∞). −∞ entries get 0
/// (log-softmax −∞); a row holding NaN, or only −∞, comes out NaN (the bits of
/// <see cref="double.NaN"/>). Every backend gives the same bits, NaN included.</summary>
public static class Softmax
{
    /// <summary>yᵢ = e^xᵢ / Σⱼ e^xⱼ over each row of <paramref name="rowLength"/> values (the whole
    /// span when null).</summary>
    /// <param name="x">The logits: whole rows.</param>
    /// <param name="destination">As long as x; must not overlap it.</param>
    /// <param name="rowLength">Values per row; null for one row.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    public static void Apply(ReadOnlySpan<double> x, Span<double> destination, int? rowLength = null, Backend? backend = null) =>
        Forward(false, x, destination, rowLength, backend);

    /// <summary>Softmax of float logits over each row, computed in double and rounded once (within
    /// 1 float ulp, the same bits on every backend).</summary>
    /// <inheritdoc cref="Apply(ReadOnlySpan{double}, Span{double}, int?, Backend?)" path="/param"/>
    public static void Apply(ReadOnlySpan<float> x, Span<float> destination, int? rowLength = null, Backend? backend = null) =>
        Forward(false, x, destination, rowLength, backend);

    /// <summary>yᵢ = xᵢ − log Σⱼ e^xⱼ over each row, accurate where softmax would underflow.</summary>
    /// <inheritdoc cref="Apply(ReadOnlySpan{double}, Span{double}, int?, Backend?)" path="/param"/>
    public static void ApplyLog(ReadOnlySpan<double> x, Span<double> destination, int? rowLength = null, Backend? backend = null) =>
        Forward(true, x, destination, rowLength, backend);

    /// <summary>Log-softmax of float logits over each row, computed in double and rounded once.</summary>
    /// <inheritdoc cref="Apply(ReadOnlySpan{double}, Span{double}, int?, Backend?)" path="/param"/>
    public static void ApplyLog(ReadOnlySpan<float> x, Span<float> destination, int? rowLength = null, Backend? backend = null) =>
        Forward(true, x, destination, rowLength, backend);

    /// <summary>The backward pass of <see cref="Apply(ReadOnlySpan{double}, Span{double}, int?, Backend?)"/>: gradient = Jᵀ·upstream per row, which is
    /// y ⊙ (upstream − upstream·y) (the softmax Jacobian diag(y) − yyᵀ is symmetric, so this is
    /// also the Jacobian-vector product J·upstream).</summary>
    /// <param name="output">The forward output y.</param>
    /// <param name="upstream">∂L/∂y, as long as y.</param>
    /// <param name="gradient">Receives ∂L/∂x; may be output or upstream itself, not partly overlap them.</param>
    /// <param name="rowLength">Values per row; null for one row.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    public static void Backward(ReadOnlySpan<double> output, ReadOnlySpan<double> upstream, Span<double> gradient,
        int? rowLength = null, Backend? backend = null) => BackwardCore(false, output, upstream, gradient, rowLength, backend);

    /// <summary>The backward pass of the float <see cref="Apply(ReadOnlySpan{float}, Span{float}, int?, Backend?)"/>:
    /// y ⊙ (upstream − upstream·y) per row, in double, rounded once.</summary>
    /// <inheritdoc cref="Backward(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int?, Backend?)" path="/param"/>
    public static void Backward(ReadOnlySpan<float> output, ReadOnlySpan<float> upstream, Span<float> gradient,
        int? rowLength = null, Backend? backend = null) => BackwardCore(false, output, upstream, gradient, rowLength, backend);

    /// <summary>The backward pass of <see cref="ApplyLog(ReadOnlySpan{double}, Span{double}, int?, Backend?)"/>: gradient = upstream − e^y·Σupstream per
    /// row (the vector-Jacobian product with J = I − 1·softmaxᵀ).</summary>
    /// <inheritdoc cref="Backward(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int?, Backend?)" path="/param"/>
    public static void BackwardLog(ReadOnlySpan<double> output, ReadOnlySpan<double> upstream, Span<double> gradient,
        int? rowLength = null, Backend? backend = null) => BackwardCore(true, output, upstream, gradient, rowLength, backend);

    /// <summary>The backward pass of the float <see cref="ApplyLog(ReadOnlySpan{float}, Span{float}, int?, Backend?)"/>:
    /// upstream − e^y·Σupstream per row, in double, rounded once.</summary>
    /// <inheritdoc cref="Backward(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int?, Backend?)" path="/param"/>
    public static void BackwardLog(ReadOnlySpan<float> output, ReadOnlySpan<float> upstream, Span<float> gradient,
        int? rowLength = null, Backend? backend = null) => BackwardCore(true, output, upstream, gradient, rowLength, backend);

    // One body per pass for both element types: the checks and the backend choice are the same,
    // and the native wrapper and the reference pick the double or float kernel by T.
    private static void Forward<T>(bool logForm, ReadOnlySpan<T> x, Span<T> destination, int? rowLength, Backend? backend)
        where T : struct, IFloatingPointIeee754<T>
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
            NativeCore.Softmax(chosen.Isa, logForm, x, x.Length / cols, cols, destination);
        else
            SoftmaxReference.Forward(logForm, x, cols, destination);
    }

    private static void BackwardCore<T>(bool logForm, ReadOnlySpan<T> output, ReadOnlySpan<T> upstream, Span<T> gradient,
        int? rowLength, Backend? backend) where T : struct, IFloatingPointIeee754<T>
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
            NativeCore.SoftmaxBackward(chosen.Isa, logForm, output, upstream, output.Length / cols, cols, g);
        else
            SoftmaxReference.Backward(logForm, output, upstream, cols, g);
    }

    private static bool PartlyOverlaps<T>(ReadOnlySpan<T> a, Span<T> b) => a.Overlaps(b, out var offset) && offset != 0;

    private static int RowLength(int length, int? rowLength, string name)
    {
        if (rowLength is not { } cols)
            return Math.Max(length, 1);
        if (cols <= 0)
            throw new ArgumentOutOfRangeException(nameof(rowLength), cols, "The row length must be positive.");
        if (length % cols != 0)
            throw new ArgumentException($"{length} values do not make whole rows of {cols}.", name);
        return cols;
    }
}
