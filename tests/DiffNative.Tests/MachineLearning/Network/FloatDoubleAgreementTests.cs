using Xunit.Abstractions;

namespace DiffNative.Tests.MachineLearning.Network;

/// <summary>On the same float-representable weights and data, the float network's logits, loss and
/// parameter gradient agree with the double network's (whose backward pass the double gradient
/// check verifies) to float accuracy. Every float operation is the double one rounded once, so
/// the differences are the accumulated roundings of a few layers: a few float ulps of the scale,
/// against a tolerance of 1e-5 relative (about 80 ulps).</summary>
public class FloatDoubleAgreementTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;

    public static TheoryData<ActivationKind> Kinds => new(ActivationKind.Tanh, ActivationKind.Relu, ActivationKind.Gelu, ActivationKind.Sigmoid);

    private static (Sequential<float> Single, Sequential Double) Pair(ActivationKind kind)
    {
        var single = new Sequential<float>(
            new DenseLayer<float>(4, 16), new ActivationLayer<float>(new Activation(kind), 16),
            new DenseLayer<float>(16, 8), new ActivationLayer<float>(new Activation(kind), 8),
            new DenseLayer<float>(8, 3));
        var twin = new Sequential(
            new DenseLayer(4, 16), new ActivationLayer(new Activation(kind), 16),
            new DenseLayer(16, 8), new ActivationLayer(new Activation(kind), 8),
            new DenseLayer(8, 3));
        single.Initialize(new Random(21));
        for (var k = 0; k < single.ParameterCount; k++) single.Parameters[k] += 0.01f * k % 0.3f; // non-zero biases too
        for (var k = 0; k < single.ParameterCount; k++) twin.Parameters[k] = single.Parameters[k];
        return (single, twin);
    }

    private static double MaxAbs(ReadOnlySpan<double> values)
    {
        var max = 0.0;
        foreach (var v in values) max = Math.Max(max, Math.Abs(v));
        return max;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Float_loss_and_gradient_agree_with_the_double_network_on_the_same_weights(ActivationKind kind)
    {
        var (single, twin) = Pair(kind);
        var (x, y) = IrisData.LoadSingle();
        const int rows = 32;
        var xs = x.AsSpan(0, rows * 4);
        var ys = y.AsSpan(0, rows * 3);
        double[] xd = Array.ConvertAll(xs.ToArray(), v => (double)v), yd = Array.ConvertAll(ys.ToArray(), v => (double)v);

        var dzSingle = new float[rows * 3];
        var dzDouble = new double[rows * 3];
        var logitsSingle = single.Forward(xs, rows).ToArray();
        var lossSingle = SoftmaxCrossEntropy.Loss(logitsSingle, ys, 3, dzSingle);
        single.Backward(dzSingle);
        var logitsDouble = twin.Forward(xd, rows).ToArray();
        var lossDouble = SoftmaxCrossEntropy.Loss(logitsDouble, yd, 3, dzDouble);
        twin.Backward(dzDouble);

        var logitError = 0.0;
        for (var k = 0; k < logitsDouble.Length; k++) logitError = Math.Max(logitError, Math.Abs(logitsSingle[k] - logitsDouble[k]));
        var gradientError = 0.0;
        for (var k = 0; k < twin.ParameterCount; k++) gradientError = Math.Max(gradientError, Math.Abs(single.Gradient[k] - twin.Gradient[k]));
        var gradientScale = MaxAbs(twin.Gradient);
        output.WriteLine($"{kind}: loss {lossDouble:R} vs {lossSingle:R}; max logit error {logitError:E2} (scale {MaxAbs(logitsDouble):F2}); " +
                         $"max gradient error {gradientError:E2} (scale {gradientScale:E2})");

        Assert.True(Math.Abs(lossSingle - lossDouble) <= Tolerance * Math.Max(1, Math.Abs(lossDouble)), $"loss {lossSingle} vs {lossDouble}");
        Assert.True(logitError <= Tolerance * Math.Max(1, MaxAbs(logitsDouble)), $"logits off by {logitError}");
        Assert.True(gradientError <= Tolerance * gradientScale, $"gradient off by {gradientError} at scale {gradientScale}");
        Assert.NotEqual(0, gradientScale);
    }

    [Fact]
    public void The_double_twin_passes_the_double_gradient_check()
    {
        // The reference the float network is compared with is itself right.
        var (_, twin) = Pair(ActivationKind.Tanh);
        var (x, y) = IrisData.Load();
        var report = NetworkGradientCheck.Parameters(twin, x.AsSpan(0, 8 * 4), y.AsSpan(0, 8 * 3));
        Assert.True(report.Passed, report.ToString());
    }
}
