namespace DiffNative;

/// <summary>A fully connected layer y = x·Wᵀ + b per row. Parameters: W row-major
/// (<see cref="Layer.Outputs"/> × <see cref="Layer.Inputs"/>, PyTorch's layout, entry [o·inputs + i]),
/// then b (<see cref="Layer.Outputs"/> values).</summary>
public sealed class DenseLayer : Layer
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

    /// <summary>Weights uniform on [−a, a] (see <see cref="WeightInitialization"/>), biases 0.</summary>
    public override void Initialize(Span<double> parameters, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var a = Initialization == WeightInitialization.He ? Math.Sqrt(6.0 / Inputs) : Math.Sqrt(6.0 / (Inputs + Outputs));
        var weights = parameters[..(Outputs * Inputs)];
        for (var k = 0; k < weights.Length; k++) weights[k] = a * (2.0 * random.NextDouble() - 1.0);
        parameters[(Outputs * Inputs)..].Clear();
    }

    /// <summary>"weight[o, i]" or "bias[o]".</summary>
    public override string DescribeParameter(int index) => index < Outputs * Inputs
        ? $"weight[{index / Inputs}, {index % Inputs}]"
        : $"bias[{index - Outputs * Inputs}]";

    /// <inheritdoc/>
    protected override void ForwardCore(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, Span<double> output, int rows)
    {
        var w = parameters[..(Outputs * Inputs)];
        var b = parameters[(Outputs * Inputs)..];
        for (var r = 0; r < rows; r++)
        {
            var x = input.Slice(r * Inputs, Inputs);
            var y = output.Slice(r * Outputs, Outputs);
            for (var o = 0; o < Outputs; o++)
                y[o] = b[o] + Vectors.Dot(w.Slice(o * Inputs, Inputs), x);
        }
    }

    /// <inheritdoc/>
    protected override void BackwardCore(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, ReadOnlySpan<double> outputGradient,
        Span<double> inputGradient, Span<double> parameterGradient, int rows)
    {
        var w = parameters[..(Outputs * Inputs)];
        var dw = parameterGradient[..(Outputs * Inputs)];
        var db = parameterGradient[(Outputs * Inputs)..];
        parameterGradient.Clear();
        for (var r = 0; r < rows; r++)
        {
            var x = input.Slice(r * Inputs, Inputs);
            var g = outputGradient.Slice(r * Outputs, Outputs);
            for (var o = 0; o < Outputs; o++)
            {
                // dW[o, :] += g[o]·x and db[o] += g[o]: the outer product gᵀx summed over rows
                db[o] += g[o];
                Vectors.MoveAlong(dw.Slice(o * Inputs, Inputs), g[o], x, dw.Slice(o * Inputs, Inputs));
            }
            if (inputGradient.IsEmpty) continue;
            var dx = inputGradient.Slice(r * Inputs, Inputs);
            dx.Clear();
            for (var o = 0; o < Outputs; o++) // dx = g·W, row by row of W so the reads are contiguous
                Vectors.MoveAlong(dx, g[o], w.Slice(o * Inputs, Inputs), dx);
        }
    }
}
