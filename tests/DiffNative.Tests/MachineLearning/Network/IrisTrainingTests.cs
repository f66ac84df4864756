using Xunit.Abstractions;

namespace DiffNative.Tests.MachineLearning.Network;

/// <summary>A double 4-16-3 network learns Fisher's Iris data (150 rows, standardised) to at least
/// 95 % training accuracy with a fixed seed, with Adam (<see cref="IrisTrainingTestsBase{T}"/>) and
/// with SGD + momentum chosen through the training options.</summary>
public class IrisTrainingTests(ITestOutputHelper output) : IrisTrainingTestsBase<double>(output)
{
    protected override (double[] Features, double[] Targets) Load() => IrisData.Load();

    protected override Sequential<double> Layers(WeightInitialization first, Activation activation) =>
        new Sequential(new DenseLayer(4, 16, first), new ActivationLayer(activation, 16), new DenseLayer(16, 3));

    [Fact]
    public void Relu_network_with_SGD_and_momentum_reaches_95_percent_training_accuracy()
    {
        var network = Network(Activation.Relu, seed: 2);
        TrainAndReport(network, new TrainingOptions
        {
            Epochs = 100, BatchSize = 16, Seed = 2, ClipNorm = 5.0,
            Optimizer = new OptimizerOptions { Method = OptimizationMethod.Momentum, LearningRate = 0.05, Momentum = 0.9 },
        });
    }
}
