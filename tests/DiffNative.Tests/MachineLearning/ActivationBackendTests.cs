using DiffNative.Tests.Support;

namespace DiffNative.Tests.MachineLearning;

/// <summary>Every native path gives the managed reference's bits for every activation, on every
/// length that hits a vector tail, for value, derivative and the fused pass.</summary>
public class ActivationBackendTests
{
    private static readonly Activation[] All =
    [
        Activation.Relu, Activation.LeakyRelu(0.2), Activation.Elu(1.3), Activation.Selu, Activation.Sigmoid,
        Activation.Tanh, Activation.Softplus, Activation.Silu, Activation.GeluTanh, Activation.Gelu,
    ];

    private static readonly double[] Specials =
        [0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1000, 1000, -745.5, 5e-324, -30, 1e-300, -20.5, 709.9];

    private static double[] Inputs(int n, int seed)
    {
        var random = new Random(seed);
        var x = new double[n];
        for (var i = 0; i < n; i++) x[i] = (random.NextDouble() - 0.5) * Math.ScaleB(1.0, random.Next(-3, 7));
        for (var i = 0; i < Math.Min(n, Specials.Length); i++) x[(i * 7) % n] = Specials[i];
        return x;
    }

    /// <summary>Same bits, or both NaN (payloads are not part of the contract).</summary>
    private static void AssertSame(double[] expected, double[] actual, string context)
    {
        for (var i = 0; i < expected.Length; i++)
            if (!(double.IsNaN(expected[i]) && double.IsNaN(actual[i])) &&
                BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
                Assert.Fail($"{context}: entry {i} is {actual[i]:R}, the managed reference gives {expected[i]:R}");
    }

    private static IEnumerable<int> Lengths() => Enumerable.Range(0, 71).Concat([127, 1000, 4099]);

    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void Native_paths_match_the_managed_reference_bit_for_bit(Backend backend)
    {
        foreach (var activation in All)
            foreach (var n in Lengths())
            {
                var x = Inputs(n, n);
                double[] mv = new double[n], md = new double[n], nv = new double[n], nd = new double[n];
                activation.ApplyWithDerivative(x, mv, md, Backend.Managed);
                activation.Apply(x, nv, backend);
                activation.Derivative(x, nd, backend);
                AssertSame(mv, nv, $"{activation} value n={n}");
                AssertSame(md, nd, $"{activation} derivative n={n}");
            }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void The_fused_pass_gives_the_same_bits_as_the_separate_ones(Backend backend)
    {
        var x = Inputs(1003, 5);
        foreach (var activation in All)
        {
            double[] v = new double[x.Length], d = new double[x.Length], fv = new double[x.Length], fd = new double[x.Length];
            activation.Apply(x, v, backend);
            activation.Derivative(x, d, backend);
            activation.ApplyWithDerivative(x, fv, fd, backend);
            AssertSame(v, fv, $"{activation} value");
            AssertSame(d, fd, $"{activation} derivative");
        }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void In_place_gives_the_same_bits(Backend backend)
    {
        var x = Inputs(77, 9);
        foreach (var activation in All)
        {
            var expected = new double[x.Length];
            activation.Apply(x, expected, backend);
            var buffer = (double[])x.Clone();
            activation.Apply(buffer, buffer, backend);
            AssertSame(expected, buffer, $"{activation} in place");
        }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Backward_is_upstream_times_the_derivative(Backend backend)
    {
        var x = Inputs(40, 3);
        var upstream = Inputs(40, 4).Select(v => double.IsFinite(v) ? v : 1.5).ToArray();
        foreach (var activation in All)
        {
            var d = new double[x.Length];
            activation.Derivative(x, d, backend);
            var g = new double[x.Length];
            activation.Backward(x, upstream, g, backend);
            AssertSame(d.Select((v, i) => v * upstream[i]).ToArray(), g, $"{activation} backward");
        }
    }
}
