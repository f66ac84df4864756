using System.Numerics;
using Xunit.Abstractions;

namespace DiffNative.Tests.MachineLearning.Network;

/// <summary>The Iris cases every element type must pass, run once per derived class: a 4-16-3
/// network (He initialisation before ReLU, Xavier otherwise) learns Fisher's Iris data to at
/// least 95 % training accuracy, and a seed fixes the whole run.</summary>
public abstract class IrisTrainingTestsBase<T>(ITestOutputHelper output) where T : struct, IFloatingPointIeee754<T>
{
    /// <summary>"double" or "float", for the test output.</summary>
    private static string Label => typeof(T) == typeof(float) ? "float" : "double";

    /// <summary>The standardised Iris features and one-hot targets in T.</summary>
    protected abstract (T[] Features, T[] Targets) Load();

    /// <summary>Dense(4→16, <paramref name="first"/>), the activation, Dense(16→3), built from the
    /// element type's own layer classes (for double, the non-generic ones).</summary>
    protected abstract Sequential<T> Layers(WeightInitialization first, Activation activation);

    protected Sequential<T> Network(Activation activation, int seed)
    {
        var network = Layers(activation.Kind == ActivationKind.Relu ? WeightInitialization.He : WeightInitialization.Xavier, activation);
        network.Initialize(new Random(seed));
        return network;
    }

    protected TrainingResult TrainAndReport(Sequential<T> network, TrainingOptions options, IParameterUpdater<T>? updater = null)
    {
        var (x, y) = Load();
        return IrisRun.TrainAndReport(output, Label, network, x, y, options, updater);
    }

    [Fact]
    public void Tanh_network_with_Adam_reaches_95_percent_training_accuracy()
    {
        var result = TrainAndReport(Network(Activation.Tanh, seed: 1), new TrainingOptions
        {
            Epochs = 100, BatchSize = 16, Seed = 1,
            Optimizer = new OptimizerOptions { Method = OptimizationMethod.Adam, LearningRate = 1e-2 },
        });
        Assert.True(result.Last!.Loss < result.Epochs[0].Loss / 4);
    }

    [Fact]
    public void The_same_seeds_give_the_same_network_bit_for_bit()
    {
        var (x, y) = Load();
        var options = new TrainingOptions { Epochs = 5, Seed = 3 };
        var a = Network(Activation.Tanh, seed: 3);
        var b = Network(Activation.Tanh, seed: 3);
        Training.Train(a, x, y, options);
        Training.Train(b, x, y, options);
        Assert.Equal(a.Parameters.ToArray(), b.Parameters.ToArray());
        var c = Network(Activation.Tanh, seed: 3);
        Training.Train(c, x, y, options with { Seed = 4 }); // another shuffle, another network
        Assert.NotEqual(a.Parameters.ToArray(), c.Parameters.ToArray());
    }
}
