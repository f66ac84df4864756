namespace DiffNative.Tests.MachineLearning;

/// <summary>GradientCheck on functions that vary on scales far below 1, where the default
/// finite-difference steps (which follow max(|x|, 1)) are too long: a correct gradient must pass,
/// and a planted bug must still be caught and named. Gradients in closed form.</summary>
public class SmallScaleGradientCheckTests
{
    public sealed record Case(string Name, Func<double, double> F, Func<double, double> Derivative, double X)
    {
        public override string ToString() => Name;
    }

    private static readonly Case[] Cases =
    [
        new("1/x at 0.01", t => 1 / t, t => -1 / (t * t), 0.01),
        new("log x at 1e-3", Math.Log, t => 1 / t, 1e-3),
        new("sqrt x at 1e-4", Math.Sqrt, t => 0.5 / Math.Sqrt(t), 1e-4),
        new("sin(100x) at 3", t => Math.Sin(100 * t), t => 100 * Math.Cos(100 * t), 3.0),
        new("1/x^2 at 0.05", t => 1 / (t * t), t => -2 / (t * t * t), 0.05),
        new("tanh(1000x) at 1e-4", t => Math.Tanh(1000 * t), t => 1000 / (Math.Cosh(1000 * t) * Math.Cosh(1000 * t)), 1e-4),
        new("exp(30x) at 0.5", t => Math.Exp(30 * t), t => 30 * Math.Exp(30 * t), 0.5),
    ];

    public static TheoryData<string> Names() => new(Cases.Select(c => c.Name));

    private static Case Get(string name) => Cases.Single(c => c.Name == name);

    /// <summary>f(x) = g(x₀) + x₁²: the ill-conditioned coordinate beside a plain one.</summary>
    private static (ScalarFunction F, AnalyticGradient Gradient, double[] X) Problem(Case c, double bug = 0) =>
        (p => c.F(p[0]) + p[1] * p[1],
         (p, g) => { g[0] = c.Derivative(p[0]) * (1 + bug); g[1] = 2 * p[1]; },
         [c.X, 0.7]);

    [Theory]
    [MemberData(nameof(Names))]
    public void A_correct_gradient_passes(string name)
    {
        var (f, gradient, x) = Problem(Get(name));
        var report = GradientCheck.Gradient(f, gradient, x);
        Assert.True(report.Passed, report.ToString());
        var fast = GradientCheck.Gradient(f, gradient, x, new GradientCheckOptions { Directions = 4 });
        Assert.True(fast.Passed, fast.ToString());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void An_entry_one_part_in_a_thousand_off_is_caught_and_named(string name)
    {
        var (f, gradient, x) = Problem(Get(name), bug: 1e-3);
        var report = GradientCheck.Gradient(f, gradient, x);
        Assert.False(report.Passed, report.ToString());
        Assert.Equal(1, report.Failures);
        Assert.Equal(0, report.Worst[0].Column);
        var fast = GradientCheck.Gradient(f, gradient, x, new GradientCheckOptions { Directions = 4 });
        Assert.False(fast.Passed, fast.ToString());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_sign_error_and_a_missing_factor_2_are_caught(string name)
    {
        var c = Get(name);
        foreach (var bug in new[] { -2.0, -0.5 }) // −g and g/2
        {
            var (f, gradient, x) = Problem(c, bug);
            Assert.False(GradientCheck.Gradient(f, gradient, x).Passed, $"{name}, factor {1 + bug}");
        }
    }
}
