namespace DiffNative.Cli.Expressions;

/// <summary>The language's functions that <see cref="Math"/> lacks, written so that no finite
/// argument overflows or produces NaN.</summary>
internal static class RealFunctions
{
    /// <summary>1/(1 + e^-x). For negative x, e^x/(1 + e^x) instead, so e^-x never overflows.</summary>
    internal static double Sigmoid(double x)
    {
        if (x >= 0)
            return 1.0 / (1.0 + Math.Exp(-x));
        var exponential = Math.Exp(x);
        return exponential / (1.0 + exponential);
    }

    /// <summary>log(1 + e^x) = max(x, 0) + log(1 + e^-|x|): e^x is never formed for large x, and
    /// the small remainder keeps its relative accuracy (softplus(-40) ≈ 4.2e-18, not 0).</summary>
    internal static double Softplus(double x) => Math.Max(x, 0.0) + LogOnePlus(Math.Exp(-Math.Abs(x)));

    internal static double Relu(double x) => Math.Max(0.0, x);

    /// <summary>x·Φ(x), the exact (erf) form, with its limit 0 at -∞ rather than -∞·0.</summary>
    internal static double Gelu(double x) =>
        double.IsNegativeInfinity(x) ? -0.0 : x * SpecialFunctions.NormalCdf(x);

    /// <summary>log(1 + x) for finite x &gt; -1, accurate for tiny x (.NET's LogP1 is log(x + 1), which
    /// returns 0 below 1e-16). Goldberg's trick: the rounding of 1 + x cancels in log(u)·x/(u - 1).</summary>
    internal static double LogOnePlus(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * (x / (u - 1.0));
    }
}
