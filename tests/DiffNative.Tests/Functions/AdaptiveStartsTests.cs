namespace DiffNative.Tests.Functions;

/// <summary>The adaptive gradient and Jacobian start where the scalar engine does and restart from
/// smaller steps where an entry did not converge; an entry that never converges is reported.
/// Truth from closed forms.</summary>
public class AdaptiveStartsTests
{
    private static readonly DifferentiationOptions Adaptive = new() { Adaptive = true };

    /// <summary>d(1/x) at 0.01 returned +302.9 ± 202 with Ok (the first steps, 0.1, cross the pole);
    /// d sin(100x) at 3 returned −0.058 ± 0.003 (the function varies on 0.01).</summary>
    [Theory]
    [InlineData("1/x at 0.01", 0.01, -10000.0)]
    [InlineData("sin(100x) at 3", 3.0, double.NaN)]
    [InlineData("log x at 1e-3", 1e-3, 1000.0)]
    [InlineData("sqrt x at 1e-4", 1e-4, 50.0)]
    public void Adaptive_gradient_of_functions_varying_below_unit_scale(string name, double x0, double truth)
    {
        Func<double, double> f = name switch
        {
            "1/x at 0.01" => t => 1 / t,
            "sin(100x) at 3" => t => Math.Sin(100 * t),
            "log x at 1e-3" => Math.Log,
            _ => Math.Sqrt,
        };
        if (double.IsNaN(truth)) truth = 100 * Math.Cos(300.0);
        double[] x = [x0, 2.0];
        var gradient = new double[2];
        var errors = new double[2];
        var info = Differentiate.Gradient(p => f(p[0]) + p[1] * p[1], x, gradient, Adaptive, errors: errors);
        Assert.Equal(DerivativeStatus.Ok, info.Status);
        Assert.True(Math.Abs(gradient[0] - truth) <= 1e-9 * Math.Abs(truth), $"{name}: {gradient[0]:R} vs {truth:R}");
        Assert.True(errors[0] >= Math.Abs(gradient[0] - truth), $"{name}: estimate {errors[0]} below the error {Math.Abs(gradient[0] - truth)}");
        Assert.Equal(4.0, gradient[1], 1e-10);
    }

    [Fact]
    public void Adaptive_jacobian_restarts_per_coordinate()
    {
        double[] x = [0.01, 3.0];
        VectorFunction f = (p, y) => { y[0] = 1 / p[0] + p[1]; y[1] = Math.Sin(100 * p[1]) * p[0]; };
        var r = Differentiate.Jacobian(f, 2, x, Adaptive);
        Assert.Equal(DerivativeStatus.Ok, r.Status);
        double[] truth = [-10000, 1, Math.Sin(300.0), 100 * Math.Cos(300.0) * 0.01];
        for (var e = 0; e < 4; e++)
        {
            Assert.True(Math.Abs(r.Values[e] - truth[e]) <= 1e-9 * Math.Max(1, Math.Abs(truth[e])), $"entry {e}: {r.Values[e]:R} vs {truth[e]:R}");
            Assert.True(r.Errors![e] >= Math.Abs(r.Values[e] - truth[e]), $"entry {e}: estimate {r.Errors[e]}");
        }
    }

    /// <summary>Noise no step can get past: the estimate does not settle, and the status says so.</summary>
    [Fact]
    public void An_entry_that_never_converges_is_reported()
    {
        double[] x = [1.0];
        var info = Differentiate.Gradient(p => Math.Sin(1e9 * p[0]) * 1e-3 + p[0], x, new double[1], Adaptive, errors: new double[1]);
        Assert.Equal(DerivativeStatus.NotConverged, info.Status);
    }

    /// <summary>A user's first steps are kept: no restart, and no pretence either.</summary>
    [Fact]
    public void A_users_first_step_is_not_restarted_but_reported()
    {
        double[] x = [0.01];
        var info = Differentiate.Gradient(p => 1 / p[0], x, new double[1], Adaptive with { Steps = new[] { 0.1 } }, errors: new double[1]);
        Assert.Equal(DerivativeStatus.NotConverged, info.Status);
    }
}
