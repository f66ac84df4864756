using System.Numerics;

namespace DiffNative.MachineLearning;

/// <summary>A feed-forward network computing in <typeparamref name="T"/> (double or float): layers
/// applied in order to mini-batches of row-major rows. It owns one flat parameter vector and one flat gradient vector (each layer has a slice), the
/// forward activations (kept for the backward pass) and the backward buffers. Buffers grow to the
/// largest batch seen and are then reused, so steady-state training allocates nothing. Not
/// thread-safe: one network, one training thread. <see cref="Sequential"/> is the double one.</summary>
/// <typeparam name="T">The element type of parameters, activations and gradients: double or float.</typeparam>
public class Sequential<T> where T : struct, IFloatingPointIeee754<T>
{
    private readonly Layer<T>[] layers;
    private readonly int[] offsets; // offsets[l] = start of layer l's parameters; offsets[^1] = total
    private readonly T[] parameters;
    private readonly T[] gradient;
    private readonly int widest;
    private T[][] activations; // activations[l] = input of layer l; activations[^1] = output
    private T[] backwardA = [], backwardB = [];
    private int capacity, lastRows;

    /// <summary>A network of <paramref name="layers"/>; each layer's inputs must equal the previous
    /// layer's outputs. Parameters start at 0: call <see cref="Initialize"/>.</summary>
    /// <exception cref="ArgumentException">No layers, or widths that do not chain.</exception>
    public Sequential(params Layer<T>[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Length == 0) throw new ArgumentException("A network has at least one layer.", nameof(layers));
        for (var l = 0; l < layers.Length; l++)
        {
            ArgumentNullException.ThrowIfNull(layers[l], $"{nameof(layers)}[{l}]");
            if (l > 0 && layers[l].Inputs != layers[l - 1].Outputs)
                throw new ArgumentException($"Layer {l} ({layers[l]}) takes {layers[l].Inputs} inputs but layer {l - 1} ({layers[l - 1]}) gives {layers[l - 1].Outputs}.", nameof(layers));
        }
        this.layers = (Layer<T>[])layers.Clone();
        offsets = new int[layers.Length + 1];
        for (var l = 0; l < layers.Length; l++) offsets[l + 1] = checked(offsets[l] + layers[l].ParameterCount);
        parameters = new T[offsets[^1]];
        gradient = new T[offsets[^1]];
        widest = layers.Max(layer => Math.Max(layer.Inputs, layer.Outputs));
        activations = new T[layers.Length + 1][];
    }

    /// <summary>The layers, first to last.</summary>
    public IReadOnlyList<Layer<T>> Layers => layers;

    /// <summary>Values per input row.</summary>
    public int Inputs => layers[0].Inputs;

    /// <summary>Values per output row.</summary>
    public int Outputs => layers[^1].Outputs;

    /// <summary>All parameters.</summary>
    public int ParameterCount => parameters.Length;

    /// <summary>Every layer's parameters, layer after layer; read and write freely (optimisers
    /// update it in place).</summary>
    public Span<T> Parameters => parameters;

    /// <summary>∂loss/∂parameters from the last <see cref="Backward"/>, laid out like
    /// <see cref="Parameters"/>; writable so that it can be clipped in place.</summary>
    public Span<T> Gradient => gradient;

    /// <summary>Layer <paramref name="layer"/>'s slice of <see cref="Parameters"/>.</summary>
    public Span<T> LayerParameters(int layer) => parameters.AsSpan(offsets[layer], layers[layer].ParameterCount);

    /// <summary>Layer <paramref name="layer"/>'s slice of <see cref="Gradient"/>.</summary>
    public Span<T> LayerGradient(int layer) => gradient.AsSpan(offsets[layer], layers[layer].ParameterCount);

    /// <summary>Draws every layer's initial parameters from <paramref name="random"/> in layer
    /// order, so a seeded Random fixes the whole network.</summary>
    public void Initialize(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (var l = 0; l < layers.Length; l++) layers[l].Initialize(LayerParameters(l), random);
    }

