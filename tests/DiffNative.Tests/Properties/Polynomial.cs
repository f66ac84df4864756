namespace DiffNative.Tests.Properties;

/// <summary>Polynomials as coefficient arrays, lowest power first: the closed forms that the
/// exactness properties compare with.</summary>
internal static class Polynomial
{
    /// <summary>Σ cₖ xᵏ by Horner's rule.</summary>
    internal static double Value(double[] coefficients, double x)
    {
        var sum = 0.0;
        for (var k = coefficients.Length - 1; k >= 0; k--) sum = sum * x + coefficients[k];
        return sum;
    }

    /// <summary>Σ |cₖ| |x|ᵏ: the scale of the terms, which bounds the rounding of a value.</summary>
    internal static double AbsoluteValue(double[] coefficients, double x)
    {
        var sum = 0.0;
        for (var k = coefficients.Length - 1; k >= 0; k--) sum = sum * Math.Abs(x) + Math.Abs(coefficients[k]);
        return sum;
    }

    /// <summary>The coefficients of the <paramref name="order"/>-th derivative.</summary>
    internal static double[] Derivative(double[] coefficients, int order)
    {
        var result = coefficients;
        for (var d = 0; d < order; d++)
            result = result.Length <= 1 ? [0.0] : result.Skip(1).Select((c, k) => c * (k + 1)).ToArray();
        return result;
    }
}
