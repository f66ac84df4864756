namespace DiffNative.Tests.Functions;

/// <summary>The default dense Hessian where f is far larger than its change over the balanced
/// steps. Hessians in closed form.</summary>
public class HessianRoundingTests
{
    /// <summary>Brown's badly scaled function (Moré, Garbow, Hillstrom 1981, problem 4):
    /// (x₀ − 1e6)² + (x₁ − 2e-6)² + (x₀x₁ − 2)², f ≈ 1e12 at (1, 1), Hessian [[2 + 2x₁², 4x₀x₁ − 4],
    /// [4x₀x₁ − 4, 2 + 2x₀²]] = 4I there. The balanced steps' differences are below the resolution
    /// of f: the old default returned exactly 0 with Ok.</summary>
    private static double Brown(ReadOnlySpan<double> p) =>
        (p[0] - 1e6) * (p[0] - 1e6) + (p[1] - 2e-6) * (p[1] - 2e-6) + (p[0] * p[1] - 2) * (p[0] * p[1] - 2);

    [Fact]
    public void Browns_badly_scaled_function_gets_its_Hessian_by_growing_the_steps()
    {
        var r = Differentiate.Hessian(Brown, [1.0, 1.0]);
        Assert.Equal(DerivativeStatus.Ok, r.Status);
        double[] truth = [4, 0, 0, 4];
        for (var e = 0; e < 4; e++)
            Assert.True(Math.Abs(r.Values[e] - truth[e]) <= 1e-4 * 4, $"entry {e}: {r.Values[e]:R}");
    }

    /// <summary>Adaptive: every level's differences are at most a few hundred ulp of f, and the
    /// result was 0.9 % off with Ok. It must not claim Ok while wrong, and its estimates must cover
    /// the error.</summary>
    [Fact]
    public void Browns_adaptive_Hessian_is_right_or_says_it_did_not_converge()
    {
        var r = Differentiate.Hessian(Brown, [1.0, 1.0], new DifferentiationOptions { Adaptive = true });
        double[] truth = [4, 0, 0, 4];
        var worst = Enumerable.Range(0, 4).Max(e => Math.Abs(r.Values[e] - truth[e]));
        if (r.Status == DerivativeStatus.Ok)
            Assert.True(worst <= 1e-6 * 4, $"Ok but {worst} off");
        else
            Assert.Equal(DerivativeStatus.RoundingLimited, r.Status); // rounding in f: smaller steps would not help
        for (var e = 0; e < 4; e++)
            Assert.True(r.Errors![e] >= Math.Abs(r.Values[e] - truth[e]), $"entry {e}: estimate {r.Errors[e]}, error {Math.Abs(r.Values[e] - truth[e])}");
    }

    [Fact]
    public void Adaptive_second_derivatives_report_entries_that_do_not_settle()
    {
        double[] x = [1.0];
        ScalarFunction noisy = p => Math.Sin(1e9 * p[0]) * 1e-3 + p[0] * p[0];
        Assert.Equal(DerivativeStatus.NotConverged, Differentiate.Hessian(noisy, x, new DifferentiationOptions { Adaptive = true }).Status);
        Assert.Equal(DerivativeStatus.NotConverged, Differentiate.HessianDiagonal(noisy, x, new double[1], errors: new double[1]).Status);
        Assert.Equal(DerivativeStatus.NotConverged, Differentiate.HessianVectorProduct(noisy, x, [1.0], new double[1], errors: new double[1]).Status);
    }

    [Fact]
    public void A_users_steps_are_kept_and_the_rounding_reported()
    {
        var r = Differentiate.Hessian(Brown, [1.0, 1.0], new DifferentiationOptions { Steps = new[] { 1e-4, 1e-4 } });
        Assert.Equal(DerivativeStatus.RoundingLimited, r.Status);
    }

