using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace DiffNative;

// The overloads that took errors before the options, kept so that existing callers compile:
// errors is now an optional argument of the one method per function type. The lower priority
// sends a call that names errors to that method; a call passing errors by position still lands
// here and is refused alike when errors is short (empty included).
public static partial class Differentiate
{
    private const string ErrorsByName = "Pass errors by name: errors is the last, optional argument, after the options and the cancellation token.";

    /// <summary>Replaced by <see cref="Gradient(ScalarFunction, ReadOnlySpan{double}, Span{double}, DifferentiationOptions?, CancellationToken, Span{double})"/>
    /// with errors named.</summary>
    [Obsolete(ErrorsByName), EditorBrowsable(EditorBrowsableState.Never), OverloadResolutionPriority(-1)]
    public static DifferentiationInfo Gradient(ScalarFunction f, ReadOnlySpan<double> x, Span<double> gradient, Span<double> errors,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        RequireLength(errors, x.Length, nameof(errors));
        return Gradient(f, x, gradient, options, cancellationToken, errors);
    }

    /// <summary>Replaced by <see cref="Gradient(BatchScalarFunction, ReadOnlySpan{double}, Span{double}, DifferentiationOptions?, CancellationToken, Span{double})"/>
    /// with errors named.</summary>
    [Obsolete(ErrorsByName), EditorBrowsable(EditorBrowsableState.Never), OverloadResolutionPriority(-1)]
    public static DifferentiationInfo Gradient(BatchScalarFunction f, ReadOnlySpan<double> x, Span<double> gradient, Span<double> errors,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        RequireLength(errors, x.Length, nameof(errors));
        return Gradient(f, x, gradient, options, cancellationToken, errors);
    }

    /// <summary>Replaced by <see cref="HessianDiagonal(ScalarFunction, ReadOnlySpan{double}, Span{double}, DifferentiationOptions?, CancellationToken, Span{double})"/>
    /// with errors named.</summary>
    [Obsolete(ErrorsByName), EditorBrowsable(EditorBrowsableState.Never), OverloadResolutionPriority(-1)]
    public static DifferentiationInfo HessianDiagonal(ScalarFunction f, ReadOnlySpan<double> x, Span<double> diagonal, Span<double> errors,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        RequireLength(errors, x.Length, nameof(errors));
        return HessianDiagonal(f, x, diagonal, options, cancellationToken, errors);
    }

    /// <summary>Replaced by <see cref="HessianDiagonal(BatchScalarFunction, ReadOnlySpan{double}, Span{double}, DifferentiationOptions?, CancellationToken, Span{double})"/>
    /// with errors named.</summary>
    [Obsolete(ErrorsByName), EditorBrowsable(EditorBrowsableState.Never), OverloadResolutionPriority(-1)]
    public static DifferentiationInfo HessianDiagonal(BatchScalarFunction f, ReadOnlySpan<double> x, Span<double> diagonal, Span<double> errors,
        DifferentiationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        RequireLength(errors, x.Length, nameof(errors));
        return HessianDiagonal(f, x, diagonal, options, cancellationToken, errors);
    }

    /// <summary>Replaced by <see cref="HessianVectorProduct(ScalarFunction, ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, DifferentiationOptions?, CancellationToken, Span{double})"/>
    /// with errors named.</summary>
    [Obsolete(ErrorsByName), EditorBrowsable(EditorBrowsableState.Never), OverloadResolutionPriority(-1)]
    public static DifferentiationInfo HessianVectorProduct(ScalarFunction f, ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> product,
        Span<double> errors, DifferentiationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        RequireLength(errors, x.Length, nameof(errors));
        return HessianVectorProduct(f, x, v, product, options, cancellationToken, errors);
    }

    /// <summary>Replaced by <see cref="HessianVectorProduct(BatchScalarFunction, ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, DifferentiationOptions?, CancellationToken, Span{double})"/>
    /// with errors named.</summary>
    [Obsolete(ErrorsByName), EditorBrowsable(EditorBrowsableState.Never), OverloadResolutionPriority(-1)]
    public static DifferentiationInfo HessianVectorProduct(BatchScalarFunction f, ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> product,
        Span<double> errors, DifferentiationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        RequireLength(errors, x.Length, nameof(errors));
        return HessianVectorProduct(f, x, v, product, options, cancellationToken, errors);
    }

    /// <summary>Replaced by <see cref="SparseHessian(ScalarFunction, SparsityPattern, ReadOnlySpan{double}, Span{double}, DifferentiationOptions?, CancellationToken, Span{double})"/>
    /// with errors named.</summary>
    [Obsolete(ErrorsByName), EditorBrowsable(EditorBrowsableState.Never), OverloadResolutionPriority(-1)]
    public static DifferentiationInfo SparseHessian(ScalarFunction f, SparsityPattern pattern, ReadOnlySpan<double> x, Span<double> values,
        Span<double> errors, DifferentiationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(pattern);
        RequireLength(errors, pattern.NonZeros, nameof(errors));
        return SparseHessian(f, pattern, x, values, options, cancellationToken, errors);
    }

    /// <summary>Replaced by <see cref="SparseHessian(BatchScalarFunction, SparsityPattern, ReadOnlySpan{double}, Span{double}, DifferentiationOptions?, CancellationToken, Span{double})"/>
    /// with errors named.</summary>
    [Obsolete(ErrorsByName), EditorBrowsable(EditorBrowsableState.Never), OverloadResolutionPriority(-1)]
    public static DifferentiationInfo SparseHessian(BatchScalarFunction f, SparsityPattern pattern, ReadOnlySpan<double> x, Span<double> values,
        Span<double> errors, DifferentiationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(pattern);
        RequireLength(errors, pattern.NonZeros, nameof(errors));
        return SparseHessian(f, pattern, x, values, options, cancellationToken, errors);
    }
}
