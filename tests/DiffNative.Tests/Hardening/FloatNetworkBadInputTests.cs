namespace DiffNative.Tests.Hardening;

/// <summary>The float network's bad-input rows: the same checks as the double network's, naming
/// the parameter, and element types without kernels refused.</summary>
public class FloatNetworkBadInputTests
{
    private static Sequential<float> Network()
    {
        var network = new Sequential<float>(new DenseLayer<float>(4, 3), new ActivationLayer<float>(Activation.Tanh, 3), new DenseLayer<float>(3, 2));
        network.Initialize(new Random(1));
        return network;
    }

    private static readonly float[] Features = [0.1f, 0.2f, 0.3f, 0.4f, -0.1f, -0.2f, -0.3f, -0.4f];
    private static readonly float[] Targets = [1, 0, 0, 1];

    private static string? Name(Action call) => Assert.ThrowsAny<ArgumentException>(call).ParamName;

    [Fact]
    public void Float_layers_and_networks_refuse_what_the_double_ones_refuse()
    {
        Assert.Equal("inputs", Name(() => new DenseLayer<float>(0, 3)));
        Assert.Equal("initialization", Name(() => new DenseLayer<float>(3, 3, (WeightInitialization)99)));
        Assert.Equal("activation", Name(() => new ActivationLayer<float>(new Activation((ActivationKind)99), 3)));
        Assert.Equal("random", Name(() => new DenseLayer<float>(2, 2).Initialize(new float[6], null!)));
        Assert.Equal("layers[1]", Name(() => new Sequential<float>(new DenseLayer<float>(2, 2), null!)));
        Assert.Equal("layers", Name(() => new Sequential<float>(new DenseLayer<float>(4, 8), new ActivationLayer<float>(Activation.Relu, 6))));
    }

    [Fact]
    public void Float_training_refuses_partial_rows_and_mismatched_updaters()
    {
        var network = Network();
        Assert.Equal("features", Name(() => Training.Train(network, Features.AsSpan(0, 7), Targets)));
        Assert.Equal("targets", Name(() => Training.Train(network, Features, Targets.AsSpan(0, 3))));
        Assert.Equal("updater", Name(() => Training.Train(network, Features, Targets, ParameterUpdater.Adam<float>(network.ParameterCount + 1))));
        Assert.Equal("input", Name(() => network.Forward(Features.AsSpan(0, 7), 2)));
        Assert.Equal("features", Name(() => NetworkGradientCheck.Parameters(network, Features.AsSpan(0, 5), Targets)));
        Assert.Equal("gradient", Name(() => SoftmaxCrossEntropy.Loss(Features, Features, 4, new float[3])));
        Assert.Equal("maxNorm", Name(() => GradientClipping.ByGlobalNorm(new float[2], double.NaN)));
        Assert.Equal("maxValue", Name(() => GradientClipping.ByValue(new float[2], 0)));
    }

    [Fact]
    public void Element_types_without_kernels_are_refused()
    {
        Assert.Throws<NotSupportedException>(() => new DenseLayer<Half>(2, 2));
        Assert.Throws<NotSupportedException>(() => new ActivationLayer<Half>(Activation.Relu, 2));
    }
}
