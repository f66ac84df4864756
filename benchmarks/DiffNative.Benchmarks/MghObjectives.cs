namespace DiffNative.Benchmarks;

/// <summary>The six Moré–Garbow–Hillstrom problems of tests/DiffNative.Tests/TestData/mgh.json with
/// hand-written gradients (F = Σ rᵢ², ∇F = 2Σ rᵢ∇rᵢ), transcribed from the residual formulas there.
/// The test suite checks the same formulas against the file; <see cref="OptimizerCounts"/> checks
/// F(x0) against the file's values before it prints anything.</summary>
internal static class MghObjectives
{
    internal sealed record Problem(string Id, double[] X0, double F0, ScalarFunction F, AnalyticGradient Gradient)
    {
        public override string ToString() => Id;
    }

    internal static readonly Problem[] All =
    [
        new("rosenbrock", [-1.2, 1.0], 24.199999999999992, ExtendedRosenbrock.Value, RosenbrockGradient),
        new("extended_rosenbrock_10", ExtendedRosenbrock.Start(10), 120.99999999999996, ExtendedRosenbrock.Value, RosenbrockGradient),
        new("beale", [1.0, 1.0], 14.203125, Beale, BealeGradient),
        new("helical_valley", [-1.0, 0.0, 0.0], 2500.0, HelicalValley, HelicalValleyGradient),
        new("powell_singular", [3.0, -1.0, 0.0, 1.0], 215.0, PowellSingular, PowellSingularGradient),
        new("wood", [-3.0, -1.0, -3.0, -1.0], 19192.0, Wood, WoodGradient),
    ];

    internal static Problem Get(string id) => All.Single(p => p.Id == id);

    private static void RosenbrockGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        for (var i = 0; i + 1 < x.Length; i += 2)
        {
            var u = x[i + 1] - x[i] * x[i];
            g[i] = -400 * x[i] * u - 2 * (1 - x[i]);
            g[i + 1] = 200 * u;
        }
    }

    private static readonly double[] BealeY = [1.5, 2.25, 2.625];

    private static double Beale(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 1; i <= 3; i++)
        {
            var r = BealeY[i - 1] - x[0] * (1 - Math.Pow(x[1], i));
            sum += r * r;
        }
        return sum;
    }

    private static void BealeGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = g[1] = 0;
        for (var i = 1; i <= 3; i++)
        {
            var r = BealeY[i - 1] - x[0] * (1 - Math.Pow(x[1], i));
            g[0] += 2 * r * -(1 - Math.Pow(x[1], i));
            g[1] += 2 * r * x[0] * i * Math.Pow(x[1], i - 1);
        }
    }

    private static double Theta(ReadOnlySpan<double> x) => Math.Atan(x[1] / x[0]) / (2 * Math.PI) + (x[0] < 0 ? 0.5 : 0.0);

    private static double HelicalValley(ReadOnlySpan<double> x)
    {
        var r1 = 10 * (x[2] - 10 * Theta(x));
        var r2 = 10 * (Math.Sqrt(x[0] * x[0] + x[1] * x[1]) - 1);
        return r1 * r1 + r2 * r2 + x[2] * x[2];
    }

    private static void HelicalValleyGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        var rho2 = x[0] * x[0] + x[1] * x[1];
        var rho = Math.Sqrt(rho2);
        var r1 = 10 * (x[2] - 10 * Theta(x));
        var r2 = 10 * (rho - 1);
        g[0] = 2 * r1 * (-100 * -x[1] / (2 * Math.PI * rho2)) + 2 * r2 * 10 * x[0] / rho;
        g[1] = 2 * r1 * (-100 * x[0] / (2 * Math.PI * rho2)) + 2 * r2 * 10 * x[1] / rho;
        g[2] = 2 * r1 * 10 + 2 * x[2];
    }

    private static double PowellSingular(ReadOnlySpan<double> x)
    {
        var r1 = x[0] + 10 * x[1];
        var r2 = Math.Sqrt(5) * (x[2] - x[3]);
        var r3 = (x[1] - 2 * x[2]) * (x[1] - 2 * x[2]);
        var r4 = Math.Sqrt(10) * (x[0] - x[3]) * (x[0] - x[3]);
        return r1 * r1 + r2 * r2 + r3 * r3 + r4 * r4;
    }

    private static void PowellSingularGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        var r1 = x[0] + 10 * x[1];
        var r2 = Math.Sqrt(5) * (x[2] - x[3]);
        var a = x[1] - 2 * x[2];
        var b = x[0] - x[3];
        var r3 = a * a;
        var r4 = Math.Sqrt(10) * b * b;
        g[0] = 2 * r1 + 4 * Math.Sqrt(10) * r4 * b;
        g[1] = 20 * r1 + 4 * r3 * a;
        g[2] = 2 * Math.Sqrt(5) * r2 - 8 * r3 * a;
        g[3] = -2 * Math.Sqrt(5) * r2 - 4 * Math.Sqrt(10) * r4 * b;
    }

    private static double Wood(ReadOnlySpan<double> x)
    {
        var r1 = 10 * (x[1] - x[0] * x[0]);
        var r2 = 1 - x[0];
        var r3 = Math.Sqrt(90) * (x[3] - x[2] * x[2]);
        var r4 = 1 - x[2];
        var r5 = Math.Sqrt(10) * (x[1] + x[3] - 2);
        var r6 = (x[1] - x[3]) / Math.Sqrt(10);
        return r1 * r1 + r2 * r2 + r3 * r3 + r4 * r4 + r5 * r5 + r6 * r6;
    }

    private static void WoodGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        var r1 = 10 * (x[1] - x[0] * x[0]);
        var r2 = 1 - x[0];
        var r3 = Math.Sqrt(90) * (x[3] - x[2] * x[2]);
        var r4 = 1 - x[2];
        var r5 = Math.Sqrt(10) * (x[1] + x[3] - 2);
        var r6 = (x[1] - x[3]) / Math.Sqrt(10);
        g[0] = -40 * r1 * x[0] - 2 * r2;
        g[1] = 20 * r1 + 2 * Math.Sqrt(10) * r5 + 2 * r6 / Math.Sqrt(10);
        g[2] = -4 * Math.Sqrt(90) * r3 * x[2] - 2 * r4;
        g[3] = 2 * Math.Sqrt(90) * r3 + 2 * Math.Sqrt(10) * r5 - 2 * r6 / Math.Sqrt(10);
    }
}
