using System.Runtime.CompilerServices;

namespace DiffNative;

// Functions over arrays, as Math.NET Numerics and most .NET code write them: a Func<double[], double>
// variable does not convert to ScalarFunction, whose spans let the engines reuse one buffer. The
// lower priority keeps a lambda that suits both on the span overload, which allocates nothing.
public static partial class Differentiate
{
    /// <summary>The gradient of a function over arrays (<c>Func&lt;double[], double&gt;</c>) as a
    /// new 1×n array; as <see cref="Gradient(ScalarFunction, ReadOnlySpan{double}, DifferentiationOptions?, CancellationToken)"/>
    /// otherwise. Each evaluation gets its point in a new array, which f may keep or change.</summary>
    /// <param name="f">The function; null is refused.</param>
    /// <param name="x">Where to differentiate; finite, within the bounds if any.</param>
    /// <param name="options">Scheme, accuracy, steps, bounds, parallelism; defaults when null.</param>
    /// <param name="cancellationToken">Stops the evaluations.</param>
    [OverloadResolutionPriority(-1)]
    public static DerivativeArray Gradient(Func<double[], double> f, ReadOnlySpan<double> x, DifferentiationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Gradient(OverSpans(f), x, options, cancellationToken);
    }

    /// <summary>The Hessian of a function over arrays (<c>Func&lt;double[], double&gt;</c>) as a new
    /// n×n array; as <see cref="Hessian(ScalarFunction, ReadOnlySpan{double}, DifferentiationOptions?, CancellationToken)"/>
    /// otherwise. Each evaluation gets its point in a new array, which f may keep or change.</summary>
    /// <param name="f">The function; null is refused.</param>
    /// <param name="x">Where to differentiate; finite, within the bounds if any.</param>
    /// <param name="options">Steps, bounds, parallelism, adaptivity; defaults when null.</param>
    /// <param name="cancellationToken">Stops the evaluations.</param>
    [OverloadResolutionPriority(-1)]
    public static DerivativeArray Hessian(Func<double[], double> f, ReadOnlySpan<double> x, DifferentiationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Hessian(OverSpans(f), x, options, cancellationToken);
    }

    private static ScalarFunction OverSpans(Func<double[], double> f) => x => f(x.ToArray());
}
