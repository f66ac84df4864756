using System.Text.Json;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.Stencils;

/// <summary>The weights of a derivative of order ≥ 1 sum to 0 exactly as fractions; rounded to
/// double they sum, in index order as the evaluators add them, to 0 only up to the rounding of that
/// sum. Correct rounding is the contract: no ≤ 1-ulp adjustment makes most symmetric stencils sum
/// to exactly 0 (checked by exhaustive search over the fornberg.json stencils).</summary>
public class FiniteDifferenceWeightsSumTests
{
    public static IEnumerable<object[]> StandardStencils()
    {
        foreach (var scheme in new[] { DifferenceScheme.Central, DifferenceScheme.Forward, DifferenceScheme.Backward })
            for (var d = 1; d <= DiffNative.Stencils.MaxDerivative; d++)
                for (var p = 1; p <= 8; p++)
                    if (DiffNative.Stencils.IsSupportedAccuracy(scheme, p))
                        yield return [scheme, d, p];
    }

    /// <summary>Σ wⱼ·c as StencilEvaluation and dn_fd_combine add it: from 0, in index order.</summary>
    private static double SumAsEvaluated(ReadOnlySpan<double> w, double c)
    {
        var sum = 0.0;
        foreach (var x in w) sum += x * c;
        return sum;
    }

    [Theory]
    [MemberData(nameof(StandardStencils))]
    public void Weights_sum_to_zero_within_the_rounding_of_the_sum(DifferenceScheme scheme, int d, int p)
    {
        var w = DiffNative.Stencils.Get(scheme, d, p).Weights;
        // Each partial sum rounds by at most half an ulp of itself, so (n−1)·2⁻⁵³·Σ|wⱼ| bounds the total.
        var bound = (w.Length - 1) * Math.ScaleB(1.0, -53) * SumAsEvaluated(w.ToArray().Select(Math.Abs).ToArray(), 1.0);
        foreach (var c in new[] { 1.0, 0.25, 1024.0 })
            Assert.True(Math.Abs(SumAsEvaluated(w, c)) <= bound * c, $"Σw·{c} = {SumAsEvaluated(w, c):R}");
    }

    [Theory]
    [InlineData(DifferenceScheme.Central, 1, 2)]
    [InlineData(DifferenceScheme.Central, 2, 2)]
    [InlineData(DifferenceScheme.Central, 3, 2)]
    [InlineData(DifferenceScheme.Central, 4, 2)]
    [InlineData(DifferenceScheme.Forward, 1, 1)]
    [InlineData(DifferenceScheme.Forward, 1, 2)]
    [InlineData(DifferenceScheme.Backward, 2, 2)]
    public void Short_stencils_sum_to_exactly_zero(DifferenceScheme scheme, int d, int p)
    {
        var w = DiffNative.Stencils.Get(scheme, d, p).Weights;
        Assert.Equal(0.0, SumAsEvaluated(w, 1.0));
        Assert.Equal(0.0, SumAsEvaluated(w, 3.0));
    }

    [Fact]
    public void Correctly_rounded_weights_need_not_sum_to_zero()
    {
        // fornberg.json's exact fractions of the 5-point first derivative, rounded to double, add up
        // to 3·2⁻⁵⁶ in index order: fl(1/12 − 2/3) + 2/3 is not 1/12. The library gives those weights.
        using var doc = TestData.Load("fornberg.json");
        var rounded = doc.RootElement.GetProperty("central").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "central_d1_acc4")
            .GetProperty("coefficients").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(rounded, DiffNative.Stencils.Get(DifferenceScheme.Central, 1, 4).Weights.ToArray());
        Assert.Equal(3 * Math.ScaleB(1.0, -56), SumAsEvaluated(rounded, 1.0));
    }
}
