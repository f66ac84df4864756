using DiffNative.Tests.Support;

namespace DiffNative.Tests.MachineLearning.Network;

/// <summary>A float training step (forward, float head, backward, clipping, float Adam) allocates
/// nothing once the network's buffers exist, and training reports its records in double.</summary>
public class FloatTrainingStepTests
{
    [Fact]
    public void A_float_training_step_allocates_nothing_in_steady_state()
    {
        var network = new Sequential<float>(new DenseLayer<float>(4, 16), new ActivationLayer<float>(Activation.Tanh, 16), new DenseLayer<float>(16, 3));
        network.Initialize(new Random(4));
        var updater = ParameterUpdater.Adam<float>(network.ParameterCount, 1e-2);
        var (x, y) = IrisData.LoadSingle();
        var batchX = x.AsSpan(0, 16 * 4).ToArray();
        var batchY = y.AsSpan(0, 16 * 3).ToArray();
        var dz = new float[16 * 3];
        void Step()
        {
            var logits = network.Forward(batchX, 16);
            SoftmaxCrossEntropy.Loss(logits, batchY, 3, dz);
            SoftmaxCrossEntropy.CountCorrect(logits, batchY, 3);
            network.Backward(dz);
            GradientClipping.Norm(network.LayerGradient(0));
            GradientClipping.ByValue(network.Gradient, 10.0);
            GradientClipping.ByGlobalNorm(network.Gradient, 1.0);
            updater.Step(network.Parameters, network.Gradient);
        }
        Assert.Equal(0, Allocations.SteadyState(Step));
    }

    [Fact]
    public void A_float_step_changes_the_float_parameters_and_reports_double_records()
    {
        var network = new Sequential<float>(new DenseLayer<float>(4, 3));
        network.Initialize(new Random(5));
        var before = network.Parameters.ToArray();
        var (x, y) = IrisData.LoadSingle();
        var result = Training.Train(network, x, y, new TrainingOptions { Epochs = 1, BatchSize = 150 });
        Assert.Equal(1, result.Steps);
        Assert.NotEqual(before, network.Parameters.ToArray());
        // The first epoch's loss is the loss at the initial parameters, over all rows at once.
        var start = new Sequential<float>(new DenseLayer<float>(4, 3));
        before.CopyTo(start.Parameters);
        Assert.Equal(Training.Loss(start, x, y), result.Epochs[0].Loss, 1e-12);
    }

    /// <summary>A user's layer nested in a generic class is itself a generic type whose name has
    /// no arity mark: it is named as it is, not refused.</summary>
    [Fact]
    public void A_layer_nested_in_a_generic_class_is_named_plainly()
    {
        var layer = new Holder<int>.Identity(3);
        Assert.True(layer.GetType().IsGenericType);
        Assert.Equal("Identity 3→3", layer.ToString());
    }

    private static class Holder<TUnused>
    {
        internal sealed class Identity(int width) : Layer<float>(width, width)
        {
            public override int ParameterCount => 0;

            protected override void ForwardCore(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, int rows) =>
                input.CopyTo(output);

            protected override void BackwardCore(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> outputGradient,
                Span<float> inputGradient, Span<float> parameterGradient, int rows) =>
                outputGradient.CopyTo(inputGradient);
        }
    }

    [Fact]
    public void Float_layers_are_named_with_their_element_type()
    {
        var network = new Sequential<float>(new DenseLayer<float>(4, 16), new ActivationLayer<float>(Activation.Tanh, 16), new DenseLayer<float>(16, 3));
        Assert.Equal("layer 2 (DenseLayer<float> 16→3) bias[1]", network.DescribeParameter(network.ParameterCount - 2));
        Assert.Equal("Tanh 16→16", network.Layers[1].ToString());
    }
}
