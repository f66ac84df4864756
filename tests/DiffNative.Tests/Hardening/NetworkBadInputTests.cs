namespace DiffNative.Tests.Hardening;

/// <summary>The dense network's bad-input rows: layers, the network, its forward and backward
/// passes, training, its options, updaters, clipping, the classification head and the network
/// gradient check. Each throws before anything changes, naming the parameter or option property.</summary>
public class NetworkBadInputTests
{
    private static Sequential Network()
    {
        var network = new Sequential(new DenseLayer(4, 3), new ActivationLayer(Activation.Tanh, 3), new DenseLayer(3, 2));
        network.Initialize(new Random(1));
        return network;
    }

    private static readonly double[] Features = [0.1, 0.2, 0.3, 0.4, -0.1, -0.2, -0.3, -0.4];
    private static readonly double[] Targets = [1, 0, 0, 1];

    private static string? Name(Action call) => Assert.ThrowsAny<ArgumentException>(call).ParamName;

    [Fact]
    public void Layers_refuse_empty_rows_and_unknown_kinds()
    {
        Assert.Equal("inputs", Name(() => new DenseLayer(0, 3)));
        Assert.Equal("outputs", Name(() => new DenseLayer(3, 0)));
        Assert.Equal("initialization", Name(() => new DenseLayer(3, 3, (WeightInitialization)99)));
        Assert.Equal("inputs", Name(() => new ActivationLayer(Activation.Relu, 0)));
        Assert.Equal("random", Name(() => new DenseLayer(2, 2).Initialize(new double[6], null!)));
    }

    [Fact]
    public void A_network_refuses_no_layers_a_null_layer_and_mismatched_widths()
    {
        Assert.Equal("layers", Name(() => new Sequential()));
        Assert.Equal("layers", Name(() => new Sequential(null!)));
        Assert.Equal("layers[1]", Name(() => new Sequential(new DenseLayer(2, 2), null!)));
        Assert.Equal("layers", Name(() => new Sequential(new DenseLayer(4, 8), new ActivationLayer(Activation.Relu, 6))));
    }

    [Fact]
    public void Forward_and_backward_refuse_wrong_lengths_and_a_backward_without_forward()
    {
        var network = Network();
        var before = network.Parameters.ToArray();
        Assert.Equal("rows", Name(() => network.Forward(Features, 0)));
        Assert.Equal("input", Name(() => network.Forward(Features, 3)));
        Assert.Throws<InvalidOperationException>(() => network.Backward(new double[4]));
        network.Forward(Features, 2);
        Assert.Equal("outputGradient", Name(() => network.Backward(new double[3])));
        Assert.Equal("inputGradient", Name(() => network.Backward(new double[4], new double[7])));
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void Training_refuses_bad_data_options_and_updaters_before_a_step()
    {
        var network = Network();
        var before = network.Parameters.ToArray();
        Assert.Equal("network", Name(() => Training.Train(null!, Features, Targets)));
        Assert.Equal("features", Name(() => Training.Train(network, Features.AsSpan(0, 7), Targets)));
        Assert.Equal("features", Name(() => Training.Train(network, [], [])));
        Assert.Equal("targets", Name(() => Training.Train(network, Features, Targets.AsSpan(0, 3))));
        Assert.Equal("updater", Name(() => Training.Train(network, Features, Targets, ParameterUpdater.Adam(network.ParameterCount + 1))));
        Assert.Equal("updater", Name(() => Training.Train(network, Features, Targets, (IParameterUpdater)null!)));
        Assert.Equal("Epochs", Name(() => Training.Train(network, Features, Targets, new TrainingOptions { Epochs = 0 })));
        Assert.Equal("BatchSize", Name(() => Training.Train(network, Features, Targets, new TrainingOptions { BatchSize = 0 })));
        Assert.Equal("Optimizer", Name(() => Training.Train(network, Features, Targets, new TrainingOptions { Optimizer = null! })));
        Assert.Equal("ClipValue", Name(() => Training.Train(network, Features, Targets, new TrainingOptions { ClipValue = double.NaN })));
        Assert.Equal("ClipNorm", Name(() => Training.Train(network, Features, Targets, new TrainingOptions { ClipNorm = -1 })));
        Assert.Equal("VanishingThreshold", Name(() => Training.Train(network, Features, Targets,
            new TrainingOptions { VanishingThreshold = 1e4 })));
        Assert.Equal("options", Name(() => Training.Train(network, Features, Targets,
            new TrainingOptions { Optimizer = new OptimizerOptions { Method = OptimizationMethod.Bfgs } })));
        Assert.Equal("features", Name(() => Training.Accuracy(network, Features.AsSpan(0, 5), Targets)));
        Assert.Equal("targets", Name(() => Training.Loss(network, Features, Targets.AsSpan(0, 2))));
        Assert.Equal(before, network.Parameters.ToArray());
    }

    [Fact]
    public void Updaters_refuse_bad_constants_and_buffers_of_another_size()
    {
        Assert.Equal("count", Name(() => ParameterUpdater.Adam(0)));
        Assert.Equal("LearningRate", Name(() => ParameterUpdater.Sgd(3, double.NaN)));
        Assert.Equal("Momentum", Name(() => ParameterUpdater.Sgd(3, 0.1, 1.0)));
        Assert.Equal("options", Name(() => ParameterUpdater.Create(null!, 3)));
        var updater = ParameterUpdater.Adam(3);
        double[] parameters = [1, 2, 3];
        Assert.Equal("parameters", Name(() => updater.Step(new double[2], new double[3])));
        Assert.Equal("gradient", Name(() => updater.Step(parameters, new double[2])));
        Assert.Equal([1.0, 2.0, 3.0], parameters);
    }

    [Fact]
    public void Clipping_and_the_classification_head_name_their_parameters()
    {
        double[] gradient = [3, 4];
        Assert.Equal("maxNorm", Name(() => GradientClipping.ByGlobalNorm(gradient, double.NaN)));
        Assert.Equal("maxNorm", Name(() => GradientClipping.ByGlobalNorm(gradient, 0)));
        Assert.Equal("maxValue", Name(() => GradientClipping.ByValue(gradient, double.PositiveInfinity)));
        Assert.Equal([3.0, 4.0], gradient);
        Assert.Equal("classes", Name(() => SoftmaxCrossEntropy.CountCorrect(Targets, Targets, 0)));
        Assert.Equal("targets", Name(() => SoftmaxCrossEntropy.CountCorrect(Targets, Targets.AsSpan(0, 2), 2)));
        Assert.Equal("targets", Name(() => SoftmaxCrossEntropy.Loss(Targets, Targets.AsSpan(0, 2), 2)));
        Assert.Equal("rowLength", Name(() => SoftmaxCrossEntropy.Probabilities(Targets, new double[4], 0)));
    }

    [Fact]
    public void The_network_gradient_check_refuses_partial_rows_and_leaves_the_parameters_alone()
    {
        var network = Network();
        var before = network.Parameters.ToArray();
        Assert.Equal("network", Name(() => NetworkGradientCheck.Parameters(null!, Features, Targets)));
        Assert.Equal("features", Name(() => NetworkGradientCheck.Parameters(network, Features.AsSpan(0, 6), Targets)));
        Assert.Equal("targets", Name(() => NetworkGradientCheck.Inputs(network, Features, Targets.AsSpan(0, 3))));
        Assert.Equal(before, network.Parameters.ToArray());
    }
}
