using System.Text.Json;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.Peers;

/// <summary>Functions the peers' tests differentiate, with their closed-form derivatives, written
/// here from their definitions (never from the library under test).</summary>
internal static class PeerFunctions
{
    /// <summary>The standard normal CDF Φ(x) = ½(1 + erf(x/√2)) (scipy.special.ndtr), from erf's
    /// Maclaurin series: smooth to a few ulps for |x| ≤ 2, the range the ports use.</summary>
    public static double Ndtr(double x)
    {
        var z = x / Math.Sqrt(2);
        if (Math.Abs(z) > 1.5) throw new ArgumentOutOfRangeException(nameof(x), x, "The series is used for |x| ≤ 2.1 only.");
        var z2 = z * z;
        double term = z, sum = z;
        for (var n = 1; n < 60; n++)
        {
            term *= -z2 / n;
            var add = term / (2 * n + 1);
            sum += add;
            if (Math.Abs(add) < 1e-18 * Math.Abs(sum)) break;
        }
        return 0.5 + sum / Math.Sqrt(Math.PI);
    }

    /// <summary>The standard normal density, Φ′(x) = exp(−x²/2)/√(2π).</summary>
    public static double NormPdf(double x) => Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI);

    /// <summary>scipy.optimize.rosen: Σ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)².</summary>
    public static double Rosen(ReadOnlySpan<double> x)
    {
        var s = 0.0;
        for (var i = 0; i + 1 < x.Length; i++)
            s += 100 * Math.Pow(x[i + 1] - x[i] * x[i], 2) + Math.Pow(1 - x[i], 2);
        return s;
    }

    /// <summary>scipy.optimize.rosen_der, by hand.</summary>
    public static double[] RosenDer(ReadOnlySpan<double> x)
    {
        var n = x.Length;
        var g = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (i + 1 < n) g[i] += -400 * x[i] * (x[i + 1] - x[i] * x[i]) - 2 * (1 - x[i]);
            if (i > 0) g[i] += 200 * (x[i] - x[i - 1] * x[i - 1]);
        }
        return g;
    }

    /// <summary>scipy.optimize.rosen_hess, by hand (row-major n×n).</summary>
    public static double[] RosenHess(ReadOnlySpan<double> x)
    {
        var n = x.Length;
        var h = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            if (i + 1 < n)
            {
                h[i * n + i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
                h[i * n + i + 1] = -400 * x[i];
                h[(i + 1) * n + i] = -400 * x[i];
            }
            if (i > 0) h[i * n + i] += 200;
        }
        return h;
    }

    /// <summary>Draws of numpy.random.default_rng(seed).random(k) that SciPy's tests use, from
    /// TestData/peer_points.json (made by generate_peer_points.py).</summary>
    public static double[] ScipyPoints(string key)
    {
        using var doc = TestData.Load("peer_points.json");
        return doc.RootElement.GetProperty(key).GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToArray();
    }

    /// <summary>numpy.linspace(start, stop, count).</summary>
    public static double[] Linspace(double start, double stop, int count)
    {
        var step = (stop - start) / (count - 1);
        var v = new double[count];
        for (var i = 0; i < count; i++) v[i] = start + i * step;
        v[^1] = stop;
        return v;
    }
}
