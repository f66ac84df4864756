using DiffNative.Tests.Support;

namespace DiffNative.Tests.Sampled;

/// <summary>Against independent truth: closed-form derivatives and numpy's published examples.</summary>
public class SampledGradientAccuracyTests
{
    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Quadratics_are_differentiated_exactly(Backend backend)
    {
        // y = 3 + 2x - x^2/2 on x = -4 + i/4: values and derivatives 2 - x are short binary
        // fractions, so a second-order scheme must give the derivative exactly.
        for (var n = 3; n <= 70; n++)
        {
            var x = Enumerable.Range(0, n).Select(i => -4.0 + 0.25 * i).ToArray();
            var y = x.Select(v => 3.0 + 2.0 * v - 0.5 * v * v).ToArray();
            var d = SampledDerivative.Gradient(y, 0.25, backend);
            for (var i = 0; i < n; i++)
                Assert.Equal(2.0 - x[i], d[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Lines_are_differentiated_exactly_including_both_ends(Backend backend)
    {
        var y = Enumerable.Range(0, 37).Select(i => 5.0 - 3.0 * (0.5 * i)).ToArray();
        Assert.All(SampledDerivative.Gradient(y, 0.5, backend), d => Assert.Equal(-3.0, d));
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Error_on_sin_falls_fourfold_when_the_spacing_halves(Backend backend)
    {
        double MaxError(int n)
        {
            var h = 1.0 / (n - 1);
            var y = Enumerable.Range(0, n).Select(i => Math.Sin(i * h)).ToArray();
            var d = SampledDerivative.Gradient(y, h, backend);
            return Enumerable.Range(0, n).Max(i => Math.Abs(d[i] - Math.Cos(i * h)));
        }
        var coarse = MaxError(101);
        var fine = MaxError(201);
        Assert.InRange(coarse / fine, 3.6, 4.4);
        Assert.True(coarse < 1e-4, $"error {coarse} is too large for h = 0.01");
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Matches_numpy_documentation_examples(Backend backend)
    {
        // numpy.gradient docs: f = [1, 2, 4, 7, 11, 16] has interior gradient [1.5, 2.5, 3.5, 4.5],
        // and [0.75, 1.25, 1.75, 2.25] with spacing 2; f is 1 + i(i+1)/2, so edge_order=2 ends are
        // exact: 0.5 and 5.5 (0.25 and 2.75 with spacing 2).
        double[] f = [1, 2, 4, 7, 11, 16];
        Assert.Equal([0.5, 1.5, 2.5, 3.5, 4.5, 5.5], SampledDerivative.Gradient(f, 1.0, backend));
        Assert.Equal([0.25, 0.75, 1.25, 1.75, 2.25, 2.75], SampledDerivative.Gradient(f, 2.0, backend));
        // numpy 1.9 docs: np.gradient(x**2, dx, edge_order=2) for x = 0..4 is [-0., 2., 4., 6., 8.].
        Assert.Equal([0.0, 2, 4, 6, 8], SampledDerivative.Gradient([0.0, 1, 4, 9, 16], 1.0, backend));
    }
}
