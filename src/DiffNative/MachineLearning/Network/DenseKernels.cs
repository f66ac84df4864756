using System.Numerics;

namespace DiffNative.MachineLearning;

/// <summary>The dense layer's arithmetic, shared by <see cref="DenseLayer"/> and
/// <see cref="DenseLayer{T}"/>. Every sum (a row's products, the gradients' sums over rows) runs
/// in double in a fixed order and is rounded once to T, so a float layer is the double layer on
/// its widened values, rounded once per entry, and the double layer keeps its bits.</summary>
internal static class DenseKernels
{
    internal static void Initialize<T>(int inputs, int outputs, WeightInitialization initialization, Span<T> parameters, Random random)
        where T : struct, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(random);
        var a = initialization == WeightInitialization.He ? Math.Sqrt(6.0 / inputs) : Math.Sqrt(6.0 / (inputs + outputs));
        var weights = parameters[..(outputs * inputs)];
        for (var k = 0; k < weights.Length; k++) weights[k] = T.CreateTruncating(a * (2.0 * random.NextDouble() - 1.0));
        parameters[(outputs * inputs)..].Clear();
    }

    internal static string DescribeParameter(int inputs, int outputs, int index) => index < outputs * inputs
        ? $"weight[{index / inputs}, {index % inputs}]"
        : $"bias[{index - outputs * inputs}]";

    internal static void Forward<T>(int inputs, int outputs, ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, Span<T> output, int rows)
        where T : struct, IFloatingPointIeee754<T>
    {
        var w = parameters[..(outputs * inputs)];
        var b = parameters[(outputs * inputs)..];
        for (var r = 0; r < rows; r++)
        {
            var x = input.Slice(r * inputs, inputs);
            var y = output.Slice(r * outputs, outputs);
            for (var o = 0; o < outputs; o++)
            {
                var row = w.Slice(o * inputs, inputs);
                var sum = 0.0;
                for (var i = 0; i < row.Length; i++) sum += Wide(row[i]) * Wide(x[i]);
                y[o] = Narrow<T>(Wide(b[o]) + sum);
            }
        }
    }

    internal static void Backward<T>(int inputs, int outputs, ReadOnlySpan<T> parameters, ReadOnlySpan<T> input, ReadOnlySpan<T> outputGradient,
        Span<T> inputGradient, Span<T> parameterGradient, int rows)
        where T : struct, IFloatingPointIeee754<T>
    {
        var w = parameters[..(outputs * inputs)];
        var dw = parameterGradient[..(outputs * inputs)];
        var db = parameterGradient[(outputs * inputs)..];
        // Each entry is one sum, over the rows (dW = gᵀx, db = Σ g) or the outputs (dx = g·W per
        // row), taken from 0 in index order.
        for (var o = 0; o < outputs; o++)
        {
            var bias = 0.0;
            for (var r = 0; r < rows; r++) bias += Wide(outputGradient[r * outputs + o]);
            db[o] = Narrow<T>(bias);
            for (var i = 0; i < inputs; i++)
            {
                var weight = 0.0;
                for (var r = 0; r < rows; r++) weight += Wide(outputGradient[r * outputs + o]) * Wide(input[r * inputs + i]);
                dw[o * inputs + i] = Narrow<T>(weight);
            }
        }
        if (inputGradient.IsEmpty) return;
        for (var r = 0; r < rows; r++)
        {
            var g = outputGradient.Slice(r * outputs, outputs);
            for (var i = 0; i < inputs; i++)
            {
                var sum = 0.0;
                for (var o = 0; o < outputs; o++) sum += Wide(g[o]) * Wide(w[o * inputs + i]);
                inputGradient[r * inputs + i] = Narrow<T>(sum);
            }
        }
    }

    private static double Wide<T>(T value) where T : struct, IFloatingPointIeee754<T> => NetworkPrecision<T>.Wide(value);

    private static T Narrow<T>(double value) where T : struct, IFloatingPointIeee754<T> => NetworkPrecision<T>.Narrow(value);
}