    /// <summary>Where parameter <paramref name="index"/> lives, e.g. "layer 2 (DenseLayer 16→3)
    /// weight[1, 4]": turns a gradient-check column into a name.</summary>
    public string DescribeParameter(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, parameters.Length);
        var l = LayerOf(index);
        return $"layer {l} ({layers[l]}) {layers[l].DescribeParameter(index - offsets[l])}";
    }

    /// <summary>Runs the batch through every layer and returns the output rows (rows ×
    /// <see cref="Outputs"/>), valid until the next call. The input is copied, so the caller may
    /// reuse its buffer before <see cref="Backward"/>.</summary>
    /// <param name="input">rows × <see cref="Inputs"/> values.</param>
    /// <param name="rows">Rows in the batch, at least 1.</param>
    public ReadOnlySpan<T> Forward(ReadOnlySpan<T> input, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        if (input.Length != rows * Inputs)
            throw new ArgumentException($"{rows} rows of {Inputs} need {rows * Inputs} values, got {input.Length}.", nameof(input));
        EnsureCapacity(rows);
        input.CopyTo(activations[0]);
        for (var l = 0; l < layers.Length; l++)
            layers[l].Forward(LayerParameters(l), LayerInput(l, rows), activations[l + 1].AsSpan(0, rows * layers[l].Outputs), rows);
        lastRows = rows;
        return LayerInput(layers.Length, rows);
    }

    /// <summary>Backpropagates ∂loss/∂output of the last <see cref="Forward"/> batch: writes
    /// <see cref="Gradient"/> (overwriting it) and, when given, ∂loss/∂input.</summary>
    /// <param name="outputGradient">rows × <see cref="Outputs"/> values.</param>
    /// <param name="inputGradient">rows × <see cref="Inputs"/> values, or empty to skip (training does).</param>
    public void Backward(ReadOnlySpan<T> outputGradient, Span<T> inputGradient = default)
    {
        if (lastRows == 0) throw new InvalidOperationException("Backward needs a Forward first.");
        var rows = lastRows;
        if (outputGradient.Length != rows * Outputs)
            throw new ArgumentException($"{rows} rows of {Outputs} need {rows * Outputs} values, got {outputGradient.Length}.", nameof(outputGradient));
        ReadOnlySpan<T> upstream = outputGradient;
        for (var l = layers.Length - 1; l >= 0; l--)
        {
            // ping-pong between two buffers: layer l reads one and writes the other
            var downstream = l == 0 ? inputGradient : (l % 2 == 0 ? backwardA : backwardB).AsSpan(0, rows * layers[l].Inputs);
            layers[l].Backward(LayerParameters(l), LayerInput(l, rows), upstream, downstream, LayerGradient(l), rows);
            upstream = downstream;
        }
    }

    private ReadOnlySpan<T> LayerInput(int l, int rows) =>
        activations[l].AsSpan(0, rows * (l < layers.Length ? layers[l].Inputs : Outputs));

    private int LayerOf(int index)
    {
        for (var l = 0; l < layers.Length; l++)
            if (index < offsets[l + 1]) return l;
        throw new ArgumentOutOfRangeException(nameof(index));
    }

    private void EnsureCapacity(int rows)
    {
        if (rows <= capacity) return;
        for (var l = 0; l <= layers.Length; l++)
            activations[l] = new T[rows * (l < layers.Length ? layers[l].Inputs : Outputs)];
        backwardA = new T[rows * widest];
        backwardB = new T[rows * widest];
        capacity = rows;
    }
}

/// <summary>The double <see cref="Sequential{T}"/>.</summary>
public sealed class Sequential : Sequential<double>
{
    /// <summary>A double network of <paramref name="layers"/>; each layer's inputs must equal the
    /// previous layer's outputs. Parameters start at 0: call <see cref="Sequential{T}.Initialize"/>.</summary>
    /// <exception cref="ArgumentException">No layers, or widths that do not chain.</exception>
    public Sequential(params Layer<double>[] layers) : base(layers)
    {
    }
}
