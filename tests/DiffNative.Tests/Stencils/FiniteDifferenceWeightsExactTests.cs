using System.Text.Json;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.Stencils;

/// <summary>Weights at extreme spacings and on irregular offsets against exact fractions rounded to
/// double (TestData/finite_difference_weights_exact.json, Python fractions on the double offsets),
/// and the refusal where a weight leaves the range of double.</summary>
public class FiniteDifferenceWeightsExactTests
{
    private sealed record Case(int Derivative, double[] Offsets, double At, double[]? Weights, string? Refused, double Spacing);

    private static Case Read(string table, int index)
    {
        using var doc = TestData.Load("finite_difference_weights_exact.json");
        var e = doc.RootElement.GetProperty(table)[index];
        static double[] Doubles(JsonElement a) => a.EnumerateArray().Select(v => v.GetDouble()).ToArray();
        return new Case(e.GetProperty("derivative").GetInt32(), Doubles(e.GetProperty("offsets")), e.GetProperty("at").GetDouble(),
            e.TryGetProperty("weights", out var w) ? Doubles(w) : null,
            e.TryGetProperty("refused", out var r) ? r.GetString() : null,
            e.TryGetProperty("spacing", out var h) ? h.GetDouble() : double.NaN);
    }

    public static IEnumerable<object[]> Cases(string table, bool refused)
    {
        using var doc = TestData.Load("finite_difference_weights_exact.json");
        var all = doc.RootElement.GetProperty(table);
        for (var i = 0; i < all.GetArrayLength(); i++)
            if (all[i].TryGetProperty("refused", out _) == refused)
                foreach (var backend in new[] { BackendKind.Managed, BackendKind.Native })
                    yield return [table, i, backend];
    }

    public static IEnumerable<object[]> Computable() => Cases("scaled", false).Concat(Cases("irregular", false));

    public static IEnumerable<object[]> Refused() => Cases("scaled", true).Concat(Cases("irregular", true));

    [Theory]
    [MemberData(nameof(Computable))]
    public void Weights_are_the_exact_fractions_rounded_to_nearest(string table, int index, BackendKind kind)
    {
        var c = Read(table, index);
        var actual = FiniteDifferenceWeights.Compute(c.Derivative, c.Offsets, c.At, new Backend(kind, null));
        // Double-double carries about 106 bits, so a weight that cancels to below ~2^-100 of the
        // largest (an exact 0 of an irregular stencil) keeps an absolute error of that size.
        var largest = c.Weights!.Max(Math.Abs);
        for (var j = 0; j < actual.Length; j++)
        {
            if (Math.Abs(c.Weights![j]) < Math.ScaleB(largest, -90))
                Assert.True(Math.Abs(actual[j] - c.Weights[j]) <= Math.ScaleB(largest, -100), $"{table}[{index}] weight {j}: {actual[j]:R}");
            else
                Assert.True(actual[j] == c.Weights[j], $"{table}[{index}] weight {j} is {actual[j]:R}, the exact fraction rounds to {c.Weights[j]:R}");
        }
    }

    public static IEnumerable<object[]> ThreePoint() =>
        Cases("scaled", false).Where(a => Read("scaled", (int)a[1]).Offsets.Length == 3);

