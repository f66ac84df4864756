using Xunit.Abstractions;

namespace DiffNative.Tests.MachineLearning.Network;

/// <summary>A 4-16-3 network whose parameters, activations and gradients are float learns Fisher's
/// Iris data (150 rows, standardised, rounded to float) to at least 95 % training accuracy with a
/// fixed seed, with Adam and with SGD + momentum.</summary>
public class FloatIrisTrainingTests(ITestOutputHelper output)
{
    private static Sequential<float> Network(Activation activation, int seed)
    {
        var network = new Sequential<float>(
            new DenseLayer<float>(4, 16, activation.Kind == ActivationKind.Relu ? WeightInitialization.He : WeightInitialization.Xavier),
            new ActivationLayer<float>(activation, 16),
            new DenseLayer<float>(16, 3));
        network.Initialize(new Random(seed));
        return network;
    }

    private TrainingResult TrainAndReport(Sequential<float> network, TrainingOptions options, IParameterUpdater<float>? updater = null)
    {
        var (x, y) = IrisData.LoadSingle();
        return IrisRun.TrainAndReport(output, "float", network, x, y, options, updater);
    }

    [Fact]
    public void Float_tanh_network_with_Adam_reaches_95_percent_training_accuracy()
    {
        var result = TrainAndReport(Network(Activation.Tanh, seed: 1), new TrainingOptions
        {
            Epochs = 100, BatchSize = 16, Seed = 1,
            Optimizer = new OptimizerOptions { Method = OptimizationMethod.Adam, LearningRate = 1e-2 },
        });
        Assert.True(result.Last!.Loss < result.Epochs[0].Loss / 4);
    }

    [Fact]
    public void Float_relu_network_with_SGD_and_momentum_reaches_95_percent_training_accuracy()
    {
        var network = Network(Activation.Relu, seed: 2);
        var updater = ParameterUpdater.Sgd<float>(network.ParameterCount, 0.05, momentum: 0.9);
        TrainAndReport(network, new TrainingOptions { Epochs = 100, BatchSize = 16, Seed = 2, ClipNorm = 5.0 }, updater);
    }

    [Fact]
    public void The_same_seeds_give_the_same_float_network_bit_for_bit()
    {
        var (x, y) = IrisData.LoadSingle();
        var options = new TrainingOptions { Epochs = 5, Seed = 3 };
        var a = Network(Activation.Tanh, seed: 3);
        var b = Network(Activation.Tanh, seed: 3);
        Training.Train(a, x, y, options);
        Training.Train(b, x, y, options);
        Assert.Equal(a.Parameters.ToArray(), b.Parameters.ToArray());
    }
}
