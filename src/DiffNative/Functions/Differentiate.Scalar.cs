using System.Numerics;

namespace DiffNative;

/// <summary>Derivatives of functions the caller can only evaluate. Every entry point is
/// thread-safe; options are immutable; exceptions thrown by the function reach the caller as
/// they are.</summary>
public static partial class Differentiate
{
    /// <summary>The derivative of order <see cref="DerivativeOptions.Order"/> of f at x.</summary>
    /// <param name="f">The function; evaluated only at finite points near x.</param>
    /// <param name="x">Where to differentiate; finite.</param>
    /// <param name="options">Method, order, accuracy, step; <see cref="DerivativeOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">A bad option (named), a non-finite x, or
    /// <see cref="DerivativeMethod.Complex"/> with a real function (use the Complex overload).</exception>
    public static DerivativeResult Derivative(Func<double, double> f, double x, DerivativeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        options ??= DerivativeOptions.Default;
        ValidatePoint(x);
        options.Validate();
        var function = new DelegateFunction(f);
        return DerivativeOf(ref function, x, options, options.TypicalScale);
    }

    /// <summary>Every real function's derivative, for a finite x and validated options; steps scale
    /// with max(|x|, <paramref name="typicalScale"/>).</summary>
    private static DerivativeResult DerivativeOf<TFunction>(ref TFunction f, double x, DerivativeOptions options, double typicalScale)
        where TFunction : IRealFunction, allows ref struct => options.Method switch
    {
        DerivativeMethod.Complex => throw new ArgumentException(
            "The complex-step method needs a function over System.Numerics.Complex; use the Func<Complex, Complex> overload.", nameof(options)),
        DerivativeMethod.Adaptive => RiddersDerivative.Compute(ref f, x, options, typicalScale),
        _ => FixedStepDerivative.Compute(ref f, x, options, typicalScale),
    };

    /// <summary>The derivative of a function written over complex numbers: every method works,
    /// and <see cref="DerivativeMethod.Complex"/> gives first derivatives exact to rounding. Other
    /// methods evaluate f on the real axis.</summary>
    public static DerivativeResult Derivative(Func<Complex, Complex> f, double x, DerivativeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        options ??= DerivativeOptions.Default;
        ValidatePoint(x);
        options.Validate();
        if (options.Method == DerivativeMethod.Complex)
            return ComplexStepDerivative.Compute(f, x, options);
        var onRealAxis = new RealAxis(f);
        return DerivativeOf(ref onRealAxis, x, options, options.TypicalScale);
    }

    private static void ValidatePoint(double x)
    {
        if (!double.IsFinite(x))
            throw new ArgumentOutOfRangeException(nameof(x), x, "The point must be finite.");
    }
}
