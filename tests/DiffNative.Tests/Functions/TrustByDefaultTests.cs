namespace DiffNative.Tests.Functions;

/// <summary>What a user gets from <c>Differentiate.Derivative(f, x)</c> with no options: the
/// adaptive engine, and a status other than Ok wherever the value may be wrong. Truth from closed
/// forms and the 50-digit values of TestData/scalar_easy.json.</summary>
public class TrustByDefaultTests
{
    private static readonly DerivativeOptions Central = new() { Method = DerivativeMethod.Central };

    public static TheoryData<string> PublishedCases() => new(SmoothCases.Published().Select(c => c.Name));

    /// <summary>The six published cases, log at 1e-3 and 1/x at 0.01 among them (central steps that
    /// follow max(|x|, 1) are 1.2e-5 off on the first), first and second derivatives.</summary>
    [Theory]
    [MemberData(nameof(PublishedCases))]
    public void The_default_derivative_of_the_published_cases_is_within_1e_13(string name)
    {
        var c = SmoothCases.Published().Single(p => p.Name == name);
        var r = Differentiate.Derivative(c.F, c.X);
        Assert.Equal(DerivativeStatus.Ok, r.Status);
        Assert.True(Math.Abs(r.Value - c.Derivatives[0]) <= 1e-13 * Math.Max(1, Math.Abs(c.Derivatives[0])), $"{r.Value:R} vs {c.Derivatives[0]:R}");
        Assert.True(r.Error >= Math.Abs(r.Value - c.Derivatives[0]), $"estimate {r.Error} below the error {Math.Abs(r.Value - c.Derivatives[0])}");
        var second = Differentiate.Derivative(c.F, c.X, new DerivativeOptions { Order = 2 });
        Assert.Equal(DerivativeStatus.Ok, second.Status);
        Assert.True(Math.Abs(second.Value - c.Derivatives[1]) <= 1e-8 * Math.Max(1, Math.Abs(c.Derivatives[1])), $"f'' {second.Value:R} vs {c.Derivatives[1]:R}");
    }

    [Fact]
    public void The_default_method_is_adaptive_and_central_is_one_option_away()
    {
        Assert.Equal(DerivativeMethod.Adaptive, DerivativeOptions.Default.Method);
        Assert.NotNull(Differentiate.Derivative(Math.Sin, 1.0).Error);
        Assert.Equal(7, Differentiate.Derivative(Math.Sin, 1.0, Central).Evaluations); // one stencil and the kink check
    }

    public static TheoryData<string> AllSmoothCases() => new(SmoothCases.Published().Concat(SmoothCases.NaturalScale()).Select(c => c.Name));

    /// <summary>The fixed-step central difference of accuracy 2 carries an error estimate from its
    /// kink check's samples at h/2: it covers the true error on every smooth case (published
    /// 50-digit values and closed forms), and is at most 1e-6 of the derivative's size (a bound,
    /// not a shrug). Where the step had to shrink (log at 1e-3) it is the final step's.</summary>
    [Theory]
    [MemberData(nameof(AllSmoothCases))]
    public void The_central_differences_estimate_covers_its_error(string name)
    {
        var c = SmoothCases.Published().Concat(SmoothCases.NaturalScale()).Single(p => p.Name == name);
        var r = Differentiate.Derivative(c.F, c.X, Central);
        var error = Math.Abs(r.Value - c.Derivatives[0]);
        Assert.NotNull(r.Error);
        Assert.True(r.Error >= error, $"estimate {r.Error} below the error {error}");
        Assert.True(r.Error <= 1e-6 * Math.Max(1, Math.Abs(c.Derivatives[0])), $"estimate {r.Error} for {c.Derivatives[0]:R}");
    }

    /// <summary>Where the method has no estimate from its samples (one-sided stencils, no kink
    /// check, higher accuracies), Error is null rather than a guess.</summary>
    [Fact]
    public void Fixed_steps_without_samples_for_an_estimate_give_none()
    {
        Assert.Null(Differentiate.Derivative(Math.Sin, 1.0, new DerivativeOptions { Method = DerivativeMethod.Forward }).Error);
        Assert.Null(Differentiate.Derivative(Math.Sin, 1.0, Central with { CheckDifferentiability = false }).Error);
        Assert.Null(Differentiate.Derivative(Math.Sin, 1.0, Central with { Accuracy = 4 }).Error);
    }

