using DiffNative.Tests.Support;

namespace DiffNative.Tests.MachineLearning;

/// <summary>Every activation and its derivative on every backend against mpmath's correctly rounded
/// values (TestData/activations.json): within 4 ulp. Derivatives that cross zero (SiLU, GELU) may
/// instead be within 4 ulp of the sum of their terms' magnitudes, since near a root no double
/// algorithm keeps relative accuracy.</summary>
public class ActivationAccuracyTests
{
    private const ulong MaxUlps = 4;

    public static IEnumerable<object[]> Cases() =>
        from backend in Backends.All()
        from name in ActivationData.Activations.Keys
        select new object[] { backend[0], name };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Values_are_within_4_ulp_of_mpmath(Backend backend, string name)
    {
        var points = ActivationData.Points(name);
        var x = points.Select(p => p.X).ToArray();
        var y = new double[x.Length];
        ActivationData.Activations[name].Apply(x, y, backend);
        var worst = points.Select((p, i) => (p, got: y[i], ulps: Ulps.Between(y[i], p.Value))).MaxBy(t => t.ulps);
        Assert.True(worst.ulps <= MaxUlps, $"{name} on {backend}: at x = {worst.p.X:R} got {worst.got:R}, mpmath {worst.p.Value:R} ({worst.ulps} ulp)");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Derivatives_are_within_4_ulp_of_mpmath(Backend backend, string name)
    {
        var points = ActivationData.Points(name);
        var x = points.Select(p => p.X).ToArray();
        var d = new double[x.Length];
        ActivationData.Activations[name].Derivative(x, d, backend);
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var ulps = Ulps.Between(d[i], p.Derivative);
            var withinScale = p.Scale is { } scale && Math.Abs(d[i] - p.Derivative) <= MaxUlps * Math.ScaleB(1.0, Math.ILogB(scale) - 52);
            Assert.True(ulps <= MaxUlps || withinScale,
                $"{name}' on {backend}: at x = {p.X:R} got {d[i]:R}, mpmath {p.Derivative:R} ({ulps} ulp, scale {p.Scale})");
        }
    }

    [Fact]
    public void The_table_reaches_the_tails_and_the_subnormals()
    {
        var xs = ActivationData.Points("sigmoid").Select(p => p.X).ToHashSet();
        Assert.Contains(-745.0, xs);
        Assert.Contains(1000.0, xs);
        Assert.Contains(5e-324, xs);
        Assert.True(xs.Count > 500);
    }
}
