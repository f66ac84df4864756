namespace DiffNative.Optimization;

/// <summary>Where a minimisation ended, what it cost and why it stopped.</summary>
/// <param name="X">The last accepted iterate (always finite).</param>
/// <param name="Value">f(<paramref name="X"/>).</param>
/// <param name="GradientNorm">The largest |∂f/∂xᵢ| at <paramref name="X"/>.</param>
/// <param name="Iterations">Iterations made.</param>
/// <param name="FunctionEvaluations">Calls of f, including those numerical gradients and Hessians made.</param>
/// <param name="GradientEvaluations">Gradients computed (analytic calls or numerical gradients),
/// including those a Hessian differenced from an analytic gradient made.</param>
/// <param name="HessianEvaluations">Hessians computed (Newton only).</param>
/// <param name="Reason">Why it stopped.</param>
/// <param name="Trace">Every iterate from the start when <see cref="OptimizerOptions.RecordTrace"/>; otherwise null.</param>
public sealed record OptimizationResult(
    double[] X, double Value, double GradientNorm, int Iterations,
    int FunctionEvaluations, int GradientEvaluations, int HessianEvaluations,
    StopReason Reason, IReadOnlyList<IterationRecord>? Trace)
{
    /// <summary>True when it stopped on the gradient, function or step tolerance, or at the
    /// gradient's attainable accuracy.</summary>
    public bool Converged => Reason is StopReason.GradientTolerance or StopReason.FunctionTolerance or StopReason.StepTolerance
        or StopReason.AttainableAccuracy;

    /// <summary>The colours of the star colouring of the Hessian's sparsity pattern when the Newton
    /// methods differenced a sparse Hessian (see <see cref="OptimizerOptions.HessianSparsity"/>); null
    /// when the Hessian was analytic or dense, or none was needed.</summary>
    public int? HessianColors { get; init; }
}
