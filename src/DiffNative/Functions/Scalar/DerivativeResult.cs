namespace DiffNative;

/// <summary>A derivative with what it cost and how far to trust it.</summary>
/// <param name="Value">The derivative estimate.</param>
/// <param name="Error">An estimate of the absolute error, where the method has one: adaptive, and
/// the fixed-step central difference of accuracy 2 with its differentiability check (from the
/// check's samples at h/2); null otherwise.</param>
/// <param name="Step">The step h used (the final one for adaptive).</param>
/// <param name="Evaluations">How many times the function was called.</param>
/// <param name="Status">Whether the value can be trusted.</param>
public readonly record struct DerivativeResult(double Value, double? Error, double Step, int Evaluations, DerivativeStatus Status)
{
    /// <summary>True when <see cref="Status"/> is <see cref="DerivativeStatus.Ok"/>.</summary>
    public bool IsReliable => Status == DerivativeStatus.Ok;
}
