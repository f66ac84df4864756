using System.Globalization;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.MachineLearning;

/// <summary>The exact GELU on every backend against mpmath (TestData/gelu_exact.json, ~5,200
/// points over the whole double range, dense at the kernel's piece edges and where results turn
/// subnormal): value within 4 ulp everywhere; derivative within 4 ulp, or within 4 ulp of
/// |Φ(x)| + |x·φ(x)| near its root at x = −0.7518, where no double algorithm keeps relative
/// accuracy.</summary>
public class GeluExactAccuracyTests
{
    private const ulong MaxUlps = 4;

    private sealed record Point(double X, double Value, double Derivative, double Scale);

    private static readonly Lazy<Point[]> Points = new(() =>
        TestData.Load("gelu_exact.json").RootElement.GetProperty("gelu").EnumerateArray()
            .Select(p => new Point(Parse(p.GetProperty("x").GetString()!), Parse(p.GetProperty("value").GetString()!),
                Parse(p.GetProperty("derivative").GetString()!), Parse(p.GetProperty("scale").GetString()!)))
            .ToArray());

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Values_are_within_4_ulp_of_mpmath_across_the_double_range(Backend backend)
    {
        var points = Points.Value;
        var value = new double[points.Length];
        Activation.Gelu.Apply(points.Select(p => p.X).ToArray(), value, backend);
        var worst = points.Select((p, i) => (p, got: value[i], ulps: Ulps.Between(value[i], p.Value))).MaxBy(t => t.ulps);
        Assert.True(worst.ulps <= MaxUlps, $"GELU on {backend}: at x = {worst.p.X:R} got {worst.got:R}, mpmath {worst.p.Value:R} ({worst.ulps} ulp)");
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Derivatives_are_within_4_ulp_of_mpmath_across_the_double_range(Backend backend)
    {
        var points = Points.Value;
        var derivative = new double[points.Length];
        Activation.Gelu.Derivative(points.Select(p => p.X).ToArray(), derivative, backend);
        for (var i = 0; i < points.Length; i++)
        {
            var p = points[i];
            var ulps = Ulps.Between(derivative[i], p.Derivative);
            var withinScale = Math.Abs(derivative[i] - p.Derivative) <= MaxUlps * Math.ScaleB(1.0, Math.ILogB(p.Scale) - 52);
            Assert.True(ulps <= MaxUlps || withinScale,
                $"GELU' on {backend}: at x = {p.X:R} got {derivative[i]:R}, mpmath {p.Derivative:R} ({ulps} ulp, scale {p.Scale:R})");
        }
    }

    [Fact]
    public void The_table_covers_the_subnormal_tail_and_the_piece_edges()
    {
        var points = Points.Value;
        Assert.True(points.Length > 4000);
        Assert.Contains(points, p => p.Value != 0 && Math.Abs(p.Value) < 2.2250738585072014e-308); // subnormal results
        Assert.Contains(points, p => p.X < -38 && p.X > -39 && p.Value == 0);                  // and the first zeros
        Assert.Contains(points, p => p.X == 0.75);
        Assert.Contains(points, p => p.X == -0.875);                                           // the first piece edge
        Assert.Contains(points, p => p.X == -10.75);                                           // where the tail piece starts
        Assert.Contains(points, p => p.X == double.MaxValue);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void The_tails_are_exact(Backend backend)
    {
        double[] x = [-40.0, 40.0, -1e300, 1e300, double.NegativeInfinity, double.PositiveInfinity, double.NaN];
        double[] v = new double[x.Length], d = new double[x.Length];
        Activation.Gelu.ApplyWithDerivative(x, v, d, backend);
        Assert.Equal([0.0, 40.0, 0.0, 1e300, 0.0, double.PositiveInfinity], v[..6]);
        Assert.Equal([0.0, 1.0, 0.0, 1.0, 0.0, 1.0], d[..6]);
        Assert.True(double.IsNaN(v[6]) && double.IsNaN(d[6]));
    }
}
