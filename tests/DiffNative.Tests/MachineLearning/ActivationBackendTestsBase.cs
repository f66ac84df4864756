using System.Numerics;
using System.Runtime.InteropServices;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.MachineLearning;

/// <summary>The bit-for-bit cases every element type's activations must pass, run once per derived
/// class: every native path gives the managed reference's bits for value, derivative and backward
/// pass on every length that hits a vector tail (and on lengths past the float kernels' 512-value
/// pieces), the fused and in-place passes give the bits of the separate ones, and the backward
/// pass is upstream times the derivative, multiplied in double and rounded once to T.</summary>
public abstract class ActivationBackendTestsBase<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Values planted in every input: signed zeros, NaN, infinities, overflow and
    /// underflow edges of T.</summary>
    protected abstract T[] Specials { get; }

    protected T[] Inputs(int n, int seed) => ActivationSweep.Inputs(n, seed, Specials);

    /// <summary>Finite upstream gradients: a non-finite input becomes 1.5.</summary>
    protected T[] Upstream(int n, int seed) => Inputs(n, seed).Select(v => T.IsFinite(v) ? v : T.CreateTruncating(1.5)).ToArray();

    private static IEnumerable<int> Lengths() => Enumerable.Range(0, 71).Concat([127, 511, 512, 513, 1000, 4099, 65537]);

    // The element type's overloads of Activation, picked by T (the test code above them is the same).
    protected static void Apply(Activation activation, T[] x, T[] value, Backend backend)
    {
        if (typeof(T) == typeof(double)) activation.Apply(AsDouble(x), AsDouble(value), backend);
        else activation.Apply(AsSingle(x), AsSingle(value), backend);
    }

    protected static void Derivative(Activation activation, T[] x, T[] derivative, Backend backend)
    {
        if (typeof(T) == typeof(double)) activation.Derivative(AsDouble(x), AsDouble(derivative), backend);
        else activation.Derivative(AsSingle(x), AsSingle(derivative), backend);
    }

    protected static void ApplyWithDerivative(Activation activation, T[] x, T[] value, T[] derivative, Backend backend)
    {
        if (typeof(T) == typeof(double)) activation.ApplyWithDerivative(AsDouble(x), AsDouble(value), AsDouble(derivative), backend);
        else activation.ApplyWithDerivative(AsSingle(x), AsSingle(value), AsSingle(derivative), backend);
    }

    protected static void Backward(Activation activation, T[] x, T[] upstream, T[] gradient, Backend backend)
    {
        if (typeof(T) == typeof(double)) activation.Backward(AsDouble(x), AsDouble(upstream), AsDouble(gradient), backend);
        else activation.Backward(AsSingle(x), AsSingle(upstream), AsSingle(gradient), backend);
    }

    private static Span<double> AsDouble(T[] values) => MemoryMarshal.Cast<T, double>(values.AsSpan());

    private static Span<float> AsSingle(T[] values) => MemoryMarshal.Cast<T, float>(values.AsSpan());

    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void Native_paths_match_the_managed_reference_bit_for_bit(Backend backend)
    {
        foreach (var activation in ActivationSweep.All)
            foreach (var n in Lengths())
            {
                var x = Inputs(n, n);
                var upstream = Upstream(n, n + 1);
                T[] mv = new T[n], md = new T[n], mg = new T[n], nv = new T[n], nd = new T[n], ng = new T[n];
                ApplyWithDerivative(activation, x, mv, md, Backend.Managed);
                Backward(activation, x, upstream, mg, Backend.Managed);
                Apply(activation, x, nv, backend);
                Derivative(activation, x, nd, backend);
                Backward(activation, x, upstream, ng, backend);
                Bits.AssertSame(mv, nv, $"{activation} value n={n}");
                Bits.AssertSame(md, nd, $"{activation} derivative n={n}");
                Bits.AssertSame(mg, ng, $"{activation} backward n={n}");
            }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void The_fused_pass_gives_the_same_bits_as_the_separate_ones(Backend backend)
    {
        var x = Inputs(1003, 5);
        foreach (var activation in ActivationSweep.All)
        {
            T[] v = new T[x.Length], d = new T[x.Length], fv = new T[x.Length], fd = new T[x.Length];
            Apply(activation, x, v, backend);
            Derivative(activation, x, d, backend);
            ApplyWithDerivative(activation, x, fv, fd, backend);
            Bits.AssertSame(v, fv, $"{activation} value");
            Bits.AssertSame(d, fd, $"{activation} derivative");
        }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void In_place_gives_the_same_bits(Backend backend)
    {
        foreach (var (n, seed) in new[] { (77, 9), (1003, 5) })
        {
            var x = Inputs(n, seed);
            foreach (var activation in ActivationSweep.All)
            {
                var expected = new T[n];
                Apply(activation, x, expected, backend);
                var buffer = (T[])x.Clone();
                Apply(activation, buffer, buffer, backend);
                Bits.AssertSame(expected, buffer, $"{activation} in place n={n}");
                // Backward with the gradient written over x, the forward input it still reads.
                var upstream = new T[n];
                Derivative(activation, x, upstream, backend);
                Backward(activation, x, upstream, expected, backend);
                buffer = (T[])x.Clone();
                Backward(activation, buffer, upstream, buffer, backend);
                Bits.AssertSame(expected, buffer, $"{activation} backward in place on x n={n}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Backward_is_upstream_times_the_derivative_in_double_rounded_once(Backend backend)
    {
        foreach (var n in new[] { 40, 1030 })
        {
            var x = Inputs(n, 3);
            var upstream = Upstream(n, 4);
            var wide = x.Select(double.CreateTruncating).ToArray();
            foreach (var activation in ActivationSweep.All)
            {
                // f′ of the widened input from the double path (for double: the input itself).
                var d = new double[n];
                activation.Derivative(wide, d, backend);
                var g = new T[n];
                Backward(activation, x, upstream, g, backend);
                Bits.AssertSame(d.Select((v, i) => T.CreateTruncating(v * double.CreateTruncating(upstream[i]))).ToArray(), g,
                    $"{activation} backward n={n}");
            }
        }
    }
}
