using System.Numerics;
using System.Text.Json;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.Functions;

/// <summary>Smooth functions with their derivatives from outside the code under test: closed forms
/// evaluated in double, and the 50-digit values of TestData/scalar_easy.json.</summary>
public static class SmoothCases
{
    public sealed record Case(string Name, Func<double, double> F, Func<Complex, Complex> ComplexF, double X, double[] Derivatives)
    {
        public override string ToString() => Name;
    }

    /// <summary>Functions whose natural scale is max(|x|, 1), |x| from 1e-3 to 1e4, with f′ and f″
    /// in closed form.</summary>
    public static IEnumerable<Case> NaturalScale()
    {
        foreach (var x in new[] { 1e-3, 0.5, 1.5, 3.0 })
            yield return new($"exp at {x}", Math.Exp, Complex.Exp, x, [Math.Exp(x), Math.Exp(x)]);
        foreach (var x in new[] { 1e-3, 0.5, 1.5, 100.0, 1e4 })
            yield return new($"cubic at {x}", t => ((t - 2) * t + 3) * t - 1, z => ((z - 2) * z + 3) * z - 1, x,
                [(3 * x - 4) * x + 3, 6 * x - 4]);
        foreach (var x in new[] { 1.0, 3.0, 100.0, 1e4 })
            yield return new($"log at {x}", Math.Log, Complex.Log, x, [1 / x, -1 / (x * x)]);
        // Not at 1e-3: there f' ~ -2x is tiny beside f ~ 1, and relative error is ill-conditioned.
        foreach (var x in new[] { 0.5, 2.0, 100.0, 1e4 })
            yield return new($"1/(1+x^2) at {x}", t => 1 / (1 + t * t), z => 1 / (1 + z * z), x,
                [-2 * x / ((1 + x * x) * (1 + x * x)), (6 * x * x - 2) / ((1 + x * x) * (1 + x * x) * (1 + x * x))]);
        foreach (var x in new[] { 1.0, 100.0, 1e4 })
            yield return new($"sqrt at {x}", Math.Sqrt, Complex.Sqrt, x, [0.5 / Math.Sqrt(x), -0.25 / (x * Math.Sqrt(x))]);
        foreach (var x in new[] { 1e-3, 0.7, 2.5 })
            yield return new($"x^2+sin(x) at {x}", t => t * t + Math.Sin(t), z => z * z + Complex.Sin(z), x,
                [2 * x + Math.Cos(x), 2 - Math.Sin(x)]);
    }

    /// <summary>The six cases of scalar_easy.json (two of them, log at 1e-3 and 1/x at 0.01, vary
    /// on the scale of x rather than 1).</summary>
    public static IEnumerable<Case> Published()
    {
        using var doc = TestData.Load("scalar_easy.json");
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var id = c.GetProperty("id").GetString()!;
            var x = c.GetProperty("x0").GetDouble();
            double[] d = [double.Parse(c.GetProperty("df_50digits").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                          double.Parse(c.GetProperty("d2f_50digits").GetString()!, System.Globalization.CultureInfo.InvariantCulture)];
            (Func<double, double> f, Func<Complex, Complex> cf) = id switch
            {
                "x2_plus_sin_at_2" => ((Func<double, double>)(t => t * t + Math.Sin(t)), (Func<Complex, Complex>)(z => z * z + Complex.Sin(z))),
                "exp_at_1" => (Math.Exp, Complex.Exp),
                "log_at_1e-3" => (Math.Log, Complex.Log),
                "recip_at_0.01" => (t => 1 / t, z => 1 / z),
                "cos_at_0" => (Math.Cos, Complex.Cos),
                "poly_exact_at_1.5" => (t => t * t * t - 2 * t * t + 3 * t - 1, z => z * z * z - 2 * z * z + 3 * z - 1),
                _ => throw new InvalidOperationException($"unknown case {id}"),
            };
            yield return new(id, f, cf, x, d);
        }
    }

    public static IEnumerable<object[]> NaturalScaleData() => NaturalScale().Select(c => new object[] { c });
    public static IEnumerable<object[]> PublishedData() => Published().Select(c => new object[] { c });
    public static IEnumerable<object[]> AllData() => NaturalScale().Concat(Published()).Select(c => new object[] { c });

    /// <summary>|estimate − truth| / |truth|, or the absolute error where the truth is 0.</summary>
    public static double RelativeError(double estimate, double truth) =>
        truth == 0 ? Math.Abs(estimate) : Math.Abs(estimate - truth) / Math.Abs(truth);
}
