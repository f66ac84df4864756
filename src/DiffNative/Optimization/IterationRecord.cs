namespace DiffNative.Optimization;

/// <summary>One iterate of a minimisation, as the trace keeps it and the progress callback sees it.
/// Iteration 0 is the starting point.</summary>
/// <param name="Iteration">How many iterations led here.</param>
/// <param name="X">A copy of the iterate.</param>
/// <param name="Value">f at <paramref name="X"/>.</param>
/// <param name="GradientNorm">The largest |∂f/∂xᵢ| at <paramref name="X"/>.</param>
/// <param name="StepNorm">The largest |Δxᵢ| of the step that led here (0 at the start).</param>
/// <param name="FunctionEvaluations">Function evaluations so far, numerical derivatives' included.</param>
public sealed record IterationRecord(int Iteration, double[] X, double Value, double GradientNorm, double StepNorm, int FunctionEvaluations);
