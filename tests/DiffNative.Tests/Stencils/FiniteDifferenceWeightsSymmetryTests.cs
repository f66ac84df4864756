using DiffNative.Tests.Support;

namespace DiffNative.Tests.Stencils;

/// <summary>Offsets symmetric about the point give exactly symmetric weights for even derivatives
/// and exactly antisymmetric ones, with an exact +0 at the point, for odd derivatives, whatever the
/// order the offsets come in.</summary>
public class FiniteDifferenceWeightsSymmetryTests
{
    public static IEnumerable<object[]> CentralStencils()
    {
        foreach (var kind in new[] { BackendKind.Managed, BackendKind.Native })
            for (var half = 1; half <= 10; half++)
                for (var d = 0; d <= Math.Min(2 * half, FiniteDifferenceWeights.MaxDerivative); d++)
                    yield return [kind, half, d];
    }

    private static void AssertMirrored(int d, double[] offsets, double at, double[] w, string context)
    {
        for (var i = 0; i < offsets.Length; i++)
        {
            var mirror = Array.FindIndex(offsets, o => o - at == -(offsets[i] - at));
            var expected = d % 2 == 0 ? w[i] : -w[i];
            if (mirror == i)
                Bits.AssertIdentical(d % 2 == 0 ? w[i] : 0.0, w[i], $"{context}: the weight at the point");
            else
                Assert.True(w[mirror] == expected, $"{context}: weight {mirror} is {w[mirror]:R}, its mirror {i} is {w[i]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(CentralStencils))]
    public void Uniform_central_stencils_are_exactly_symmetric_or_antisymmetric(BackendKind kind, int half, int d)
    {
        var offsets = Enumerable.Range(-half, 2 * half + 1).Select(i => (double)i).ToArray();
        var w = FiniteDifferenceWeights.Compute(d, offsets, backend: new Backend(kind, null));
        AssertMirrored(d, offsets, 0, w, $"{2 * half + 1} points, d={d}");
    }

    [Theory]
    [InlineData(BackendKind.Managed)]
    [InlineData(BackendKind.Native)]
    public void Shuffled_irregular_symmetric_offsets_give_mirrored_weights(BackendKind kind)
    {
        var random = new Random(5);
        for (var trial = 0; trial < 300; trial++)
        {
            var half = random.Next(1, 12);
            var at = random.Next(2) == 0 ? 0.0 : 0.75;
            var steps = Enumerable.Range(0, half).Select(_ => random.Next(1, 400) / 64.0).Distinct().ToArray();
            var withCentre = random.Next(2) == 0;
            // at ± s with s of a few bits: both differences are exact, so the offsets are symmetric.
            var offsets = steps.Select(s => at - s).Concat(steps.Select(s => at + s)).Concat(withCentre ? [at] : []).ToArray();
            random.Shuffle(offsets);
            var d = random.Next(0, Math.Min(offsets.Length, FiniteDifferenceWeights.MaxDerivative + 1));
            var w = FiniteDifferenceWeights.Compute(d, offsets, at, new Backend(kind, null));
            AssertMirrored(d, offsets, at, w, $"trial {trial}: d={d}, offsets [{string.Join(", ", offsets)}]");
        }
    }

    [Theory]
    [InlineData(BackendKind.Managed)]
    [InlineData(BackendKind.Native)]
    public void Four_thirds_is_the_same_on_both_sides(BackendKind kind)
    {
        // The 5-point second derivative: [-1/12, 4/3, -5/2, 4/3, -1/12]; plain double gave
        // 1.3333333333333333 on one side and 1.3333333333333335 on the other.
        var w = FiniteDifferenceWeights.Compute(2, [-2.0, -1, 0, 1, 2], backend: new Backend(kind, null));
        Assert.Equal([-1.0 / 12, 4.0 / 3, -2.5, 4.0 / 3, -1.0 / 12], w);
    }
}
