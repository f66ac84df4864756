using System.Numerics;

namespace DiffNative.MachineLearning;

/// <summary>A fully connected layer y = x·Wᵀ + b per row, in <typeparamref name="T"/> (float for
/// float networks; <see cref="DenseLayer"/> is the double one). Parameters: W row-major
/// (<see cref="Layer{T}.Outputs"/> × <see cref="Layer{T}.Inputs"/>, PyTorch's layout, entry
/// [o·inputs + i]), then b (<see cref="Layer{T}.Outputs"/> values). Sums run in double and each
/// result is rounded once to T.</summary>
/// <typeparam name="T">The element type: double or float.</typeparam>
public sealed class DenseLayer<T> : Layer<T> where T : struct, IFloatingPointIeee754<T>
{
    /// <summary>A dense layer.</summary>
    /// <param name="inputs">Values per input row.</param>
    /// <param name="outputs">Values per output row.</param>
    /// <param name="initialization">How the weights are drawn.</param>
    public DenseLayer(int inputs, int outputs, WeightInitialization initialization = WeightInitialization.Xavier)
        : base(inputs, outputs)
    {
        if (!Enum.IsDefined(initialization))
            throw new ArgumentOutOfRangeException(nameof(initialization), initialization, "Unknown initialisation.");
        Initialization = initialization;
    }

    /// <summary>How the weights are drawn.</summary>
    public WeightInitialization Initialization { get; }

    /// <summary>outputs × inputs weights plus outputs biases.</summary>
    public override int ParameterCount => Outputs * Inputs + Outputs;

    /// <summary>Weights uniform on [−a, a] (see <see cref="WeightInitialization"/>), drawn in double
    /// and rounded to the element type (so a float layer with the same seed starts at the double
    /// layer's weights, rounded), biases 0.</summary>
    public override void Initialize(Span<T> parameters, Random random) =>
        DenseKernels.Initialize(Inputs, Outputs, Initialization, parameters, random);

    /// <summary>"weight[o, i]" or "bias[o]".</summary>
    public override string DescribeParameter(int index) => DenseKernels.DescribeParameter(Inputs, Outputs, index);

    /// <inheritdoc/>
    protected override void ForwardCore(ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, Span<T> output, int rows) =>
        DenseKernels.Forward(Inputs, Outputs, parameters, input, output, rows);

    /// <inheritdoc/>
    protected override void BackwardCore(ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, ReadOnlySpan<T> outputGradient,
        Span<T> inputGradient, Span<T> parameterGradient, int rows) =>
        DenseKernels.Backward(Inputs, Outputs, parameters, input, outputGradient, inputGradient, parameterGradient, rows);
}

/// <summary>A fully connected layer y = x·Wᵀ + b per row, in double. Parameters: W row-major
/// (<see cref="Layer{T}.Outputs"/> × <see cref="Layer{T}.Inputs"/>, PyTorch's layout, entry
/// [o·inputs + i]), then b (<see cref="Layer{T}.Outputs"/> values). A <see cref="DenseLayer{T}"/>
/// of double does all the work.</summary>
public sealed class DenseLayer : Layer
{
    // A class has one base and this one must be a Layer (the base of double layers), so it cannot
    // be a DenseLayer<double>; it holds one and hands it every call instead.
    private readonly DenseLayer<double> twin;

    /// <summary>A dense layer.</summary>
    /// <param name="inputs">Values per input row.</param>
    /// <param name="outputs">Values per output row.</param>
    /// <param name="initialization">How the weights are drawn.</param>
    public DenseLayer(int inputs, int outputs, WeightInitialization initialization = WeightInitialization.Xavier)
        : base(inputs, outputs) => twin = new DenseLayer<double>(inputs, outputs, initialization);

    /// <summary>How the weights are drawn.</summary>
    public WeightInitialization Initialization => twin.Initialization;

    /// <summary>outputs × inputs weights plus outputs biases.</summary>
    public override int ParameterCount => twin.ParameterCount;

    /// <summary>Weights uniform on [−a, a] (see <see cref="WeightInitialization"/>), biases 0.</summary>
    public override void Initialize(Span<double> parameters, Random random) => twin.Initialize(parameters, random);

    /// <summary>"weight[o, i]" or "bias[o]".</summary>
    public override string DescribeParameter(int index) => twin.DescribeParameter(index);

    /// <inheritdoc/>
    protected override void ForwardCore(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, Span<double> output, int rows) =>
        twin.ForwardUnchecked(parameters, input, output, rows);

    /// <inheritdoc/>
    protected override void BackwardCore(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, ReadOnlySpan<double> outputGradient,
        Span<double> inputGradient, Span<double> parameterGradient, int rows) =>
        twin.BackwardUnchecked(parameters, input, outputGradient, inputGradient, parameterGradient, rows);
}
