using DiffNative.MachineLearning;

namespace DiffNative.Cli.Expressions;

/// <summary>The language's functions that <see cref="Math"/> lacks, written so that no finite
/// argument overflows or produces NaN. The activations are the library's own (its managed
/// reference, the native kernels' bits), so an expression gives what <see cref="Activation"/> gives.</summary>
internal static class RealFunctions
{
    /// <summary>1/(1 + e^-x), never overflowing: the library's sigmoid.</summary>
    internal static double Sigmoid(double x) => Apply(Activation.Sigmoid, x);

    /// <summary>log(1 + e^x) = max(x, 0) + log1p(e^-|x|): the library's softplus (softplus(-40) ≈
    /// 4.2e-18, not 0).</summary>
    internal static double Softplus(double x) => Apply(Activation.Softplus, x);

    internal static double Relu(double x) => Math.Max(0.0, x);

    /// <summary>x·Φ(x), the exact (erf) form: the library's GELU (−0 at −∞).</summary>
    internal static double Gelu(double x) => Apply(Activation.Gelu, x);

    private static double Apply(Activation activation, double x)
    {
        ReadOnlySpan<double> input = [x];
        Span<double> output = stackalloc double[1];
        activation.Apply(input, output, Backend.Managed);
        return output[0];
    }

    /// <summary>log(1 + x) for finite x &gt; -1, accurate for tiny x (.NET's LogP1 is log(x + 1), which
    /// returns 0 below 1e-16). Goldberg's trick: the rounding of 1 + x cancels in log(u)·x/(u - 1).</summary>
    internal static double LogOnePlus(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * (x / (u - 1.0));
    }
}