    /// <summary>An accuracy given with the adaptive method sets the stencil it extrapolates: the
    /// h⁴ term is gone from the first column, so a quartic's derivative is exact to rounding there.</summary>
    [Fact]
    public void Adaptive_extrapolates_the_central_stencil_of_the_given_accuracy()
    {
        var r = Differentiate.Derivative(t => t * t * t * t, 1.5, new DerivativeOptions { Accuracy = 4 });
        Assert.Equal(DerivativeStatus.Ok, r.Status);
        Assert.True(Math.Abs(r.Value - 13.5) <= 1e-13 * 13.5, $"{r.Value:R}");
        Assert.True(r.Error >= Math.Abs(r.Value - 13.5));
    }

    /// <summary>A step below the resolution of x: x + h == x, every difference is 0.</summary>
    [Theory]
    [InlineData(DerivativeMethod.Central)]
    [InlineData(DerivativeMethod.Forward)]
    [InlineData(DerivativeMethod.Adaptive)]
    public void A_step_below_the_resolution_of_x_is_reported(DerivativeMethod method)
    {
        var r = Differentiate.Derivative(Math.Sin, 1.0, new DerivativeOptions { Method = method, Step = 1e-17 });
        Assert.Equal(DerivativeStatus.RoundingLimited, r.Status);
    }

    /// <summary>A user's step whose differences are a few ulp of f: 1e12 + x changes by 1e-6 over
    /// the step, a hundredth of an ulp.</summary>
    [Fact]
    public void A_users_step_with_differences_at_rounding_level_is_reported()
    {
        var r = Differentiate.Derivative(t => 1e12 + t, 1.0, Central with { Step = 1e-6 });
        Assert.Equal(DerivativeStatus.RoundingLimited, r.Status);
        Assert.True(Math.Abs(r.Step - 1e-6) <= 1e-15, "a user's step is not grown");
    }

    /// <summary>Brown's badly scaled function along x₁ at 1: f ≈ 1e12, f″ = 2. The balanced step's
    /// second difference is below the resolution of f (the old default returned 0 with Ok); the
    /// default step grows until the difference is signal, and a quadratic's is then exact.</summary>
    [Theory]
    [InlineData(1.0)]
    [InlineData(1.0e-3)]
    [InlineData(-30.0)]
    public void The_balanced_step_grows_when_its_differences_are_rounding(double x)
    {
        static double F(double t) => (t - 1e6) * (t - 1e6) + (t - 2e-6) * (t - 2e-6) + (t - 2) * (t - 2);
        var r = Differentiate.Derivative(F, x, Central with { Order = 2 });
        Assert.Equal(DerivativeStatus.Ok, r.Status);
        Assert.True(Math.Abs(r.Value - 6) <= 1e-4 * 6, $"{r.Value:R}");
    }

    /// <summary>1e12 + sin x: its second derivative cannot be had from doubles to better than about
    /// 1e-3 at any step; the grown step's estimate disagrees with the next growth's, so it is
    /// reported, not passed off as Ok.</summary>
    [Fact]
    public void A_grown_step_that_f_is_not_smooth_on_is_reported()
    {
        var r = Differentiate.Derivative(t => 1e12 + Math.Sin(t), 1.0, Central with { Order = 2 });
        Assert.Equal(DerivativeStatus.RoundingLimited, r.Status);
    }

    /// <summary>f changes far below its resolution even at 10⁴ times the balanced step: the value
    /// is reported rounding-limited, not Ok.</summary>
    [Fact]
    public void Differences_that_stay_rounding_are_reported()
    {
        var r = Differentiate.Derivative(t => 1e15 + 1e-8 * t * t, 1.0, Central with { Order = 2 });
        Assert.Equal(DerivativeStatus.RoundingLimited, r.Status);
    }

    /// <summary>A line's higher derivatives are 0: the differences stay rounding however far the
    /// step grows, while the samples at ±h differ by far more than rounding. Ok, with the rounding
    /// bound as the error (they were reported rounding-limited).</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void A_lines_higher_derivatives_are_zero_not_rounding_limited(int order)
    {
        var r = Differentiate.Derivative(t => 3 * t - 7, 1.5, Central with { Order = order });
        Assert.Equal(DerivativeStatus.Ok, r.Status);
        Assert.True(Math.Abs(r.Value) <= r.Error, $"{r.Value:R} beyond its bound {r.Error}");
        Assert.True(r.Error <= 1e-9, $"bound {r.Error}");
    }

