namespace DiffNative;

/// <summary>What a gradient, Jacobian or Hessian call cost and whether its values can be trusted.</summary>
/// <param name="Evaluations">Function evaluations (points; a batch call counts its rows).</param>
/// <param name="Status">Ok, or NonFinite when the function or a result was NaN or infinite.</param>
public readonly record struct DifferentiationInfo(int Evaluations, DerivativeStatus Status);

/// <summary>A gradient, Jacobian (row-major m×n) or Hessian (row-major n×n) with its cost.</summary>
/// <param name="Values">The derivatives.</param>
/// <param name="Errors">Per-entry error estimates for adaptive calls; null otherwise.</param>
/// <param name="Evaluations">Function evaluations.</param>
/// <param name="Status">Whether the values can be trusted.</param>
public sealed record DerivativeArray(double[] Values, double[]? Errors, int Evaluations, DerivativeStatus Status);
