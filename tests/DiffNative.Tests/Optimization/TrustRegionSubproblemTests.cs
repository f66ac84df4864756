using DiffNative.Optimization;
using Xunit.Abstractions;

namespace DiffNative.Tests.Optimization;

/// <summary>The trust-region subproblem min gᵀp + ½pᵀHp over ‖p‖ ≤ Δ against its solutions worked
/// out by hand: the interior Newton step, the boundary step of an indefinite H, and the hard case.</summary>
public class TrustRegionSubproblemTests(ITestOutputHelper output)
{
    private static double Model(double[] h, double[] g, double[] p) =>
        g[0] * p[0] + g[1] * p[1] + 0.5 * (p[0] * (h[0] * p[0] + h[1] * p[1]) + p[1] * (h[2] * p[0] + h[3] * p[1]));

    private static (double[] P, bool OnBoundary) Solve(double[] h, double[] g, double radius)
    {
        var p = new double[2];
        Assert.True(new TrustRegionSubproblem(2).Solve(h, g, radius, p, out var onBoundary));
        return (p, onBoundary);
    }

    [Fact]
    public void Takes_the_newton_step_when_it_lies_inside()
    {
        // H = [[4, 1], [1, 3]] is positive definite; −H⁻¹g = −(1/11)(3 − 2, −1 + 8) = (−1/11, −7/11), ‖·‖ ≈ 0.64.
        var (p, onBoundary) = Solve([4, 1, 1, 3], [1, 2], 1.0);
        Assert.False(onBoundary);
        Assert.Equal(-1.0 / 11, p[0], 15);
        Assert.Equal(-7.0 / 11, p[1], 15);
    }

    [Fact]
    public void Solves_the_secular_equation_on_the_boundary_of_an_indefinite_model()
    {
        // H = diag(1, −2), g = (1, 1), Δ = 1: p(λ) = (−1/(1 + λ), −1/(λ − 2)) with λ > 2 and ‖p(λ)‖ = 1,
        // found here by bisection (‖p(λ)‖ falls as λ grows).
        double low = 2 + 1e-12, high = 100;
        for (var i = 0; i < 200; i++)
        {
            var mid = 0.5 * (low + high);
            if (1 / ((1 + mid) * (1 + mid)) + 1 / ((mid - 2) * (mid - 2)) > 1) low = mid; else high = mid;
        }
        double[] h = [1, 0, 0, -2], g = [1, 1];
        double[] best = [-1 / (1 + low), -1 / (low - 2)];
        var (p, onBoundary) = Solve(h, g, 1.0);
        output.WriteLine($"λ = {low:R}, p = ({p[0]:R}, {p[1]:R}), m = {Model(h, g, p):R} against {Model(h, g, best):R}");
        Assert.True(onBoundary);
        // Moré and Sorensen stop within 10 % of Δ; the model is then within 1 % of its least value here.
        Assert.InRange(Math.Sqrt(p[0] * p[0] + p[1] * p[1]), 0.9, 1.1);
        Assert.True(Model(h, g, p) <= 0.99 * Model(h, g, best), $"m = {Model(h, g, p)}");
    }

    [Fact]
    public void Completes_the_hard_case_along_the_negative_curvature()
    {
        // H = diag(−2, 2), g = (0, 1), Δ = 2: g has no component along e₁, so λ = 2 and p = (±τ, −1/4)
        // with τ² = 4 − 1/16; the least value is −1/4 − τ² + 1/16 = −4.125.
        double[] h = [-2, 0, 0, 2], g = [0, 1];
        var (p, onBoundary) = Solve(h, g, 2.0);
        output.WriteLine($"p = ({p[0]:R}, {p[1]:R}), m = {Model(h, g, p):R}");
        Assert.True(onBoundary);
        Assert.True(Model(h, g, p) <= 0.99 * -4.125, $"m = {Model(h, g, p)}");
        Assert.True(Math.Sqrt(p[0] * p[0] + p[1] * p[1]) <= 2 * (1 + 1e-12));
    }
}
