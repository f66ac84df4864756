using DiffNative.Tests.Support;

namespace DiffNative.Tests.Sampled;

/// <summary>Bad input is a clear exception naming the parameter; the destination stays untouched and
/// the samples unmodified, on every backend.</summary>
public class SampledGradientArgumentTests
{
    private static readonly double[] Samples = [1, 4, 9, 16, 25];

    private static void AssertRejected<T>(Backend backend, string parameter, double[] samples, double spacing, int destinationLength)
        where T : ArgumentException
    {
        var original = samples.ToArray();
        var destination = Enumerable.Repeat(-7.0, destinationLength).ToArray();
        var e = Assert.Throws<T>(() => SampledDerivative.Gradient(samples, spacing, destination, backend));
        Assert.Equal(parameter, e.ParamName);
        Assert.All(destination, v => Assert.Equal(-7.0, v));
        Assert.Equal(original, samples);
    }

    public static IEnumerable<object[]> BadSpacings() =>
        from b in Backends.All()
        from s in new[] { 0.0, -1.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue }
        select new[] { b[0], s };

    [Theory]
    [MemberData(nameof(BadSpacings))]
    public void A_spacing_that_is_not_finite_and_positive_is_rejected(Backend backend, double spacing) =>
        AssertRejected<ArgumentOutOfRangeException>(backend, "spacing", Samples, spacing, 5);

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void One_or_two_samples_are_rejected(Backend backend)
    {
        AssertRejected<ArgumentException>(backend, "samples", [1.0], 1.0, 5);
        AssertRejected<ArgumentException>(backend, "samples", [1.0, 2.0], 1.0, 5);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_short_destination_is_rejected(Backend backend) =>
        AssertRejected<ArgumentException>(backend, "destination", Samples, 1.0, 4);

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void An_overlapping_destination_is_rejected(Backend backend)
    {
        var buffer = new double[] { 1, 4, 9, 16, 25, 36, 49, 64 };
        var e = Assert.Throws<ArgumentException>(() =>
            SampledDerivative.Gradient(buffer.AsSpan(0, 5), 1.0, buffer.AsSpan(2, 6), backend));
        Assert.Equal("destination", e.ParamName);
        Assert.Equal([1.0, 4, 9, 16, 25, 36, 49, 64], buffer);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Empty_samples_give_an_empty_result(Backend backend) =>
        Assert.Empty(SampledDerivative.Gradient(ReadOnlySpan<double>.Empty, 1.0, backend));

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_longer_destination_is_written_only_where_there_are_samples(Backend backend)
    {
        var destination = Enumerable.Repeat(-7.0, 8).ToArray();
        SampledDerivative.Gradient(Samples, 1.0, destination, backend);
        Assert.Equal([2.0, 4, 6, 8, 10, -7, -7, -7], destination);
    }
}
