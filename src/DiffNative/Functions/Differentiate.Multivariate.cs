using System.Runtime.CompilerServices;

namespace DiffNative;

public static partial class Differentiate
{
    // ---- gradient --------------------------------------------------------------------------------

    /// <summary>The gradient of f at x into <paramref name="gradient"/>: central differences of
    /// accuracy 2 by default (2n evaluations), allocating nothing in steady state (bounds
    /// included) unless <see cref="DifferentiationOptions.Parallel"/> is set.</summary>
    /// <param name="f">The function, called once per point.</param>
    /// <param name="x">Where to differentiate; finite, within the bounds if any.</param>
    /// <param name="gradient">Receives n partial derivatives.</param>
    /// <param name="options">Scheme, accuracy, steps, bounds, parallelism; defaults when null.</param>
    /// <param name="cancellationToken">Stops the evaluations.</param>
    /// <param name="errors">When not empty (pass it by name), receives n error estimates, and
    /// <see cref="DifferentiationOptions.Adaptive"/> is implied.</param>
    public static DifferentiationInfo Gradient(ScalarFunction f, ReadOnlySpan<double> x, Span<double> gradient,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default, Span<double> errors = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (!errors.IsEmpty)
            return GradientOtherwise(f, x, gradient, errors, ForErrors(errors, x.Length, options), cancellationToken);
        options ??= DifferentiationOptions.Default;
        // The everyday case straight to its loop: for a cheap f at small n every layer shows.
        if (ScalarGradientLoop.Applies(x, options))
        {
            // The same checks as ValidatePoint and RequireApart, trimmed to what these options can
            // hold; the finiteness of x is checked on the loop's step pass.
            if (x.IsEmpty) Finite.RequirePoint(x);
            options.Validate(x.Length);
            RequireLength(gradient, x.Length, nameof(gradient));
            if (gradient[..x.Length].Overlaps(x))
                RequireApart(gradient[..x.Length], nameof(gradient), default, x, writtenBetweenEvaluations: true);
            // The loop needs no backend, but one that cannot run here is refused on every path alike.
            if (options.Backend is { } backend) DiffNativeRuntime.Resolve(backend);
            return ScalarGradientLoop.Compute(f, x, gradient, options, cancellationToken);
        }
        return GradientOtherwise(f, x, gradient, default, options, cancellationToken);
    }

