namespace DiffNative.MachineLearning;

/// <summary>How a loss combines its per-element (or per-row) terms. The gradient always matches:
/// with <see cref="Mean"/> every gradient entry carries the 1/count factor.</summary>
public enum LossReduction
{
    /// <summary>The average over elements (over rows for the categorical losses).</summary>
    Mean,

    /// <summary>The plain sum.</summary>
    Sum,
}
