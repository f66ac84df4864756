using System.Numerics;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.Sampled;

/// <summary>The irregular-grid derivative at coordinate spacings near 1e-160, 1e-170 and 1e-300,
/// and at coordinates near the largest doubles. Coordinates are integers t times a power of two
/// (plus a base near 2^1024), and samples a polynomial of t times a power of two, so both are
/// exact and the derivative has a closed form: P⁽ᵈ⁾(t)·2^(K − E·d). The result must be within a
/// rounding bound of it that the test computes from the exact (rational) stencil weights, the
/// same bound at every scale: a scale that loses accuracy, overflows or underflows is caught.</summary>
public class IrregularGridScaleTests
{
    /// <summary>A scale: coordinates base + t·2^E, samples P(t)·2^K for derivative order D.</summary>
    public sealed record Scale(string Name, double Base, int E, int D, int K)
    {
        public override string ToString() => $"{Name}, order {D}";
    }

    // Irregular integer nodes: gaps 1, 2 and 3 in no pattern a stencil could exploit.
    private static readonly long[] T = Nodes();

    private static long[] Nodes()
    {
        int[] gaps = [1, 2, 1, 3, 2, 1, 1, 2, 3, 1];
        var t = new long[24];
        for (var j = 1; j < t.Length; j++) t[j] = t[j - 1] + gaps[j % gaps.Length];
        return t;
    }

    // K keeps every sample exact and the true derivative, P⁽ᴰ⁾(t)·2^(K − E·D), a normal double.
    public static IEnumerable<Scale> Scales() =>
    [
        new("unit spacing", 0, 0, 1, 0), new("unit spacing", 0, 0, 2, 0), new("unit spacing", 0, 0, 3, 0), new("unit spacing", 0, 0, 4, 0),
        new("spacing 2^-532 ≈ 7e-161", 0, -532, 1, -532), new("spacing 2^-532 ≈ 7e-161", 0, -532, 2, -1000), new("spacing 2^-532 ≈ 7e-161", 0, -532, 3, -1000),
        new("spacing 2^-565 ≈ 8e-171", 0, -565, 1, -565), new("spacing 2^-565 ≈ 8e-171", 0, -565, 2, -1000), new("spacing 2^-565 ≈ 8e-171", 0, -565, 3, -1000),
        new("spacing 2^-997 ≈ 7e-301", 0, -997, 1, -997), new("spacing 2^-997 ≈ 7e-301", 0, -997, 2, -1000),
        new("coordinates 1.5·2^1023 ≈ 1.3e308, spacing 2^971", 1.5 * Math.ScaleB(1.0, 1023), 971, 1, 971),
        new("coordinates 1.5·2^1023 ≈ 1.3e308, spacing 2^971", 1.5 * Math.ScaleB(1.0, 1023), 971, 2, 1000),
        new("coordinates ±1e308, spacing 2^1017", -20 * Math.ScaleB(1.0, 1017), 1017, 1, 1000),
        new("subnormal coordinates and samples, spacing 2^-1060", 0, -1060, 1, -1060),
    ];

    public static IEnumerable<object[]> Cases() =>
        from scale in Scales()
        from accuracy in new[] { 2, 4, 6, 8 }
        from backend in new[] { Backend.Managed, Backend.Native }
        select new object[] { scale, accuracy, backend };

    /// <summary>P(t) = t^(D+1) − 3t^D + t: one degree above the derivative, below every stencil's
    /// exactness (a stencil of order D, accuracy p has at least D + p points).</summary>
    private static BigInteger P(long t, int d) => BigInteger.Pow(t, d + 1) - 3 * BigInteger.Pow(t, d) + t;

