namespace DiffNative.Tests.Support;

/// <summary>Hand-written analytic gradients of the MGH objectives (F = Σ rᵢ², so ∇F = 2Σ rᵢ∇rᵢ),
/// from the residual formulas in TestData/mgh.json. Checked against the file's exact gradients at
/// the standard starts (MghGradientTests) and against numerical gradients elsewhere.</summary>
public static class MghGradients
{
    public static AnalyticGradient For(string id) => id switch
    {
        "rosenbrock" or "extended_rosenbrock_10" => Rosenbrock,
        "beale" => Beale,
        "helical_valley" => HelicalValley,
        "powell_singular" => PowellSingular,
        "wood" => Wood,
        _ => throw new ArgumentException($"unknown problem {id}"),
    };

    private static void Rosenbrock(ReadOnlySpan<double> x, Span<double> g)
    {
        for (var i = 0; i + 1 < x.Length; i += 2)
        {
            var u = x[i + 1] - x[i] * x[i];
            g[i] = -400 * x[i] * u - 2 * (1 - x[i]);
            g[i + 1] = 200 * u;
        }
    }

    private static void Beale(ReadOnlySpan<double> x, Span<double> g)
    {
        double[] y = [1.5, 2.25, 2.625];
        g[0] = g[1] = 0;
        for (var i = 1; i <= 3; i++)
        {
            var r = y[i - 1] - x[0] * (1 - Math.Pow(x[1], i));
            g[0] += 2 * r * -(1 - Math.Pow(x[1], i));
            g[1] += 2 * r * x[0] * i * Math.Pow(x[1], i - 1);
        }
    }

    private static void HelicalValley(ReadOnlySpan<double> x, Span<double> g)
    {
        var rho2 = x[0] * x[0] + x[1] * x[1];
        var rho = Math.Sqrt(rho2);
        var theta = Math.Atan(x[1] / x[0]) / (2 * Math.PI) + (x[0] < 0 ? 0.5 : 0.0);
        var r1 = 10 * (x[2] - 10 * theta);
        var r2 = 10 * (rho - 1);
        var dTheta1 = -x[1] / (2 * Math.PI * rho2);
        var dTheta2 = x[0] / (2 * Math.PI * rho2);
        g[0] = 2 * r1 * (-100 * dTheta1) + 2 * r2 * 10 * x[0] / rho;
        g[1] = 2 * r1 * (-100 * dTheta2) + 2 * r2 * 10 * x[1] / rho;
        g[2] = 2 * r1 * 10 + 2 * x[2];
    }

    private static void PowellSingular(ReadOnlySpan<double> x, Span<double> g)
    {
        var r1 = x[0] + 10 * x[1];
        var r2 = Math.Sqrt(5) * (x[2] - x[3]);
        var a = x[1] - 2 * x[2];
        var b = x[0] - x[3];
        var r3 = a * a;
        var r4 = Math.Sqrt(10) * b * b;
        g[0] = 2 * r1 + 2 * r4 * 2 * Math.Sqrt(10) * b;
        g[1] = 20 * r1 + 2 * r3 * 2 * a;
        g[2] = 2 * r2 * Math.Sqrt(5) - 8 * r3 * a;
        g[3] = -2 * r2 * Math.Sqrt(5) - 2 * r4 * 2 * Math.Sqrt(10) * b;
    }

    private static void Wood(ReadOnlySpan<double> x, Span<double> g)
    {
        var r1 = 10 * (x[1] - x[0] * x[0]);
        var r2 = 1 - x[0];
        var r3 = Math.Sqrt(90) * (x[3] - x[2] * x[2]);
        var r4 = 1 - x[2];
        var r5 = Math.Sqrt(10) * (x[1] + x[3] - 2);
        var r6 = (x[1] - x[3]) / Math.Sqrt(10);
        g[0] = 2 * r1 * -20 * x[0] - 2 * r2;
        g[1] = 20 * r1 + 2 * r5 * Math.Sqrt(10) + 2 * r6 / Math.Sqrt(10);
        g[2] = 2 * r3 * -2 * Math.Sqrt(90) * x[2] - 2 * r4;
        g[3] = 2 * r3 * Math.Sqrt(90) + 2 * r5 * Math.Sqrt(10) - 2 * r6 / Math.Sqrt(10);
    }
}
