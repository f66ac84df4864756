namespace DiffNative.Optimization;

/// <summary>Why a least-squares fit stopped. The first four mean it converged.</summary>
public enum LeastSquaresStopReason
{
    /// <summary>Every residual is exactly zero.</summary>
    ZeroResidual,

    /// <summary>Both the actual and the predicted relative reduction of ‖r‖² were at most
    /// <see cref="LeastSquaresOptions.FunctionTolerance"/> (MINPACK's ftol test).</summary>
    FunctionTolerance,

    /// <summary>The trust region shrank to <see cref="LeastSquaresOptions.StepTolerance"/> times the
    /// scaled norm of x (MINPACK's xtol test).</summary>
    StepTolerance,

    /// <summary>The largest cosine between r and a column of J fell to
    /// <see cref="LeastSquaresOptions.GradientTolerance"/> (MINPACK's gtol test). With bounds, the
    /// columns of variables held at a bound (those on a bound that the gradient of ½‖r‖² pushes
    /// outwards) are left out, so this is the test of the projected gradient; it holds at once
    /// when every variable is held, a minimum at a corner of the box.</summary>
    GradientTolerance,

    /// <summary>No further reduction is possible in double precision: a tolerance is below what the
    /// rounding of ‖r‖, x or the cosine allows.</summary>
    NoFurtherProgress,

    /// <summary><see cref="LeastSquaresOptions.MaxIterations"/> accepted steps were made.</summary>
    MaxIterations,

    /// <summary><see cref="LeastSquaresOptions.MaxEvaluations"/> residual evaluations were spent.</summary>
    MaxEvaluations,

    /// <summary>The residuals were NaN or infinite at the start, in the Jacobian, or at every one of
    /// the trial steps after the trust region was shrunk ten times in a row. The result holds the
    /// last point where they were finite.</summary>
    NonFiniteValue,

    /// <summary>The cancellation token fired; the result holds the last accepted iterate.</summary>
    Cancelled,
}
