namespace DiffNative.Tests.MachineLearning;

/// <summary>The gradient checker passes correct derivatives, catches broken ones and names the
/// wrong element, in full and fast (directional) mode.</summary>
public class GradientCheckTests
{
    private static readonly double[] Point = [0.3, -1.2, 0.8, 0.1];

    // A small layer f(x) = tanh(W x), W 3×4; its Jacobian is diag(1 − y²) W.
    private static readonly double[,] W = { { 0.5, -1.0, 0.25, 2.0 }, { 1.5, 0.3, -0.7, 0.2 }, { -0.4, 0.9, 1.1, -0.6 } };

    private static void Layer(ReadOnlySpan<double> x, Span<double> y)
    {
        for (var k = 0; k < 3; k++)
        {
            var s = 0.0;
            for (var i = 0; i < 4; i++) s += W[k, i] * x[i];
            y[k] = Math.Tanh(s);
        }
    }

    /// <summary>dx = Wᵀ (g ⊙ (1 − y²)); <paramref name="brokenColumn"/> gets its sign flipped.</summary>
    private static BackwardPass LayerBackward(int brokenColumn = -1) => (x, g, dx) =>
    {
        Span<double> y = stackalloc double[3];
        Layer(x, y);
        for (var i = 0; i < 4; i++)
        {
            var sum = 0.0;
            for (var k = 0; k < 3; k++) sum += W[k, i] * g[k] * (1 - y[k] * y[k]);
            dx[i] = i == brokenColumn ? -sum : sum;
        }
    };

