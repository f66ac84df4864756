using DiffNative.Tests.Support;

namespace DiffNative.Tests.MachineLearning;

/// <summary>Every activation (value, derivative, fused pass, backward), softmax pass and loss, double
/// and float, on inputs full of NaNs (quiet and signalling, both signs, with payloads) and
/// infinities, on every length 0..70 and a few past the float kernels' pieces: each backend gives
/// the managed reference's bits (BitConverter.DoubleToInt64Bits, NaN included), and every NaN it
/// returns is the canonical one, the bits of double.NaN and float.NaN.</summary>
public class SpecialValueBitsTests
{
    private const long CanonicalNan = unchecked((long)0xFFF8_0000_0000_0000);
    private const int CanonicalNanF32 = unchecked((int)0xFFC0_0000);

    /// <summary>A kernel run on (x, second input) for double and for float, all its outputs in one
    /// array; the second input is the upstream gradient or the targets.</summary>
    public sealed record Kernel(string Name, Func<Backend, double[], double[], double[]> Double, Func<Backend, float[], float[], float[]> Single)
    {
        public override string ToString() => Name;
    }

    private static readonly double[] DoubleSpecials =
    [
        double.NaN, Nan(0x7FF8_0000_0000_0000), Nan(0x7FF8_0000_0000_0123), Nan(unchecked((long)0xFFF8_0000_0000_0456)),
        Nan(0x7FF0_0000_0000_0001), Nan(unchecked((long)0xFFF4_0000_0000_0000)),
        double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 1000, -1000,
    ];

    private static readonly float[] FloatSpecials =
    [
        float.NaN, NanF32(0x7FC0_0000), NanF32(0x7FC0_0123), NanF32(unchecked((int)0xFFC0_0456)), NanF32(0x7F80_0001),
        NanF32(unchecked((int)0xFFA0_0000)), float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, 1000f, -1000f,
    ];

    private static double Nan(long bits) => BitConverter.Int64BitsToDouble(bits);

    private static float NanF32(int bits) => BitConverter.Int32BitsToSingle(bits);

    private static IEnumerable<int> Lengths() => Enumerable.Range(0, 71).Concat([127, 513, 1030]);

    public static IEnumerable<object[]> Cases() =>
        from kernel in Kernels()
        from backend in Backends.All()
        select new object[] { kernel, backend[0] };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_kernel_gives_the_reference_bits_and_the_canonical_nan(Kernel kernel, Backend backend)
    {
        Assert.Equal(CanonicalNan, BitConverter.DoubleToInt64Bits(double.NaN));
        Assert.Equal(CanonicalNanF32, BitConverter.SingleToInt32Bits(float.NaN));
        foreach (var n in Lengths())
        {
            var x = Spread(ActivationSweep.Inputs(n, n, DoubleSpecials), DoubleSpecials);
            var second = Shifted(Spread(ActivationSweep.Inputs(n, n + 1, DoubleSpecials), DoubleSpecials));
            var expected = kernel.Double(Backend.Managed, x, second);
            var actual = kernel.Double(backend, x, second);
            Assert.True(expected.Length == actual.Length, $"{kernel} n={n}: {actual.Length} outputs, expected {expected.Length}");
            for (var i = 0; i < actual.Length; i++)
            {
                var bits = BitConverter.DoubleToInt64Bits(actual[i]);
                Assert.True(bits == BitConverter.DoubleToInt64Bits(expected[i]),
                    $"{kernel} on {backend}, n={n}: output {i} is {bits:X16}, the reference {BitConverter.DoubleToInt64Bits(expected[i]):X16}");
                Assert.True(!double.IsNaN(actual[i]) || bits == CanonicalNan, $"{kernel} on {backend}, n={n}: output {i} is the NaN {bits:X16}");
            }
            var xf = Spread(ActivationSweep.Inputs(n, n, FloatSpecials), FloatSpecials);
            var secondF = Shifted(Spread(ActivationSweep.Inputs(n, n + 1, FloatSpecials), FloatSpecials));
            var expectedF = kernel.Single(Backend.Managed, xf, secondF);
            var actualF = kernel.Single(backend, xf, secondF);
            for (var i = 0; i < actualF.Length; i++)
            {
                var bits = BitConverter.SingleToInt32Bits(actualF[i]);
                Assert.True(bits == BitConverter.SingleToInt32Bits(expectedF[i]),
                    $"float {kernel} on {backend}, n={n}: output {i} is {bits:X8}, the reference {BitConverter.SingleToInt32Bits(expectedF[i]):X8}");
                Assert.True(!float.IsNaN(actualF[i]) || bits == CanonicalNanF32, $"float {kernel} on {backend}, n={n}: output {i} is the NaN {bits:X8}");
            }
        }
    }

    /// <summary>The specials again every 37th place from 80 on, so that long inputs have them in
    /// every block the native kernels watch for NaN (256 values), at every offset in a vector.</summary>
    private static T[] Spread<T>(T[] values, T[] specials)
    {
        for (var i = 80; i < values.Length; i += 37) values[i] = specials[i % specials.Length];
        return values;
    }

    /// <summary>The second input rotated by 3, so its specials sit elsewhere than x's.</summary>
    private static T[] Shifted<T>(T[] values)
    {
        var k = Math.Min(3, values.Length);
        return [.. values[k..], .. values[..k]];
    }

