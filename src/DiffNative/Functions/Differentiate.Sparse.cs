namespace DiffNative;

public static partial class Differentiate
{
    // ---- sparse Jacobian -------------------------------------------------------------------------

    /// <summary>The Jacobian's structural nonzeros, in the colouring pattern's CSR order, from
    /// compressed differences: per non-centre stencil point one evaluation per colour (plus one of
    /// the centre for one-sided stencils) instead of one per column. Steps are the dense engine's,
    /// so wherever the rows see the same perturbed coordinates the values are the dense Jacobian's
    /// bits. Bounds turn stencils one-sided as for dense Jacobians (colours split by stencil, so
    /// evaluations grow); <see cref="DifferentiationOptions.Adaptive"/> runs the dense engine's
    /// Richardson extrapolation over 8 shrinking steps, nonzero by nonzero.</summary>
    /// <param name="f">The function; m = the pattern's rows, n = its columns.</param>
    /// <param name="coloring">The colouring of the Jacobian's pattern (compute once, reuse).</param>
    /// <param name="x">Where to differentiate; n coordinates.</param>
    /// <param name="values">Receives one value per structural nonzero.</param>
    /// <param name="options">Scheme, accuracy, steps, parallelism, batch size, backend.</param>
    /// <param name="cancellationToken">Stops the evaluations.</param>
    public static DifferentiationInfo SparseJacobian(VectorFunction f, JacobianColoring coloring, ReadOnlySpan<double> x, Span<double> values,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(coloring);
        return SparseJacobianCore(new FunctionSource(f, coloring.Pattern.Rows), coloring, x, values, options, cancellationToken);
    }

    /// <summary>The sparse Jacobian from a batch function (m values per row, row-major).</summary>
    public static DifferentiationInfo SparseJacobian(BatchVectorFunction f, JacobianColoring coloring, ReadOnlySpan<double> x, Span<double> values,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(coloring);
        return SparseJacobianCore(new FunctionSource(f, coloring.Pattern.Rows), coloring, x, values, options, cancellationToken);
    }

    /// <summary>The sparse Jacobian as a new <see cref="SparseMatrix"/> on the colouring's pattern.</summary>
    public static SparseDerivativeArray SparseJacobian(VectorFunction f, JacobianColoring coloring, ReadOnlySpan<double> x,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(coloring);
        var values = new double[coloring.Pattern.NonZeros];
        var info = SparseJacobianCore(new FunctionSource(f, coloring.Pattern.Rows), coloring, x, values, options, cancellationToken);
        return new SparseDerivativeArray(new SparseMatrix(coloring.Pattern, values), coloring.Colors, info.Evaluations, info.Status);
    }

    /// <summary>The sparse Jacobian of a pattern, coloured here (DSATUR, <see cref="ColoringOrder.Saturation"/>); colour once with
    /// <see cref="JacobianColoring.Compute"/> when differentiating the same pattern repeatedly.</summary>
    public static SparseDerivativeArray SparseJacobian(VectorFunction f, SparsityPattern pattern, ReadOnlySpan<double> x,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default) =>
        SparseJacobian(f, JacobianColoring.Compute(pattern), x, options, cancellationToken);

    private static DifferentiationInfo SparseJacobianCore(in FunctionSource f, JacobianColoring coloring, ReadOnlySpan<double> x, Span<double> values,
        DifferentiationOptions? options, CancellationToken cancellationToken)
    {
        options ??= DifferentiationOptions.Default;
        ValidateSparse(x, coloring.Pattern.Columns, options);
        RequireLength(values, coloring.Pattern.NonZeros, nameof(values));
        RequireApart(values[..coloring.Pattern.NonZeros], nameof(values), default, x, writtenBetweenEvaluations: true);
        return SparseJacobianEngine.Compute(f, coloring.Layout, coloring.Pattern, x, values, options, cancellationToken);
    }

    // ---- sparse Hessian from function values -----------------------------------------------------

