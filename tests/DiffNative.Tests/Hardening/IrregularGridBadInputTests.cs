using DiffNative.Tests.Support;

namespace DiffNative.Tests.Hardening;

/// <summary>Found by fuzz_grid: strictly increasing coordinates whose stencil offsets overflow or
/// round to one value. Every backend must refuse them up front, naming the coordinates, with the
/// destination untouched (the native core used to fail half-way, after writing some points).</summary>
public class IrregularGridBadInputTests
{
    public static IEnumerable<object[]> Cases()
    {
        double[] collapsing = [0, 1, 2, 3, 4, 5, 6, 1e20];
        double[] overflowing = [-double.MaxValue, -3, -2, -1, 1, 2, 3, double.MaxValue];
        foreach (var backend in Backends.All())
        {
            yield return [backend[0], collapsing];
            yield return [backend[0], overflowing];
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Unusable_coordinates_are_refused_before_anything_is_written(Backend backend, double[] coordinates)
    {
        var samples = Enumerable.Range(1, coordinates.Length).Select(i => (double)(i * i)).ToArray();
        var destination = Enumerable.Repeat(-7.0, coordinates.Length).ToArray();
        var e = Assert.ThrowsAny<ArgumentException>(() =>
            SampledDerivative.Derivative(samples, coordinates, destination, 1, 2, backend));
        Assert.Equal("coordinates", e.ParamName);
        Assert.All(destination, v => Assert.Equal(-7.0, v));
    }
}
