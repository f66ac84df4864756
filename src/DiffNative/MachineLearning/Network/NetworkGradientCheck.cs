using System.Numerics;

namespace DiffNative.MachineLearning;

/// <summary>Checks a network's backpropagation with <see cref="GradientCheck"/>: the gradient of
/// the softmax cross-entropy loss with respect to the parameters, or to the inputs, against finite
/// differences of the loss. A failing report's <see cref="GradientCheckEntry.Column"/> is a
/// parameter index: <see cref="Sequential{T}.DescribeParameter"/> names it. A float network is
/// checked as the float overloads of <see cref="GradientCheck"/> check float code: every point
/// rounded to float, float-sized steps, and <see cref="GradientCheckOptions.Float"/> unless other
/// options are given. Checking code: it allocates, and it leaves the parameters as it found them.</summary>
public static class NetworkGradientCheck
{
    /// <summary>∂loss/∂parameters by backprop against finite differences, at the current parameters.</summary>
    /// <param name="network">The network.</param>
    /// <param name="features">rows × Inputs values.</param>
    /// <param name="targets">rows × Outputs one-hot values.</param>
    /// <param name="options">Tolerances and mode; <see cref="GradientCheckOptions.Default"/> for a
    /// double network and <see cref="GradientCheckOptions.Float"/> for a float one when null.</param>
    public static GradientCheckReport Parameters<T>(Sequential<T> network, ReadOnlySpan<T> features, ReadOnlySpan<T> targets,
        GradientCheckOptions? options = null) where T : struct, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        var (x, y, rows) = Copy(network, features, targets);
        var original = network.Parameters.ToArray();
        try
        {
            return GradientCheck.Gradient(
                theta => { Narrow(theta, network.Parameters); return Loss(network, x, y, rows, default); },
                (theta, g) =>
                {
                    Narrow(theta, network.Parameters);
                    var dz = new T[rows * network.Outputs];
                    Loss(network, x, y, rows, dz);
                    network.Backward(dz);
                    Widen(network.Gradient, g);
                },
                Widen(original), For<T>(options));
        }
        finally
        {
            original.CopyTo(network.Parameters);
        }
    }

    /// <summary>∂loss/∂features by backprop against finite differences: checks every layer's
    /// input gradient, which training never asks the first layer for.</summary>
    /// <inheritdoc cref="Parameters" path="/param"/>
    public static GradientCheckReport Inputs<T>(Sequential<T> network, ReadOnlySpan<T> features, ReadOnlySpan<T> targets,
        GradientCheckOptions? options = null) where T : struct, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        var (x, y, rows) = Copy(network, features, targets);
        return GradientCheck.Gradient(
            point => Loss(network, Narrow<T>(point), y, rows, default),
            (point, g) =>
            {
                var dz = new T[rows * network.Outputs];
                Loss(network, Narrow<T>(point), y, rows, dz);
                var dx = new T[point.Length];
                network.Backward(dz, dx);
                Widen(dx, g);
            },
            Widen(x), For<T>(options));
    }

    private static double Loss<T>(Sequential<T> network, T[] x, T[] y, int rows, Span<T> gradient) where T : struct, IFloatingPointIeee754<T> =>
        SoftmaxCrossEntropy.LossOf(network.Forward(x, rows), y, network.Outputs, gradient);

    /// <summary>The caller's options, or the element type's defaults; a float network always gets
    /// float-sized steps.</summary>
    private static GradientCheckOptions? For<T>(GradientCheckOptions? options) where T : struct, IFloatingPointIeee754<T> =>
        NetworkPrecision<T>.IsDouble ? options
        : options is null ? GradientCheckOptions.Float
        : options with { Precision = NumericPrecision.Single };

    private static (T[] X, T[] Y, int Rows) Copy<T>(Sequential<T> network, ReadOnlySpan<T> features, ReadOnlySpan<T> targets)
        where T : struct, IFloatingPointIeee754<T>
    {
        if (features.IsEmpty || features.Length % network.Inputs != 0)
            throw new ArgumentException($"{features.Length} values are not whole rows of {network.Inputs}.", nameof(features));
        var rows = features.Length / network.Inputs;
        if (targets.Length != rows * network.Outputs)
            throw new ArgumentException($"{rows} rows need {rows * network.Outputs} target values, got {targets.Length}.", nameof(targets));
        return (features.ToArray(), targets.ToArray(), rows);
    }

    private static T[] Narrow<T>(ReadOnlySpan<double> values) where T : struct, IFloatingPointIeee754<T>
    {
        var result = new T[values.Length];
        Narrow(values, result);
        return result;
    }

    private static void Narrow<T>(ReadOnlySpan<double> values, Span<T> destination) where T : struct, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < values.Length; i++) destination[i] = T.CreateTruncating(values[i]);
    }

    private static double[] Widen<T>(ReadOnlySpan<T> values) where T : struct, IFloatingPointIeee754<T>
    {
        var result = new double[values.Length];
        Widen(values, result);
        return result;
    }

    private static void Widen<T>(ReadOnlySpan<T> values, Span<double> destination) where T : struct, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < values.Length; i++) destination[i] = double.CreateTruncating(values[i]);
    }
}
