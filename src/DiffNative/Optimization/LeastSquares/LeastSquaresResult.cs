namespace DiffNative.Optimization;

/// <summary>The outcome of <see cref="Optimize.LeastSquares"/>.</summary>
public sealed record LeastSquaresResult
{
    /// <summary>The last accepted point; within the bounds, when there are any.</summary>
    public required double[] X { get; init; }

    /// <summary>The residuals r(X), m values.</summary>
    public required double[] Residuals { get; init; }

    /// <summary>½‖r‖².</summary>
    public double Cost => 0.5 * ResidualNorm * ResidualNorm;

    /// <summary>‖r‖, the Euclidean norm of the residuals.</summary>
    public required double ResidualNorm { get; init; }

    /// <summary>The Jacobian of the residuals at X (m×n, <c>Jacobian[k, i]</c> = ∂rₖ/∂xᵢ); null
    /// when it could not be computed finitely there.</summary>
    public required DerivativeArray? Jacobian { get; init; }

    /// <summary>The covariance estimate s²(JᵀJ)⁻¹ of X, row-major n×n, with s² = ‖r‖²/(m − n); null
    /// when m ≤ n or JᵀJ is singular.</summary>
    public required double[]? Covariance { get; init; }

    /// <summary>Accepted steps.</summary>
    public required int Iterations { get; init; }

    /// <summary>Calls of the residual function, differencing included.</summary>
    public required int FunctionEvaluations { get; init; }

    /// <summary>Calls of the analytic Jacobian (0 when it is differenced).</summary>
    public required int JacobianEvaluations { get; init; }

    /// <summary>The colours of <see cref="LeastSquaresOptions.JacobianSparsity"/>'s colouring: the
    /// residual calls of one forward-difference Jacobian (twice that for central); 0 when every
    /// column is differenced or the Jacobian is analytic.</summary>
    public int JacobianColors { get; init; }

    /// <summary>Why it stopped.</summary>
    public required LeastSquaresStopReason Reason { get; init; }

    /// <summary>Whether it stopped on a convergence test (zero residual, ftol, xtol or gtol).</summary>
    public bool Converged => Reason is LeastSquaresStopReason.ZeroResidual or LeastSquaresStopReason.FunctionTolerance
        or LeastSquaresStopReason.StepTolerance or LeastSquaresStopReason.GradientTolerance;
}
