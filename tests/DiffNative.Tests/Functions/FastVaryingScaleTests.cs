namespace DiffNative.Tests.Functions;

/// <summary>Functions that vary a thousand times faster than max(|x|, 1) says, so that the first
/// adaptive steps see |f| grow by e¹⁰⁰: exp(1000x), whose derivatives 1000ᵏ·e^(1000x) are closed
/// forms. The adaptive engines judged a value near zero against the largest |f| they met (e¹⁰¹ at
/// the first step) and returned −2.08e32 for 2718.28 with Ok; a Jacobian row of size 1 was rounded
/// at its neighbour's 1e220; the default Hessian's step of 1.2e-4 was 1.2e-3 off with Ok.</summary>
public class FastVaryingScaleTests
{
    private static double Exp1000(double x) => Math.Exp(1000 * x);

    public static TheoryData<double> Points => new() { 1e-3, 0.0, -1e-3, 0.5 };

    private static void Close(double value, double truth, double rtol, string what) =>
        Assert.True(Math.Abs(value - truth) <= rtol * Math.Abs(truth), $"{what}: {value:R} vs {truth:R}");

    [Theory]
    [MemberData(nameof(Points))]
    public void The_default_derivative_restarts_instead_of_passing_a_garbage_value(double x)
    {
        var truth = 1000 * Exp1000(x);
        var r = Differentiate.Derivative(Exp1000, x);
        Assert.Equal(DerivativeStatus.Ok, r.Status);
        Close(r.Value, truth, 1e-12, "f'");
        Assert.True(r.Error >= Math.Abs(r.Value - truth) && r.Error <= 1e-9 * truth, $"estimate {r.Error}");
        var second = Differentiate.Derivative(Exp1000, x, new DerivativeOptions { Order = 2 });
        Assert.Equal(DerivativeStatus.Ok, second.Status);
        Close(second.Value, 1000 * truth, 1e-10, "f''");
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Gradients_default_and_adaptive_follow_the_scalar_engine(double x)
    {
        var truth = 1000 * Exp1000(x);
        foreach (var options in new[] { DifferentiationOptions.Default, new DifferentiationOptions { Adaptive = true } })
        {
            var g = Differentiate.Gradient(p => Exp1000(p[0]), [x], options);
            Assert.Equal(DerivativeStatus.Ok, g.Status);
            Close(g.Values[0], truth, 1e-12, $"gradient (adaptive {options.Adaptive})");
        }
    }

    /// <summary>Each Jacobian row is rounded at its own size: the row x beside exp(1000x) at 0.5
    /// (1.4e217) has an error of ε-level, not 7e206, and the call is Ok, not NotConverged.</summary>
    [Theory]
    [MemberData(nameof(Points))]
    public void An_adaptive_jacobian_judges_each_row_on_its_own_size(double x)
    {
        var j = Differentiate.Jacobian((p, y) => { y[0] = Exp1000(p[0]); y[1] = p[0]; }, 2, [x], new DifferentiationOptions { Adaptive = true });
        Assert.Equal(DerivativeStatus.Ok, j.Status);
        Close(j.Values[0], 1000 * Exp1000(x), 1e-12, "J[0,0]");
        Close(j.Values[1], 1, 1e-14, "J[1,0]");
        Assert.True(j.Errors![1] <= 1e-12, $"J[1,0]'s estimate {j.Errors[1]}");
    }

    /// <summary>The default Hessian's step check shrinks the step along x₀ until D(h) and D(2h)
    /// agree; x₁ (sin) keeps its step. Off-diagonal entries are retaken with the shrunk step.</summary>
    [Theory]
    [MemberData(nameof(Points))]
    public void The_default_hessian_shrinks_a_step_too_long_for_f(double x)
    {
        var h = Differentiate.Hessian(p => Exp1000(p[0]) * Math.Sin(p[1]), [x, 1.0]);
        Assert.Equal(DerivativeStatus.Ok, h.Status);
        var e = Exp1000(x);
        Close(h.Values[0], 1e6 * e * Math.Sin(1), 1e-6, "H[0,0]");
        Close(h.Values[1], 1e3 * e * Math.Cos(1), 1e-6, "H[0,1]");
        Close(h.Values[3], -e * Math.Sin(1), 1e-6, "H[1,1]");
    }

    /// <summary>exp(10⁶x) at 0 turns 4·10⁻⁷ apart, below what four fourfold shrinks of the default
    /// step reach: the Hessian says NotConverged rather than Ok.</summary>
    [Fact]
    public void A_hessian_whose_step_never_fits_is_not_converged()
    {
        var h = Differentiate.Hessian(p => Math.Exp(1e6 * p[0]), [0.0]);
        Assert.Equal(DerivativeStatus.NotConverged, h.Status);
    }

    /// <summary>The check costs 2n evaluations beyond the stencil's 2n² + 1 where every step fits,
    /// and none where the user asks for no check (as the optimisers do).</summary>
    [Fact]
    public void The_hessian_check_costs_two_evaluations_per_coordinate()
    {
        static double F(ReadOnlySpan<double> p) => Math.Exp(p[0]) * Math.Sin(p[1]) + p[2] * p[2] * p[0];
        Assert.Equal(2 * 9 + 1 + 6, Differentiate.Hessian(F, [0.5, 1.0, 2.0]).Evaluations);
        Assert.Equal(2 * 9 + 1, Differentiate.Hessian(F, [0.5, 1.0, 2.0], new DifferentiationOptions { CheckDifferentiability = false }).Evaluations);
    }

    /// <summary>The Hessian's diagonal (accuracy 2) has the same check: the default diagonal of
    /// exp(1000x₀)·sin(x₁) was 1.2e-3 off along x₀ with Ok.</summary>
    [Theory]
    [MemberData(nameof(Points))]
    public void The_default_diagonal_shrinks_a_step_too_long_for_f(double x)
    {
        var diagonal = new double[2];
        var info = Differentiate.HessianDiagonal(p => Exp1000(p[0]) * Math.Sin(p[1]), [x, 1.0], diagonal);
        Assert.Equal(DerivativeStatus.Ok, info.Status);
        Close(diagonal[0], 1e6 * Exp1000(x) * Math.Sin(1), 1e-6, "d²f/dx₀²");
        Close(diagonal[1], -Exp1000(x) * Math.Sin(1), 1e-6, "d²f/dx₁²");
    }

    /// <summary>log(1 + (1e5x)²) at 1e-9 is even about 0 on every step the first start tries (0.1
    /// down to 2.5e-3), and the ladder agreed with itself on 5.9e-7 where the truth is
    /// 2·1e10·x/(1 + (1e5x)²) ≈ 20, with Ok; the kink check's central differences near x now
    /// disagree with it, and one more run starting near x finds the value. The gradient and
    /// directional derivative retake such a coordinate with the same engine.</summary>
    [Fact]
    public void A_ladder_that_agrees_with_itself_far_from_x_must_agree_near_x()
    {
        const double a = 1e5, x = 1e-9;
        static double F(double t) => Math.Log(1 + a * a * t * t);
        var truth = 2 * a * a * x / (1 + a * a * x * x);
        var d = Differentiate.Derivative(F, x);
        Assert.Equal(DerivativeStatus.Ok, d.Status);
        Close(d.Value, truth, 1e-9, "f'");
        var g = Differentiate.Gradient(p => F(p[0]) * Math.Cos(p[1]), [x, 0.5]);
        Assert.Equal(DerivativeStatus.Ok, g.Status);
        Close(g.Values[0], truth * Math.Cos(0.5), 1e-9, "gradient");
        var v = Differentiate.DirectionalDerivative(p => F(p[0]) * Math.Cos(p[1]), [x, 0.5], [1.0, 0.0]);
        Assert.Equal(DerivativeStatus.Ok, v.Status);
        Close(v.Value, truth * Math.Cos(0.5), 1e-9, "directional");
    }

    /// <summary>The Hessian-vector product checks its steps against the product at twice them: along
    /// v = (1, 0.5) it was 1.2e-3 off with Ok where f = exp(1000x₀)·sin(x₁).</summary>
    [Theory]
    [MemberData(nameof(Points))]
    public void The_default_hessian_vector_product_shrinks_steps_too_long_for_f(double x)
    {
        double[] v = [1.0, 0.5];
        var product = new double[2];
        var info = Differentiate.HessianVectorProduct(p => Exp1000(p[0]) * Math.Sin(p[1]), [x, 1.0], v, product);
        Assert.Equal(DerivativeStatus.Ok, info.Status);
        var e = Exp1000(x);
        double h00 = 1e6 * e * Math.Sin(1), h01 = 1e3 * e * Math.Cos(1), h11 = -e * Math.Sin(1);
        // Within twice the check's bound, 100·√ε of the entry (1.5e-6).
        Close(product[0], h00 * v[0] + h01 * v[1], 3e-6, "(Hv)₀");
        Close(product[1], h01 * v[0] + h11 * v[1], 3e-6, "(Hv)₁");
    }

    [Fact]
    public void A_hessian_vector_product_whose_steps_never_fit_is_not_converged()
    {
        var product = new double[1];
        var info = Differentiate.HessianVectorProduct(p => Math.Exp(1e6 * p[0]), [0.0], [1.0], product);
        Assert.Equal(DerivativeStatus.NotConverged, info.Status);
    }

    /// <summary>The adaptive gradient and Jacobian hold their ladders to the same rule: the
    /// gradient of 1/(1 + (1e5x₀)²)·cos x₁ at x₀ = 1e-9 and 3e-6 was −1.2e-14 and −3.6e-11 (truth
    /// −17.6 and −44,319) with Ok, its steps from 0.1 down only seeing f's flat tails.</summary>
    [Theory]
    [InlineData(1e-9)]
    [InlineData(3e-6)]
    public void Adaptive_gradients_and_jacobians_must_agree_near_x(double x)
    {
        const double a = 1e5;
        static double F(double t) => 1 / (1 + a * a * t * t);
        var d = -2 * a * a * x / ((1 + a * a * x * x) * (1 + a * a * x * x));
        var adaptive = new DifferentiationOptions { Adaptive = true };
        var g = Differentiate.Gradient(p => F(p[0]) * Math.Cos(p[1]), [x, 0.5], adaptive);
        Assert.Equal(DerivativeStatus.Ok, g.Status);
        Close(g.Values[0], d * Math.Cos(0.5), 1e-8, "gradient");
        var j = Differentiate.Jacobian((p, y) => { y[0] = F(p[0]) * Math.Cos(p[1]); y[1] = p[1]; }, 2, [x, 0.5], adaptive);
        Assert.Equal(DerivativeStatus.Ok, j.Status);
        Close(j.Values[0], d * Math.Cos(0.5), 1e-8, "jacobian");
    }
}