    [Fact]
    public void Curvature_below_the_resolution_of_f_at_every_step_is_reported()
    {
        var r = Differentiate.Hessian(p => 1e15 + 1e-8 * (p[0] * p[0] + p[1] * p[1]), [1.0, 1.0]);
        Assert.Equal(DerivativeStatus.RoundingLimited, r.Status);
    }

    /// <summary>x₀x₁: its zero diagonal is rounding, but resolved far below its unit off-diagonal,
    /// so nothing grows (2n² + 1 evaluations, and 2n for the step check) and the status is Ok.</summary>
    [Fact]
    public void A_zero_diagonal_beside_a_resolved_entry_costs_nothing_extra()
    {
        var r = Differentiate.Hessian(p => p[0] * p[1], [1.0, 1.0]);
        Assert.Equal(DerivativeStatus.Ok, r.Status);
        Assert.Equal(13, r.Evaluations);
        Assert.Equal(1.0, r.Values[1], 1e-8);
        Assert.Equal(0.0, r.Values[0], 1e-6);
    }
}

/// <summary>A user's step below the resolution of a coordinate (x + h == x) makes every difference
/// along it 0: gradients and Jacobians say so.</summary>
public class StepBelowResolutionTests
{
    private static readonly DifferentiationOptions TinySteps = new() { Steps = new[] { 1e-17, 1e-3 } };

    [Fact]
    public void Gradient_reports_it()
    {
        var gradient = new double[2];
        Assert.Equal(DerivativeStatus.RoundingLimited, Differentiate.Gradient(p => Math.Sin(p[0]) + p[1], [1.0, 1.0], gradient, TinySteps).Status);
        Assert.Equal(DerivativeStatus.RoundingLimited, Differentiate.Gradient(p => Math.Sin(p[0]) + p[1], [1.0, 1.0], TinySteps with { Accuracy = 4 }).Status);
        Assert.Equal(DerivativeStatus.Ok, Differentiate.Gradient(p => Math.Sin(p[0]) + p[1], [1.0, 1.0], gradient, new DifferentiationOptions { Steps = new[] { 1e-6, 1e-3 } }).Status);
    }

    [Fact]
    public void Jacobian_reports_it()
    {
        VectorFunction f = (p, y) => { y[0] = Math.Sin(p[0]); y[1] = p[1]; };
        Assert.Equal(DerivativeStatus.RoundingLimited, Differentiate.Jacobian(f, 2, [1.0, 1.0], TinySteps).Status);
    }

    [Fact]
    public void Hessian_reports_it()
    {
        Assert.Equal(DerivativeStatus.RoundingLimited, Differentiate.Hessian(p => Math.Sin(p[0]) * p[1], [1.0, 1.0], TinySteps).Status);
    }
}

/// <summary>Bounds ±1e-300 around 0 squeeze the step to 1e-300: exp's samples all round to 1 and
/// the gradient was 0 with Ok.</summary>
public class SqueezedStepTests
{
    [Fact]
    public void A_step_squeezed_far_below_the_scale_is_reported()
    {
        var options = new DifferentiationOptions { LowerBounds = new[] { -1e-300, -1.0 }, UpperBounds = new[] { 1e-300, 1.0 } };
        var gradient = new double[2];
        var info = Differentiate.Gradient(p => Math.Exp(p[0]) + p[1], [0.0, 0.0], gradient, options);
        Assert.Equal(DerivativeStatus.RoundingLimited, info.Status);
        var unbounded = Differentiate.Gradient(p => Math.Exp(p[0]) + p[1], [0.0, 0.0], gradient);
        Assert.Equal(DerivativeStatus.Ok, unbounded.Status);
    }

    [Fact]
    public void A_users_step_far_below_the_scale_is_reported()
    {
        var gradient = new double[1];
        Assert.Equal(DerivativeStatus.RoundingLimited,
            Differentiate.Gradient(p => Math.Exp(p[0]), [0.0], gradient, new DifferentiationOptions { Steps = new[] { 1e-300 } }).Status);
        Assert.Equal(DerivativeStatus.Ok,
            Differentiate.Gradient(p => Math.Exp(p[0]), [0.0], gradient, new DifferentiationOptions { Steps = new[] { 1e-8 } }).Status);
    }
}

