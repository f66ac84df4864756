using System.Numerics;

namespace DiffNative.Cli.Expressions;

/// <summary>Complex versions of the language's functions that <see cref="Complex"/> lacks, for the
/// complex-step method: each is analytic near the real axis and equals its real counterpart there,
/// and each keeps the tiny imaginary part of x + ih accurate.</summary>
internal static class ComplexFunctions
{
    /// <summary>As <see cref="RealFunctions.Sigmoid"/>, choosing the form by the sign of Re z.</summary>
    internal static Complex Sigmoid(Complex z)
    {
        if (z.Real >= 0)
            return 1.0 / (1.0 + Complex.Exp(-z));
        var exponential = Complex.Exp(z);
        return exponential / (1.0 + exponential);
    }

    /// <summary>As <see cref="RealFunctions.Softplus"/>: z + log(1 + e^-z) for Re z &gt; 0,
    /// log(1 + e^z) otherwise.</summary>
    internal static Complex Softplus(Complex z) =>
        z.Real > 0 ? z + LogOnePlus(Complex.Exp(-z)) : LogOnePlus(Complex.Exp(z));

    /// <summary>The real cube root continued off the real axis: the principal root for Re z ≥ 0 and
    /// -cbrt(-z) otherwise (the principal root of a negative number is not real).</summary>
    internal static Complex Cbrt(Complex z)
    {
        if (z.Real < 0)
            return -Cbrt(-z);
        return Complex.FromPolarCoordinates(Math.Cbrt(z.Magnitude), z.Phase / 3.0);
    }

    /// <summary>atan z = ½[atan2(x, 1 - y) + atan2(x, 1 + y)] + ¼i·log(1 + 4y/(x² + (y - 1)²)).
    /// Complex.Atan forms 1 ± iz, in which a complex step's 1e-200 is lost against 1.</summary>
    internal static Complex Atan(Complex z)
    {
        var (x, y) = (z.Real, z.Imaginary);
        var real = 0.5 * (Math.Atan2(x, 1.0 - y) + Math.Atan2(x, 1.0 + y));
        var imaginary = 0.25 * RealFunctions.LogOnePlus(4.0 * y / (x * x + (y - 1.0) * (y - 1.0)));
        return new Complex(real, imaginary);
    }

    /// <summary>log z / ln 10. Complex.Log10 scales by a 14-digit 1/ln 10, which costs about 30 ulp.</summary>
    internal static Complex Log10(Complex z) => Complex.Log(z) / Math.Log(10.0);

    /// <summary>tanh(a + ib) = [t(1 + u²) + i·u·sech²a] / (1 + t²u²) with t = tanh a, u = tan b.
    /// Complex.Tanh divides sinh 2a by cosh 2a, which is NaN once they overflow (|a| &gt; 355);
    /// here the real part on the real axis is Math.Tanh itself and sech²a keeps the derivative's
    /// relative accuracy where 1 - tanh²a would cancel.</summary>
    internal static Complex Tanh(Complex z)
    {
        var t = Math.Tanh(z.Real);
        var u = Math.Tan(z.Imaginary);
        var sech = 1.0 / Math.Cosh(z.Real);
        var denominator = 1.0 + t * u * (t * u);
        return new Complex(t * (1.0 + u * u) / denominator, u * sech * sech / denominator);
    }

    /// <summary>tan z = -i·tanh(iz), through <see cref="Tanh"/>: Complex.Tan divides by
    /// cos 2a + cosh 2b, which cancels near a = π/2 and costs the complex step its accuracy.</summary>
    internal static Complex Tan(Complex z)
    {
        var rotated = Tanh(new Complex(-z.Imaginary, z.Real));
        return new Complex(rotated.Imaginary, -rotated.Real);
    }

    /// <summary>z^n by repeated squaring. Complex.Pow goes through polar form (atan2, log, pow, sin)
    /// and rounds at every step; products keep the imaginary part of x + ih exact to rounding
    /// (Im((x + ih)²) = 2xh exactly).</summary>
    internal static Complex IntegerPower(Complex z, int n)
    {
        if (n < 0)
            return Complex.One / IntegerPower(z, -n);
        var result = Complex.One;
        var square = z;
        while (n > 0)
        {
            if ((n & 1) != 0)
                result *= square;
            n >>= 1;
            if (n > 0)
                square *= square;
        }
        return result;
    }

    /// <summary>log(1 + w) for |w| ≤ 1: log|1 + w| from a real log(1 + ·) of |1 + w|² - 1, so that a
    /// tiny w is not lost against 1.</summary>
    private static Complex LogOnePlus(Complex w)
    {
        var (a, b) = (w.Real, w.Imaginary);
        return new Complex(0.5 * RealFunctions.LogOnePlus(a * (2.0 + a) + b * b), Math.Atan2(b, 1.0 + a));
    }
}
