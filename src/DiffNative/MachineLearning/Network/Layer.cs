using System.Numerics;

namespace DiffNative.MachineLearning;

/// <summary>A layer of a <see cref="Sequential{T}"/> network computing in <typeparamref name="T"/>
/// (double or float): a map from rows of
/// <see cref="Inputs"/> values to rows of <see cref="Outputs"/> values with
/// <see cref="ParameterCount"/> parameters. A layer holds no parameters or buffers itself: the
/// network owns them and passes the layer its slice, so one layer description can serve several
/// networks and the whole parameter vector is one span for optimisers and gradient checks.
/// Derive from it (or from <see cref="Layer"/>, the double one) for a custom layer;
/// <see cref="NetworkGradientCheck"/> checks its backward pass.</summary>
/// <typeparam name="T">The element type: double or float.</typeparam>
public abstract class Layer<T> where T : struct, IFloatingPointIeee754<T>
{
    /// <summary>Sets the row widths.</summary>
    /// <param name="inputs">Values per input row, at least 1.</param>
    /// <param name="outputs">Values per output row, at least 1.</param>
    /// <exception cref="NotSupportedException">T is neither double nor float.</exception>
    protected Layer(int inputs, int outputs)
    {
        NetworkPrecision<T>.RequireSupported();
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        Inputs = inputs;
        Outputs = outputs;
    }

    /// <summary>Values per input row.</summary>
    public int Inputs { get; }

    /// <summary>Values per output row.</summary>
    public int Outputs { get; }

    /// <summary>How many parameters the layer reads from its slice; 0 by default.</summary>
    public virtual int ParameterCount => 0;

    /// <summary>Writes initial parameters; the default writes none.</summary>
    /// <param name="parameters"><see cref="ParameterCount"/> values.</param>
    /// <param name="random">The network's seeded source, so a seed fixes the whole initialisation.</param>
    public virtual void Initialize(Span<T> parameters, Random random)
    {
    }

    /// <summary>A readable name of parameter <paramref name="index"/> within this layer, for
    /// gradient-check reports.</summary>
    public virtual string DescribeParameter(int index) => $"parameter {index}";

    /// <summary>output = f(input; parameters) for <paramref name="rows"/> row-major rows.</summary>
    /// <param name="parameters"><see cref="ParameterCount"/> values.</param>
    /// <param name="input">rows × <see cref="Inputs"/> values.</param>
    /// <param name="output">rows × <see cref="Outputs"/> values; must not overlap the input.</param>
    /// <param name="rows">Rows in the batch, at least 1.</param>
    public void Forward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, Span<T> output, int rows)
    {
        Require(parameters.Length, ParameterCount, nameof(parameters));
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        Require(input.Length, rows * Inputs, nameof(input));
        Require(output.Length, rows * Outputs, nameof(output));
        ForwardCore(parameters, input, output, rows);
    }

    /// <summary>The backward pass at the forward point <paramref name="input"/>: given
    /// upstream = ∂L/∂output, writes ∂L/∂input and ∂L/∂parameters (summed over the rows; the loss
    /// already carries any 1/rows). Both outputs are overwritten, not accumulated.</summary>
    /// <param name="parameters"><see cref="ParameterCount"/> values.</param>
    /// <param name="input">The forward input, rows × <see cref="Inputs"/>.</param>
    /// <param name="outputGradient">∂L/∂output, rows × <see cref="Outputs"/>.</param>
    /// <param name="inputGradient">rows × <see cref="Inputs"/>, or empty to skip it (the first layer's).</param>
    /// <param name="parameterGradient"><see cref="ParameterCount"/> values.</param>
    /// <param name="rows">Rows in the batch, at least 1.</param>
    public void Backward(ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, ReadOnlySpan<T> outputGradient,
        Span<T> inputGradient, Span<T> parameterGradient, int rows)
    {
        Require(parameters.Length, ParameterCount, nameof(parameters));
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        Require(input.Length, rows * Inputs, nameof(input));
        Require(outputGradient.Length, rows * Outputs, nameof(outputGradient));
        if (!inputGradient.IsEmpty) Require(inputGradient.Length, rows * Inputs, nameof(inputGradient));
        Require(parameterGradient.Length, ParameterCount, nameof(parameterGradient));
        BackwardCore(parameters, input, outputGradient, inputGradient, parameterGradient, rows);
    }

    /// <summary><see cref="Forward"/> with the lengths already checked.</summary>
    protected abstract void ForwardCore(ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, Span<T> output, int rows);

    /// <summary><see cref="Backward"/> with the lengths already checked; an empty
    /// <paramref name="inputGradient"/> means it is not wanted.</summary>
    protected abstract void BackwardCore(ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, ReadOnlySpan<T> outputGradient,
        Span<T> inputGradient, Span<T> parameterGradient, int rows);

    /// <summary><see cref="ForwardCore"/> for a layer that hands its work to another: the double
    /// <see cref="DenseLayer"/> and <see cref="ActivationLayer"/> run their generic twins this way,
    /// so the lengths are checked once, by the outer layer.</summary>
    internal void ForwardUnchecked(ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, Span<T> output, int rows) =>
        ForwardCore(parameters, input, output, rows);

    /// <summary><see cref="BackwardCore"/> for a layer that hands its work to another (see
    /// <see cref="ForwardUnchecked"/>).</summary>
    internal void BackwardUnchecked(ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, ReadOnlySpan<T> outputGradient,
        Span<T> inputGradient, Span<T> parameterGradient, int rows) =>
        BackwardCore(parameters, input, outputGradient, inputGradient, parameterGradient, rows);

    /// <summary>"Name inputs→outputs", with "&lt;float&gt;" after the name of a generic float layer.</summary>
    public override string ToString() => $"{DisplayName(GetType())} {Inputs}→{Outputs}";

    // A type nested in a generic class is generic too but has no arity mark ("`1") of its own.
    private static string DisplayName(Type type) =>
        type.Name.IndexOf('`') is var mark and >= 0 ? $"{type.Name[..mark]}<{NetworkPrecision<T>.Name}>" : type.Name;

    private static void Require(int actual, int expected, string name)
    {
        if (actual != expected)
            throw new ArgumentException($"Expected {expected} values, got {actual}.", name);
    }
}

/// <summary>A layer of a double <see cref="Sequential"/> network: <see cref="Layer{T}"/> of double,
/// the base of custom double layers.</summary>
public abstract class Layer : Layer<double>
{
    /// <summary>Sets the row widths.</summary>
    /// <param name="inputs">Values per input row, at least 1.</param>
    /// <param name="outputs">Values per output row, at least 1.</param>
    protected Layer(int inputs, int outputs) : base(inputs, outputs)
    {
    }
}
