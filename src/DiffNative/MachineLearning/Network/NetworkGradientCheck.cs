namespace DiffNative;

/// <summary>Checks a network's backpropagation with <see cref="GradientCheck"/>: the gradient of
/// the softmax cross-entropy loss with respect to the parameters, or to the inputs, against finite
/// differences of the loss. A failing report's <see cref="GradientCheckEntry.Column"/> is a
/// parameter index: <see cref="Sequential.DescribeParameter"/> names it. Checking code: it
/// allocates, and it leaves the parameters as it found them.</summary>
public static class NetworkGradientCheck
{
    /// <summary>∂loss/∂parameters by backprop against finite differences, at the current parameters.</summary>
    /// <param name="network">The network.</param>
    /// <param name="features">rows × Inputs values.</param>
    /// <param name="targets">rows × Outputs one-hot values.</param>
    /// <param name="options">Tolerances and mode; <see cref="GradientCheckOptions.Default"/> when null.</param>
    public static GradientCheckReport Parameters(Sequential network, ReadOnlySpan<double> features, ReadOnlySpan<double> targets,
        GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        var (x, y, rows) = Copy(network, features, targets);
        var original = network.Parameters.ToArray();
        try
        {
            return GradientCheck.Gradient(
                theta => { theta.CopyTo(network.Parameters); return Loss(network, x, y, rows, default); },
                (theta, g) =>
                {
                    theta.CopyTo(network.Parameters);
                    var dz = new double[rows * network.Outputs];
                    Loss(network, x, y, rows, dz);
                    network.Backward(dz);
                    network.Gradient.CopyTo(g);
                },
                original, options);
        }
        finally
        {
            original.CopyTo(network.Parameters);
        }
    }

    /// <summary>∂loss/∂features by backprop against finite differences: checks every layer's
    /// input gradient, which training never asks the first layer for.</summary>
    /// <inheritdoc cref="Parameters" path="/param"/>
    public static GradientCheckReport Inputs(Sequential network, ReadOnlySpan<double> features, ReadOnlySpan<double> targets,
        GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        var (x, y, rows) = Copy(network, features, targets);
        return GradientCheck.Gradient(
            point => Loss(network, point.ToArray(), y, rows, default),
            (point, g) =>
            {
                var dz = new double[rows * network.Outputs];
                Loss(network, point.ToArray(), y, rows, dz);
                network.Backward(dz, g);
            },
            x, options);
    }

    private static double Loss(Sequential network, double[] x, double[] y, int rows, Span<double> gradient) =>
        SoftmaxCrossEntropy.Loss(network.Forward(x, rows), y, network.Outputs, gradient);

    private static (double[] X, double[] Y, int Rows) Copy(Sequential network, ReadOnlySpan<double> features, ReadOnlySpan<double> targets)
    {
        if (features.IsEmpty || features.Length % network.Inputs != 0)
            throw new ArgumentException($"{features.Length} values are not whole rows of {network.Inputs}.", nameof(features));
        var rows = features.Length / network.Inputs;
        if (targets.Length != rows * network.Outputs)
            throw new ArgumentException($"{rows} rows need {rows * network.Outputs} target values, got {targets.Length}.", nameof(targets));
        return (features.ToArray(), targets.ToArray(), rows);
    }
}