/// <summary>The sparse adaptive engines give their entries the same verdict as the dense ones.</summary>
public class SparseAdaptiveVerdictTests
{
    private static readonly DifferentiationOptions Adaptive = new() { Adaptive = true };
    private static readonly SparsityPattern Diagonal = SparsityPattern.FromEntries(2, 2, [(0, 0), (1, 1)]);

    [Fact]
    public void A_sparse_Jacobian_entry_that_does_not_settle_is_reported()
    {
        VectorFunction noisy = (p, y) => { y[0] = Math.Sin(1e9 * p[0]) * 1e-3 + p[0]; y[1] = p[1] * p[1]; };
        var r = Differentiate.SparseJacobian(noisy, Diagonal, [1.0, 1.0], Adaptive);
        Assert.Equal(DerivativeStatus.NotConverged, r.Status);
        VectorFunction smooth = (p, y) => { y[0] = Math.Sin(p[0]); y[1] = p[1] * p[1]; };
        Assert.Equal(DerivativeStatus.Ok, Differentiate.SparseJacobian(smooth, Diagonal, [1.0, 1.0], Adaptive).Status);
    }

    /// <summary>Brown's badly scaled function (see HessianRoundingTests): its adaptive Hessian is
    /// rounding-limited, sparse or dense.</summary>
    [Fact]
    public void A_sparse_Hessian_at_the_level_of_rounding_is_reported()
    {
        static double Brown(ReadOnlySpan<double> p) =>
            (p[0] - 1e6) * (p[0] - 1e6) + (p[1] - 2e-6) * (p[1] - 2e-6) + (p[0] * p[1] - 2) * (p[0] * p[1] - 2);
        var full = SparsityPattern.FromEntries(2, 2, [(0, 0), (0, 1), (1, 0), (1, 1)]);
        var r = Differentiate.SparseHessian(Brown, full, [1.0, 1.0], Adaptive);
        Assert.Equal(DerivativeStatus.RoundingLimited, r.Status);
        Assert.Equal(DerivativeStatus.Ok, Differentiate.SparseHessian(p => Math.Sin(p[0]) * p[1], full, [1.0, 1.0], Adaptive).Status);
    }
}

/// <summary>The fixed-step Hessian diagonal, every accuracy, on Brown's badly scaled function
/// (diagonal 4, 4 at (1, 1); the balanced steps' differences are rounding).</summary>
public class DiagonalRoundingTests
{
    private static double Brown(ReadOnlySpan<double> p) =>
        (p[0] - 1e6) * (p[0] - 1e6) + (p[1] - 2e-6) * (p[1] - 2e-6) + (p[0] * p[1] - 2) * (p[0] * p[1] - 2);

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void Browns_diagonal_grows_its_steps(int accuracy)
    {
        var diagonal = new double[2];
        var info = Differentiate.HessianDiagonal(Brown, [1.0, 1.0], diagonal, new DifferentiationOptions { Accuracy = accuracy });
        Assert.Equal(DerivativeStatus.Ok, info.Status);
        Assert.True(Math.Abs(diagonal[0] - 4) <= 1e-4 * 4 && Math.Abs(diagonal[1] - 4) <= 1e-4 * 4, $"{diagonal[0]:R}, {diagonal[1]:R}");
    }

    [Fact]
    public void A_users_steps_are_kept_and_reported()
    {
        var diagonal = new double[2];
        var info = Differentiate.HessianDiagonal(Brown, [1.0, 1.0], diagonal, new DifferentiationOptions { Steps = new[] { 1e-4, 1e-4 } });
        Assert.Equal(DerivativeStatus.RoundingLimited, info.Status);
    }