    [Fact]
    public void A_correct_gradient_passes()
    {
        var report = GradientCheck.Gradient(
            x => 100 * Math.Pow(x[1] - x[0] * x[0], 2) + Math.Pow(1 - x[0], 2),
            (x, g) => { g[0] = -400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]); g[1] = 200 * (x[1] - x[0] * x[0]); },
            [-1.2, 1.0]);
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(2, report.Checked);
        Assert.True(report.MaxRelativeError < 1e-8, report.ToString());
    }

    [Fact]
    public void A_correct_backward_pass_passes()
    {
        var report = GradientCheck.Backward(Layer, 3, LayerBackward(), Point);
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(12, report.Checked);
    }

    [Fact]
    public void A_broken_backward_pass_is_caught_and_the_wrong_element_named()
    {
        var report = GradientCheck.Backward(Layer, 3, LayerBackward(brokenColumn: 2), Point);
        Assert.False(report.Passed);
        Assert.Equal(3, report.Failures); // column 2 of every output row
        Assert.All(report.Worst.Take(3), e => Assert.Equal(2, e.Column));
        Assert.Equal(-report.Worst[0].Numeric, report.Worst[0].Analytic, 1e-9);
        Assert.Contains("[", report.ToString());
    }

    [Fact]
    public void A_wrong_jacobian_entry_is_named_by_row_and_column()
    {
        AnalyticJacobian jacobian = (x, j) =>
        {
            Span<double> y = stackalloc double[3];
            Layer(x, y);
            for (var k = 0; k < 3; k++)
                for (var i = 0; i < 4; i++)
                    j[k * 4 + i] = W[k, i] * (1 - y[k] * y[k]);
            j[1 * 4 + 3] *= 1.001; // 0.1 % off
        };
        var report = GradientCheck.Jacobian(Layer, 3, jacobian, Point);
        Assert.False(report.Passed);
        Assert.Equal(1, report.Failures);
        Assert.Equal((1, 3, 7), (report.Worst[0].Row, report.Worst[0].Column, report.Worst[0].Index));
        Assert.True(report.Worst[0].RelativeError is > 9e-4 and < 1.1e-3, report.ToString());
    }

    [Fact]
    public void The_fast_mode_passes_a_correct_backward_pass_with_few_evaluations()
    {
        var calls = 0;
        VectorFunction counted = (x, y) => { calls++; Layer(x, y); };
        var report = GradientCheck.Backward(counted, 3, LayerBackward(), Point, new GradientCheckOptions { Directions = 3 });
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(3, report.Checked);
        // a few evaluations per direction whatever n is; the full check needs several per input
        Assert.True(calls <= 3 * 7, $"{calls} evaluations");
    }

    [Fact]
    public void The_fast_mode_catches_a_broken_backward_pass()
    {
        var report = GradientCheck.Backward(Layer, 3, LayerBackward(brokenColumn: 1), Point, new GradientCheckOptions { Directions = 4 });
        Assert.False(report.Passed, report.ToString());
    }

    [Fact]
    public void A_nan_in_the_analytic_gradient_fails()
    {
        var report = GradientCheck.Gradient(x => x[0] * x[0], (x, g) => g[0] = double.NaN, [1.0]);
        Assert.False(report.Passed);
        Assert.Equal(double.PositiveInfinity, report.MaxAbsoluteError);
    }

    [Fact]
    public void Every_activation_backward_passes_the_check_on_every_backend()
    {
        double[] x = [-2.5, -0.7, 0.4, 1.3, 3.1]; // away from the kinks at 0
        foreach (var backend in Support.Backends.All().Select(b => (Backend)b[0]))
            foreach (var kind in Enum.GetValues<ActivationKind>())
            {
                var activation = new Activation(kind, 0.2);
                var report = GradientCheck.Backward((p, y) => activation.Apply(p, y, backend), x.Length,
                    (p, g, dx) => activation.Backward(p, g, dx, backend), x);
                Assert.True(report.Passed, $"{kind} on {backend}: {report}");
            }
    }

    [Fact]
    public void Softmax_backward_passes_the_check_on_every_backend()
    {
        double[] x = [0.3, -1.2, 2.0, 0.7, -0.1, 1.4];
        foreach (var backend in Support.Backends.All().Select(b => (Backend)b[0]))
        {
            var soft = GradientCheck.Backward((p, y) => Softmax.Apply(p, y, 3, backend), 6, (p, g, dx) =>
            {
                var y = new double[6];
                Softmax.Apply(p, y, 3, backend);
                Softmax.Backward(y, g, dx, 3, backend);
            }, x);
            Assert.True(soft.Passed, $"softmax on {backend}: {soft}");
            var log = GradientCheck.Backward((p, y) => Softmax.ApplyLog(p, y, 3, backend), 6, (p, g, dx) =>
            {
                var y = new double[6];
                Softmax.ApplyLog(p, y, 3, backend);
                Softmax.BackwardLog(y, g, dx, 3, backend);
            }, x);
            Assert.True(log.Passed, $"log-softmax on {backend}: {log}");
        }
    }

    /// <summary>The fast mode reuses one buffer for f's outputs: a function that writes y[1] only on
    /// its first call used to have that stale value differenced as a constant, so a Jacobian whose
    /// row 1 is wrongly 0 passed. Filled with NaN before each call, the unwritten output shows.</summary>
    [Fact]
    public void The_fast_mode_never_differences_an_output_the_function_left_unwritten()
    {
        var calls = 0;
        VectorFunction lazy = (x, y) =>
        {
            y[0] = x[0] * x[0];
            if (calls++ == 0) y[1] = x[0] * x[1];
        };
        AnalyticJacobian wrongRow = (x, j) => { j[0] = 2 * x[0]; j[1] = 0; j[2] = 0; j[3] = 0; };
        var report = GradientCheck.Jacobian(lazy, 2, wrongRow, [1.5, -0.5], new GradientCheckOptions { Directions = 3 });
        Assert.False(report.Passed, report.ToString());
    }

    /// <summary>f(x) = x₀², whose ∂f/∂x₁ is 0: a gradient that never writes g[1] fails in both
    /// modes, since the buffer it writes into is NaN before the call, not a 0 that happens to be right.</summary>
    [Theory]
    [InlineData(null)]
    [InlineData(3)]
    public void A_gradient_that_leaves_an_entry_unwritten_fails(int? directions)
    {
        var report = GradientCheck.Gradient(p => p[0] * p[0], (p, g) => g[0] = 2 * p[0], [1.5, -0.5],
            new GradientCheckOptions { Directions = directions });
        Assert.False(report.Passed, report.ToString());
    }
}
