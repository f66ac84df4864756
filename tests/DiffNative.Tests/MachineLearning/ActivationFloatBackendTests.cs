using DiffNative.Tests.Support;

namespace DiffNative.Tests.MachineLearning;

/// <summary>The float activations: every result is the double activation of the widened input,
/// rounded once to float (the double paths are checked against mpmath and each other elsewhere),
/// and every native path gives the managed reference's bits, on every length that hits a vector
/// tail and on lengths longer than the native kernels' 512-value pieces
/// (<see cref="ActivationBackendTestsBase{T}"/>).</summary>
public class ActivationFloatBackendTests : ActivationBackendTestsBase<float>
{
    private static readonly float[] FloatSpecials =
        [0f, -0f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, -1000, 1000, -103.5f, float.Epsilon, -30, 1e-40f, -20.5f,
            88.7f, float.MaxValue, -float.MaxValue];

    protected override float[] Specials => FloatSpecials;

    private static double[] Widen(float[] x) => x.Select(v => (double)v).ToArray();

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Every_result_is_the_double_result_rounded_once(Backend backend)
    {
        var x = Inputs(4099, 11);
        var xd = Widen(x);
        foreach (var activation in ActivationSweep.All)
        {
            double[] dv = new double[x.Length], dd = new double[x.Length];
            activation.ApplyWithDerivative(xd, dv, dd, backend);
            float[] v = new float[x.Length], d = new float[x.Length];
            activation.ApplyWithDerivative(x, v, d, backend);
            Bits.AssertSame(dv.Select(t => (float)t).ToArray(), v, $"{activation} value");
            Bits.AssertSame(dd.Select(t => (float)t).ToArray(), d, $"{activation} derivative");
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
