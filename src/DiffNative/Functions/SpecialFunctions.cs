using static DiffNative.ErfCoefficients;

namespace DiffNative;

/// <summary>The error function and its relatives, which .NET's <see cref="Math"/> lacks. Each is
/// accurate to about one unit in the last place over the whole double range, including the far
/// tails where the result is tiny.</summary>
/// <remarks>Below |x| = 0.8, erf(x) = x + x·P(x²). Above it, erfc(x) = exp(-x²)·erfcx(x), where
/// the scaled function erfcx is smooth and is read from polynomial pieces (in 1/x² past x = 3), and
/// x² is carried as an exact sum of two doubles so that exp loses nothing to its rounding. The
/// pieces come from <c>generate_erf_coefficients.py</c>.</remarks>
public static class SpecialFunctions
{
    /// <summary>From here on erfc(x) &lt; 2^-54, so erf(x) rounds to 1 (and erfc(-x) to 2).</summary>
    private const double ErfIsOneLimit = 6.0;

    /// <summary>The error function, erf(x) = 2/√π ∫₀ˣ e^(-t²) dt.</summary>
    /// <param name="x">Any double.</param>
    /// <returns>A value in [-1, 1]: ±1 at ±∞, NaN for NaN; odd, so erf(-0) = -0.</returns>
    public static double Erf(double x)
    {
        if (double.IsNaN(x))
            return x;
        var magnitude = Math.Abs(x);
        if (magnitude < SmallLimit)
            return ErfSmall(x, 0.0);
        if (magnitude >= ErfIsOneLimit)
            return Math.CopySign(1.0, x);
        return Math.CopySign(1.0 - ErfcLarge(magnitude, 0.0), x);
    }

    /// <summary>The complementary error function, erfc(x) = 1 - erf(x), computed without the
    /// cancellation that subtracting from 1 would cause for large x.</summary>
    /// <param name="x">Any double.</param>
    /// <returns>A value in [0, 2]: 2 at -∞, 0 at +∞ and wherever the true value rounds to zero
    /// (x above about 27.23; it passes through the subnormals on the way), NaN for NaN.</returns>
    public static double Erfc(double x) => double.IsNaN(x) ? x : ErfcOf(x, 0.0);

    /// <summary>The standard normal cumulative distribution function Φ(x) = erfc(-x/√2)/2, accurate
    /// in relative terms far into the left tail (Φ(-30) ≈ 4.9e-198, not 0).</summary>
    /// <param name="x">Any double.</param>
    /// <returns>A value in [0, 1]: 0 at -∞, 1 at +∞, NaN for NaN.</returns>
    public static double NormalCdf(double x)
    {
        if (double.IsNaN(x))
            return x;
        if (double.IsInfinity(x))
            return x > 0 ? 1.0 : 0.0;
        // y = -x/√2 is carried as y + yLow: erfc(y) moves by a relative 2y² per unit relative change
        // of y, so rounding y to one double would cost about 900 ulp at x = -30.
        var product = x * InverseSqrtTwoHigh;
        var productError = Math.FusedMultiplyAdd(x, InverseSqrtTwoHigh, -product);
        return 0.5 * ErfcOf(-product, -(productError + x * InverseSqrtTwoLow));
    }

    /// <summary>erfc(y + yLow) for finite y, where |yLow| is at most about one ulp of y.</summary>
    private static double ErfcOf(double y, double yLow)
    {
        if (Math.Abs(y) < SmallLimit)
            return ErfcSmall(y, yLow);
        if (y > 0)
            return y >= ErfcZeroLimit ? 0.0 : ErfcLarge(y, yLow);
        return y <= -ErfIsOneLimit ? 2.0 : 2.0 - ErfcLarge(-y, -yLow);
    }

    /// <summary>erf(y + yLow) for |y| &lt; 0.8.</summary>
    private static double ErfSmall(double y, double yLow)
    {
        var p = SmallPolynomial(y * y);
        // One rounding of y(1 + P): exact to half an ulp even for subnormal y.
        if (yLow == 0.0)
            return Math.FusedMultiplyAdd(y, p, y);
        return y + Math.FusedMultiplyAdd(y, p, yLow * Slope(y));
    }

