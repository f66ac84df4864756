using System.Numerics;

namespace DiffNative.MachineLearning;

/// <summary>Mini-batch training of a <see cref="Sequential{T}"/> classifier with the
/// <see cref="SoftmaxCrossEntropy"/> head: shuffle, then per batch forward, loss and fused
/// gradient, backward, per-layer norms, clipping, one optimiser step. One code path for double
/// and float networks: the element type picks the float or double head and updater; losses,
/// norms and accuracies are reported as doubles either way.</summary>
public static class Training
{
    /// <summary>Trains with the optimiser named in <paramref name="options"/>.</summary>
    /// <param name="network">Initialised network; its parameters are updated in place.</param>
    /// <param name="features">rows × network.Inputs values, row-major.</param>
    /// <param name="targets">rows × network.Outputs one-hot (or probability) values.</param>
    /// <param name="options">Epochs, batch size, seed, optimiser, clipping; defaults when null.</param>
    /// <param name="cancellationToken">Checked between batches; the parameters stay those of the last step.</param>
    public static TrainingResult Train<T>(Sequential<T> network, ReadOnlySpan<T> features, ReadOnlySpan<T> targets,
        TrainingOptions? options = null, CancellationToken cancellationToken = default) where T : struct, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        options ??= new TrainingOptions();
        options.Validate();
        return Train(network, features, targets, ParameterUpdater.Create<T>(options.Optimizer, network.ParameterCount), options, cancellationToken);
    }

    /// <summary>Trains with a given updater (to continue with its moment estimates, or a custom rule);
    /// <see cref="TrainingOptions.Optimizer"/> is ignored.</summary>
    /// <param name="network">Initialised network; its parameters are updated in place.</param>
    /// <param name="features">rows × network.Inputs values, row-major.</param>
    /// <param name="targets">rows × network.Outputs one-hot (or probability) values.</param>
    /// <param name="updater">Sized for network.ParameterCount.</param>
    /// <param name="options">Epochs, batch size, seed, clipping; defaults when null.</param>
    /// <param name="cancellationToken">Checked between batches.</param>
    public static TrainingResult Train<T>(Sequential<T> network, ReadOnlySpan<T> features, ReadOnlySpan<T> targets,
        IParameterUpdater<T> updater, TrainingOptions? options = null, CancellationToken cancellationToken = default)
        where T : struct, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(updater);
        options ??= new TrainingOptions();
        options.Validate();
        var rows = Rows(network, features, targets);
        if (updater.Count != network.ParameterCount)
            throw new ArgumentException($"The updater holds {updater.Count} parameters, the network {network.ParameterCount}.", nameof(updater));

        int inputs = network.Inputs, classes = network.Outputs, layerCount = network.Layers.Count;
        var batch = Math.Min(options.BatchSize, rows);
        // Everything a step touches is allocated here, once per call; the loop itself allocates
        // nothing (the per-epoch records aside).
        var batchFeatures = new T[batch * inputs];
        var batchTargets = new T[batch * classes];
        var logitGradient = new T[batch * classes];
        var layerNormSums = new double[layerCount];
        var order = new int[rows];
        for (var i = 0; i < rows; i++) order[i] = i;
        var random = new Random(options.Seed);
        var records = new List<EpochRecord>(options.Epochs);
        var steps = 0;

        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            if (options.Shuffle) random.Shuffle(order);
            Array.Clear(layerNormSums);
            double lossSum = 0, normSum = 0;
            int correct = 0, epochSteps = 0, clipped = 0;
            for (var start = 0; start < rows; start += batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var n = Math.Min(batch, rows - start);
                for (var k = 0; k < n; k++)
                {
                    features.Slice(order[start + k] * inputs, inputs).CopyTo(batchFeatures.AsSpan(k * inputs, inputs));
                    targets.Slice(order[start + k] * classes, classes).CopyTo(batchTargets.AsSpan(k * classes, classes));
                }
                var x = batchFeatures.AsSpan(0, n * inputs);
                var y = batchTargets.AsSpan(0, n * classes);
                var dz = logitGradient.AsSpan(0, n * classes);
                var logits = network.Forward(x, n);
                var loss = SoftmaxCrossEntropy.LossOf(logits, y, classes, dz);
                correct += SoftmaxCrossEntropy.CountCorrectOf(logits, y, classes);
                network.Backward(dz);

                var g = network.Gradient;
                var norm = GradientClipping.NormOf<T>(g);
                if (!double.IsFinite(loss) || !double.IsFinite(norm))
                    return new TrainingResult(records, steps, StoppedOnNonFinite: true);
                for (var l = 0; l < layerCount; l++) layerNormSums[l] += GradientClipping.NormOf<T>(network.LayerGradient(l));
                var wasClipped = false;
                if (options.ClipValue is { } maxValue) wasClipped |= GradientClipping.ByValueOf(g, maxValue) > 0;
                if (options.ClipNorm is { } maxNorm) wasClipped |= GradientClipping.ByGlobalNormOf(g, maxNorm) > maxNorm;
                if (wasClipped) clipped++;
                updater.Step(network.Parameters, g);

                lossSum += loss * n; // the head averages over the batch; weight by rows for the epoch mean
                normSum += norm;
                epochSteps++;
                steps++;
            }
            var record = Record(network, epoch, lossSum / rows, (double)correct / rows, normSum / epochSteps, layerNormSums, epochSteps, clipped, options);
            records.Add(record);
            options.Progress?.Invoke(record);
        }
        return new TrainingResult(records, steps, StoppedOnNonFinite: false);
    }

    /// <summary>The fraction of rows whose predicted class (largest logit) is the target's class,
    /// in one forward pass over all rows.</summary>
    public static double Accuracy<T>(Sequential<T> network, ReadOnlySpan<T> features, ReadOnlySpan<T> targets)
        where T : struct, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        var rows = Rows(network, features, targets);
        return (double)SoftmaxCrossEntropy.CountCorrectOf(network.Forward(features, rows), targets, network.Outputs) / rows;
    }

    /// <summary>The mean softmax cross-entropy over all rows, in one forward pass.</summary>
    public static double Loss<T>(Sequential<T> network, ReadOnlySpan<T> features, ReadOnlySpan<T> targets)
        where T : struct, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(network);
        var rows = Rows(network, features, targets);
        return SoftmaxCrossEntropy.LossOf(network.Forward(features, rows), targets, network.Outputs, default);
    }

    private static EpochRecord Record<T>(Sequential<T> network, int epoch, double loss, double accuracy, double norm, double[] layerNormSums,
        int epochSteps, int clipped, TrainingOptions options)
        where T : struct, IFloatingPointIeee754<T>
    {
        var layerNorms = new double[layerNormSums.Length];
        var vanishing = new List<int>();
        var exploding = new List<int>();
        for (var l = 0; l < layerNorms.Length; l++)
        {
            layerNorms[l] = layerNormSums[l] / epochSteps;
            if (network.Layers[l].ParameterCount == 0) continue;
            if (layerNorms[l] < options.VanishingThreshold) vanishing.Add(l);
            if (layerNorms[l] > options.ExplodingThreshold) exploding.Add(l);
        }
        return new EpochRecord(epoch, loss, accuracy, norm, layerNorms, clipped, vanishing, exploding);
    }

    private static int Rows<T>(Sequential<T> network, ReadOnlySpan<T> features, ReadOnlySpan<T> targets)
        where T : struct, IFloatingPointIeee754<T>
    {
        if (features.IsEmpty || features.Length % network.Inputs != 0)
            throw new ArgumentException($"{features.Length} values are not whole rows of {network.Inputs} features (at least one).", nameof(features));
        var rows = features.Length / network.Inputs;
        if (targets.Length != rows * network.Outputs)
            throw new ArgumentException($"{rows} rows need {rows * network.Outputs} target values, got {targets.Length}.", nameof(targets));
        return rows;
    }
}
