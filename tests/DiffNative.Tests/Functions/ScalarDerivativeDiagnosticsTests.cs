namespace DiffNative.Tests.Functions;

public class ScalarDerivativeDiagnosticsTests
{
    private static readonly DerivativeOptions Adaptive = new() { Method = DerivativeMethod.Adaptive };

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-12)]
    public void A_kink_is_reported_not_differentiable(double x)
    {
        Assert.Equal(DerivativeStatus.NotDifferentiable, Differentiate.Derivative(Math.Abs, x).Status);
        Assert.Equal(DerivativeStatus.NotDifferentiable, Differentiate.Derivative(t => Math.Max(0, t), x).Status);
        Assert.Equal(DerivativeStatus.NotDifferentiable, Differentiate.Derivative(Math.Abs, x, Adaptive).Status);
    }

    [Fact]
    public void Smooth_functions_are_not_flagged()
    {
        foreach (var c in SmoothCases.NaturalScale().Concat(SmoothCases.Published()))
            Assert.Equal(DerivativeStatus.Ok, Differentiate.Derivative(c.F, c.X).Status);
        foreach (var c in SmoothCases.NaturalScale())
            Assert.Equal(DerivativeStatus.Ok, Differentiate.Derivative(c.F, c.X, new DerivativeOptions { Accuracy = 8 }).Status);
        Assert.Equal(DerivativeStatus.Ok, Differentiate.Derivative(Math.Abs, 1.0).Status);
        Assert.Equal(DerivativeStatus.Ok, Differentiate.Derivative(t => t * t, 0.0).Status);
        Assert.Equal(DerivativeStatus.Ok, Differentiate.Derivative(t => 3 * t + 1, 0.0).Status);
    }

    [Fact]
    public void A_function_not_finite_at_x_is_reported()
    {
        Assert.Equal(DerivativeStatus.NonFinite, Differentiate.Derivative(t => 1 / t, 0.0).Status);
        Assert.Equal(DerivativeStatus.NonFinite, Differentiate.Derivative(Math.Log, 0.0).Status);
        var r = Differentiate.Derivative(_ => double.NaN, 1.0);
        Assert.Equal(DerivativeStatus.NonFinite, r.Status);
        Assert.True(double.IsNaN(r.Value));
        // Adaptive too: its central stencils never evaluate f at the pole itself.
        Assert.Equal(DerivativeStatus.NonFinite, Differentiate.Derivative(t => 1 / t, 0.0, Adaptive).Status);
        Assert.Equal(DerivativeStatus.NonFinite, Differentiate.Derivative(t => 1 / (t * t * t), 0.0, Adaptive).Status);
    }

    /// <summary>sin(10x)·e⁻ˣ varies ten times faster than the default scale max(|x|, 1) suggests:
    /// the first starting step is far too large, so smaller ones are tried until one converges.</summary>
    [Theory]
    [InlineData(2.655)]
    [InlineData(0.37)]
    [InlineData(-1.9)]
    public void Adaptive_tries_smaller_starts_when_the_first_does_not_converge(double x)
    {
        var r = Differentiate.Derivative(t => Math.Sin(10 * t) * Math.Exp(-t), x, Adaptive);
        var exact = (10 * Math.Cos(10 * x) - Math.Sin(10 * x)) * Math.Exp(-x);
        Assert.Equal(DerivativeStatus.Ok, r.Status);
        Assert.True(Math.Abs(r.Value - exact) <= 1e-10 * Math.Max(1, Math.Abs(exact)), $"{r.Value} vs {exact}");
        Assert.True(r.Error >= Math.Abs(r.Value - exact), $"estimate {r.Error}, error {Math.Abs(r.Value - exact)}");
    }

    [Fact]
    public void An_overflowing_trial_step_is_shrunk_not_propagated()
    {
        // The adaptive sequence starts at 0.1*709: exp(779.9) overflows, so the step must shrink.
        var r = Differentiate.Derivative(Math.Exp, 709.0, Adaptive);
        Assert.Equal(DerivativeStatus.Ok, r.Status);
        Assert.True(SmoothCases.RelativeError(r.Value, Math.Exp(709.0)) <= 1e-12, $"{r.Value:R}");
        // A function finite only below 1 + 1e-9: the default step is shrunk until it fits.
        var edge = Differentiate.Derivative(t => t < 1 + 1e-9 ? 2 * t : double.NaN, 1.0, new DerivativeOptions { Method = DerivativeMethod.Central, CheckDifferentiability = false });
        Assert.Equal(DerivativeStatus.Ok, edge.Status);
        Assert.Equal(2.0, edge.Value, 1e-6);
    }

    [Fact]
    public void A_users_step_is_never_changed_even_when_it_overflows()
    {
        var r = Differentiate.Derivative(Math.Exp, 709.0, new DerivativeOptions { Method = DerivativeMethod.Central, Step = 100 });
        Assert.Equal(DerivativeStatus.NonFinite, r.Status);
        Assert.Equal(100, r.Step);
    }

    [Fact]
    public void An_exception_in_the_function_reaches_the_caller_as_itself()
    {
        var thrown = new InvalidOperationException("user code failed");
        foreach (var method in new[] { DerivativeMethod.Central, DerivativeMethod.Adaptive, DerivativeMethod.Forward })
            Assert.Same(thrown, Assert.Throws<InvalidOperationException>(() =>
                Differentiate.Derivative(_ => throw thrown, 1.0, new DerivativeOptions { Method = method })));
    }

    [Fact]
    public void Bad_options_name_the_option()
    {
        Assert.Equal("Order", Assert.Throws<ArgumentOutOfRangeException>(() => Differentiate.Derivative(Math.Sin, 1, new DerivativeOptions { Order = 5 })).ParamName);
        Assert.Equal("Order", Assert.Throws<ArgumentOutOfRangeException>(() => Differentiate.Derivative(Math.Sin, 1, new DerivativeOptions { Order = 0 })).ParamName);
        Assert.Equal("Accuracy", Assert.Throws<ArgumentOutOfRangeException>(() => Differentiate.Derivative(Math.Sin, 1, new DerivativeOptions { Accuracy = 3 })).ParamName);
        Assert.Equal("Accuracy", Assert.Throws<ArgumentOutOfRangeException>(() => Differentiate.Derivative(Math.Sin, 1, new DerivativeOptions { Method = DerivativeMethod.Forward, Accuracy = 7 })).ParamName);
        Assert.Equal("Step", Assert.Throws<ArgumentOutOfRangeException>(() => Differentiate.Derivative(Math.Sin, 1, new DerivativeOptions { Step = -1 })).ParamName);
        Assert.Equal("Step", Assert.Throws<ArgumentOutOfRangeException>(() => Differentiate.Derivative(Math.Sin, 1, new DerivativeOptions { Step = double.NaN })).ParamName);
        Assert.Equal("TypicalScale", Assert.Throws<ArgumentOutOfRangeException>(() => Differentiate.Derivative(Math.Sin, 1, new DerivativeOptions { TypicalScale = 0 })).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentOutOfRangeException>(() => Differentiate.Derivative(Math.Sin, double.NaN)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => Differentiate.Derivative(Math.Sin, 1, new DerivativeOptions { Method = DerivativeMethod.Complex })).ParamName);
        Assert.Equal("f", Assert.Throws<ArgumentNullException>(() => Differentiate.Derivative((Func<double, double>)null!, 1)).ParamName);
    }

    [Fact]
    public void Evaluations_are_counted()
    {
        var central = new DerivativeOptions { Method = DerivativeMethod.Central };
        Assert.Equal(2, Differentiate.Derivative(Math.Sin, 1, central with { CheckDifferentiability = false }).Evaluations);
        Assert.Equal(7, Differentiate.Derivative(Math.Sin, 1, central).Evaluations); // + f(x), f(x ± h/2), f(x ± h/4)
        var calls = 0;
        var r = Differentiate.Derivative(t => { calls++; return Math.Exp(t); }, 1, new DerivativeOptions { Method = DerivativeMethod.Adaptive });
        Assert.Equal(calls, r.Evaluations);
    }
}
