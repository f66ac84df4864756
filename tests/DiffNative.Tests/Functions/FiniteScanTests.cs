namespace DiffNative.Tests.Functions;

/// <summary>The branch-free finiteness scan behind point validation and result status: every
/// length through two vector widths plus a tail, with each kind of non-finite value at every
/// position, against double.IsFinite element by element.</summary>
public class FiniteScanTests
{
    public static TheoryData<double> NonFinite => new() { double.NaN, double.PositiveInfinity, double.NegativeInfinity };

    [Theory]
    [MemberData(nameof(NonFinite))]
    public void One_non_finite_value_anywhere_is_found(double bad)
    {
        for (var n = 1; n <= 13; n++)
        {
            for (var at = 0; at < n; at++)
            {
                var values = Enumerable.Range(0, n).Select(i => (i % 3 - 1) * double.MaxValue / (i + 1)).ToArray();
                values[at] = bad;
                Assert.False(Finite.All(values), $"n = {n}, {bad} at {at}");
                Assert.Equal(at, Finite.FirstNonFinite(values));
            }
        }
    }

    [Fact]
    public void Finite_values_including_the_extremes_pass()
    {
        double[] extremes = [double.MaxValue, -double.MaxValue, double.Epsilon, -0.0, 0.0, 1e-310, -1e308];
        for (var n = 0; n <= 13; n++)
        {
            var values = Enumerable.Range(0, n).Select(i => extremes[i % extremes.Length]).ToArray();
            Assert.True(Finite.All(values), $"n = {n}");
            Assert.Equal(-1, Finite.FirstNonFinite(values));
        }
    }
}
