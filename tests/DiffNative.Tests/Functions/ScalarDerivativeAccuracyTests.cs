using System.Numerics;

namespace DiffNative.Tests.Functions;

public class ScalarDerivativeAccuracyTests
{
    [Theory]
    [MemberData(nameof(SmoothCases.NaturalScaleData), MemberType = typeof(SmoothCases))]
    public void Default_central_is_within_1e_9(SmoothCases.Case c)
    {
        var r = Differentiate.Derivative(c.F, c.X);
        Assert.Equal(DerivativeStatus.Ok, r.Status);
        Assert.True(SmoothCases.RelativeError(r.Value, c.Derivatives[0]) <= 1e-9, $"{c}: {r.Value:R} vs {c.Derivatives[0]:R}");
    }

    [Theory]
    [MemberData(nameof(SmoothCases.NaturalScaleData), MemberType = typeof(SmoothCases))]
    public void Central_accuracy_4_is_within_1e_11(SmoothCases.Case c)
    {
        var r = Differentiate.Derivative(c.F, c.X, new DerivativeOptions { Accuracy = 4 });
        Assert.True(SmoothCases.RelativeError(r.Value, c.Derivatives[0]) <= 1e-11, $"{c}: {r.Value:R} vs {c.Derivatives[0]:R}");
    }

    [Theory]
    [MemberData(nameof(SmoothCases.NaturalScaleData), MemberType = typeof(SmoothCases))]
    public void Default_second_derivative_is_within_1e_6(SmoothCases.Case c)
    {
        var r = Differentiate.Derivative(c.F, c.X, new DerivativeOptions { Order = 2 });
        Assert.True(SmoothCases.RelativeError(r.Value, c.Derivatives[1]) <= 1e-6, $"{c}: {r.Value:R} vs {c.Derivatives[1]:R}");
    }

    [Theory]
    [MemberData(nameof(SmoothCases.AllData), MemberType = typeof(SmoothCases))]
    public void Adaptive_is_within_1e_13(SmoothCases.Case c)
    {
        var r = Differentiate.Derivative(c.F, c.X, new DerivativeOptions { Method = DerivativeMethod.Adaptive });
        Assert.Equal(DerivativeStatus.Ok, r.Status);
        Assert.True(SmoothCases.RelativeError(r.Value, c.Derivatives[0]) <= 1e-13, $"{c}: {r.Value:R} vs {c.Derivatives[0]:R}, est {r.Error}");
    }

    [Fact]
    public void Adaptive_error_estimates_cover_the_true_error_in_at_least_95_percent_of_cases()
    {
        var cases = SmoothCases.NaturalScale().Concat(SmoothCases.Published()).ToList();
        var covered = cases.Count(c =>
        {
            var r = Differentiate.Derivative(c.F, c.X, new DerivativeOptions { Method = DerivativeMethod.Adaptive });
            return r.Error >= Math.Abs(r.Value - c.Derivatives[0]);
        });
        Assert.True(covered >= 0.95 * cases.Count, $"{covered} of {cases.Count} estimates cover the true error");
    }

    [Theory]
    [InlineData(1e4)]
    [InlineData(-3e3)]
    [InlineData(123456.0)]
    public void Adaptive_handles_functions_that_vary_on_a_scale_other_than_x(double x)
    {
        // Math.NET's default is 6.5e-4 off for sin' at 1e4: its step grows with |x|.
        var r = Differentiate.Derivative(Math.Sin, x, new DerivativeOptions { Method = DerivativeMethod.Adaptive });
        Assert.True(Math.Abs(r.Value - Math.Cos(x)) <= 1e-12, $"{r.Value:R} vs {Math.Cos(x):R}");
        Assert.True(r.Error >= Math.Abs(r.Value - Math.Cos(x)));
    }