    private static IEnumerable<Kernel> Kernels()
    {
        foreach (var activation in ActivationSweep.All)
            yield return new Kernel(activation.Kind.ToString(),
                (b, x, u) => Activate(activation, b, x, u), (b, x, u) => Activate(activation, b, x, u));
        yield return new Kernel("Softmax", (b, x, u) => Softmaxes(false, b, x, u), (b, x, u) => Softmaxes(false, b, x, u));
        yield return new Kernel("LogSoftmax", (b, x, u) => Softmaxes(true, b, x, u), (b, x, u) => Softmaxes(true, b, x, u));
        yield return Loss("MeanSquaredError", (p, t, g) => Losses.MeanSquaredError(p, t, g), (p, t, g) => Losses.MeanSquaredError(p, t, g));
        yield return Loss("MeanAbsoluteError", (p, t, g) => Losses.MeanAbsoluteError(p, t, g), (p, t, g) => Losses.MeanAbsoluteError(p, t, g));
        yield return Loss("Huber", (p, t, g) => Losses.Huber(p, t, g), (p, t, g) => Losses.Huber(p, t, g));
        yield return Loss("BinaryCrossEntropy", (p, t, g) => Losses.BinaryCrossEntropy(p, t, g), (p, t, g) => Losses.BinaryCrossEntropy(p, t, g));
        yield return Loss("BinaryCrossEntropyWithLogits", (p, t, g) => Losses.BinaryCrossEntropyWithLogits(p, t, g),
            (p, t, g) => Losses.BinaryCrossEntropyWithLogits(p, t, g));
        yield return Loss("CategoricalCrossEntropy", (p, t, g) => Losses.CategoricalCrossEntropy(p, t, Classes(p.Length), g),
            (p, t, g) => Losses.CategoricalCrossEntropy(p, t, Classes(p.Length), g));
        yield return Loss("CategoricalCrossEntropyWithLogits", (p, t, g) => Losses.CategoricalCrossEntropyWithLogits(p, t, Classes(p.Length), g),
            (p, t, g) => Losses.CategoricalCrossEntropyWithLogits(p, t, Classes(p.Length), g));
        yield return Loss("KlDivergence", (p, t, g) => Losses.KlDivergence(p, t, Classes(p.Length), g),
            (p, t, g) => Losses.KlDivergence(p, t, Classes(p.Length), g));
        // hinge labels must be ±1: the specials go into the scores only
        yield return Loss("Hinge", (p, t, g) => Losses.Hinge(p, Labels<double>(p.Length), g), (p, t, g) => Losses.Hinge(p, Labels<float>(p.Length), g));
    }

    private static int Classes(int n) => n > 0 && n % 3 == 0 ? 3 : 1;

    private static T[] Labels<T>(int n) where T : System.Numerics.INumber<T> =>
        Enumerable.Range(0, n).Select(i => i % 2 == 0 ? T.One : -T.One).ToArray();

    /// <summary>Value, derivative, the fused pass's two and the backward pass, one after another.</summary>
    private static double[] Activate(Activation activation, Backend backend, double[] x, double[] upstream)
    {
        var n = x.Length;
        double[] v = new double[n], d = new double[n], fv = new double[n], fd = new double[n], g = new double[n];
        activation.Apply(x, v, backend);
        activation.Derivative(x, d, backend);
        activation.ApplyWithDerivative(x, fv, fd, backend);
        activation.Backward(x, upstream, g, backend);
        return [.. v, .. d, .. fv, .. fd, .. g];
    }

    private static float[] Activate(Activation activation, Backend backend, float[] x, float[] upstream)
    {
        var n = x.Length;
        float[] v = new float[n], d = new float[n], fv = new float[n], fd = new float[n], g = new float[n];
        activation.Apply(x, v, backend);
        activation.Derivative(x, d, backend);
        activation.ApplyWithDerivative(x, fv, fd, backend);
        activation.Backward(x, upstream, g, backend);
        return [.. v, .. d, .. fv, .. fd, .. g];
    }

    /// <summary>The forward pass over one row and over rows of one, then the backward pass with the
    /// inputs as y (any values, NaN and ±∞ included).</summary>
    private static double[] Softmaxes(bool log, Backend backend, double[] x, double[] upstream)
    {
        var n = x.Length;
        double[] whole = new double[n], singles = new double[n], dx = new double[n];
        if (log) { Softmax.ApplyLog(x, whole, backend: backend); Softmax.ApplyLog(x, singles, 1, backend); Softmax.BackwardLog(x, upstream, dx, backend: backend); }
        else { Softmax.Apply(x, whole, backend: backend); Softmax.Apply(x, singles, 1, backend); Softmax.Backward(x, upstream, dx, backend: backend); }
        return [.. whole, .. singles, .. dx];
    }

    private static float[] Softmaxes(bool log, Backend backend, float[] x, float[] upstream)
    {
        var n = x.Length;
        float[] whole = new float[n], singles = new float[n], dx = new float[n];
        if (log) { Softmax.ApplyLog(x, whole, backend: backend); Softmax.ApplyLog(x, singles, 1, backend); Softmax.BackwardLog(x, upstream, dx, backend: backend); }
        else { Softmax.Apply(x, whole, backend: backend); Softmax.Apply(x, singles, 1, backend); Softmax.Backward(x, upstream, dx, backend: backend); }
        return [.. whole, .. singles, .. dx];
    }

    private delegate double DoubleLoss(double[] predictions, double[] targets, Span<double> gradient);

    private delegate float FloatLoss(float[] predictions, float[] targets, Span<float> gradient);

    /// <summary>A loss (managed on every backend) as a kernel: the loss, then its gradient.</summary>
    private static Kernel Loss(string name, DoubleLoss forDouble, FloatLoss forFloat) => new(name,
        (_, p, t) =>
        {
            var g = new double[p.Length];
            var loss = forDouble(p, t, g);
            return [loss, .. g];
        },
        (_, p, t) =>
        {
            var g = new float[p.Length];
            var loss = forFloat(p, t, g);
            return [loss, .. g];
        });
}