    [Theory]
    [MemberData(nameof(ThreePoint))]
    public void Three_point_weights_at_any_spacing_are_the_unit_weights_over_the_spacing_to_the_derivative(string table, int index, BackendKind kind)
    {
        // [-h, 0, h] are exact, so the weights are exactly [-1/2, 0, 1/2]/h or [1, -2, 1]/h², rounded once.
        var c = Read(table, index);
        var actual = FiniteDifferenceWeights.Compute(c.Derivative, c.Offsets, backend: new Backend(kind, null));
        Assert.Equal(c.Weights, actual);
        if (c.Derivative == 1)
        {
            Assert.Equal(0.5 / c.Spacing, actual[2]); // one IEEE division: 1/(2h) rounded once
            Assert.Equal(-actual[2], actual[0]);
            Assert.Equal(0.0, actual[1]);
        }
        else
        {
            Assert.Equal(actual[0], actual[2]);
            Assert.Equal(-2 * actual[0], actual[1]);
        }
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Weights_beyond_the_range_of_double_are_refused_naming_the_offset(string table, int index, BackendKind kind)
    {
        var c = Read(table, index);
        var weights = Enumerable.Repeat(7.0, c.Offsets.Length).ToArray();
        var e = Assert.Throws<ArgumentException>(() =>
            FiniteDifferenceWeights.Compute(c.Derivative, c.Offsets, weights, c.At, new Backend(kind, null)));
        Assert.Equal("offsets", e.ParamName);
        Assert.Contains("offsets[", e.Message);
        Assert.Contains(c.Refused == "overflow" ? "overflows" : "falls below the normal range", e.Message);
        Assert.All(weights, w => Assert.Equal(7.0, w));
    }

    [Theory]
    [InlineData(BackendKind.Managed)]
    [InlineData(BackendKind.Native)]
    public void A_first_derivative_at_spacing_1e_minus_310_is_refused_as_overflowing(BackendKind kind)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            FiniteDifferenceWeights.Compute(1, [-1e-310, 0, 1e-310], backend: new Backend(kind, null)));
        Assert.Equal("offsets", e.ParamName);
        Assert.Contains("offsets[0] = -1E-310 for derivative 1 overflows double", e.Message);
    }

    [Theory]
    [InlineData(BackendKind.Managed)]
    [InlineData(BackendKind.Native)]
    public void An_offset_whose_difference_from_the_point_overflows_is_refused(BackendKind kind)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            FiniteDifferenceWeights.Compute(1, [-1e308, 1e308], at: -1e308, backend: new Backend(kind, null)));
        Assert.Equal("offsets", e.ParamName);
        Assert.Contains("offsets[1]", e.Message);
    }

    [Theory]
    [InlineData(BackendKind.Managed)]
    [InlineData(BackendKind.Native)]
    public void Inexact_differences_from_the_point_are_taken_exactly(BackendKind kind)
    {
        // −1 − 0.1 rounds in double; the weights belong to the exact differences. On [−1, 0, 1] the
        // first derivative at t has weights [t − 1/2, −2t, t + 1/2]: with t the double 0.1, Python
        // fractions round them to these.
        var w = FiniteDifferenceWeights.Compute(1, [-1.0, 0.0, 1.0], at: 0.1, backend: new Backend(kind, null));
        Assert.Equal([-0.4, -0.2, 0.6], w);
    }

    [Fact]
    public void Native_and_managed_weights_are_bit_identical_on_random_irregular_offsets()
    {
        var random = new Random(17);
        for (var trial = 0; trial < 2000; trial++)
        {
            var n = random.Next(1, 20);
            var d = random.Next(0, Math.Min(n, FiniteDifferenceWeights.MaxDerivative + 1));
            var scale = Math.ScaleB(1.0, random.Next(-900, 900));
            var offsets = new double[n];
            for (var j = 0; j < n; j++)
                do offsets[j] = (random.NextDouble() * 10 - 5) * scale; while (offsets.AsSpan(0, j).Contains(offsets[j]));
            var at = random.Next(3) switch { 0 => 0.0, 1 => offsets[random.Next(n)], _ => (random.NextDouble() - 0.5) * scale };
            double[]? managed = null, native = null;
            Exception? managedError = null, nativeError = null;
            try { managed = FiniteDifferenceWeights.Compute(d, offsets, at, Backend.Managed); } catch (ArgumentException e) { managedError = e; }
            try { native = FiniteDifferenceWeights.Compute(d, offsets, at, Backend.Native); } catch (ArgumentException e) { nativeError = e; }
            Assert.Equal(managedError?.Message, nativeError?.Message);
            if (managed is not null)
                Bits.AssertIdentical(managed, native!, $"trial {trial}: d={d}, n={n}, at={at:R}");
        }
    }
}