    /// <summary>P⁽ᵈ⁾(t) = (D+1)!·t − 3·D! (+1 for D = 1).</summary>
    private static double Truth(long t, int d)
    {
        double factorial = 1;
        for (var k = 2; k <= d; k++) factorial *= k;
        return factorial * (d + 1) * t - 3 * factorial + (d == 1 ? 1 : 0);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_derivative_of_a_polynomial_is_exact_to_rounding_at_every_scale(Scale scale, int accuracy, Backend backend)
    {
        var n = T.Length;
        var x = T.Select(t => scale.Base + Math.ScaleB(t, scale.E)).ToArray();
        var y = T.Select(t => Math.ScaleB((double)P(t, scale.D), scale.K)).ToArray();
        for (var j = 0; j < n; j++)
        {
            Assert.Equal(T[j], (long)Math.ScaleB(x[j] - scale.Base, -scale.E)); // coordinates exact
            Assert.Equal(P(T[j], scale.D), (BigInteger)Math.ScaleB(y[j], -scale.K)); // samples exact
        }
        var result = new double[n];
        SampledDerivative.Derivative(y, x, result, scale.D, accuracy, backend);

        var outputScale = scale.K - scale.E * scale.D;
        for (var i = 0; i < n; i++)
        {
            var (first, k) = Stencil(i, n, scale.D, accuracy);
            // A dot product of k terms is within about k·2⁻⁵³·Σ|wⱼ·yⱼ| of exact; the weights' own
            // rounding doubles that. Σ uses the exact weights, so the bound owes nothing to the code.
            var magnitude = 0.0;
            for (var j = 0; j < k; j++)
                magnitude += Math.Abs(ExactWeight(first, k, i, j, scale.D) * (double)P(T[first + j], scale.D));
            var truth = Math.ScaleB(Truth(T[i], scale.D), outputScale);
            var bound = Math.ScaleB(2.0 * k * magnitude, outputScale - 52);
            Assert.True(Math.Abs(result[i] - truth) <= bound,
                $"point {i}: {result[i]:R}, expected {truth:R} within {bound:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_backend_gives_the_managed_reference_bits_at_every_scale(Scale scale, int accuracy, Backend backend)
    {
        var x = T.Select(t => scale.Base + Math.ScaleB(t, scale.E)).ToArray();
        var y = T.Select(t => Math.ScaleB((double)P(t, scale.D), scale.K)).ToArray();
        double[] expected = new double[T.Length], actual = new double[T.Length];
        SampledDerivative.Derivative(y, x, expected, scale.D, accuracy, Backend.Managed);
        SampledDerivative.Derivative(y, x, actual, scale.D, accuracy, backend);
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
    }

    [Theory]
    [InlineData(-532, 4)]
    [InlineData(-565, 4)]
    [InlineData(-997, 3)]
    public void A_derivative_beyond_the_range_of_double_is_an_infinity_of_its_sign(int e, int d)
    {
        // Samples as small as normal doubles go, spacing so small that the true derivative
        // P⁽ᵈ⁾(t)·2^(−1000 − E·d) exceeds 2^1024: IEEE rounding makes it ±∞, not NaN or garbage.
        foreach (var backend in new[] { Backend.Managed, Backend.Native })
        {
            var x = T.Select(t => Math.ScaleB(t, e)).ToArray();
            var y = T.Select(t => Math.ScaleB((double)P(t, d), -1000)).ToArray();
            var result = new double[T.Length];
            SampledDerivative.Derivative(y, x, result, d, 2, backend);
            for (var i = 0; i < T.Length; i++)
                Assert.Equal(Math.Sign(Truth(T[i], d)) * double.PositiveInfinity, result[i]);
        }
    }

    /// <summary>The documented stencil of point i: m points either side inside (one more to the
    /// right for even orders), d + p one-sided points at the ends.</summary>
    private static (int First, int Count) Stencil(int i, int n, int d, int p)
    {
        var m = (2 * ((d + 1) / 2) - 1 + p - 1) / 2;
        var kc = 2 * m + 1 + (d % 2 == 0 ? 1 : 0);
        var ke = d + p;
        if (i < m) return (0, ke);
        if (i + m >= n || i + kc - m > n) return (n - ke, ke);
        return (i - m, kc);
    }

    /// <summary>The exact weight of node first + j for the d-th derivative at node i: d! times the
    /// coefficient of sᵈ in Πₘ≠ⱼ(s − oₘ), over Πₘ≠ⱼ(oⱼ − oₘ), with integer offsets oₘ = tₘ − tᵢ.</summary>
    private static double ExactWeight(int first, int k, int i, int j, int d)
    {
        var numerator = new BigInteger[k];
        numerator[0] = 1;
        var degree = 0;
        BigInteger denominator = 1;
        var oj = T[first + j] - T[i];
        for (var m = 0; m < k; m++)
        {
            if (m == j) continue;
            var om = T[first + m] - T[i];
            for (var c = degree + 1; c >= 1; c--) numerator[c] = numerator[c - 1] - om * numerator[c];
            numerator[0] = -om * numerator[0];
            degree++;
            denominator *= oj - om;
        }
        BigInteger factorial = 1;
        for (var c = 2; c <= d; c++) factorial *= c;
        return (double)(factorial * numerator[d]) / (double)denominator;
    }
}
