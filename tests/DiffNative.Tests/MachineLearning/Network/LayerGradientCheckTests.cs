namespace DiffNative.Tests.MachineLearning.Network;

/// <summary>Every layer's backward pass and every activation inside a network agree with finite
/// differences of the forward pass; a deliberately broken backward pass is caught and the wrong
/// parameters are named.</summary>
public class LayerGradientCheckTests
{
    private const int Rows = 3;

    public static TheoryData<ActivationKind> Kinds => new(Enum.GetValues<ActivationKind>());

    /// <summary>Inputs kept away from 0, where ReLU and leaky ReLU have their kink and a central
    /// difference straddling it would be wrong, not the backward pass.</summary>
    private static double[] Inputs(int count, int seed)
    {
        var random = new Random(seed);
        var x = new double[count];
        for (var i = 0; i < count; i++) x[i] = (random.NextDouble() < 0.5 ? -1 : 1) * (0.2 + 1.3 * random.NextDouble());
        return x;
    }

    private static double[] OneHot(int rows, int classes)
    {
        var y = new double[rows * classes];
        for (var r = 0; r < rows; r++) y[r * classes + (r * 2 + 1) % classes] = 1;
        return y;
    }

    [Fact]
    public void Dense_input_gradient_matches_finite_differences()
    {
        var layer = new DenseLayer(4, 3);
        var theta = Inputs(layer.ParameterCount, 1);
        var report = GradientCheck.Backward(
            (x, y) => layer.Forward(theta, x, y, Rows), Rows * 3,
            (x, g, dx) => layer.Backward(theta, x, g, dx, new double[layer.ParameterCount], Rows),
            Inputs(Rows * 4, 2));
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(Rows * 3 * Rows * 4, report.Checked);
    }

    [Fact]
    public void Dense_parameter_gradient_matches_finite_differences()
    {
        var layer = new DenseLayer(4, 3);
        var x = Inputs(Rows * 4, 3);
        var report = GradientCheck.Backward(
            (theta, y) => layer.Forward(theta, x, y, Rows), Rows * 3,
            (theta, g, dtheta) => layer.Backward(theta, x, g, default, dtheta, Rows),
            Inputs(layer.ParameterCount, 4));
        Assert.True(report.Passed, report.ToString());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Activation_layer_backward_matches_finite_differences(ActivationKind kind)
    {
        var layer = new ActivationLayer(new Activation(kind, 0.1), 5);
        var report = GradientCheck.Backward(
            (x, y) => layer.Forward([], x, y, Rows), Rows * 5,
            (x, g, dx) => layer.Backward([], x, g, dx, [], Rows),
            Inputs(Rows * 5, 5));
        Assert.True(report.Passed, report.ToString());
    }

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

        var parameters = NetworkGradientCheck.Parameters(network, x, y);
        Assert.True(parameters.Passed, parameters.ToString());
        Assert.Equal(network.ParameterCount, parameters.Checked);
        var inputs = NetworkGradientCheck.Inputs(network, x, y);
        Assert.True(inputs.Passed, inputs.ToString());
    }

    [Fact]
    public void A_deeper_network_passes_the_fast_directional_check()
    {
        var network = new Sequential(
            new DenseLayer(4, 16, WeightInitialization.He), new ActivationLayer(Activation.Elu(), 16),
            new DenseLayer(16, 8), new ActivationLayer(Activation.Tanh, 8),
            new DenseLayer(8, 3));
        network.Initialize(new Random(9));
        var report = NetworkGradientCheck.Parameters(network, Inputs(5 * 4, 10), OneHot(5, 3),
            GradientCheckOptions.Default with { Directions = 8 });
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void The_check_leaves_the_parameters_as_it_found_them()
    {
        var network = new Sequential(new DenseLayer(4, 3));
        network.Initialize(new Random(11));
        var before = network.Parameters.ToArray();
        NetworkGradientCheck.Parameters(network, Inputs(Rows * 4, 12), OneHot(Rows, 3));
        Assert.Equal(before, network.Parameters.ToArray());
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

        Assert.False(report.Passed);
        // dW transposed is wrong exactly off the diagonal of the first layer's 3×3 weights.
        Assert.Equal(6, report.Failures);
        var named = report.Worst.Select(e => network.DescribeParameter(e.Column)).ToList();
        Assert.All(named, name => Assert.StartsWith("layer 0 (TransposedWeightGradientLayer 3→3) weight[", name));
        Assert.All(report.Worst, e => Assert.NotEqual(e.Column / 3, e.Column % 3));
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