    [Theory]
    [MemberData(nameof(SmoothCases.AllData), MemberType = typeof(SmoothCases))]
    public void Complex_step_is_within_2_ulp(SmoothCases.Case c)
    {
        var r = Differentiate.Derivative(c.ComplexF, c.X, new DerivativeOptions { Method = DerivativeMethod.Complex });
        var truth = c.Derivatives[0];
        var ulp = truth == 0 ? double.Epsilon : Math.BitIncrement(Math.Abs(truth)) - Math.Abs(truth);
        Assert.True(Math.Abs(r.Value - truth) <= 2 * ulp + (truth == 0 ? 1e-300 : 0), $"{c}: {r.Value:R} vs {truth:R}");
        Assert.Equal(1, r.Evaluations);
    }

    [Theory]
    [InlineData(DerivativeMethod.Forward, 1)]
    [InlineData(DerivativeMethod.Forward, 2)]
    [InlineData(DerivativeMethod.Backward, 2)]
    [InlineData(DerivativeMethod.Forward, 4)]
    [InlineData(DerivativeMethod.Backward, 4)]
    public void One_sided_stencils_reach_their_expected_accuracy(DerivativeMethod method, int accuracy)
    {
        // Error balance for accuracy p: about eps^(p/(p+1)) relative; high-order one-sided weights are
        // large, so allow a factor of 1000.
        var bound = 1000 * Math.Pow(2.2e-16, accuracy / (accuracy + 1.0));
        foreach (var c in SmoothCases.NaturalScale())
        {
            var r = Differentiate.Derivative(c.F, c.X, new DerivativeOptions { Method = method, Accuracy = accuracy });
            Assert.True(SmoothCases.RelativeError(r.Value, c.Derivatives[0]) <= bound, $"{c}: {r.Value:R} vs {c.Derivatives[0]:R}");
        }
    }

    [Fact]
    public void Higher_orders_match_closed_forms()
    {
        // d^3/dx^3 and d^4/dx^4 of exp at 0.5 are exp(0.5).
        foreach (var order in new[] { 3, 4 })
        {
            var r = Differentiate.Derivative(Math.Exp, 0.5, new DerivativeOptions { Order = order });
            Assert.True(SmoothCases.RelativeError(r.Value, Math.Exp(0.5)) <= 1e-3, $"order {order}: {r.Value}");
            var adaptive = Differentiate.Derivative(Math.Exp, 0.5, new DerivativeOptions { Order = order, Method = DerivativeMethod.Adaptive });
            Assert.True(SmoothCases.RelativeError(adaptive.Value, Math.Exp(0.5)) <= 1e-6, $"adaptive order {order}: {adaptive.Value}");
        }
    }

    [Fact]
    public void A_users_step_is_used_as_given_when_exact()
    {
        var r = Differentiate.Derivative(x => x * x, 3.0, new DerivativeOptions { Method = DerivativeMethod.Central, Step = 0.25, CheckDifferentiability = false });
        Assert.Equal(0.25, r.Step);
        Assert.Equal(6.0, r.Value);
        Assert.Equal(2, r.Evaluations);
    }

    [Fact]
    public void Default_steps_make_x_plus_h_minus_x_exact()
    {
        foreach (var x in new[] { 0.1, 3.3, 1e4 + 0.1, -7.77 })
        {
            var h = Differentiate.Derivative(Math.Sin, x).Step;
            Assert.Equal(h, (x + h) - x);
        }
    }

    [Fact]
    public void The_textbook_forward_difference_is_far_worse_than_the_default()
    {
        // The motivation in numbers: (f(x+1e-7) - f(x))/1e-7 for x^2+sin(x) at 2 is about 1e-8 off.
        static double F(double t) => t * t + Math.Sin(t);
        var truth = 4 + Math.Cos(2);
        var textbook = Math.Abs((F(2 + 1e-7) - F(2)) / 1e-7 - truth);
        var ours = Math.Abs(Differentiate.Derivative(F, 2).Value - truth);
        Assert.True(ours < textbook / 100, $"ours {ours}, textbook {textbook}");
    }
}
