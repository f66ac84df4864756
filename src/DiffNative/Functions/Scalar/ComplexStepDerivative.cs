using System.Numerics;

namespace DiffNative;

/// <summary>f′(x) = Im f(x + ih)/h + O(h²) with no subtraction, so no cancellation: with h tiny
/// (1e-100 of the scale) the result is exact to rounding. f must be analytic and written over
/// Complex.</summary>
internal static class ComplexStepDerivative
{
    private const double RelativeStep = 1e-100;

    internal static DerivativeResult Compute(Func<Complex, Complex> f, double x, DerivativeOptions options)
    {
        var h = options.Step ?? RelativeStep * Math.Max(Math.Abs(x), options.TypicalScale);
        var y = f(new Complex(x, h));
        var value = y.Imaginary / h;
        var status = double.IsFinite(value) && double.IsFinite(y.Real) ? DerivativeStatus.Ok : DerivativeStatus.NonFinite;
        return new DerivativeResult(status == DerivativeStatus.Ok ? value : double.NaN, null, h, 1, status);
    }
}
