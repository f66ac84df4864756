using System.Globalization;
using System.Text.Json;

namespace DiffNative.Tests.Support;

/// <summary>The Moré–Garbow–Hillstrom problems of TestData/mgh.json: F(x) = Σ rᵢ(x)² from the
/// residuals of <see cref="MghSet"/>, with the file's exact gradient and Hessian at x0.</summary>
public static class MghProblems
{
    public sealed record Problem(string Id, int N, double[] X0, double F0, double[] Gradient, double[] Hessian, double Minimum, ScalarFunction F)
    {
        public override string ToString() => Id;
    }

    public static IEnumerable<Problem> All()
    {
        using var doc = TestData.Load("mgh.json");
        foreach (var p in doc.RootElement.GetProperty("problems").EnumerateArray())
        {
            var id = p.GetProperty("id").GetString()!;
            var n = p.GetProperty("n").GetInt32();
            double[] Read(string name) => p.GetProperty(name).EnumerateArray()
                .SelectMany(e => e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().Select(v => v.GetDouble()) : [e.GetDouble()]).ToArray();
            var minimum = double.Parse(p.GetProperty("minima")[0].GetProperty("F").GetString()!, CultureInfo.InvariantCulture);
            yield return new Problem(id, n, Read("x0"), p.GetProperty("F_x0").GetDouble(), Read("gradient"), Read("hessian"), minimum, Objective(id));
        }
    }

    public static IEnumerable<object[]> Data() => All().Select(p => new object[] { p });

    /// <summary>F = Σ rᵢ² from the residuals of <see cref="MghSet"/>.</summary>
    public static ScalarFunction Objective(string id) => MghSet.Get(id).Value;

    /// <summary>Σ over pairs of [10(x₂ᵢ − x₂ᵢ₋₁²)]² + (1 − x₂ᵢ₋₁)².</summary>
    public static double ExtendedRosenbrock(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 0; i + 1 < x.Length; i += 2)
        {
            var r1 = 10 * (x[i + 1] - x[i] * x[i]);
            var r2 = 1 - x[i];
            sum += r1 * r1 + r2 * r2;
        }
        return sum;
    }

    /// <summary>The closed-form gradient of the extended Rosenbrock function.</summary>
    public static double[] ExtendedRosenbrockGradient(double[] x)
    {
        var g = new double[x.Length];
        for (var i = 0; i + 1 < x.Length; i += 2)
        {
            var u = x[i + 1] - x[i] * x[i];
            g[i] = -400 * x[i] * u - 2 * (1 - x[i]);
            g[i + 1] = 200 * u;
        }
        return g;
    }

    /// <summary>The closed-form Hessian (block diagonal 2×2 blocks), row-major.</summary>
    public static double[] ExtendedRosenbrockHessian(double[] x)
    {
        var n = x.Length;
        var h = new double[n * n];
        for (var i = 0; i + 1 < n; i += 2)
        {
            h[i * n + i] = 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
            h[i * n + i + 1] = h[(i + 1) * n + i] = -400 * x[i];
            h[(i + 1) * n + i + 1] = 200;
        }
        return h;
    }

    public static double[] StandardStart(int n) => Enumerable.Range(0, n).Select(i => i % 2 == 0 ? -1.2 : 1.0).ToArray();

    /// <summary>max |estimate − truth| / max |truth|.</summary>
    public static double ScaledError(ReadOnlySpan<double> estimate, ReadOnlySpan<double> truth)
    {
        double worst = 0, scale = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(estimate[i] - truth[i]));
            scale = Math.Max(scale, Math.Abs(truth[i]));
        }
        return worst / scale;
    }
}
