using DiffNative.Interop;
using DiffNative.Reference;

namespace DiffNative;

// The float overloads. Each float is widened to double, the double algorithm runs on it, and the
// result is rounded once to float: within 1 float ulp of the true value (the double one is within
// 4 double ulp) and the same bits on every backend, because the double paths agree bit for bit.
public readonly partial record struct Activation
{
    /// <summary>f(x) for each float x into <paramref name="destination"/>, computed in double and
    /// rounded once (within 1 float ulp). Allocates nothing.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="destination">At least as long as <paramref name="x"/>; may be x itself (in
    /// place) but must not otherwise overlap it. Untouched when an argument is bad.</param>
    /// <param name="backend">The implementation; <see cref="DiffNativeRuntime.DefaultBackend"/> when null.</param>
    /// <exception cref="ArgumentException">A short or partly overlapping destination, or an
    /// unknown kind or non-finite α.</exception>
    public void Apply(ReadOnlySpan<float> x, Span<float> destination, Backend? backend = null)
    {
        Validate(x, destination, nameof(destination));
        RunF32(x, destination[..x.Length], default, backend);
    }

    /// <summary>f′(x) for each float x, computed in double and rounded once; the conventions of
    /// the double overload. Allocates nothing.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="derivative">At least as long as <paramref name="x"/>; may be x itself.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    public void Derivative(ReadOnlySpan<float> x, Span<float> derivative, Backend? backend = null)
    {
        Validate(x, derivative, nameof(derivative));
        RunF32(x, default, derivative[..x.Length], backend);
    }

    /// <summary>f(x) and f′(x) of floats in one pass, with the bits of the separate calls.</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="value">Receives f(x); may be x itself.</param>
    /// <param name="derivative">Receives f′(x); may be x itself, must not overlap <paramref name="value"/>.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    public void ApplyWithDerivative(ReadOnlySpan<float> x, Span<float> value, Span<float> derivative, Backend? backend = null)
    {
        Validate(x, value, nameof(value));
        Validate(x, derivative, nameof(derivative));
        if (x.Length > 0 && value[..x.Length].Overlaps(derivative[..x.Length]))
            throw new ArgumentException("The value and derivative outputs must not overlap.", nameof(derivative));
        RunF32(x, value[..x.Length], derivative[..x.Length], backend);
    }

    /// <summary>The backward pass on floats: gradient[i] = upstream[i]·f′(x[i]), with f′ and the
    /// product in double and one rounding to float (so no second rounding from a float f′).</summary>
    /// <param name="x">The forward inputs.</param>
    /// <param name="upstream">∂L/∂f(x), as long as x.</param>
    /// <param name="gradient">Receives ∂L/∂x; may be x itself, must not overlap <paramref name="upstream"/>.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    public void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> upstream, Span<float> gradient, Backend? backend = null)
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
        if (chosen.Kind == BackendKind.Native && HasNativeKernel)
            NativeCore.ActivateBackwardF32(chosen.Isa, (int)Kind, Alpha, x, upstream, g);
        else
            FloatReference.Backward(Kind, Alpha, x, upstream, g);
    }

    private void RunF32(ReadOnlySpan<float> x, Span<float> value, Span<float> derivative, Backend? backend)
    {
        if (x.IsEmpty)
            return;
        var chosen = DiffNativeRuntime.Resolve(backend);
        if (chosen.Kind == BackendKind.Native && HasNativeKernel)
            NativeCore.ActivateF32(chosen.Isa, (int)Kind, Alpha, x, value, derivative);
        else
            FloatReference.Apply(Kind, Alpha, x, value, derivative);
    }
}
