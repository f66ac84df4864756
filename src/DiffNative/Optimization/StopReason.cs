namespace DiffNative.Optimization;

/// <summary>Why a minimisation stopped. <see cref="GradientTolerance"/>, <see cref="FunctionTolerance"/>,
/// <see cref="StepTolerance"/> and <see cref="AttainableAccuracy"/> mean it converged.</summary>
public enum StopReason
{
    /// <summary>The largest |∂f/∂xᵢ| fell to <see cref="OptimizerOptions.GradientTolerance"/> · max(<see cref="OptimizerOptions.TypicalValue"/>, |f|).</summary>
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

    /// <summary>No step along the search direction decreased f enough, at a point whose gradient is
    /// above its rounding noise: f may be noisy or not smooth there, or the gradient inaccurate.</summary>
    LineSearchFailed,

    /// <summary>The cancellation token fired; the result holds the last accepted iterate.</summary>
    Cancelled,

    /// <summary>No step along the search direction decreased f, at a point where every |∂f/∂xᵢ| is
    /// within the rounding noise of the gradient (about 100·ε^(2/3)·max(t, |f|)/max(1, |xᵢ|), t the typical value, for a
    /// numerical gradient, 100·ε·max(t, |f|)/max(1, |xᵢ|) for an analytic one): the point is a
    /// minimum to the accuracy the gradient allows.</summary>
    AttainableAccuracy,

    /// <summary>Trust-region Newton shrank its region below the spacing of doubles at x (or its
    /// model predicted no decrease) without a step that lowered f, at a point whose gradient is
    /// above its rounding noise: f may be noisy or not smooth there, or its derivatives inaccurate.</summary>
    TrustRegionCollapsed,
}
