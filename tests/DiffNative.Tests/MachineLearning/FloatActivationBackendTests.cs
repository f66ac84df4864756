using DiffNative.Tests.Support;

namespace DiffNative.Tests.MachineLearning;

/// <summary>The float activations: every result is the double activation of the widened input,
/// rounded once to float (the double paths are checked against mpmath and each other elsewhere),
/// and every native path gives the managed reference's bits, on every length that hits a vector
/// tail and on lengths longer than the native kernels' 512-value pieces.</summary>
public class FloatActivationBackendTests
{
    private static readonly Activation[] All =
    [
        Activation.Relu, Activation.LeakyRelu(0.2), Activation.Elu(1.3), Activation.Selu, Activation.Sigmoid,
        Activation.Tanh, Activation.Softplus, Activation.Silu, Activation.GeluTanh, Activation.Gelu,
    ];

    private static readonly float[] Specials =
        [0f, -0f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, -1000, 1000, -103.5f, float.Epsilon, -30, 1e-40f, -20.5f,
            88.7f, float.MaxValue, -float.MaxValue];

    internal static float[] Inputs(int n, int seed)
    {
        var random = new Random(seed);
        var x = new float[n];
        for (var i = 0; i < n; i++) x[i] = (float)((random.NextDouble() - 0.5) * Math.ScaleB(1.0, random.Next(-3, 7)));
        for (var i = 0; i < Math.Min(n, Specials.Length); i++) x[(i * 7) % n] = Specials[i];
        return x;
    }

    private static double[] Widen(float[] x) => x.Select(v => (double)v).ToArray();

    /// <summary>Same bits, or both NaN (payloads are not part of the contract).</summary>
    internal static void AssertSame(float[] expected, float[] actual, string context)
    {
        for (var i = 0; i < expected.Length; i++)
            if (!(float.IsNaN(expected[i]) && float.IsNaN(actual[i])) &&
                BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                Assert.Fail($"{context}: entry {i} is {actual[i]:R}, expected {expected[i]:R}");
    }

    private static IEnumerable<int> Lengths() => Enumerable.Range(0, 71).Concat([511, 512, 513, 1000, 4099, 65537]);

    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void Native_paths_match_the_managed_reference_bit_for_bit(Backend backend)
    {
        foreach (var activation in All)
            foreach (var n in Lengths())
            {
                var x = Inputs(n, n);
                var upstream = Inputs(n, n + 1).Select(v => float.IsFinite(v) ? v : 1.5f).ToArray();
                float[] mv = new float[n], md = new float[n], mg = new float[n], nv = new float[n], nd = new float[n], ng = new float[n];
                activation.ApplyWithDerivative(x, mv, md, Backend.Managed);
                activation.Backward(x, upstream, mg, Backend.Managed);
                activation.Apply(x, nv, backend);
                activation.Derivative(x, nd, backend);
                activation.Backward(x, upstream, ng, backend);
                AssertSame(mv, nv, $"{activation} value n={n}");
                AssertSame(md, nd, $"{activation} derivative n={n}");
                AssertSame(mg, ng, $"{activation} backward n={n}");
            }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Every_result_is_the_double_result_rounded_once(Backend backend)
    {
        var x = Inputs(4099, 11);
        var xd = Widen(x);
        foreach (var activation in All)
        {
            double[] dv = new double[x.Length], dd = new double[x.Length];
            activation.ApplyWithDerivative(xd, dv, dd, backend);
            float[] v = new float[x.Length], d = new float[x.Length];
            activation.ApplyWithDerivative(x, v, d, backend);
            AssertSame(dv.Select(t => (float)t).ToArray(), v, $"{activation} value");
            AssertSame(dd.Select(t => (float)t).ToArray(), d, $"{activation} derivative");
        }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Backward_is_the_double_product_rounded_once(Backend backend)
    {
        var x = Inputs(1030, 3);
        var upstream = Inputs(1030, 4).Select(v => float.IsFinite(v) ? v : 1.5f).ToArray();
        foreach (var activation in All)
        {
            var d = new double[x.Length];
            activation.Derivative(Widen(x), d, backend);
            var g = new float[x.Length];
            activation.Backward(x, upstream, g, backend);
            AssertSame(d.Select((v, i) => (float)(v * upstream[i])).ToArray(), g, $"{activation} backward");
        }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void The_fused_pass_and_in_place_give_the_same_bits(Backend backend)
    {
        var x = Inputs(1003, 5);
        foreach (var activation in All)
        {
            float[] v = new float[x.Length], d = new float[x.Length], fv = new float[x.Length], fd = new float[x.Length];
            activation.Apply(x, v, backend);
            activation.Derivative(x, d, backend);
            activation.ApplyWithDerivative(x, fv, fd, backend);
            AssertSame(v, fv, $"{activation} value");
            AssertSame(d, fd, $"{activation} derivative");
            var buffer = (float[])x.Clone();
            activation.Apply(buffer, buffer, backend);
            AssertSame(v, buffer, $"{activation} in place");
            buffer = (float[])x.Clone();
            activation.Backward(buffer, d, buffer, backend);
            var expected = new float[x.Length];
            activation.Backward(x, d, expected, backend);
            AssertSame(expected, buffer, $"{activation} backward in place on x");
        }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Float_stability_cases_are_exact(Backend backend)
    {
        float[] x = [-1000f, 1000f, float.NaN, 0f], v = new float[4], d = new float[4];
        Activation.Sigmoid.ApplyWithDerivative(x, v, d, backend);
        Assert.Equal([0f, 1f, 0.5f, 0f, 0.25f], [v[0], v[1], v[3], d[0], d[3]]);
        Assert.True(float.IsNaN(v[2]) && float.IsNaN(d[2]));
        Activation.Softplus.Apply(x, v, backend);
        Assert.Equal([0f, 1000f, 0f + MathF.Log(2f)], [v[0], v[1], v[3]]);
        Activation.Tanh.Apply(x, v, backend);
        Assert.Equal([-1f, 1f, 0f], [v[0], v[1], v[3]]);
        Activation.Selu.Apply([float.MaxValue], v, backend); // 1.0507 · max overflows float, as it should
        Assert.Equal(float.PositiveInfinity, v[0]);
    }
}
