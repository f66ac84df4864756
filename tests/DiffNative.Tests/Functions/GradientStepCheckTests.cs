using DiffNative.Tests.Support;

namespace DiffNative.Tests.Functions;

/// <summary>The fixed-step gradient's step check: f(x) once more, and a coordinate whose one-sided
/// slopes disagree far beyond a balanced step's is differentiated again along its axis. Truth from
/// closed forms; every case in each evaluation mode that reaches a different code path (the
/// per-point loop, the pooled path with parallel or batch evaluation).</summary>
public class GradientStepCheckTests
{
    public enum Mode { Sequential, Parallel, Batch }

    public static TheoryData<Mode, int> ModesAndAccuracies()
    {
        var data = new TheoryData<Mode, int>();
        foreach (var mode in Enum.GetValues<Mode>())
            foreach (var accuracy in new[] { 2, 4, 6, 8 })
                data.Add(mode, accuracy);
        return data;
    }

    private static DerivativeArray Gradient(ScalarFunction f, double[] x, Mode mode, DifferentiationOptions options)
    {
        if (mode == Mode.Parallel) return Differentiate.Gradient(f, x, options with { Parallel = true, MaxDegreeOfParallelism = 2 });
        if (mode == Mode.Sequential) return Differentiate.Gradient(f, x, options);
        BatchScalarFunction batch = (points, n, values) =>
        {
            for (var r = 0; r < values.Length; r++) values[r] = f(points.Slice(r * n, n));
        };
        var g = new double[x.Length];
        var info = Differentiate.Gradient(batch, x, g, options);
        return new DerivativeArray(g, null, info.Evaluations, info.Status);
    }

    /// <summary>Math.NET's ExponentialFunctionPartialDerivativeTest at (300, −50): the step follows
    /// |x| while sin(xy) turns every 0.02 in x and every 1/300 in y. Unchecked, central accuracy 2
    /// is 0.031 and 0.19 off with Ok.</summary>
    [Theory]
    [MemberData(nameof(ModesAndAccuracies))]
    public void A_step_too_long_for_f_is_replaced(Mode mode, int accuracy)
    {
        ScalarFunction f = v => Math.Sin(v[0] * v[1]) + Math.Exp(-v[0] / 2) + v[1] / v[0];
        double[] x = [300, -50];
        double[] truth = [Math.Cos(-15000.0) * -50 - Math.Exp(-150.0) / 2 + 50 / 90000.0, Math.Cos(-15000.0) * 300 + 1 / 300.0];
        var g = Gradient(f, x, mode, new DifferentiationOptions { Accuracy = accuracy });
        Assert.Equal(DerivativeStatus.Ok, g.Status);
        for (var i = 0; i < 2; i++) Assert.True(Math.Abs(g.Values[i] - truth[i]) <= 1e-9 * Math.Abs(truth[i]), $"entry {i}: {g.Values[i]:R} vs {truth[i]:R}");
    }

    /// <summary>|x₀| + x₁² at x₀ = 0: the kink is at x, and no step makes the gradient exist.</summary>
    [Theory]
    [MemberData(nameof(ModesAndAccuracies))]
    public void A_kink_at_x_is_reported(Mode mode, int accuracy)
    {
        var g = Gradient(v => Math.Abs(v[0]) + v[1] * v[1], [0.0, 1.0], mode, new DifferentiationOptions { Accuracy = accuracy });
        Assert.Equal(DerivativeStatus.NotDifferentiable, g.Status);
        Assert.Equal(2, g.Values[1], 1e-9);
    }

    /// <summary>|x₀| + x₁² at x₀ = 1e-3: accuracy 8's stencil reaches 0.07 and crosses the kink
    /// (unchecked: 0.83 with Ok); the recheck finds the step that stays on one side.</summary>
    [Theory]
    [InlineData(Mode.Sequential)]
    [InlineData(Mode.Parallel)]
    [InlineData(Mode.Batch)]
    public void A_kink_within_reach_is_stepped_around(Mode mode)
    {
        ScalarFunction f = v => Math.Abs(v[0]) + v[1] * v[1];
        var unchecked8 = Gradient(f, [1e-3, 1.0], mode, new DifferentiationOptions { Accuracy = 8, CheckDifferentiability = false });
        Assert.True(Math.Abs(unchecked8.Values[0] - 1) > 0.01, "the unchecked stencil crosses the kink");
        var g = Gradient(f, [1e-3, 1.0], mode, new DifferentiationOptions { Accuracy = 8 });
        Assert.Equal(DerivativeStatus.Ok, g.Status);
        Assert.Equal(1, g.Values[0], 1e-10);
        Assert.Equal(2, g.Values[1], 1e-10);
    }

    /// <summary>numdifftools' core.py doctest: the gradient of (1 − x₀)² + 105(x₁ − x₀²)² at its
    /// minimum (1, 1) is 0 to np.allclose's 1e-8 (unchecked: 1.5e-8).</summary>
    [Theory]
    [InlineData(Mode.Sequential)]
    [InlineData(Mode.Parallel)]
    [InlineData(Mode.Batch)]
    public void A_gradient_at_a_minimum_where_f_is_zero_is_zero(Mode mode)
    {
        var g = Gradient(v => Math.Pow(1 - v[0], 2) + 105 * Math.Pow(v[1] - v[0] * v[0], 2), [1.0, 1.0], mode, DifferentiationOptions.Default);
        Assert.Equal(DerivativeStatus.Ok, g.Status);
        Assert.True(Math.Abs(g.Values[0]) <= 1e-10 && Math.Abs(g.Values[1]) <= 1e-10, $"{g.Values[0]:R}, {g.Values[1]:R}");
    }

