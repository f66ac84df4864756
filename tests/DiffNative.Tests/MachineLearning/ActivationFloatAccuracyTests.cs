using DiffNative.Tests.Support;
using Xunit.Abstractions;

namespace DiffNative.Tests.MachineLearning;

/// <summary>The float activations against mpmath at every point of TestData/activations.json whose x
/// is a float and at the random floats of TestData/activations_float.json: within 1 float ulp of mpmath's value rounded to float, on every backend. (The data
/// are correctly rounded doubles; rounding them to float can itself be off by the one float ulp
/// the widening design allows, at an exact half-way double.) Derivatives that cross zero (SiLU,
/// GELU) may instead be within 1 float ulp of the sum of their terms' magnitudes.</summary>
public class ActivationFloatAccuracyTests(ITestOutputHelper output)
{
    private const ulong MaxFloatUlps = 1;

    public static IEnumerable<object[]> Cases() =>
        from backend in Backends.All()
        from name in ActivationData.Activations.Keys
        select new object[] { backend[0], name };

    /// <summary>The points of activations.json whose x is exactly a float, and the ~400 random
    /// floats of activations_float.json.</summary>
    private static List<ActivationData.Point> FloatPoints(string name) =>
        ActivationData.Points(name).Where(p => (double)(float)p.X == p.X).Concat(ActivationData.FloatPoints(name)).ToList();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Values_are_within_1_float_ulp_of_mpmath(Backend backend, string name)
    {
        var points = FloatPoints(name);
        var x = points.Select(p => (float)p.X).ToArray();
        var y = new float[x.Length];
        ActivationData.Activations[name].Apply(x, y, backend);
        var worst = points.Select((p, i) => (p, got: y[i], ulps: Ulps.Between(y[i], (float)p.Value))).MaxBy(t => t.ulps);
        output.WriteLine($"{name} on {backend}: {points.Count} points, worst {worst.ulps} float ulp");
        Assert.True(worst.ulps <= MaxFloatUlps,
            $"{name} on {backend}: at x = {worst.p.X:R} got {worst.got:R}, mpmath {(float)worst.p.Value:R} ({worst.ulps} float ulp)");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Derivatives_are_within_1_float_ulp_of_mpmath(Backend backend, string name)
    {
        var points = FloatPoints(name);
        var x = points.Select(p => (float)p.X).ToArray();
        var d = new float[x.Length];
        ActivationData.Activations[name].Derivative(x, d, backend);
        output.WriteLine($"{name}' on {backend}: {points.Count} points, worst {points.Select((p, i) => Ulps.Between(d[i], (float)p.Derivative)).Max()} float ulp");
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var ulps = Ulps.Between(d[i], (float)p.Derivative);
            var withinScale = p.Scale is { } scale && Math.Abs(d[i] - p.Derivative) <= MaxFloatUlps * Math.ScaleB(1.0, Math.ILogB(scale) - 23);
            Assert.True(ulps <= MaxFloatUlps || withinScale,
                $"{name}' on {backend}: at x = {p.X:R} got {d[i]:R}, mpmath {(float)p.Derivative:R} ({ulps} float ulp, scale {p.Scale})");
        }
    }

    [Fact]
    public void The_float_points_reach_the_tails_and_zero()
    {
        var xs = FloatPoints("sigmoid").Select(p => p.X).ToHashSet();
        Assert.Contains(-745.0, xs);
        Assert.Contains(1000.0, xs);
        Assert.Contains(0.0, xs);
        Assert.True(xs.Count > 550, $"{xs.Count} float points");
        Assert.Contains(xs, x => Math.Abs(x) < 1e-25);
    }
}