    /// <summary>erfc(y + yLow) for |y| &lt; 0.8.</summary>
    private static double ErfcSmall(double y, double yLow)
    {
        if (y < 0.25)
            return 1.0 - ErfSmall(y, yLow);
        // 1 - erf(y) would lose up to two bits here. y - 0.5 is exact (Sterbenz); it and y·P are
        // summed with their rounding errors kept, and the errors subtracted last.
        var p = SmallPolynomial(y * y);
        var product = y * p;
        var productError = Math.FusedMultiplyAdd(y, p, -product);
        var offset = y - 0.5;
        var sum = offset + product;
        var productPart = sum - offset;
        var sumError = (offset - (sum - productPart)) + (product - productPart);
        var slopePart = yLow == 0.0 ? 0.0 : yLow * Slope(y);
        return (0.5 - sum) - (productError + sumError + slopePart);
    }

    /// <summary>erf'(y) = 2/√π·e^(-y²), which carries a low part of the argument through.</summary>
    private static double Slope(double y) => TwoOverSqrtPi * Math.Exp(-y * y);

    private static double SmallPolynomial(double t) => SmallLeadHigh + BeyondLead(SmallRest, SmallLeadLow, t);

    /// <summary>erfc(y + yLow) for 0.8 ≤ y &lt; 27.3, as exp(-y²)·erfcx(y).</summary>
    private static double ErfcLarge(double y, double yLow)
    {
        var square = y * y;
        var squareLow = Math.FusedMultiplyAdd(y, y, -square) + 2.0 * y * yLow;
        var (lead, rest) = ScaledErfc(y, square);
        var scaled = lead + rest;
        // exp(-(square + squareLow)) = exp(-square)(1 - squareLow), and
        // erfcx(y + yLow) = erfcx(y) + yLow·(2y·erfcx(y) - 2/√π): both folded in before the one rounding.
        var correction = -squareLow * scaled + yLow * (2.0 * y * scaled - TwoOverSqrtPi);
        // exp(-y²)·lead is formed exactly inside the fused multiply-add, so erfcx is never rounded
        // to one double: only exp's error and the final rounding remain.
        var exponential = Math.Exp(-square);
        return Math.FusedMultiplyAdd(exponential, lead, exponential * (rest + correction));
    }

    /// <summary>erfcx(y) = exp(y²)·erfc(y) as lead + remainder, with the remainder much smaller than lead and
    /// neither rounded into the other.</summary>
    private static (double Lead, double Remainder) ScaledErfc(double y, double square)
    {
        if (y < NearEnd)
            return (NearLeadHigh, BeyondLead(NearRest, NearLeadLow, y - NearCenter));
        if (y < MiddleEnd)
            return (MiddleLeadHigh, BeyondLead(MiddleRest, MiddleLeadLow, y - MiddleCenter));
        if (y < FarEnd)
            return (FarLeadHigh, BeyondLead(FarRest, FarLeadLow, y - FarCenter));
        // erfcx(y) = G(1/y²)/y; G and the quotient are kept as double-double pairs so that the
        // division adds no rounding of its own.
        var gRest = BeyondLead(TailRest, TailLeadLow, 1.0 / square - TailCenter);
        var g = TailLeadHigh + gRest;
        var gLow = gRest - (g - TailLeadHigh);
        var quotient = g / y;
        return (quotient, (Math.FusedMultiplyAdd(-quotient, y, g) + gLow) / y);
    }

    /// <summary>A piece's value less its LeadHigh: LeadLow + s·(rest[0] + s·(rest[1] + …)).</summary>
    private static double BeyondLead(ReadOnlySpan<double> rest, double leadLow, double s)
    {
        var sum = rest[^1];
        for (var k = rest.Length - 2; k >= 0; k--)
            sum = Math.FusedMultiplyAdd(sum, s, rest[k]);
        return Math.FusedMultiplyAdd(sum, s, leadLow);
    }
}
