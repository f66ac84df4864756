namespace DiffNative.MachineLearning;

/// <summary>The outcome of <see cref="Training"/>.Train.</summary>
/// <param name="Epochs">One record per completed epoch.</param>
/// <param name="Steps">Optimiser steps taken.</param>
/// <param name="StoppedOnNonFinite">Training stopped because a loss or gradient was NaN or
/// infinite; the parameters are those before that step.</param>
public sealed record TrainingResult(IReadOnlyList<EpochRecord> Epochs, int Steps, bool StoppedOnNonFinite)
{
    /// <summary>The last completed epoch's record, or null when none completed.</summary>
    public EpochRecord? Last => Epochs.Count > 0 ? Epochs[^1] : null;
}
