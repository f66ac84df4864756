namespace DiffNative.Tests.MachineLearning.Network;

/// <summary>Every double layer's backward pass and every activation inside a double network agree
/// with finite differences of the forward pass (<see cref="LayerGradientCheckTestsBase{T}"/> and
/// below); a deliberately broken backward pass is caught and the wrong parameters are named.</summary>
public class LayerGradientCheckTests : LayerGradientCheckTestsBase<double>
{
    protected override GradientCheckReport CheckBackward(Pass forward, int outputs, BackwardPass backward, double[] x) =>
        GradientCheck.Backward((p, y) => forward(p, y), outputs, (p, g, dp) => backward(p, g, dp), x);

    protected override Layer<double> Dense(int inputs, int outputs, WeightInitialization initialization = WeightInitialization.Xavier) =>
        new DenseLayer(inputs, outputs, initialization);

    protected override Layer<double> Activate(Activation activation, int size) => new ActivationLayer(activation, size);

    protected override Sequential<double> Network(params Layer<double>[] layers) => new Sequential(layers);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_network_with_each_activation_backpropagates_the_loss_to_parameters_and_inputs(ActivationKind kind)
    {
        var network = new Sequential(
            new DenseLayer(4, 5), new ActivationLayer(new Activation(kind, 0.1), 5),
            new DenseLayer(5, 3));
        network.Initialize(new Random(6));
        // Biases away from 0 so that pre-activations sit away from the ReLU kink at this point.
        Inputs(5, 7).CopyTo(network.LayerParameters(0)[20..]);
        var x = Inputs(Rows * 4, 8);
        var y = OneHot(Rows, 3);

        AssertBackpropagatesToParametersAndInputs(network, x, y);
    }

    [Fact]
    public void A_transposed_weight_gradient_is_caught_and_the_wrong_weights_named()
    {
        var network = new Sequential(
            new TransposedWeightGradientLayer(new DenseLayer(3, 3)), new ActivationLayer(Activation.Tanh, 3),
            new DenseLayer(3, 3));
        network.Initialize(new Random(13));
        var report = NetworkGradientCheck.Parameters(network, Inputs(4 * 3, 14), OneHot(4, 3),
            GradientCheckOptions.Default with { WorstCount = 6 });

        AssertTransposedWeightsCaught(network, report, "TransposedWeightGradientLayer");
        // Each wrong entry holds the gradient of its mirror image.
        var worst = report.Worst[0];
        var mirror = worst.Column % 3 * 3 + worst.Column / 3;
        Assert.Contains(report.Worst, e => e.Column == mirror && Math.Abs(e.Numeric - worst.Analytic) < 1e-6);
    }

    /// <summary>A dense layer with a classic bug: its weight gradient is transposed (written at
    /// [i, o] instead of [o, i]), which a square layer cannot notice by shape.</summary>
    private sealed class TransposedWeightGradientLayer(DenseLayer inner) : Layer(inner.Inputs, inner.Outputs)
    {
        public override int ParameterCount => inner.ParameterCount;

        public override void Initialize(Span<double> parameters, Random random) => inner.Initialize(parameters, random);

        public override string DescribeParameter(int index) => inner.DescribeParameter(index);

        protected override void ForwardCore(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, Span<double> output, int rows) =>
            inner.Forward(parameters, input, output, rows);

        protected override void BackwardCore(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, ReadOnlySpan<double> outputGradient,
            Span<double> inputGradient, Span<double> parameterGradient, int rows)
        {
            inner.Backward(parameters, input, outputGradient, inputGradient, parameterGradient, rows);
            var n = Inputs;
            for (var o = 0; o < n; o++)
                for (var i = o + 1; i < n; i++)
                    (parameterGradient[o * n + i], parameterGradient[i * n + o]) = (parameterGradient[i * n + o], parameterGradient[o * n + i]);
        }
    }
}
