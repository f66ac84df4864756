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
    /// differencing is refused, and bounds belong in <see cref="LowerBounds"/> and
    /// <see cref="UpperBounds"/>, which the differencing then honours.</summary>
    public DifferentiationOptions? Differentiation { get; init; }

    /// <summary>The initial trust-region radius is this times ‖Dx₀‖ (or this when that is zero);
    /// MINPACK's factor, default 100.</summary>
    public double InitialStepBound { get; init; } = 100;

    /// <summary>Per-variable lower bounds, n values (−∞ for none); empty for no lower bounds. Every
    /// iterate, trial point and difference point stays within the bounds, and x0 must lie within
    /// them (on a bound is allowed).</summary>
    public ReadOnlyMemory<double> LowerBounds { get; init; }

    /// <summary>Per-variable upper bounds, n values (+∞ for none), each strictly above its lower
    /// bound; empty for no upper bounds.</summary>
    public ReadOnlyMemory<double> UpperBounds { get; init; }

    /// <summary>The pattern of the Jacobian (m rows, n columns) when it is sparse: the Jacobian is
    /// then differenced by colour (<see cref="JacobianColoring"/>), one residual call per colour for
    /// forward differences and two for central, instead of one or two per variable. Null (the
    /// default) differences every column; <see cref="SparsityProbe.Jacobian"/> can find a pattern.
    /// Not allowed with an analytic <see cref="Jacobian"/>.</summary>
    public SparsityPattern? JacobianSparsity { get; init; }

    internal bool HasBounds => !LowerBounds.IsEmpty || !UpperBounds.IsEmpty;

    internal void Validate(int n, int m, ReadOnlySpan<double> x0)
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
                throw new ArgumentException("Set LeastSquaresOptions.LowerBounds and UpperBounds instead of bounds in the differentiation options.", nameof(Differentiation));
        }
        if (JacobianSparsity is { } pattern)
        {
            if (pattern.Rows != m || pattern.Columns != n)
                throw new ArgumentException($"The sparsity pattern is {pattern.Rows}×{pattern.Columns} but the Jacobian is {m}×{n}.", nameof(JacobianSparsity));
            if (Jacobian is not null)
                throw new ArgumentException("An analytic Jacobian is not differenced, so it takes no sparsity pattern.", nameof(JacobianSparsity));
        }
        if (HasBounds) ValidateBounds(x0);
    }

    /// <summary>SciPy's least_squares rules: lower &lt; upper for every variable, NaN refused, and x0
    /// inside the box (on a bound is fine), so that no residual call leaves the box.</summary>
    private void ValidateBounds(ReadOnlySpan<double> x0)
    {
        var n = x0.Length;
        RequireBoundValues(LowerBounds, n, nameof(LowerBounds));
        RequireBoundValues(UpperBounds, n, nameof(UpperBounds));
        for (var i = 0; i < n; i++)
        {
            var lower = LowerBound(i);
            var upper = UpperBound(i);
            if (!(lower < upper))
                throw new ArgumentException($"LowerBounds[{i}] = {lower} is not below UpperBounds[{i}] = {upper}.", nameof(LowerBounds));
            if (x0[i] < lower || x0[i] > upper)
                throw new ArgumentException($"x0[{i}] = {x0[i]} lies outside its bounds [{lower}, {upper}].", "x0");
        }
    }

    private static void RequireBoundValues(ReadOnlyMemory<double> bounds, int n, string name)
    {
        if (bounds.IsEmpty) return;
        if (bounds.Length != n)
            throw new ArgumentException($"{name} has {bounds.Length} values but x0 has {n}.", name);
        var span = bounds.Span;
        for (var i = 0; i < n; i++)
            if (double.IsNaN(span[i]))
                throw new ArgumentException($"{name}[{i}] is NaN; use ±∞ for no bound.", name);
    }

    internal double LowerBound(int i) => LowerBounds.IsEmpty ? double.NegativeInfinity : LowerBounds.Span[i];

    internal double UpperBound(int i) => UpperBounds.IsEmpty ? double.PositiveInfinity : UpperBounds.Span[i];

    /// <summary>The differencing options with the scheme and accuracy of <see cref="JacobianMethod"/>.</summary>
    internal DifferentiationOptions DifferencingOptions() => (Differentiation ?? DifferentiationOptions.Default) with
    {
        // The step checks cost evaluations on every Jacobian and, near a zero residual, re-take
        // entries over and over; a trust region already guards against a poor Jacobian.
        CheckDifferentiability = false,
        Scheme = JacobianMethod == JacobianMethod.Forward ? DifferenceScheme.Forward : DifferenceScheme.Central,
        Accuracy = JacobianMethod == JacobianMethod.Forward ? 1 : 2,
        // Near a bound the stencils turn one-sided, so no difference point leaves the box.
        LowerBounds = LowerBounds,
        UpperBounds = UpperBounds,
    };

    private static void RequireTolerance(double value, string name)
    {
        if (!(double.IsFinite(value) && value >= 0))
            throw new ArgumentOutOfRangeException(name, value, "A tolerance must be finite and not negative.");
    }
}
