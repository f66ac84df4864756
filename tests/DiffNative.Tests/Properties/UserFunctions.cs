using CsCheck;

namespace DiffNative.Tests.Properties;

/// <summary>What a generated user function does: a smooth function, a constant, or one that
/// misbehaves after some evaluations (throws its own exception, returns NaN, cancels the call's
/// token), or no function at all.</summary>
internal enum FunctionKind
{
    Smooth,
    Constant,
    Throws,
    ReturnsNaN,
    Cancels,
    Null,
}

/// <summary>A generated user function: what it does, its coefficients, and after how many
/// evaluations it misbehaves. <see cref="Create"/> gives fresh delegates (and a fresh count) for
/// each call, while the exception object stays the same, so that the caller can recognise it.</summary>
internal sealed record UserFunction(FunctionKind Kind, double[] Coefficients, int FailAfter)
{
    internal static readonly Gen<FunctionKind> Kinds = Gen.Frequency(
        (14, Gen.Const(FunctionKind.Smooth)), (2, Gen.Const(FunctionKind.Constant)), (2, Gen.Const(FunctionKind.Throws)),
        (2, Gen.Const(FunctionKind.ReturnsNaN)), (2, Gen.Const(FunctionKind.Cancels)), (1, Gen.Const(FunctionKind.Null)));

    internal static readonly Gen<UserFunction> Any =
        from kind in Kinds
        from coefficients in Gen.Double[-3, 3].Array[8]
        from failAfter in Gen.Frequency((3, Gen.Int[0, 3]), (2, Gen.Int[4, 60]))
        select new UserFunction(kind, coefficients, failAfter);

    /// <summary>The object every misbehaving delegate of this case throws.</summary>
    internal Exception Own { get; } = new InvalidOperationException("the user function's own failure");

    /// <summary>f(x) = Σ aᵢ xᵢ² + sin(bᵢ xᵢ) (coefficients reused cyclically), or the constant a₀,
    /// until the failure; for n outputs, output k multiplies by (1 + k·a₁).</summary>
    internal Func<ReadOnlySpan<double>, double>? Scalar(CancellationTokenSource cancel)
    {
        if (Kind == FunctionKind.Null) return null;
        var count = 0;
        return x =>
        {
            if (Interlocked.Increment(ref count) > FailAfter)
            {
                switch (Kind)
                {
                    case FunctionKind.Throws: throw Own;
                    case FunctionKind.ReturnsNaN: return double.NaN;
                    case FunctionKind.Cancels: cancel.Cancel(); break;
                }
            }
            return Value(x);
        };
    }

    internal double Value(ReadOnlySpan<double> x)
    {
        if (Kind == FunctionKind.Constant) return Coefficients[0];
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var a = Coefficients[(2 * i) % Coefficients.Length];
            var b = Coefficients[(2 * i + 1) % Coefficients.Length];
            sum += a * x[i] * x[i] + Math.Sin(b * x[i]);
        }
        return sum;
    }

    internal ScalarFunction? ScalarFunction(CancellationTokenSource cancel) =>
        Scalar(cancel) is { } f ? x => f(x) : null;

    internal VectorFunction? VectorFunction(CancellationTokenSource cancel) =>
        Scalar(cancel) is { } f
            ? (x, y) =>
            {
                var value = f(x);
                for (var k = 0; k < y.Length; k++) y[k] = value * (1 + k * Coefficients[1]);
            }
            : null;

    internal Func<double, double>? Real(CancellationTokenSource cancel) =>
        Scalar(cancel) is { } f ? x => f([x]) : null;
}
