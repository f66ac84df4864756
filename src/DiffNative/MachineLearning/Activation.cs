using System.Numerics;
using System.Runtime.InteropServices;
using DiffNative.Interop;
using DiffNative.Reference;

namespace DiffNative.MachineLearning;

/// <summary>An elementwise activation function with its parameter: value, derivative, or both in
/// one pass, over spans of doubles. Stable over the whole double range (built on e^−|x|, so
/// sigmoid(−1000) = 0 and softplus(1000) = 1000 with no overflow), NaN in gives NaN out (always
/// the bits of <see cref="double.NaN"/>, whichever NaN came in), and the transcendental ones are
/// within a few ulp of the correctly rounded value. Every backend gives the same bits, NaN
/// included: the native kernels (scalar, AVX2, AVX-512) and the managed reference perform the same
/// operations with the library's own exp, expm1 and log1p.</summary>
/// <param name="Kind">Which function.</param>
/// <param name="Alpha">Leaky ReLU's slope or ELU's α; unused by the others.</param>
public readonly record struct Activation(ActivationKind Kind, double Alpha = 0.0)
{
    /// <summary>max(x, 0).</summary>
    public static Activation Relu => new(ActivationKind.Relu);

    /// <summary>x for x ≥ 0, <paramref name="slope"/>·x below.</summary>
    public static Activation LeakyRelu(double slope = 0.01) => Checked(ActivationKind.LeakyRelu, slope, nameof(slope));

    /// <summary>x for x &gt; 0, α(eˣ − 1) below.</summary>
    public static Activation Elu(double alpha = 1.0) => Checked(ActivationKind.Elu, alpha, nameof(alpha));

    /// <summary>Scaled ELU with the self-normalising constants.</summary>
    public static Activation Selu => new(ActivationKind.Selu);

    /// <summary>The logistic sigmoid.</summary>
    public static Activation Sigmoid => new(ActivationKind.Sigmoid);

    /// <summary>The hyperbolic tangent.</summary>
    public static Activation Tanh => new(ActivationKind.Tanh);

    /// <summary>log(1 + eˣ).</summary>
    public static Activation Softplus => new(ActivationKind.Softplus);

    /// <summary>x·sigmoid(x), also called swish.</summary>
    public static Activation Silu => new(ActivationKind.Silu);

    /// <summary>GELU's tanh approximation (as in BERT and GPT-2).</summary>
    public static Activation GeluTanh => new(ActivationKind.GeluTanh);

    /// <summary>Exact GELU, x·Φ(x) with Φ the standard normal CDF, within a few ulp over the whole
    /// double range (the left tail keeps its relative accuracy down to the subnormals).</summary>
    public static Activation Gelu => new(ActivationKind.Gelu);

    /// <summary>Whether a native kernel exists for this activation: true for every kind since exact
    /// GELU became native.</summary>
    public bool HasNativeKernel => Enum.IsDefined(Kind);

    /// <summary>f(x) for each x into <paramref name="destination"/>. Allocates nothing.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">At least as long as <paramref name="x"/>; may be x itself (in
    /// place) but must not otherwise overlap it. Untouched when an argument is bad.</param>
    /// <param name="backend">The implementation; <see cref="DiffNativeRuntime.DefaultBackend"/> when null.</param>
    /// <exception cref="ArgumentException">A short or partly overlapping destination, or an
    /// unknown kind or non-finite α.</exception>
    public void Apply(ReadOnlySpan<double> x, Span<double> destination, Backend? backend = null) => Forward(x, destination, backend);

    /// <summary>f(x) for each float x into <paramref name="destination"/>, computed in double and
    /// rounded once (within 1 float ulp of the true value, the double one being within 4 double
    /// ulp; the same bits on every backend). Allocates nothing.</summary>
    /// <inheritdoc cref="Apply(ReadOnlySpan{double}, Span{double}, Backend?)" path="/param|/exception"/>
    public void Apply(ReadOnlySpan<float> x, Span<float> destination, Backend? backend = null) => Forward(x, destination, backend);

    /// <summary>f′(x) for each x into <paramref name="derivative"/>, with the conventions f′(0) = 0
    /// for ReLU and α for leaky ReLU and ELU. Allocates nothing.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="derivative">At least as long as <paramref name="x"/>; may be x itself.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    public void Derivative(ReadOnlySpan<double> x, Span<double> derivative, Backend? backend = null)
    {
        Validate(x, derivative, nameof(derivative));
        Run(x, default, derivative[..x.Length], backend);
    }

    /// <summary>f′(x) for each float x, computed in double and rounded once; the conventions of
    /// the double overload. Allocates nothing.</summary>
    /// <inheritdoc cref="Derivative(ReadOnlySpan{double}, Span{double}, Backend?)" path="/param"/>
    public void Derivative(ReadOnlySpan<float> x, Span<float> derivative, Backend? backend = null)
    {
        Validate(x, derivative, nameof(derivative));
        Run(x, default, derivative[..x.Length], backend);
    }

    /// <summary>f(x) and f′(x) in one pass: the same bits as <see cref="Apply(ReadOnlySpan{double}, Span{double}, Backend?)"/> and
    /// <see cref="Derivative(ReadOnlySpan{double}, Span{double}, Backend?)"/> called separately, for about the cost of one of them.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="value">Receives f(x); may be x itself.</param>
    /// <param name="derivative">Receives f′(x); may be x itself, must not overlap <paramref name="value"/>.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    public void ApplyWithDerivative(ReadOnlySpan<double> x, Span<double> value, Span<double> derivative, Backend? backend = null) =>
        Both(x, value, derivative, backend);

    /// <summary>f(x) and f′(x) of floats in one pass, with the bits of the separate calls.</summary>
    /// <inheritdoc cref="ApplyWithDerivative(ReadOnlySpan{double}, Span{double}, Span{double}, Backend?)" path="/param"/>
    public void ApplyWithDerivative(ReadOnlySpan<float> x, Span<float> value, Span<float> derivative, Backend? backend = null) =>
        Both(x, value, derivative, backend);

    /// <summary>The backward pass of this activation: gradient[i] = upstream[i]·f′(x[i]), with
    /// f′ from the chosen backend.</summary>
    /// <param name="x">The forward inputs.</param>
    /// <param name="upstream">∂L/∂f(x), as long as x.</param>
    /// <param name="gradient">Receives ∂L/∂x; may be x itself, must not overlap <paramref name="upstream"/>.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    public void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> upstream, Span<double> gradient, Backend? backend = null) =>
        BackwardPass(x, upstream, gradient, backend);

    /// <summary>The backward pass on floats: gradient[i] = upstream[i]·f′(x[i]), with f′ and the
    /// product in double and one rounding to float (so no second rounding from a float f′).</summary>
    /// <inheritdoc cref="Backward(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, Backend?)" path="/param"/>
    public void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> upstream, Span<float> gradient, Backend? backend = null) =>
        BackwardPass(x, upstream, gradient, backend);

    // One body per operation for double and float: the checks and the backend choice are the same,
    // and the native wrapper and the reference pick the double or float kernel by T.

    /// <summary>f(x) into <paramref name="destination"/> (the network's forward pass too).</summary>
    internal void Forward<T>(ReadOnlySpan<T> x, Span<T> destination, Backend? backend) where T : struct, IFloatingPointIeee754<T>
    {
        Validate(x, destination, nameof(destination));
        Run(x, destination[..x.Length], default, backend);
    }

    private void Both<T>(ReadOnlySpan<T> x, Span<T> value, Span<T> derivative, Backend? backend) where T : struct, IFloatingPointIeee754<T>
    {
        Validate(x, value, nameof(value));
        Validate(x, derivative, nameof(derivative));
        if (x.Length > 0 && value[..x.Length].Overlaps(derivative[..x.Length]))
            throw new ArgumentException("The value and derivative outputs must not overlap.", nameof(derivative));
        Run(x, value[..x.Length], derivative[..x.Length], backend);
    }

    /// <summary>gradient = upstream·f′(x) (the network's backward pass too).</summary>
    internal void BackwardPass<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> upstream, Span<T> gradient, Backend? backend)
        where T : struct, IFloatingPointIeee754<T>
    {
        if (upstream.Length != x.Length)
            throw new ArgumentException($"The upstream gradient holds {upstream.Length} values, x holds {x.Length}.", nameof(upstream));
        Validate(x, gradient, nameof(gradient));
        if (x.Length > 0 && upstream.Overlaps(gradient[..x.Length]))
            throw new ArgumentException("The gradient must not overlap the upstream gradient.", nameof(gradient));
        if (x.IsEmpty)
            return;
        var g = gradient[..x.Length];
        var chosen = DiffNativeRuntime.Resolve(backend);
        if (chosen.Kind != BackendKind.Native || !HasNativeKernel)
            ActivationReference.Backward(Kind, Alpha, x, upstream, g);
        else if (typeof(T) == typeof(float))
            // The C API's float backward pass takes f′ and the product in double, rounded once.
            NativeCore.ActivateBackwardF32(chosen.Isa, (int)Kind, Alpha, MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(upstream),
                MemoryMarshal.Cast<T, float>(g));
        else
        {
            NativeCore.Activate(chosen.Isa, (int)Kind, Alpha, x, default, g);
            ActivationReference.TimesUpstream(MemoryMarshal.Cast<T, double>(upstream), MemoryMarshal.Cast<T, double>(g));
        }
    }

    private void Run<T>(ReadOnlySpan<T> x, Span<T> value, Span<T> derivative, Backend? backend) where T : struct, IFloatingPointIeee754<T>
    {
        if (x.IsEmpty)
            return;
        var chosen = DiffNativeRuntime.Resolve(backend);
        if (chosen.Kind == BackendKind.Native && HasNativeKernel)
            NativeCore.Activate(chosen.Isa, (int)Kind, Alpha, x, value, derivative);
        else
            ActivationReference.Apply(Kind, Alpha, x, value, derivative);
    }

    private void Validate<T>(ReadOnlySpan<T> x, Span<T> output, string name)
    {
        if (!Enum.IsDefined(Kind))
            throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown activation.");
        if (!double.IsFinite(Alpha))
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "The activation's parameter must be finite.");
        if (output.Length < x.Length)
            throw new ArgumentException($"The output holds {output.Length} values but {x.Length} are needed.", name);
        if (x.Length > 0 && x.Overlaps(output[..x.Length], out var offset) && offset != 0)
            throw new ArgumentException("The output may be x itself but must not partly overlap it.", name);
    }

    private static Activation Checked(ActivationKind kind, double alpha, string name) => double.IsFinite(alpha)
        ? new Activation(kind, alpha)
        : throw new ArgumentOutOfRangeException(name, alpha, "The parameter must be finite.");
}
