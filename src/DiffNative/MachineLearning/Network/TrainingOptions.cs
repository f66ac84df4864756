using DiffNative.Optimization;

namespace DiffNative.MachineLearning;

/// <summary>Settings of <see cref="Training"/>.Train. Immutable; share one instance across threads.</summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the data (≥ 1).</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Rows per mini-batch (≥ 1); the last batch of an epoch may be smaller.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Seed of the row shuffle before every epoch, so a run can be replayed exactly.</summary>
    public int Seed { get; init; }

    /// <summary>Shuffle the rows before every epoch (on by default).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>The optimiser, built for the network's parameters when training starts: any
    /// first-order method of <see cref="ParameterUpdater.Create"/>. Adam with η = 1e-2 by default.</summary>
    public OptimizerOptions Optimizer { get; init; } = new() { Method = OptimizationMethod.Adam, LearningRate = 1e-2 };

    /// <summary>When set, every entry of the gradient is clamped to ±this before the step.</summary>
    public double? ClipValue { get; init; }

    /// <summary>When set, the gradient is scaled to this global norm when longer (after
    /// <see cref="ClipValue"/>, so the bound holds for the step taken).</summary>
    public double? ClipNorm { get; init; }

    /// <summary>A layer whose mean parameter-gradient norm over an epoch is below this is listed as
    /// vanishing in the epoch's record.</summary>
    public double VanishingThreshold { get; init; } = 1e-7;

    /// <summary>A layer whose mean parameter-gradient norm over an epoch is above this is listed as
    /// exploding in the epoch's record.</summary>
    public double ExplodingThreshold { get; init; } = 1e3;

    /// <summary>Called after every epoch, on the training thread.</summary>
    public Action<EpochRecord>? Progress { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentNullException.ThrowIfNull(Optimizer, nameof(Optimizer));
        if (ClipValue is { } value && !(double.IsFinite(value) && value > 0))
            throw new ArgumentOutOfRangeException(nameof(ClipValue), value, "Must be finite and positive.");
        if (ClipNorm is { } norm && !(double.IsFinite(norm) && norm > 0))
            throw new ArgumentOutOfRangeException(nameof(ClipNorm), norm, "Must be finite and positive.");
        if (!(VanishingThreshold >= 0 && VanishingThreshold < ExplodingThreshold))
            throw new ArgumentOutOfRangeException(nameof(VanishingThreshold), VanishingThreshold, "Must be non-negative and below ExplodingThreshold.");
    }
}