    /// <summary>The Hessian's structural nonzeros from function values alone: the dense Hessian's
    /// second differences and ε^(1/4)-scaled steps for the upper triangle's nonzeros only
    /// (4 evaluations each) and the diagonal (2n + 1), each entry with the dense engine's bits.
    /// <see cref="DifferentiationOptions.Adaptive"/> extrapolates over the dense engine's 6 shrinking
    /// steps, entry by entry, so each entry has the adaptive dense Hessian's bits, at 6 times the
    /// cost. With bounds, steps shrink to the room on the nearer side as for the dense Hessian.</summary>
    /// <param name="f">The function.</param>
    /// <param name="pattern">Square, symmetric and holding the whole diagonal (see
    /// <see cref="SparsityPattern.Symmetrized"/>).</param>
    /// <param name="x">Where to differentiate; n coordinates.</param>
    /// <param name="values">Receives one value per structural nonzero, in the pattern's order.</param>
    /// <param name="options">Steps, typical scales, bounds, adaptive, parallelism, batch size, backend.</param>
    /// <param name="cancellationToken">Stops the evaluations.</param>
    /// <param name="errors">When not empty (pass it by name), receives each value's error estimate in the same
    /// order, and <see cref="DifferentiationOptions.Adaptive"/> is implied (options that already set
    /// it, or none, let a warm call allocate nothing).</param>
    public static DifferentiationInfo SparseHessian(ScalarFunction f, SparsityPattern pattern, ReadOnlySpan<double> x, Span<double> values,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default, Span<double> errors = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        return SparseHessianWithErrors(new FunctionSource(f), pattern, x, values, errors, options, cancellationToken);
    }

    /// <summary>The sparse Hessian from a batch function.</summary>
    /// <param name="f">The function, called with rows of points.</param>
    /// <param name="pattern">Square, symmetric and holding the whole diagonal.</param>
    /// <param name="x">Where to differentiate; n coordinates.</param>
    /// <param name="values">Receives one value per structural nonzero, in the pattern's order.</param>
    /// <param name="options">Steps, typical scales, bounds, adaptive, batch size, backend.</param>
    /// <param name="cancellationToken">Stops the evaluations.</param>
    /// <param name="errors">When not empty (pass it by name), receives each value's error estimate in the same
    /// order, and <see cref="DifferentiationOptions.Adaptive"/> is implied.</param>
    public static DifferentiationInfo SparseHessian(BatchScalarFunction f, SparsityPattern pattern, ReadOnlySpan<double> x, Span<double> values,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default, Span<double> errors = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        return SparseHessianWithErrors(new FunctionSource(f), pattern, x, values, errors, options, cancellationToken);
    }

    /// <summary>The sparse Hessian on <paramref name="pattern"/> made symmetric with its diagonal
    /// (any square pattern will do: the upper or lower triangle suffices); adaptive adds
    /// <see cref="SparseDerivativeArray.Errors"/>.</summary>
    public static SparseDerivativeArray SparseHessian(ScalarFunction f, SparsityPattern pattern, ReadOnlySpan<double> x,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Rows != pattern.Columns)
            throw new ArgumentException($"A Hessian's pattern is square; this one is {pattern.Rows}×{pattern.Columns}.", nameof(pattern));
        var symmetric = pattern.Symmetrized();
        var values = new double[symmetric.NonZeros];
        var errors = options?.Adaptive == true ? new double[symmetric.NonZeros] : null;
        var info = SparseHessianCore(new FunctionSource(f), symmetric, x, values, errors, options, cancellationToken);
        return new SparseDerivativeArray(new SparseMatrix(symmetric, values), 0, info.Evaluations, info.Status)
        {
            Errors = errors is null ? null : new SparseMatrix(symmetric, errors),
        };
    }

    private static DifferentiationInfo SparseHessianWithErrors(in FunctionSource f, SparsityPattern pattern, ReadOnlySpan<double> x, Span<double> values,
        Span<double> errors, DifferentiationOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return SparseHessianCore(f, pattern, x, values, errors, ForErrors(errors, pattern.NonZeros, options), cancellationToken);
    }

    private static DifferentiationInfo SparseHessianCore(in FunctionSource f, SparsityPattern pattern, ReadOnlySpan<double> x, Span<double> values,
        Span<double> errors, DifferentiationOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        options ??= DifferentiationOptions.Default;
        if (!pattern.IsSymmetricWithDiagonal())
            throw new ArgumentException("A sparse Hessian's pattern must be square, symmetric and hold the whole diagonal; use pattern.Symmetrized().", nameof(pattern));
        ValidateSparse(x, pattern.Columns, options);
        RequireLength(values, pattern.NonZeros, nameof(values));
        RequireApart(values[..pattern.NonZeros], nameof(values), errors, x, options.Adaptive);
        // Near bounds the engine shortens the dense Hessian's steps (the adaptive first steps too)
        // to the room on the nearer side; x on a bound leaves none.
        SecondDifferenceSteps.RequireRoom(x, options);
        return SparseHessianEngine.Compute(f, pattern, x, values, errors, options, cancellationToken);
    }

    private static void ValidateSparse(ReadOnlySpan<double> x, int columns, DifferentiationOptions options)
    {
        if (x.Length != columns)
            throw new ArgumentException($"x has {x.Length} coordinates but the pattern has {columns} columns.", nameof(x));
        ValidatePoint(x, options);
    }
}