    /// <summary>Exact cancellation by symmetry is no rounding: cos′ and sin″ at 0 (odd orders of cos,
    /// even of sin) are 0.</summary>
    [Theory]
    [InlineData(1, 2)]
    [InlineData(1, 8)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    public void Exact_symmetry_is_not_mistaken_for_rounding(int order, int accuracy)
    {
        Func<double, double> f = order % 2 == 1 ? Math.Cos : Math.Sin;
        var r = Differentiate.Derivative(f, 0.0, Central with { Order = order, Accuracy = accuracy });
        Assert.Equal(DerivativeStatus.Ok, r.Status);
        Assert.Equal(0.0, r.Value); // mirrored samples cancel exactly in the pair sums
    }

    /// <summary>A constant's derivative is exactly 0 on every stencil, though correctly rounded
    /// weights need not sum to exactly 0 (1/12 − 2/3 + 2/3 − 1/12 is 3·2⁻⁵⁶ added in order).</summary>
    [Theory]
    [InlineData(DerivativeMethod.Central, 8)]
    [InlineData(DerivativeMethod.Forward, 6)]
    [InlineData(DerivativeMethod.Backward, 5)]
    public void A_constants_derivative_is_exactly_zero_on_every_stencil(DerivativeMethod method, int accuracy)
    {
        for (var order = 1; order <= 4; order++)
            Assert.Equal(0.0, Differentiate.Derivative(_ => 5.0, 1.0, new DerivativeOptions { Method = method, Accuracy = accuracy, Order = order }).Value);
    }

    /// <summary>Samples that are all one double cannot tell a constant from 1e12 + x (whose
    /// samples round to one value): the estimate 0 is reported as rounding-limited after the step
    /// has grown 10⁴ times in vain. The zero function is exact.</summary>
    [Fact]
    public void Samples_all_equal_are_reported_unless_zero()
    {
        foreach (var order in new[] { 1, 2, 3, 4 })
        {
            var r = Differentiate.Derivative(_ => 5.0, 1.0, Central with { Order = order });
            Assert.Equal(DerivativeStatus.RoundingLimited, r.Status);
            Assert.Equal(0.0, r.Value); // differences of equal samples are exactly 0, at any accuracy
            var zero = Differentiate.Derivative(_ => 0.0, 1.0, Central with { Order = order });
            Assert.Equal(DerivativeStatus.Ok, zero.Status);
            Assert.Equal(0.0, zero.Value);
        }
        // 1e12 + x: the samples at the balanced step round to one or two doubles; the step grows
        // until they differ by far more than rounding, and a line is exact on any step.
        var line = Differentiate.Derivative(t => 1e12 + t, 1.0, Central);
        Assert.Equal(DerivativeStatus.Ok, line.Status);
        Assert.True(Math.Abs(line.Value - 1) <= 1e-3, $"{line.Value:R}");
    }

    /// <summary>ln′ at 1e-3 with a forward stencil of accuracy 4: the balanced step (7.4e-4) reaches
    /// 3e-3, three times x, and the result was 953.9 (4.6 % off) with Ok. The accuracy-3 estimate
    /// from the same samples disagrees far beyond what a balanced step allows, so the step shrinks.</summary>
    [Theory]
    [InlineData(DerivativeMethod.Forward, 4)]
    [InlineData(DerivativeMethod.Forward, 2)]
    [InlineData(DerivativeMethod.Central, 4)]
    [InlineData(DerivativeMethod.Backward, 3)]
    public void A_step_too_long_for_the_scale_of_f_shrinks(DerivativeMethod method, int accuracy)
    {
        var x = method == DerivativeMethod.Backward ? 2e-2 : 1e-3;
        var r = Differentiate.Derivative(Math.Log, x, new DerivativeOptions { Method = method, Accuracy = accuracy });
        Assert.Equal(DerivativeStatus.Ok, r.Status);
        Assert.True(Math.Abs(r.Value - 1 / x) <= 1e-6 / x, $"{r.Value:R}");
    }

    /// <summary>Central accuracy 2, the one stencil with no lower-accuracy companion among its
    /// points: the kink check's samples give it at half the step. ln′ at 1e-3 was 1.2e-5 off with
    /// Ok; sin(100x) at 3 likewise off.</summary>
    [Theory]
    [InlineData("log", 1e-3)]
    [InlineData("sin100", 3.0)]
    public void Central_accuracy_2_shrinks_a_step_too_long_for_f(string name, double x)
    {
        Func<double, double> f = name == "log" ? Math.Log : t => Math.Sin(100 * t);
        var truth = name == "log" ? 1 / x : 100 * Math.Cos(100 * x);
        var r = Differentiate.Derivative(f, x, Central);
        Assert.Equal(DerivativeStatus.Ok, r.Status);
        Assert.True(Math.Abs(r.Value - truth) <= 1e-7 * Math.Abs(truth), $"{r.Value:R} vs {truth:R}");
        var user = Differentiate.Derivative(f, x, Central with { Step = 1e-4 * Math.Max(1, x) });
        Assert.Equal(DerivativeStatus.NotConverged, user.Status);
    }

    /// <summary>A user's step is kept; the disagreement is reported instead.</summary>
    [Fact]
    public void A_users_step_too_long_for_f_is_reported()
    {
        var r = Differentiate.Derivative(Math.Log, 1e-3, new DerivativeOptions { Method = DerivativeMethod.Forward, Accuracy = 4, Step = 7e-4 });
        Assert.Equal(DerivativeStatus.NotConverged, r.Status);
    }

    /// <summary>|x| at 1e-3: the accuracy-4 stencil reaches 2h = 1.5e-3 and crosses the kink (it
    /// returned 1.108 with Ok); the check looks as far as the stencil did.</summary>
    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    public void A_kink_within_the_stencils_reach_is_stepped_around_at_every_accuracy(int accuracy)
    {
        var balanced = StepRuleBalanced(accuracy);
        Assert.True(balanced * accuracy / 2 > 1e-3, "the balanced stencil must cross the kink for this test to mean anything");
        var r = Differentiate.Derivative(Math.Abs, 1e-3, Central with { Accuracy = accuracy });
        Assert.Equal(DerivativeStatus.Ok, r.Status);
        Assert.Equal(1.0, r.Value, 1e-12);
        Assert.True(r.Step * accuracy / 2 < 1e-3);
        var user = Differentiate.Derivative(Math.Abs, 1e-3, Central with { Accuracy = accuracy, Step = balanced });
        // A user's step is kept, and the crossing reported: the lower-accuracy estimate from the
        // same samples disagrees first (NotConverged: f is differentiable at x, the step too long).
        Assert.Equal(DerivativeStatus.NotConverged, user.Status);
    }

    private static double StepRuleBalanced(int accuracy) => Math.Pow(2.220446049250313e-16, 1.0 / (1 + accuracy));

    /// <summary>sin(x₀x₁)·log x₀ at [100, −0.5] along [0.6, 0.8]: f changes 100 times faster along
    /// x₁ than |x|max suggests. The step follows the coordinate that moves fastest relative to its
    /// own scale.</summary>
    [Fact]
    public void The_directional_step_follows_the_fastest_coordinate()
    {
        double[] x = [100, -0.5];
        double[] v = [0.6, 0.8];
        static double F(ReadOnlySpan<double> p) => Math.Sin(p[0] * p[1]) * Math.Log(p[0]);
        var c = Math.Cos(x[0] * x[1]);
        var g0 = x[1] * c * Math.Log(x[0]) + Math.Sin(x[0] * x[1]) / x[0];
        var g1 = x[0] * c * Math.Log(x[0]);
        var truth = g0 * v[0] + g1 * v[1];
        var central = Differentiate.DirectionalDerivative(F, x, v, Central);
        // 6e-8 from the h² term: f varies on 1/80 along v (d(x₀x₁)/dt = 80), which no scale from
        // x alone can know; the step that followed max|x| = 100 was 6e-4 off.
        Assert.True(Math.Abs(central.Value - truth) <= 2e-7 * Math.Abs(truth), $"central {central.Value:R} vs {truth:R}");
        var adaptive = Differentiate.DirectionalDerivative(F, x, v);
        Assert.Equal(DerivativeStatus.Ok, adaptive.Status);
        Assert.True(Math.Abs(adaptive.Value - truth) <= 1e-11 * Math.Abs(truth), $"adaptive {adaptive.Value:R} vs {truth:R}");
    }
}
