namespace DiffNative;

/// <summary>What a gradient, Jacobian or Hessian call cost and whether its values can be trusted.</summary>
/// <param name="Evaluations">Function evaluations (points; a batch call counts its rows).</param>
/// <param name="Status">Ok; NonFinite when the function or a result was NaN or infinite;
/// NotConverged when an adaptive entry's extrapolation did not settle; RoundingLimited when a
/// user's step is below the resolution of x, or (Hessians) a difference stayed at the level of
/// rounding in f.</param>
public readonly record struct DifferentiationInfo(int Evaluations, DerivativeStatus Status);