    /// <summary>Bounds that leave the recheck its room change no bit (the check included); bounds
    /// closer than that turn the check off, and the stencil alone stands (Math.NET's case again,
    /// whose recheck looks 30 and 5 away).</summary>
    [Fact]
    public void Far_bounds_keep_the_check_and_near_ones_turn_it_off()
    {
        ScalarFunction f = v => Math.Sin(v[0] * v[1]) + Math.Exp(-v[0] / 2) + v[1] / v[0];
        double[] x = [300, -50];
        var free = Differentiate.Gradient(f, x);
        var far = Differentiate.Gradient(f, x, new DifferentiationOptions { LowerBounds = new[] { 0.0, -100 }, UpperBounds = new[] { 1000.0, 0 } });
        Bits.AssertIdentical(free.Values, far.Values, "far bounds");
        Assert.Equal(free.Evaluations, far.Evaluations);
        var near = new DifferentiationOptions { LowerBounds = new[] { 299.0, -51 }, UpperBounds = new[] { 301.0, -49 } };
        var bounded = Differentiate.Gradient(f, x, near);
        Bits.AssertIdentical(Differentiate.Gradient(f, x, near with { CheckDifferentiability = false }).Values, bounded.Values, "near bounds");
        Assert.Equal(4, bounded.Evaluations);
    }

    /// <summary>A well-scaled f far from stationary points costs f(x) and nothing else, and gives
    /// the unchecked stencil's bits: the extended Rosenbrock function at its standard start.</summary>
    [Theory]
    [InlineData(Mode.Sequential, 2)]
    [InlineData(Mode.Sequential, 4)]
    [InlineData(Mode.Parallel, 2)]
    [InlineData(Mode.Batch, 2)]
    public void A_smooth_well_scaled_f_costs_one_evaluation_more_and_keeps_its_bits(Mode mode, int accuracy)
    {
        var x = MghProblems.StandardStart(10);
        var options = new DifferentiationOptions { Accuracy = accuracy };
        var g = Gradient(MghProblems.ExtendedRosenbrock, x, mode, options);
        var plain = Gradient(MghProblems.ExtendedRosenbrock, x, mode, options with { CheckDifferentiability = false });
        Assert.Equal(plain.Evaluations + 1, g.Evaluations);
        Assert.Equal(DerivativeStatus.Ok, g.Status);
        Bits.AssertIdentical(plain.Values, g.Values, "checked against unchecked");
    }

    /// <summary>A user's step is judged, never changed: sin(100x) at 3 with h = 1e-3 is 0.17 % off
    /// (h² f‴/6), and says so.</summary>
    [Fact]
    public void A_users_step_too_long_is_reported_and_kept()
    {
        ScalarFunction f = v => Math.Sin(100 * v[0]);
        var options = new DifferentiationOptions { Steps = new[] { 1e-3 } };
        var g = Differentiate.Gradient(f, [3.0], options);
        var plain = Differentiate.Gradient(f, [3.0], options with { CheckDifferentiability = false });
        Assert.Equal(DerivativeStatus.NotConverged, g.Status);
        Bits.AssertIdentical(plain.Values, g.Values, "the user's step");
    }

    /// <summary>1/|x₀| at 0: both neighbours are finite and their difference is 0, but f(x) is not
    /// finite, so there is no derivative to report.</summary>
    [Fact]
    public void A_function_not_finite_at_x_is_NonFinite()
    {
        var g = Differentiate.Gradient(v => 1 / Math.Abs(v[0]), [0.0]);
        Assert.Equal(DerivativeStatus.NonFinite, g.Status);
        Assert.Equal(DerivativeStatus.Ok, Differentiate.Gradient(v => 1 / Math.Abs(v[0]), [0.0], new DifferentiationOptions { CheckDifferentiability = false }).Status);
    }

    /// <summary>Without the check (and with one-sided schemes, which have none) the gradient costs
    /// exactly its stencil's evaluations: central 2 per coordinate; forward of accuracy 1 ({0, 1})
    /// and backward of accuracy 2 ({−2, −1, 0}) their outer points per coordinate and f(x) once.</summary>
    [Theory]
    [InlineData(DifferenceScheme.Central, 2, true, 2 * 10)]
    [InlineData(DifferenceScheme.Forward, 1, false, 1 * 10 + 1)]
    [InlineData(DifferenceScheme.Backward, 2, false, 2 * 10 + 1)]
    public void Unchecked_and_one_sided_gradients_cost_their_stencil(DifferenceScheme scheme, int accuracy, bool turnOff, int evaluations)
    {
        var options = new DifferentiationOptions { Scheme = scheme, Accuracy = accuracy, CheckDifferentiability = !turnOff };
        var g = Differentiate.Gradient(MghProblems.ExtendedRosenbrock, MghProblems.StandardStart(10), options);
        Assert.Equal(evaluations, g.Evaluations);
    }
}
