namespace DiffNative.Tests.Functions;

/// <summary>The default dense Jacobian checks each coordinate's step in every output, as the
/// gradient does: one more evaluation of f at x, and an entry whose one-sided slopes disagree is
/// taken again along its axis for its own output by the scalar adaptive engine. Truth from closed
/// forms.</summary>
public class JacobianStepCheckTests
{
    private static void Rows(ReadOnlySpan<double> p, Span<double> y)
    {
        y[0] = Math.Sin(p[0] * p[1]);
        y[1] = p[0] - p[1] * p[1];
    }

    /// <summary>sin(x₀x₁) at (300, −50) turns every 0.02 in x₀ while the step follows |x₀| = 300: the
    /// first row was 3 % and 19 % off with Ok (the gradient's Math.NET case, now in a Jacobian).</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void A_step_too_long_for_one_row_is_taken_again(int accuracy)
    {
        double x0 = 300, x1 = -50;
        var j = Differentiate.Jacobian(Rows, 2, [x0, x1], new DifferentiationOptions { Accuracy = accuracy });
        Assert.Equal(DerivativeStatus.Ok, j.Status);
        double[] truth = [x1 * Math.Cos(x0 * x1), x0 * Math.Cos(x0 * x1), 1, -2 * x1];
        for (var e = 0; e < 4; e++)
            Assert.True(Math.Abs(j.Values[e] - truth[e]) <= 1e-9 * Math.Max(1, Math.Abs(truth[e])), $"J[{e / 2},{e % 2}] {j.Values[e]:R} vs {truth[e]:R}");
        // The second row is linear along x₀ and quadratic along x₁: its fixed entries stand.
        var unchecked_ = Differentiate.Jacobian(Rows, 2, [x0, x1], new DifferentiationOptions { Accuracy = accuracy, CheckDifferentiability = false });
        Assert.Equal(unchecked_.Values[2], j.Values[2]);
        Assert.Equal(unchecked_.Values[3], j.Values[3]);
    }

    [Fact]
    public void A_kink_in_one_output_is_not_differentiable()
    {
        var j = Differentiate.Jacobian((p, y) => { y[0] = p[0] * p[1]; y[1] = Math.Abs(p[0]) + p[1] * p[1]; }, 2, [0.0, 1.0]);
        Assert.Equal(DerivativeStatus.NotDifferentiable, j.Status);
    }

    [Fact]
    public void An_output_not_finite_at_x_is_non_finite()
    {
        var j = Differentiate.Jacobian((p, y) => { y[0] = p[1]; y[1] = 1 / Math.Abs(p[0]); }, 2, [0.0, 1.0]);
        Assert.Equal(DerivativeStatus.NonFinite, j.Status);
    }

    /// <summary>A well-scaled Jacobian costs 2n + 1 evaluations and keeps the unchecked bits.</summary>
    [Fact]
    public void A_well_scaled_jacobian_costs_one_evaluation_more_and_keeps_its_bits()
    {
        VectorFunction f = (p, y) => { y[0] = Math.Exp(p[0]) * p[1]; y[1] = Math.Sin(p[0] + p[2]); y[2] = p[1] * p[2]; };
        double[] x = [0.3, 1.5, -0.7];
        var j = Differentiate.Jacobian(f, 3, x);
        var plain = Differentiate.Jacobian(f, 3, x, new DifferentiationOptions { CheckDifferentiability = false });
        Assert.Equal(DerivativeStatus.Ok, j.Status);
        Assert.Equal(2 * 3 + 1, j.Evaluations);
        Assert.Equal(2 * 3, plain.Evaluations);
        Assert.Equal(plain.Values.ToArray(), j.Values.ToArray());
    }
}
