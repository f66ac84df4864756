namespace DiffNative.Tests.MachineLearning.Network;

/// <summary>The float layers' backward passes agree with finite differences of their float forward
/// passes under the float-aware checker (<see cref="GradientCheckOptions.Float"/>), alone and
/// inside float networks with every activation (<see cref="LayerGradientCheckTestsBase{T}"/> and
/// below); broken float backward passes are caught and the wrong parameters named.</summary>
public class FloatLayerGradientCheckTests : LayerGradientCheckTestsBase<float>
{
    protected override GradientCheckReport CheckBackward(Pass forward, int outputs, BackwardPass backward, float[] x) =>
        GradientCheck.Backward((p, y) => forward(p, y), outputs, (p, g, dp) => backward(p, g, dp), x);

    protected override Layer<float> Dense(int inputs, int outputs, WeightInitialization initialization = WeightInitialization.Xavier) =>
        new DenseLayer<float>(inputs, outputs, initialization);

    protected override Layer<float> Activate(Activation activation, int size) => new ActivationLayer<float>(activation, size);

    protected override Sequential<float> Network(params Layer<float>[] layers) => new(layers);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_float_network_with_each_activation_backpropagates_the_loss_to_parameters_and_inputs(ActivationKind kind)
    {
        var network = new Sequential<float>(
            new DenseLayer<float>(4, 5), new ActivationLayer<float>(new Activation(kind, 0.1), 5),
            new DenseLayer<float>(5, 3));
        network.Initialize(new Random(6));
        // Float steps are about 4 % of max(|θ|, 1), so the kinks of ReLU, leaky ReLU and ELU must be
        // further away than in double: small first-layer weights and biases of ±1.5 keep every
        // pre-activation at least 1.5 − 4·0.1·1.5 = 0.9 from 0 (the assertion below checks it).
        var first = network.LayerParameters(0);
        for (var k = 0; k < 20; k++) first[k] *= 0.1f;
        for (var o = 0; o < 5; o++) first[20 + o] = o % 2 == 0 ? 1.5f : -1.5f;
        var x = Inputs(Rows * 4, 8);
        var y = OneHot(Rows, 3);
        var preActivations = new float[Rows * 5];
        network.Layers[0].Forward(network.LayerParameters(0), x, preActivations, Rows);
        Assert.All(preActivations, z => Assert.True(Math.Abs(z) > 0.9f, $"pre-activation {z}"));

        AssertBackpropagatesToParametersAndInputs(network, x, y);
    }

    [Fact]
    public void A_transposed_float_weight_gradient_is_caught_and_the_wrong_weights_named()
    {
        var network = new Sequential<float>(
            new BrokenFloatDenseLayer(3, 3, transposeWeights: true), new ActivationLayer<float>(Activation.Tanh, 3),
            new DenseLayer<float>(3, 3));
        network.Initialize(new Random(13));
        var report = NetworkGradientCheck.Parameters(network, Inputs(4 * 3, 14), OneHot(4, 3),
            GradientCheckOptions.Float with { WorstCount = 6 });

        AssertTransposedWeightsCaught(network, report, "BrokenFloatDenseLayer");
    }

    [Fact]
    public void One_float_bias_gradient_ten_percent_off_is_caught_and_named()
    {
        var network = new Sequential<float>(
            new DenseLayer<float>(4, 5), new ActivationLayer<float>(Activation.Sigmoid, 5),
            new BrokenFloatDenseLayer(5, 3, scaledBias: 1));
        network.Initialize(new Random(15));
        var report = NetworkGradientCheck.Parameters(network, Inputs(6 * 4, 16), OneHot(6, 3));

        Assert.False(report.Passed);
        Assert.Equal(1, report.Failures);
        Assert.Equal("layer 2 (BrokenFloatDenseLayer 5→3) bias[1]", network.DescribeParameter(report.Worst[0].Column));
        Assert.Equal(1.1, report.Worst[0].Analytic / report.Worst[0].Numeric, 2);
    }

    /// <summary>A float dense layer with a planted bug: its weight gradient transposed (which a
    /// square layer cannot notice by shape), or one bias gradient 10 % too large.</summary>
    private sealed class BrokenFloatDenseLayer(int inputs, int outputs, bool transposeWeights = false, int scaledBias = -1)
        : Layer<float>(inputs, outputs)
    {
        private readonly DenseLayer<float> inner = new(inputs, outputs);

        public override int ParameterCount => inner.ParameterCount;

        public override void Initialize(Span<float> parameters, Random random) => inner.Initialize(parameters, random);

        public override string DescribeParameter(int index) => inner.DescribeParameter(index);

        protected override void ForwardCore(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, int rows) =>
            inner.Forward(parameters, input, output, rows);

        protected override void BackwardCore(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> outputGradient,
            Span<float> inputGradient, Span<float> parameterGradient, int rows)
        {
            inner.Backward(parameters, input, outputGradient, inputGradient, parameterGradient, rows);
            if (transposeWeights)
                for (var o = 0; o < Outputs; o++)
                    for (var i = o + 1; i < Inputs; i++)
                        (parameterGradient[o * Inputs + i], parameterGradient[i * Inputs + o]) =
                            (parameterGradient[i * Inputs + o], parameterGradient[o * Inputs + i]);
            if (scaledBias >= 0) parameterGradient[Outputs * Inputs + scaledBias] *= 1.1f;
        }
    }
}