    // Out of line: the FunctionSource on this path is a struct holding references, which the
    // caller's prologue would zero on every call, the loop's included.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DifferentiationInfo GradientOtherwise(ScalarFunction f, ReadOnlySpan<double> x, Span<double> gradient,
        Span<double> errors, DifferentiationOptions? options, CancellationToken cancellationToken) =>
        GradientCore(new FunctionSource(f), x, gradient, errors, options, cancellationToken);

    /// <summary>The gradient from a batch function that evaluates many points per call.</summary>
    /// <param name="f">The function, called with rows of points.</param>
    /// <param name="x">Where to differentiate; finite, within the bounds if any.</param>
    /// <param name="gradient">Receives n partial derivatives.</param>
    /// <param name="options">Scheme, accuracy, steps, bounds, batch size; defaults when null.</param>
    /// <param name="cancellationToken">Stops the evaluations.</param>
    /// <param name="errors">When not empty (pass it by name), receives n error estimates, and
    /// <see cref="DifferentiationOptions.Adaptive"/> is implied.</param>
    public static DifferentiationInfo Gradient(BatchScalarFunction f, ReadOnlySpan<double> x, Span<double> gradient,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default, Span<double> errors = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        return GradientCore(new FunctionSource(f), x, gradient, errors, ForErrors(errors, x.Length, options), cancellationToken);
    }

    /// <summary>The gradient as a new 1×n array, with error estimates when adaptive.</summary>
    public static DerivativeArray Gradient(ScalarFunction f, ReadOnlySpan<double> x, DifferentiationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        var values = new double[x.Length];
        var errors = options?.Adaptive == true ? new double[x.Length] : null;
        var info = GradientCore(new FunctionSource(f), x, values, errors, options, cancellationToken);
        return new DerivativeArray(values, errors, info.Evaluations, info.Status);
    }

    private static DifferentiationInfo GradientCore(in FunctionSource f, ReadOnlySpan<double> x, Span<double> gradient, Span<double> errors,
        DifferentiationOptions? options, CancellationToken cancellationToken)
    {
        options ??= DifferentiationOptions.Default;
        ValidatePoint(x, options);
        RequireLength(gradient, x.Length, nameof(gradient));
        RequireApart(gradient[..x.Length], nameof(gradient), errors, x, writtenBetweenEvaluations: true);
        return FirstDerivatives.Compute(f, x, gradient, errors, options, cancellationToken);
    }

    // ---- Jacobian --------------------------------------------------------------------------------

    /// <summary>The Jacobian of f: Rⁿ → Rᵐ at x into <paramref name="jacobian"/> (row-major m×n:
    /// entry [k·n + i] is ∂fₖ/∂xᵢ).</summary>
    /// <param name="f">The function, writing m values per point.</param>
    /// <param name="outputs">m, the number of values f writes.</param>
    /// <param name="x">Where to differentiate.</param>
    /// <param name="jacobian">Receives m·n values.</param>
    /// <param name="options">Scheme, accuracy, steps, bounds, parallelism.</param>
    /// <param name="cancellationToken">Stops the evaluations.</param>
    public static DifferentiationInfo Jacobian(VectorFunction f, int outputs, ReadOnlySpan<double> x, Span<double> jacobian,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        RequirePositive(outputs);
        return JacobianCore(new FunctionSource(f, outputs), x, jacobian, default, options, cancellationToken);
    }

    /// <summary>The Jacobian from a batch function (m values per row, row-major).</summary>
    public static DifferentiationInfo Jacobian(BatchVectorFunction f, int outputs, ReadOnlySpan<double> x, Span<double> jacobian,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        RequirePositive(outputs);
        return JacobianCore(new FunctionSource(f, outputs), x, jacobian, default, options, cancellationToken);
    }

    /// <summary>The Jacobian as a new m×n array (read <c>result[k, i]</c> = ∂fₖ/∂xᵢ, or
    /// <see cref="DerivativeArray.ToArray2D"/>), with error estimates when adaptive.</summary>
    public static DerivativeArray Jacobian(VectorFunction f, int outputs, ReadOnlySpan<double> x, DifferentiationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        RequirePositive(outputs);
        var values = new double[MatrixLength(outputs, x.Length)];
        var errors = options?.Adaptive == true ? new double[values.Length] : null;
        var info = JacobianCore(new FunctionSource(f, outputs), x, values, errors, options, cancellationToken);
        return new DerivativeArray(values, errors, info.Evaluations, info.Status) { Rows = outputs };
    }

    private static DifferentiationInfo JacobianCore(in FunctionSource f, ReadOnlySpan<double> x, Span<double> jacobian, Span<double> errors,
        DifferentiationOptions? options, CancellationToken cancellationToken)
    {
        options ??= DifferentiationOptions.Default;
        ValidatePoint(x, options);
        RequireLength(jacobian, MatrixLength(f.Outputs, x.Length), nameof(jacobian));
        RequireApart(jacobian[..(f.Outputs * x.Length)], nameof(jacobian), errors, x, writtenBetweenEvaluations: true);
        return FirstDerivatives.Compute(f, x, jacobian, errors, options, cancellationToken);
    }

    // ---- Hessian ---------------------------------------------------------------------------------

    /// <summary>The dense symmetric Hessian of f at x into <paramref name="hessian"/> (row-major
    /// n×n): 2n² + 1 evaluations with ε^(1/4)-scaled second-difference steps, and 2n more for the
    /// step check (<see cref="DifferentiationOptions.CheckDifferentiability"/>: a coordinate whose
    /// diagonal disagrees with the same difference at twice the step has its step shrunk, or the
    /// result is NotConverged); adaptive extrapolates over 6 shrinking steps. With bounds, steps
    /// shrink so every point stays inside; x must not lie on a bound.</summary>
    public static DifferentiationInfo Hessian(ScalarFunction f, ReadOnlySpan<double> x, Span<double> hessian,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        return HessianCore(new FunctionSource(f), x, hessian, default, options, cancellationToken);
    }

    /// <summary>The Hessian from a batch function.</summary>
    public static DifferentiationInfo Hessian(BatchScalarFunction f, ReadOnlySpan<double> x, Span<double> hessian,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        return HessianCore(new FunctionSource(f), x, hessian, default, options, cancellationToken);
    }

    /// <summary>The Hessian as a new n×n array (read <c>result[i, j]</c>, or
    /// <see cref="DerivativeArray.ToArray2D"/>), with error estimates when adaptive.</summary>
    public static DerivativeArray Hessian(ScalarFunction f, ReadOnlySpan<double> x, DifferentiationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        var values = new double[MatrixLength(x.Length, x.Length)];
        var errors = options?.Adaptive == true ? new double[values.Length] : null;
        var info = HessianCore(new FunctionSource(f), x, values, errors, options, cancellationToken);
        return new DerivativeArray(values, errors, info.Evaluations, info.Status) { Rows = x.Length };
    }

    private static DifferentiationInfo HessianCore(in FunctionSource f, ReadOnlySpan<double> x, Span<double> hessian, Span<double> errors,
        DifferentiationOptions? options, CancellationToken cancellationToken)
    {
        options ??= DifferentiationOptions.Default;
        ValidatePoint(x, options);
        RequireLength(hessian, MatrixLength(x.Length, x.Length), nameof(hessian));
        RequireApart(hessian[..(x.Length * x.Length)], nameof(hessian), errors, x, options.Adaptive);
        SecondDifferenceSteps.RequireRoom(x, options);
        return SecondDerivatives.Hessian(f, x, hessian, errors, options, cancellationToken);
    }

    /// <summary>The Hessian's diagonal, ∂²f/∂xᵢ², from 1 + 2n evaluations (central stencils of the
    /// options' accuracy), and at accuracy 2 with default steps 2n more for the step check
    /// (<see cref="DifferentiationOptions.CheckDifferentiability"/>); adaptive extrapolates over 6
    /// shrinking steps.</summary>
    /// <param name="f">The function, called once per point.</param>
    /// <param name="x">Where to differentiate; finite, within the bounds if any.</param>
    /// <param name="diagonal">Receives n second derivatives.</param>
    /// <param name="options">Accuracy, steps, bounds, parallelism, adaptivity; defaults when null.</param>
    /// <param name="cancellationToken">Stops the evaluations.</param>
    /// <param name="errors">When not empty (pass it by name), receives n error estimates, and
    /// <see cref="DifferentiationOptions.Adaptive"/> is implied.</param>
    public static DifferentiationInfo HessianDiagonal(ScalarFunction f, ReadOnlySpan<double> x, Span<double> diagonal,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default, Span<double> errors = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        return HessianDiagonalCore(new FunctionSource(f), x, diagonal, errors, ForErrors(errors, x.Length, options), cancellationToken);
    }

    /// <summary>The Hessian's diagonal from a batch function that evaluates many points per call.</summary>
    /// <param name="f">The function, called with rows of points.</param>
    /// <param name="x">Where to differentiate; finite, within the bounds if any.</param>
    /// <param name="diagonal">Receives n second derivatives.</param>
    /// <param name="options">Accuracy, steps, bounds, batch size, adaptivity; defaults when null.</param>
    /// <param name="cancellationToken">Stops the evaluations.</param>
    /// <param name="errors">When not empty (pass it by name), receives n error estimates, and
    /// <see cref="DifferentiationOptions.Adaptive"/> is implied.</param>
    public static DifferentiationInfo HessianDiagonal(BatchScalarFunction f, ReadOnlySpan<double> x, Span<double> diagonal,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default, Span<double> errors = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        return HessianDiagonalCore(new FunctionSource(f), x, diagonal, errors, ForErrors(errors, x.Length, options), cancellationToken);
    }

    private static DifferentiationInfo HessianDiagonalCore(in FunctionSource f, ReadOnlySpan<double> x, Span<double> diagonal, Span<double> errors,
        DifferentiationOptions? options, CancellationToken cancellationToken)
    {
        options ??= DifferentiationOptions.Default;
        ValidatePoint(x, options);
        RequireLength(diagonal, x.Length, nameof(diagonal));
        RequireApart(diagonal[..x.Length], nameof(diagonal), errors, x, options.Adaptive);
        SecondDifferenceSteps.RequireRoom(x, options);
        return SecondDerivatives.Diagonal(f, x, diagonal, errors, options, cancellationToken);
    }

    /// <summary>H·v, the Hessian times a vector, from 4n evaluations without forming H, and with
    /// default steps 4n more for the step check (the product at twice the steps; see
    /// <see cref="DifferentiationOptions.CheckDifferentiability"/>); adaptive extrapolates over 6
    /// shrinking steps.</summary>
    /// <param name="f">The function, called once per point.</param>
    /// <param name="x">Where to differentiate; finite.</param>
    /// <param name="v">The vector, n finite values.</param>
    /// <param name="product">Receives n values of H·v.</param>
    /// <param name="options">Steps, parallelism, adaptivity (no bounds); defaults when null.</param>
    /// <param name="cancellationToken">Stops the evaluations.</param>
    /// <param name="errors">When not empty (pass it by name), receives n error estimates, and
    /// <see cref="DifferentiationOptions.Adaptive"/> is implied.</param>
    public static DifferentiationInfo HessianVectorProduct(ScalarFunction f, ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> product,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default, Span<double> errors = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        return HessianVectorProductCore(new FunctionSource(f), x, v, product, errors, ForErrors(errors, x.Length, options), cancellationToken);
    }

    /// <summary>H·v from a batch function that evaluates many points per call.</summary>
    /// <param name="f">The function, called with rows of points.</param>
    /// <param name="x">Where to differentiate; finite.</param>
    /// <param name="v">The vector, n finite values.</param>
    /// <param name="product">Receives n values of H·v.</param>
    /// <param name="options">Steps, batch size, adaptivity (no bounds); defaults when null.</param>
    /// <param name="cancellationToken">Stops the evaluations.</param>
    /// <param name="errors">When not empty (pass it by name), receives n error estimates, and
    /// <see cref="DifferentiationOptions.Adaptive"/> is implied.</param>
    public static DifferentiationInfo HessianVectorProduct(BatchScalarFunction f, ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> product,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default, Span<double> errors = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        return HessianVectorProductCore(new FunctionSource(f), x, v, product, errors, ForErrors(errors, x.Length, options), cancellationToken);
    }

    private static DifferentiationInfo HessianVectorProductCore(in FunctionSource f, ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> product,
        Span<double> errors, DifferentiationOptions? options, CancellationToken cancellationToken)
    {
        options ??= DifferentiationOptions.Default;
        ValidatePoint(x, options);
        RequireLength(product, x.Length, nameof(product));
        if (v.Length != x.Length)
            throw new ArgumentException($"v has {v.Length} values but x has {x.Length}.", nameof(v));
        if (!Finite.All(v)) throw new ArgumentException("v must be finite.", nameof(v));
        if (!options.LowerBounds.IsEmpty || !options.UpperBounds.IsEmpty)
            throw new ArgumentException("Hessian-vector products move along v in both directions; bounds are not supported.", nameof(options));
        RequireApart(product[..x.Length], nameof(product), errors, x, options.Adaptive, v);
        return SecondDerivatives.HessianVectorProduct(f, x, v, product, errors, options, cancellationToken);
    }

    /// <summary>The directional derivative ∇f(x)·v as the derivative of t ↦ f(x + t·v) at 0, with
    /// every method of the scalar engine (adaptive gives an error estimate). Allocates nothing in
    /// steady state.</summary>
    [SkipLocalsInit] // the point is written whole before every call of f
    public static DerivativeResult DirectionalDerivative(ScalarFunction f, ReadOnlySpan<double> x, ReadOnlySpan<double> v,
        DerivativeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ValidatePoint(x, DifferentiationOptions.Default);
        if (v.Length != x.Length)
            throw new ArgumentException($"v has {v.Length} values but x has {x.Length}.", nameof(v));
        options ??= DerivativeOptions.Default;
        options.Validate();
        // t moves coordinate i by t·|vᵢ|, whose natural scale is max(|xᵢ|, typical scale): the
        // scale of t is the smallest of their ratios, so that no coordinate moves farther than its
        // own scale (x = [100, −0.5] along [1, 1] is a unit scale, not 100). The largest double
        // when a subnormal v makes a ratio overflow.
        var scale = double.PositiveInfinity;
        for (var i = 0; i < v.Length; i++)
        {
            if (!double.IsFinite(v[i])) throw new ArgumentException("v must be finite.", nameof(v));
            if (v[i] != 0) scale = Math.Min(scale, Math.Max(Math.Abs(x[i]), options.TypicalScale) / Math.Abs(v[i]));
        }
        if (double.IsPositiveInfinity(scale)) return new DerivativeResult(0, 0, 0, 0, DerivativeStatus.Ok);
        scale = Math.Min(scale, double.MaxValue);
        var n = x.Length;
        var workspace = n > ScalarGradientLoop.MaxCoordinates ? Workspace.Rent() : null;
        try
        {
            var point = workspace is null ? stackalloc double[n] : workspace.Span(Workspace.Slot.Point, n);
            var line = new LineThrough(f, x, v, point);
            return DerivativeOf(ref line, 0.0, options, scale);
        }
        finally
        {
            if (workspace is not null) Workspace.Return(workspace);
        }
    }

    // ---- validation ------------------------------------------------------------------------------

    private static void ValidatePoint(ReadOnlySpan<double> x, DifferentiationOptions options)
    {
        Finite.RequirePoint(x);
        options.Validate(x.Length);
        if (options.LowerBounds.IsEmpty && options.UpperBounds.IsEmpty) return;
        var lower = options.LowerBounds.Span;
        var upper = options.UpperBounds.Span;
        for (var i = 0; i < x.Length; i++)
        {
            var lo = lower.IsEmpty ? double.NegativeInfinity : lower[i];
            var hi = upper.IsEmpty ? double.PositiveInfinity : upper[i];
            if (!(lo < hi))
                throw new ArgumentException($"Bounds of coordinate {i} are empty: [{lo}, {hi}].", nameof(options));
            if (x[i] < lo || x[i] > hi)
                throw new ArgumentException($"x[{i}] = {x[i]} lies outside its bounds [{lo}, {hi}].", nameof(x));
        }
    }

    /// <summary>rows × n entries, or an ArgumentException naming x when that exceeds the largest
    /// .NET array (an n above 46,340 for a Hessian): an OverflowException would not say which
    /// argument was at fault.</summary>
    private static int MatrixLength(int rows, int n)
    {
        var length = (long)rows * n;
        if (length > Array.MaxLength)
            throw new ArgumentException($"x has {n} coordinates: a {rows}×{n} matrix of {length} entries exceeds the largest .NET array ({Array.MaxLength}).", "x");
        return (int)length;
    }

    /// <summary>The options of a call given <paramref name="errors"/>: as they are when it is empty;
    /// otherwise it must hold <paramref name="count"/> values, and adaptivity is implied.</summary>
    private static DifferentiationOptions? ForErrors(Span<double> errors, int count, DifferentiationOptions? options)
    {
        if (errors.IsEmpty) return options;
        RequireLength(errors, count, nameof(errors));
        return Adaptively(options);
    }

    /// <summary>The options with <see cref="DifferentiationOptions.Adaptive"/> set, for calls given
    /// errors. Copying a record allocates, so a steady-state call passes it set, or none.</summary>
    private static DifferentiationOptions Adaptively(DifferentiationOptions? options) =>
        options is null ? AdaptiveDefaults
        : options.Adaptive ? options
        : AdaptiveTwins.GetValue(options, static o => o with { Adaptive = true });

    // The adaptive twin of each options object a call with errors was given, kept while that
    // object lives (keyed by reference, and thread-safe): copying it on every call was the
    // span overloads' only allocation.
    private static readonly ConditionalWeakTable<DifferentiationOptions, DifferentiationOptions> AdaptiveTwins = new();

    private static readonly DifferentiationOptions AdaptiveDefaults = DifferentiationOptions.Default with { Adaptive = true };

    private static void RequireLength(Span<double> buffer, int length, string name)
    {
        if (buffer.Length < length)
            throw new ArgumentException($"{name} holds {buffer.Length} values but {length} are needed.", name);
    }

    private static void RequirePositive(int outputs)
    {
        if (outputs < 1)
            throw new ArgumentOutOfRangeException(nameof(outputs), outputs, "A vector function has at least one output.");
    }
}
