using System.Text.Json;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.Stencils;

/// <summary>Weights against Fornberg's published tables (TestData/fornberg.json, exact fractions
/// rounded to double): equal to them bit for bit.</summary>
public class FiniteDifferenceWeightsTableTests
{
    public static IEnumerable<object[]> PublishedStencils()
    {
        using var doc = TestData.Load("fornberg.json");
        foreach (var table in new[] { "central", "forward", "backward" })
            foreach (var s in doc.RootElement.GetProperty(table).EnumerateArray())
                yield return [s.GetProperty("id").GetString()!, table];
    }

    private static (int Derivative, int Accuracy, double[] Offsets, double[] Coefficients) Read(string id, string table)
    {
        using var doc = TestData.Load("fornberg.json");
        var s = doc.RootElement.GetProperty(table).EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        return (s.GetProperty("derivative").GetInt32(), s.GetProperty("accuracy").GetInt32(),
            s.GetProperty("offsets").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
            s.GetProperty("coefficients").EnumerateArray().Select(e => e.GetDouble()).ToArray());
    }

    /// <summary>Bit for bit (zeros of either sign alike): each weight is the exact fraction rounded
    /// to the nearest double.</summary>
    private static void AssertCorrectlyRounded(double[] expected, ReadOnlySpan<double> actual, string context)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(actual[i] == expected[i] && (actual[i] == 0 || double.IsNegative(actual[i]) == double.IsNegative(expected[i])),
                $"{context}: weight {i} is {actual[i]:R}, the exact fraction rounds to {expected[i]:R}");
    }

    [Theory]
    [MemberData(nameof(PublishedStencils))]
    public void Standard_stencils_match_the_published_tables(string id, string table)
    {
        var (d, p, offsets, coefficients) = Read(id, table);
        var scheme = table switch { "central" => DifferenceScheme.Central, "forward" => DifferenceScheme.Forward, _ => DifferenceScheme.Backward };
        var stencil = DiffNative.Stencils.Get(scheme, d, p);
        Assert.Equal(offsets, stencil.Offsets.ToArray());
        AssertCorrectlyRounded(coefficients, stencil.Weights, id);
    }

    [Theory]
    [MemberData(nameof(PublishedStencils))]
    public void Both_backends_give_the_exactly_rounded_fractions(string id, string table)
    {
        var (d, _, offsets, coefficients) = Read(id, table);
        AssertCorrectlyRounded(coefficients, FiniteDifferenceWeights.Compute(d, offsets, backend: Backend.Managed), id + " managed");
        AssertCorrectlyRounded(coefficients, FiniteDifferenceWeights.Compute(d, offsets, backend: Backend.Native), id + " native");
    }

    [Theory]
    [MemberData(nameof(PublishedStencils))]
    public void Native_and_managed_weights_are_bit_identical(string id, string table)
    {
        var (d, _, offsets, _) = Read(id, table);
        var managed = FiniteDifferenceWeights.Compute(d, offsets, backend: Backend.Managed);
        var native = FiniteDifferenceWeights.Compute(d, offsets, backend: Backend.Native);
        Assert.Equal(managed.Select(BitConverter.DoubleToInt64Bits), native.Select(BitConverter.DoubleToInt64Bits));
    }

    [Theory]
    [InlineData(BackendKind.Managed)]
    [InlineData(BackendKind.Native)]
    public void Weights_on_irregular_offsets_reproduce_polynomial_derivatives(BackendKind kind)
    {
        // Five irregular points determine derivatives of any quartic exactly (up to rounding):
        // p(t) = 1 - 2t + 3t^2 + t^3 - t^4 has p'(0.3) = -2 + 1.8 + 0.27 - 0.108 = -0.038.
        double[] offsets = [-1.0, -0.25, 0.5, 1.25, 2.0];
        static double P(double t) => 1 - 2 * t + 3 * t * t + t * t * t - t * t * t * t;
        var w = FiniteDifferenceWeights.Compute(1, offsets, at: 0.3, backend: new Backend(kind, null));
        var estimate = offsets.Select((t, i) => w[i] * P(t)).Sum();
        Assert.Equal(-0.038, estimate, 1e-13);
        var w2 = FiniteDifferenceWeights.Compute(2, offsets, at: 0.3, backend: new Backend(kind, null));
        Assert.Equal(6 + 6 * 0.3 - 12 * 0.09, offsets.Select((t, i) => w2[i] * P(t)).Sum(), 1e-12);
    }

    [Fact]
    public void Bad_stencils_are_rejected_with_the_parameter_named()
    {
        Assert.Equal("offsets", Assert.Throws<ArgumentException>(() => FiniteDifferenceWeights.Compute(1, [0.0, 1.0, 1.0])).ParamName);
        Assert.Equal("offsets", Assert.Throws<ArgumentException>(() => FiniteDifferenceWeights.Compute(1, [0.0, double.NaN])).ParamName);
        Assert.Equal("offsets", Assert.Throws<ArgumentException>(() => FiniteDifferenceWeights.Compute(0, ReadOnlySpan<double>.Empty)).ParamName);
        Assert.Equal("derivative", Assert.Throws<ArgumentOutOfRangeException>(() => FiniteDifferenceWeights.Compute(2, [0.0, 1.0])).ParamName);
        Assert.Equal("derivative", Assert.Throws<ArgumentOutOfRangeException>(() => FiniteDifferenceWeights.Compute(-1, [0.0, 1.0])).ParamName);
        Assert.Equal("at", Assert.Throws<ArgumentOutOfRangeException>(() => FiniteDifferenceWeights.Compute(1, [0.0, 1.0], at: double.PositiveInfinity)).ParamName);
        Assert.Equal("accuracy", Assert.Throws<ArgumentOutOfRangeException>(() => DiffNative.Stencils.Get(DifferenceScheme.Central, 1, 3)).ParamName);
        Assert.Equal("accuracy", Assert.Throws<ArgumentOutOfRangeException>(() => DiffNative.Stencils.Get(DifferenceScheme.Forward, 1, 7)).ParamName);
        Assert.Equal("derivative", Assert.Throws<ArgumentOutOfRangeException>(() => DiffNative.Stencils.Get(DifferenceScheme.Central, 5, 2)).ParamName);
    }

    [Fact]
    public void Standard_stencils_are_built_once_and_shared()
    {
        Assert.Same(DiffNative.Stencils.Get(DifferenceScheme.Central, 2, 4), DiffNative.Stencils.Get(DifferenceScheme.Central, 2, 4));
    }
}
