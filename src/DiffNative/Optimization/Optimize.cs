namespace DiffNative.Optimization;

/// <summary>Unconstrained minimisation with analytic or numerical derivatives: BFGS (the default),
/// L-BFGS, Newton, gradient descent and the first-order methods of machine learning.</summary>
public static class Optimize
{
    /// <summary>Minimises f from <paramref name="x0"/> with numerical derivatives of f.</summary>
    /// <param name="f">The objective, called once per point.</param>
    /// <param name="x0">The starting point; finite, at least one coordinate.</param>
    /// <param name="options">Method, tolerances, limits, trace, progress; defaults when null.</param>
    /// <param name="cancellationToken">Stops the run between evaluations; the result then holds
    /// the last accepted iterate with <see cref="StopReason.Cancelled"/>.</param>
    /// <returns>The last iterate, its value and gradient norm, the counts and the reason it stopped.</returns>
    /// <exception cref="ArgumentException">A bad starting point or option; the parameter or
    /// property is named.</exception>
    public static OptimizationResult Minimize(ScalarFunction f, ReadOnlySpan<double> x0, OptimizerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Minimize(new Objective(f), x0, options, cancellationToken);
    }

    /// <summary>Minimises an objective with whatever analytic derivatives it carries; the others
    /// are differenced numerically.</summary>
    /// <param name="objective">f and, optionally, its gradient and Hessian.</param>
    /// <param name="x0">The starting point; finite, at least one coordinate.</param>
    /// <param name="options">Method, tolerances, limits, trace, progress; defaults when null.</param>
    /// <param name="cancellationToken">Stops the run; see the other overload.</param>
    /// <returns>The last iterate, its value and gradient norm, the counts and the reason it stopped.</returns>
    /// <exception cref="ArgumentException">A bad starting point or option; the parameter or
    /// property is named.</exception>
    public static OptimizationResult Minimize(Objective objective, ReadOnlySpan<double> x0, OptimizerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        options ??= OptimizerOptions.Default;
        if (x0.IsEmpty)
            throw new ArgumentException("x0 must have at least one coordinate.", nameof(x0));
        if (objective.Dimension is { } n && n != x0.Length)
            throw new ArgumentException($"x0 has {x0.Length} coordinates but the objective takes {n}.", nameof(x0));
        for (var i = 0; i < x0.Length; i++)
            if (!double.IsFinite(x0[i]))
                throw new ArgumentException($"x0[{i}] is {x0[i]}; the starting point must be finite.", nameof(x0));
        options.Validate(x0.Length);
        return new Minimizer(objective, x0, options, cancellationToken).Run();
    }

    /// <summary>Nonlinear least squares: minimises ½‖r(x)‖² by Levenberg–Marquardt with a trust
    /// region and MINPACK's scaling, differencing the Jacobian of r unless
    /// <see cref="LeastSquaresOptions.Jacobian"/> is given; within
    /// <see cref="LeastSquaresOptions.LowerBounds"/> and <see cref="LeastSquaresOptions.UpperBounds"/>
    /// when they are set.</summary>
    /// <param name="residuals">r: writes m residuals for each point.</param>
    /// <param name="outputs">m, the number of residuals; at least 1.</param>
    /// <param name="x0">The starting point; finite, at least one coordinate, within the bounds.</param>
    /// <param name="options">Tolerances, limits and the Jacobian source; MINPACK's defaults when null.</param>
    /// <param name="cancellationToken">Stops the fit between evaluations; the result holds the last
    /// accepted iterate with <see cref="LeastSquaresStopReason.Cancelled"/>.</param>
    /// <returns>The point, residuals, cost, Jacobian, covariance estimate, counts and the reason it stopped.</returns>
    /// <exception cref="ArgumentException">A bad argument or option; the parameter or property is named.</exception>
    public static LeastSquaresResult LeastSquares(VectorFunction residuals, int outputs, ReadOnlySpan<double> x0,
        LeastSquaresOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(residuals);
        if (outputs < 1)
            throw new ArgumentOutOfRangeException(nameof(outputs), outputs, "There must be at least one residual.");
        if (x0.IsEmpty)
            throw new ArgumentException("x0 must have at least one coordinate.", nameof(x0));
        for (var i = 0; i < x0.Length; i++)
            if (!double.IsFinite(x0[i]))
                throw new ArgumentException($"x0[{i}] is {x0[i]}; the starting point must be finite.", nameof(x0));
        options ??= LeastSquaresOptions.Default;
        options.Validate(x0.Length, outputs, x0);
        return new LevenbergMarquardt(residuals, outputs, x0, options, cancellationToken).Run();
    }
}
