using DiffNative.Tests.Support;

// Not DiffNative.Tests.SpecialFunctions: a namespace of that name would hide the class
// DiffNative.SpecialFunctions from every test namespace beside it.
namespace DiffNative.Tests.SpecialFunctionsTests;

/// <summary>Erf, Erfc and NormalCdf against mpmath's values at 50 digits (TestData/erf.json).</summary>
public class ErfTests
{
    [Fact]
    public void Reference_table_covers_the_range_and_the_awkward_points()
    {
        var xs = ErfReference.Points.Select(p => p.X).ToHashSet();
        Assert.True(xs.Count >= 300, $"only {xs.Count} points");
        Assert.Contains(-30.0, xs);
        Assert.Contains(30.0, xs);
        Assert.Contains(1e-300, xs);
        Assert.Contains(5e-324, xs);
        Assert.Contains(0.84375, xs);
        Assert.Contains(27.0, xs);
    }

    [Fact]
    public void Erf_is_within_2_ulp_of_mpmath() =>
        AssertWithinUlps(2, SpecialFunctions.Erf, p => p.Erf);

    [Fact]
    public void Erfc_is_within_2_ulp_of_mpmath() =>
        AssertWithinUlps(2, SpecialFunctions.Erfc, p => p.Erfc);

    [Fact]
    public void NormalCdf_is_within_4_ulp_of_mpmath() =>
        AssertWithinUlps(4, SpecialFunctions.NormalCdf, p => p.NormalCdf);

    [Fact]
    public void NormalCdf_keeps_the_far_left_tail()
    {
        // mpmath: erfc(30/sqrt(2))/2 = 4.906713927148187e-198.
        var tail = SpecialFunctions.NormalCdf(-30);
        Assert.True(Math.Abs(tail / 4.906713927148187e-198 - 1) < 1e-15, $"Φ(-30) = {tail:R}");
    }

    [Fact]
    public void Erf_is_odd_including_signed_zero()
    {
        foreach (var p in ErfReference.Points)
            Assert.Equal(-SpecialFunctions.Erf(p.X), SpecialFunctions.Erf(-p.X));
        Assert.True(double.IsNegative(SpecialFunctions.Erf(-0.0)));
    }

    [Fact]
    public void Nan_gives_nan()
    {
        Assert.True(double.IsNaN(SpecialFunctions.Erf(double.NaN)));
        Assert.True(double.IsNaN(SpecialFunctions.Erfc(double.NaN)));
        Assert.True(double.IsNaN(SpecialFunctions.NormalCdf(double.NaN)));
    }

    [Fact]
    public void Infinities_give_the_limits()
    {
        Assert.Equal(1.0, SpecialFunctions.Erf(double.PositiveInfinity));
        Assert.Equal(-1.0, SpecialFunctions.Erf(double.NegativeInfinity));
        Assert.Equal(0.0, SpecialFunctions.Erfc(double.PositiveInfinity));
        Assert.Equal(2.0, SpecialFunctions.Erfc(double.NegativeInfinity));
        Assert.Equal(1.0, SpecialFunctions.NormalCdf(double.PositiveInfinity));
        Assert.Equal(0.0, SpecialFunctions.NormalCdf(double.NegativeInfinity));
    }

    [Theory]
    [InlineData(27.5)]
    [InlineData(40.0)]
    [InlineData(1e10)]
    [InlineData(1e300)]
    [InlineData(double.MaxValue)]
    public void Erfc_underflows_to_zero_for_large_arguments(double x) =>
        Assert.Equal(0.0, SpecialFunctions.Erfc(x));

    [Theory]
    [InlineData(40.0)]
    [InlineData(1e300)]
    [InlineData(double.MaxValue)]
    public void Huge_arguments_saturate_without_nan(double x)
    {
        Assert.Equal(1.0, SpecialFunctions.NormalCdf(x));
        Assert.Equal(0.0, SpecialFunctions.NormalCdf(-x));
        Assert.Equal(2.0, SpecialFunctions.Erfc(-x));
        Assert.Equal(-1.0, SpecialFunctions.Erf(-x));
    }

    [Fact]
    public void Erfc_passes_through_the_subnormals_before_reaching_zero()
    {
        // mpmath: erfc(27) = 5.237046439352...e-319, a subnormal that rounds to 5.23705e-319.
        Assert.Equal(5.23705e-319, SpecialFunctions.Erfc(27.0));
    }

    private static void AssertWithinUlps(ulong limit, Func<double, double> function, Func<ErfPoint, double> expected)
    {
        var misses = ErfReference.Points
            .Select(p => (p.X, Expected: expected(p), Actual: function(p.X)))
            .Select(r => (r.X, r.Expected, r.Actual, Ulps: Ulps.Between(r.Expected, r.Actual)))
            .Where(r => r.Ulps > limit)
            .OrderByDescending(r => r.Ulps)
            .Take(10)
            .Select(r => $"x = {r.X:R}: expected {r.Expected:R}, got {r.Actual:R} ({r.Ulps} ulp)")
            .ToList();
        Assert.True(misses.Count == 0, string.Join(Environment.NewLine, misses));
    }
}
