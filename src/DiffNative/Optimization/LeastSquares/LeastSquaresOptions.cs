using DiffNative.MachineLearning;

namespace DiffNative.Optimization;

/// <summary>Tolerances, limits and the Jacobian source of <see cref="Optimize.LeastSquares"/>; an
/// immutable record whose defaults are MINPACK's.</summary>
public sealed record LeastSquaresOptions
{
    /// <summary>The defaults.</summary>
    public static LeastSquaresOptions Default { get; } = new();

    /// <summary>Stop when the actual and predicted relative reductions of ‖r‖² are both at most
    /// this (ftol; 1.49012e-8 ≈ √ε, MINPACK's and SciPy's default). Zero turns the test off.</summary>
    public double FunctionTolerance { get; init; } = 1.49012e-8;

    /// <summary>Stop when the trust region is at most this times ‖Dx‖ (xtol; default 1.49012e-8).
    /// Zero turns the test off.</summary>
    public double StepTolerance { get; init; } = 1.49012e-8;

    /// <summary>Stop when every |cos| between r and a column of J is at most this (gtol; default 0,
    /// off).</summary>
    public double GradientTolerance { get; init; }

    /// <summary>Accepted steps at most (default 1000).</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Residual evaluations, differencing included, after which the fit stops; null for no
    /// limit. It is checked before each Jacobian and each trial step, so the last of them may cross it.</summary>
    public int? MaxEvaluations { get; init; }

    /// <summary>How the Jacobian is differenced when <see cref="Jacobian"/> is null (forward by default).</summary>
    public JacobianMethod JacobianMethod { get; init; } = JacobianMethod.Forward;

    /// <summary>An analytic Jacobian of the residuals, row-major m×n; when set, nothing is differenced.</summary>
    public AnalyticJacobian? Jacobian { get; init; }

    /// <summary>Steps, typical scales, parallelism, batch size and backend of the differencing.
    /// <see cref="JacobianMethod"/> sets the scheme and accuracy, and the step check
    /// (<see cref="DifferentiationOptions.CheckDifferentiability"/>) is never run here; adaptive
    /// differencing and bounds are refused.</summary>
    public DifferentiationOptions? Differentiation { get; init; }

    /// <summary>The initial trust-region radius is this times ‖Dx₀‖ (or this when that is zero);
    /// MINPACK's factor, default 100.</summary>
    public double InitialStepBound { get; init; } = 100;

    internal void Validate(int n)
    {
        RequireTolerance(FunctionTolerance, nameof(FunctionTolerance));
        RequireTolerance(StepTolerance, nameof(StepTolerance));
        RequireTolerance(GradientTolerance, nameof(GradientTolerance));
        if (MaxIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "At least one iteration.");
        if (MaxEvaluations is < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxEvaluations), MaxEvaluations, "At least one evaluation.");
        if (!Enum.IsDefined(JacobianMethod))
            throw new ArgumentOutOfRangeException(nameof(JacobianMethod), JacobianMethod, "Not a Jacobian method.");
        if (!(double.IsFinite(InitialStepBound) && InitialStepBound > 0))
            throw new ArgumentOutOfRangeException(nameof(InitialStepBound), InitialStepBound, "The step bound must be finite and positive.");
        if (Differentiation is { } d)
        {
            d.Validate(n);
            if (d.Adaptive)
                throw new ArgumentException("Least squares differences with fixed steps; adaptive differencing is not supported.", nameof(Differentiation));
            if (!d.LowerBounds.IsEmpty || !d.UpperBounds.IsEmpty)
                throw new ArgumentException("Least squares is unconstrained; bounds in the differentiation options are not supported.", nameof(Differentiation));
        }
    }

    /// <summary>The differencing options with the scheme and accuracy of <see cref="JacobianMethod"/>.</summary>
    internal DifferentiationOptions DifferencingOptions() => (Differentiation ?? DifferentiationOptions.Default) with
    {
        // The step checks cost evaluations on every Jacobian and, near a zero residual, re-take
        // entries over and over; a trust region already guards against a poor Jacobian.
        CheckDifferentiability = false,
        Scheme = JacobianMethod == JacobianMethod.Forward ? DifferenceScheme.Forward : DifferenceScheme.Central,
        Accuracy = JacobianMethod == JacobianMethod.Forward ? 1 : 2,
    };

    private static void RequireTolerance(double value, string name)
    {
        if (!(double.IsFinite(value) && value >= 0))
            throw new ArgumentOutOfRangeException(name, value, "A tolerance must be finite and not negative.");
    }
}
