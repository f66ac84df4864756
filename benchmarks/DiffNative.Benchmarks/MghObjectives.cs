using DiffNative.Tests.Support;

namespace DiffNative.Benchmarks;

/// <summary>The six Moré–Garbow–Hillstrom problems of tests/DiffNative.Tests/TestData/mgh.json: F and
/// x0 from <see cref="MghSet"/>, with hand-written gradients (∇F = 2Σ rᵢ∇rᵢ) transcribed from the
/// residual formulas there. <see cref="OptimizerCounts"/> checks F(x0) against the file's values
/// before it prints anything.</summary>
internal static class MghObjectives
{
    internal sealed record Problem(string Id, double[] X0, double F0, ScalarFunction F, AnalyticGradient Gradient)
    {
        public override string ToString() => Id;
    }

    internal static readonly Problem[] All =
    [
        From("rosenbrock", 24.199999999999992, RosenbrockGradient),
        From("extended_rosenbrock_10", 120.99999999999996, RosenbrockGradient),
        From("beale", 14.203125, BealeGradient),
        From("helical_valley", 2500.0, HelicalValleyGradient),
        From("powell_singular", 215.0, PowellSingularGradient),
        From("wood", 19192.0, WoodGradient),
    ];

    private static Problem From(string id, double f0, AnalyticGradient gradient)
    {
        var problem = MghSet.Get(id);
        return new Problem(id, problem.X0, f0, problem.Value, gradient);
    }

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
