using System.Numerics;

namespace DiffNative.MachineLearning;

/// <summary>An elementwise <see cref="DiffNative.MachineLearning.Activation"/> as a layer (same width in and out,
/// no parameters), on the native kernels of the chosen backend (the double kernels, or the float
/// ones: within 1 float ulp). The backward pass recomputes f′ from the stored input rather than
/// keeping a derivative buffer per layer. <see cref="ActivationLayer"/> is the double one.</summary>
/// <typeparam name="T">The element type: double or float.</typeparam>
public sealed class ActivationLayer<T> : Layer<T> where T : struct, IFloatingPointIeee754<T>
{
    /// <summary>An activation layer.</summary>
    /// <param name="activation">The function.</param>
    /// <param name="size">Values per row.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    public ActivationLayer(Activation activation, int size, Backend? backend = null) : base(size, size)
    {
        if (!Enum.IsDefined(activation.Kind))
            throw new ArgumentOutOfRangeException(nameof(activation), activation.Kind, "Unknown activation.");
        Activation = activation;
        Backend = backend;
    }

    /// <summary>The function.</summary>
    public Activation Activation { get; }

    /// <summary>The implementation; null for the default backend.</summary>
    public Backend? Backend { get; }

    /// <summary>"Kind size→size".</summary>
    public override string ToString() => $"{Activation.Kind} {Inputs}→{Outputs}";

    /// <inheritdoc/>
    protected override void ForwardCore(ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, Span<T> output, int rows) =>
        Activation.Forward(input, output, Backend);

    /// <inheritdoc/>
    protected override void BackwardCore(ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, ReadOnlySpan<T> outputGradient,
        Span<T> inputGradient, Span<T> parameterGradient, int rows)
    {
        // Nothing to do when the layer below does not want its input gradient.
        if (!inputGradient.IsEmpty)
            Activation.BackwardPass(input, outputGradient, inputGradient, Backend);
    }
}


/// <summary>An elementwise <see cref="DiffNative.MachineLearning.Activation"/> as a double layer (same width in and
/// out, no parameters), on the native kernels of the chosen backend: an
/// <see cref="ActivationLayer{T}"/> of double does all the work. The backward pass recomputes f′
/// from the stored input rather than keeping a derivative buffer per layer.</summary>
public sealed class ActivationLayer : Layer
{
    // A class has one base and this one must be a Layer (the base of double layers), so it cannot
    // be an ActivationLayer<double>; it holds one and hands it every call instead.
    private readonly ActivationLayer<double> twin;

    /// <summary>An activation layer.</summary>
    /// <param name="activation">The function.</param>
    /// <param name="size">Values per row.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    public ActivationLayer(Activation activation, int size, Backend? backend = null)
        : base(size, size) => twin = new ActivationLayer<double>(activation, size, backend);

    /// <summary>The function.</summary>
    public Activation Activation => twin.Activation;

    /// <summary>The implementation; null for the default backend.</summary>
    public Backend? Backend => twin.Backend;

    /// <summary>"Kind size→size".</summary>
    public override string ToString() => twin.ToString();

    /// <inheritdoc/>
    protected override void ForwardCore(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, Span<double> output, int rows) =>
        twin.ForwardUnchecked(parameters, input, output, rows);

    /// <inheritdoc/>
    protected override void BackwardCore(ReadOnlySpan<double> parameters, ReadOnlySpan<double> input, ReadOnlySpan<double> outputGradient,
        Span<double> inputGradient, Span<double> parameterGradient, int rows) =>
        twin.BackwardUnchecked(parameters, input, outputGradient, inputGradient, parameterGradient, rows);
}
