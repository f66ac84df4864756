using Xunit.Abstractions;

namespace DiffNative.Tests.MachineLearning;

/// <summary>The gradient checker on float code: correct float backward passes (the library's float
/// activations and softmax, a float layer) pass with the float defaults, in full and fast mode;
/// broken ones are caught with the wrong element named; and the double defaults, which do not know
/// float rounding, would reject the correct float code.</summary>
public class GradientCheckFloatTests(ITestOutputHelper output)
{
    private static float[] Points(int n, int seed, float scale)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() - 0.5) * 2 * scale)).ToArray();
    }

    private static readonly Activation[] Smooth =
        [Activation.Sigmoid, Activation.Tanh, Activation.Softplus, Activation.Silu, Activation.GeluTanh, Activation.Elu(0.7), Activation.Selu];

    // A float layer f(x) = tanh(W x), W 3×4, and its hand-written backward pass dx = Wᵀ(g ⊙ (1 − y²)).
    private static readonly float[,] W = { { 0.5f, -1.0f, 0.25f, 2.0f }, { 1.5f, 0.3f, -0.7f, 0.2f }, { -0.4f, 0.9f, 1.1f, -0.6f } };

    private static void Layer(ReadOnlySpan<float> x, Span<float> y)
    {
        for (var k = 0; k < 3; k++)
        {
            var s = 0f;
            for (var i = 0; i < 4; i++) s += W[k, i] * x[i];
            y[k] = MathF.Tanh(s);
        }
    }

    /// <summary><paramref name="brokenColumn"/> loses its (1 − y²) factor for output 1 only.</summary>
    private static FloatBackwardPass LayerBackward(int brokenColumn = -1) => (x, g, dx) =>
    {
        Span<float> y = stackalloc float[3];
        Layer(x, y);
        for (var i = 0; i < 4; i++)
        {
            var sum = 0f;
            for (var k = 0; k < 3; k++) sum += W[k, i] * g[k] * (i == brokenColumn && k == 1 ? 1f : 1 - y[k] * y[k]);
            dx[i] = sum;
        }
    };

    private static readonly float[] LayerPoint = [0.3f, -1.2f, 0.8f, 0.1f];

    [Theory]
    [MemberData(nameof(Support.Backends.All), MemberType = typeof(Support.Backends))]
    public void Every_float_activation_backward_passes_with_the_float_defaults(Backend backend)
    {
        var x = Points(24, 1, 4f);
        foreach (var activation in Smooth)
        {
            var report = GradientCheck.Backward((p, y) => activation.Apply(p, y, backend), x.Length,
                (p, g, dx) => activation.Backward(p, g, dx, backend), x);
            output.WriteLine($"{activation} on {backend}: max abs {report.MaxAbsoluteError:E2}, max rel {report.MaxRelativeError:E2}");
            Assert.True(report.Passed, $"{activation}: {report}");
            Assert.Equal(24 * 24, report.Checked);
        }
    }

    [Theory]
    [MemberData(nameof(Support.Backends.All), MemberType = typeof(Support.Backends))]
    public void Float_softmax_and_log_softmax_backward_pass(Backend backend)
    {
        var x = Points(10, 2, 3f);
        var soft = GradientCheck.Backward((p, y) => Softmax.Apply(p, y, backend: backend), x.Length, (p, g, dx) =>
        {
            var y = new float[p.Length];
            Softmax.Apply(p, y, backend: backend);
            Softmax.Backward(y, g, dx, backend: backend);
        }, x);
        var log = GradientCheck.Backward((p, y) => Softmax.ApplyLog(p, y, backend: backend), x.Length, (p, g, dx) =>
        {
            var y = new float[p.Length];
            Softmax.ApplyLog(p, y, backend: backend);
            Softmax.BackwardLog(y, g, dx, backend: backend);
        }, x);
        output.WriteLine($"softmax: {soft.MaxAbsoluteError:E2} / {soft.MaxRelativeError:E2}; log-softmax: {log.MaxAbsoluteError:E2} / {log.MaxRelativeError:E2}");
        Assert.True(soft.Passed, soft.ToString());
        Assert.True(log.Passed, log.ToString());
    }

    // L(x) = Σ softplus(xᵢ)·(i + 1), computed in float; ∂L/∂xᵢ = (i + 1)·sigmoid(xᵢ). L reaches ~300,
    // so its float rounding leaves the difference quotients ~1e-4 off in absolute terms.
    private static float WeightedSoftplus(ReadOnlySpan<float> p)
    {
        var v = new float[p.Length];
        Activation.Softplus.Apply(p, v);
        var sum = 0f;
        for (var i = 0; i < v.Length; i++) sum += v[i] * (i + 1);
        return sum;
    }

    private static void WeightedSoftplusGradient(ReadOnlySpan<float> p, Span<float> g)
    {
        Activation.Sigmoid.Apply(p, g);
        for (var i = 0; i < g.Length; i++) g[i] *= i + 1;
    }

    [Fact]
    public void A_correct_float_gradient_passes()
    {
        var report = GradientCheck.Gradient(WeightedSoftplus, WeightedSoftplusGradient, Points(16, 3, 6f));
        output.WriteLine($"gradient: {report.MaxAbsoluteError:E2} / {report.MaxRelativeError:E2}");
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void A_float_gradient_with_one_wrong_factor_is_named()
    {
        var report = GradientCheck.Gradient(WeightedSoftplus, (p, g) =>
        {
            WeightedSoftplusGradient(p, g);
            g[5] *= 6f / 5f; // (i + 2) instead of (i + 1)
        }, Points(16, 3, 6f));
        Assert.False(report.Passed);
        Assert.Equal(1, report.Failures);
        Assert.Equal(5, report.Worst[0].Column);
    }

    [Fact]
    public void A_correct_float_layer_passes_in_full_and_fast_mode()
    {
        var full = GradientCheck.Backward(Layer, 3, LayerBackward(), LayerPoint);
        var fast = GradientCheck.Backward(Layer, 3, LayerBackward(), LayerPoint, GradientCheckOptions.Float with { Directions = 8 });
        output.WriteLine($"layer: full {full.MaxRelativeError:E2}, fast {fast.MaxRelativeError:E2}");
        Assert.True(full.Passed, full.ToString());
        Assert.True(fast.Passed, fast.ToString());
        Assert.Equal(8, fast.Checked);
    }

    [Fact]
    public void A_broken_float_backward_pass_is_caught_and_the_wrong_element_named()
    {
        var report = GradientCheck.Backward(Layer, 3, LayerBackward(brokenColumn: 2), LayerPoint);
        Assert.False(report.Passed);
        Assert.Equal(1, report.Failures);
        Assert.Equal((1, 2), (report.Worst[0].Row, report.Worst[0].Column));
        Assert.False(GradientCheck.Backward(Layer, 3, LayerBackward(brokenColumn: 2), LayerPoint, GradientCheckOptions.Float with { Directions = 8 }).Passed);
    }

    [Fact]
    public void A_float_activation_backward_off_by_2_percent_at_one_element_is_named()
    {
        var x = Points(12, 4, 3f);
        var report = GradientCheck.Backward((p, y) => Activation.Tanh.Apply(p, y), x.Length, (p, g, dx) =>
        {
            Activation.Tanh.Backward(p, g, dx);
            dx[7] *= 1.02f;
        }, x);
        Assert.False(report.Passed);
        Assert.Equal(1, report.Failures);
        Assert.Equal((7, 7), (report.Worst[0].Row, report.Worst[0].Column));
    }

    [Fact]
    public void The_double_tolerances_reject_a_correct_float_gradient()
    {
        var report = GradientCheck.Gradient(WeightedSoftplus, WeightedSoftplusGradient, Points(16, 3, 6f), GradientCheckOptions.Default);
        Assert.False(report.Passed);
    }

    [Fact]
    public void Single_precision_steps_serve_double_delegates_that_compute_in_float()
    {
        // a double-typed function whose arithmetic is float, as in a float network behind a double API
        ScalarFunction f = p => MathF.Sin((float)p[0]) * (float)p[1];
        AnalyticGradient g = (p, grad) => { grad[0] = MathF.Cos((float)p[0]) * (float)p[1]; grad[1] = MathF.Sin((float)p[0]); };
        double[] x = [0.7, -1.3];
        Assert.True(GradientCheck.Gradient(f, g, x, GradientCheckOptions.Float).Passed);
        // The double defaults' steps drown in float rounding, but entries that fail are taken again
        // adaptively, from steps long enough to see past it: the correct gradient is not failed.
        Assert.True(GradientCheck.Gradient(f, g, x).Passed);
        g = (p, grad) => { grad[0] = MathF.Cos((float)p[0]) * (float)p[1] * 1.001f; grad[1] = MathF.Sin((float)p[0]); };
        Assert.False(GradientCheck.Gradient(f, g, x).Passed);
    }

    public static TheoryData<int?> Modes => new() { null, 3 };

    /// <summary>f(x) = (x₀², x₀x₁) with y[1] never written: the buffer f writes into is NaN before
    /// each call, so the unwritten output is NaN, not 0, and a Jacobian whose row 1 is wrongly 0
    /// fails instead of agreeing with an unwritten 0.</summary>
    [Theory]
    [MemberData(nameof(Modes))]
    public void A_float_function_that_leaves_an_output_unwritten_fails(int? directions)
    {
        FloatVectorFunction lazy = (x, y) => y[0] = x[0] * x[0];
        FloatAnalyticJacobian rowOneZero = (x, j) => { j[0] = 2 * x[0]; j[1] = 0; j[2] = 0; j[3] = 0; };
        var report = GradientCheck.Jacobian(lazy, 2, rowOneZero, [1.5f, -0.5f], GradientCheckOptions.Float with { Directions = directions });
        Assert.False(report.Passed, report.ToString());
    }

    /// <summary>f(x) = x₀², whose ∂f/∂x₁ is 0: a gradient that never writes g[1] (or a backward pass
    /// that never writes dx[1]) fails, since an unwritten entry is NaN, not a 0 that happens to be right.</summary>
    [Theory]
    [MemberData(nameof(Modes))]
    public void A_float_gradient_or_backward_pass_that_leaves_an_entry_unwritten_fails(int? directions)
    {
        var options = GradientCheckOptions.Float with { Directions = directions };
        float[] x = [1.5f, -0.5f];
        var gradient = GradientCheck.Gradient(p => p[0] * p[0], (p, g) => g[0] = 2 * p[0], x, options);
        var backward = GradientCheck.Backward((p, y) => y[0] = p[0] * p[0], 1, (p, up, dx) => dx[0] = 2 * p[0] * up[0], x, options);
        Assert.False(gradient.Passed, gradient.ToString());
        Assert.False(backward.Passed, backward.ToString());
    }

    [Fact]
    public void Null_delegates_and_bad_options_are_named()
    {
        Assert.Equal("f", Assert.Throws<ArgumentNullException>(() => GradientCheck.Gradient(null!, WeightedSoftplusGradient, [1f])).ParamName);
        Assert.Equal("backward", Assert.Throws<ArgumentNullException>(() => GradientCheck.Backward(Layer, 3, null!, LayerPoint)).ParamName);
        Assert.Equal("outputs", Assert.Throws<ArgumentOutOfRangeException>(() => GradientCheck.Backward(Layer, 0, LayerBackward(), LayerPoint)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() =>
            GradientCheck.Backward(Layer, 3, LayerBackward(), LayerPoint, GradientCheckOptions.Float with { RelativeTolerance = -1 })).ParamName);
    }
}
