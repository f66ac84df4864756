using Xunit.Abstractions;

namespace DiffNative.Tests.MachineLearning.Network;

/// <summary>A 4-16-3 network whose parameters, activations and gradients are float learns Fisher's
/// Iris data (150 rows, standardised, rounded to float) to at least 95 % training accuracy with a
/// fixed seed, with Adam (<see cref="IrisTrainingTestsBase{T}"/>) and with SGD + momentum given as
/// an explicit float updater.</summary>
public class FloatIrisTrainingTests(ITestOutputHelper output) : IrisTrainingTestsBase<float>(output)
{
    protected override (float[] Features, float[] Targets) Load() => IrisData.LoadSingle();

    protected override Sequential<float> Layers(WeightInitialization first, Activation activation) =>
        new(new DenseLayer<float>(4, 16, first), new ActivationLayer<float>(activation, 16), new DenseLayer<float>(16, 3));

    [Fact]
    public void Float_relu_network_with_SGD_and_momentum_reaches_95_percent_training_accuracy()
    {
        var network = Network(Activation.Relu, seed: 2);
        var updater = ParameterUpdater.Sgd<float>(network.ParameterCount, 0.05, momentum: 0.9);
        TrainAndReport(network, new TrainingOptions { Epochs = 100, BatchSize = 16, Seed = 2, ClipNorm = 5.0 }, updater);
    }
}