    /// <summary>x₀x₁ is a line along either axis: its zero diagonal stays rounding however far the
    /// step grows, while f changes visibly over it. That is a zero, not a doubt (it was reported
    /// RoundingLimited); a function that barely changes at all still is.</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void A_linear_direction_has_a_zero_diagonal_not_a_rounding_limited_one(int accuracy)
    {
        var diagonal = new double[2];
        var options = new DifferentiationOptions { Accuracy = accuracy };
        var info = Differentiate.HessianDiagonal(p => p[0] * p[1], [1.0, 2.0], diagonal, options);
        Assert.Equal(DerivativeStatus.Ok, info.Status);
        Assert.True(Math.Abs(diagonal[0]) <= 1e-12 && Math.Abs(diagonal[1]) <= 1e-12, $"{diagonal[0]:R}, {diagonal[1]:R}");
        var flat = Differentiate.HessianDiagonal(p => 1e15 + 1e-8 * (p[0] * p[0] + p[1] * p[1]), [1.0, 1.0], diagonal, options);
        Assert.Equal(DerivativeStatus.RoundingLimited, flat.Status);
    }

    [Fact]
    public void Odd_functions_at_their_centre_are_exact_not_rounding()
    {
        var diagonal = new double[2];
        var info = Differentiate.HessianDiagonal(p => Math.Sin(p[0]) + p[1] * p[1] * p[1], [0.0, 0.0], diagonal);
        Assert.Equal(DerivativeStatus.Ok, info.Status);
        Assert.Equal(0.0, diagonal[0]);
    }
}

/// <summary>Outputs that do not depend on a coordinate give exactly 0 at every accuracy, one-sided
/// included: the samples are differenced before they are weighted (correctly rounded weights need
/// not sum to exactly 0). The Jacobian of x ↦ x² (elementwise) at n = 500, forward accuracy 4, had
/// 3e-13 off the diagonal.</summary>
public class StructuralZeroTests
{
    [Theory]
    [InlineData(DifferenceScheme.Forward, 4)]
    [InlineData(DifferenceScheme.Backward, 6)]
    [InlineData(DifferenceScheme.Central, 8)]
    [InlineData(DifferenceScheme.Central, 2)]
    public void A_Jacobians_structural_zeros_are_exactly_zero(DifferenceScheme scheme, int accuracy)
    {
        const int n = 500;
        var x = Enumerable.Range(0, n).Select(i => 1.0 + i * 0.01).ToArray();
        VectorFunction squares = (p, y) => { for (var i = 0; i < p.Length; i++) y[i] = p[i] * p[i]; };
        var r = Differentiate.Jacobian(squares, n, x, new DifferentiationOptions { Scheme = scheme, Accuracy = accuracy });
        Assert.Equal(DerivativeStatus.Ok, r.Status);
        for (var k = 0; k < n; k++)
            for (var i = 0; i < n; i++)
                if (i != k) Assert.True(r.Values[k * n + i] == 0, $"J[{k},{i}] = {r.Values[k * n + i]:R}");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    public void A_Hessian_diagonal_along_a_coordinate_f_ignores_is_exactly_zero(int accuracy)
    {
        var diagonal = new double[3];
        Differentiate.HessianDiagonal(p => Math.Exp(p[0]), [0.3, 1.7, -2.0], diagonal, new DifferentiationOptions { Accuracy = accuracy });
        Assert.Equal(0.0, diagonal[1]);
        Assert.Equal(0.0, diagonal[2]);
        Assert.Equal(Math.Exp(0.3), diagonal[0], 1e-9);
    }

    [Theory]
    [InlineData(DifferenceScheme.Forward, 3)]
    [InlineData(DifferenceScheme.Central, 6)]
    public void A_gradient_along_a_coordinate_f_ignores_is_exactly_zero(DifferenceScheme scheme, int accuracy)
    {
        var gradient = new double[3];
        Differentiate.Gradient(p => 1e6 + Math.Sin(p[0]), [0.3, 1.7, -2.0], gradient, new DifferentiationOptions { Scheme = scheme, Accuracy = accuracy });
        Assert.Equal(0.0, gradient[1]);
        Assert.Equal(0.0, gradient[2]);
    }
}
