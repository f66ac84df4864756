namespace DiffNative;

public static partial class Differentiate
{
    // ---- sparse Hessian from a gradient ----------------------------------------------------------

    /// <summary>The Hessian's structural nonzeros from the caller's gradient: with a star colouring,
    /// per non-centre stencil point one gradient evaluation per colour (plus one at x for one-sided
    /// stencils), each entry read directly from one colour's gradient difference. Both triangles
    /// get the same value, so the result is exactly symmetric. Steps are those of a dense Jacobian
    /// of the gradient, and each entry has that Jacobian's bits at (i, j) or (j, i) wherever gradient
    /// component i reads only the coordinates of the pattern's row i. Bounds and
    /// <see cref="DifferentiationOptions.Adaptive"/> work as for dense Jacobians.</summary>
    /// <param name="gradient">The gradient ∇f: writes n partial derivatives.</param>
    /// <param name="coloring">The star colouring of the Hessian's pattern (compute once, reuse).</param>
    /// <param name="x">Where to differentiate; n coordinates.</param>
    /// <param name="values">Receives one value per structural nonzero of <see cref="ColumnColoring.Pattern"/>.</param>
    /// <param name="options">Scheme, accuracy, steps, parallelism, batch size, backend.</param>
    /// <param name="cancellationToken">Stops the evaluations.</param>
    public static DifferentiationInfo SparseHessianFromGradient(VectorFunction gradient, HessianColoring coloring, ReadOnlySpan<double> x,
        Span<double> values, DifferentiationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(coloring);
        return SparseHessianFromGradientCore(new FunctionSource(gradient, coloring.Pattern.Rows), coloring, x, values, options, cancellationToken);
    }

    /// <summary>The sparse Hessian from a batch gradient (n values per row, row-major).</summary>
    public static DifferentiationInfo SparseHessianFromGradient(BatchVectorFunction gradient, HessianColoring coloring, ReadOnlySpan<double> x,
        Span<double> values, DifferentiationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(coloring);
        return SparseHessianFromGradientCore(new FunctionSource(gradient, coloring.Pattern.Rows), coloring, x, values, options, cancellationToken);
    }

    /// <summary>The sparse Hessian from a gradient as a new <see cref="SparseMatrix"/> on the colouring's pattern.</summary>
    public static SparseDerivativeArray SparseHessianFromGradient(VectorFunction gradient, HessianColoring coloring, ReadOnlySpan<double> x,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(coloring);
        var values = new double[coloring.Pattern.NonZeros];
        var info = SparseHessianFromGradientCore(new FunctionSource(gradient, coloring.Pattern.Rows), coloring, x, values, options, cancellationToken);
        return new SparseDerivativeArray(new SparseMatrix(coloring.Pattern, values), coloring.Colors, info.Evaluations, info.Status);
    }

    /// <summary>The sparse Hessian from a gradient on any square pattern, star-coloured here
    /// (DSATUR order); colour once with <see cref="HessianColoring.Compute"/> when differentiating
    /// the same pattern repeatedly.</summary>
    public static SparseDerivativeArray SparseHessianFromGradient(VectorFunction gradient, SparsityPattern pattern, ReadOnlySpan<double> x,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        return SparseHessianFromGradient(gradient, HessianColoring.Compute(pattern), x, options, cancellationToken);
    }

    private static DifferentiationInfo SparseHessianFromGradientCore(in FunctionSource gradient, HessianColoring coloring, ReadOnlySpan<double> x,
        Span<double> values, DifferentiationOptions? options, CancellationToken cancellationToken)
    {
        options ??= DifferentiationOptions.Default;
        ValidateSparse(x, coloring.Pattern.Columns, options);
        RequireLength(values, coloring.Pattern.NonZeros, nameof(values));
        RequireApart(values[..coloring.Pattern.NonZeros], nameof(values), default, x, writtenBetweenEvaluations: true);
        return SparseJacobianEngine.Compute(gradient, coloring.Layout, coloring.Pattern, x, values, options, cancellationToken);
    }
}
