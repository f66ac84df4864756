namespace DiffNative.Optimization;

/// <summary>Why a minimisation stopped. The first three mean it converged.</summary>
public enum StopReason
{
    /// <summary>The largest |∂f/∂xᵢ| fell to <see cref="OptimizerOptions.GradientTolerance"/>.</summary>
    GradientTolerance,

    /// <summary>|f(xₖ₊₁) − f(xₖ)| ≤ <see cref="OptimizerOptions.FunctionTolerance"/> · max(|f(xₖ)|, |f(xₖ₊₁)|).</summary>
    FunctionTolerance,

    /// <summary>The step's largest |Δxᵢ| ≤ <see cref="OptimizerOptions.StepTolerance"/> · max(1, max|xᵢ|).</summary>
    StepTolerance,

    /// <summary><see cref="OptimizerOptions.MaxIterations"/> iterations were made.</summary>
    MaxIterations,

    /// <summary><see cref="OptimizerOptions.MaxEvaluations"/> function evaluations were spent.</summary>
    MaxEvaluations,

    /// <summary>f or its gradient was NaN or infinite at the start, at a fixed step's next iterate,
    /// at a point a line search accepted, or at every step a line search tried (line searches first
    /// back off from NaN trial values). The result holds the last point where both were finite.</summary>
    NonFiniteValue,

    /// <summary>No step along the search direction decreased f enough: usually the gradient is at
    /// the noise level of f or of its numerical derivative.</summary>
    LineSearchFailed,

    /// <summary>The cancellation token fired; the result holds the last accepted iterate.</summary>
    Cancelled,
}
