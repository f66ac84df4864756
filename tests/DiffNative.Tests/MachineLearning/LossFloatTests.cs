using DiffNative.Tests.Support;

namespace DiffNative.Tests.MachineLearning;

/// <summary>The float losses: each loss and gradient is the double one on the widened inputs,
/// rounded once; their gradients pass the float gradient check; the stable forms stay exact in
/// float; bad arguments are named with the gradient untouched.</summary>
public class LossFloatTests
{
    public delegate float FloatLossCall(float[] p, float[] t, Span<float> g, LossReduction r);

    public delegate double DoubleLossCall(double[] p, double[] t, Span<double> g, LossReduction r);

    private const int Classes = 4;

    private static float[] Uniform(int n, int seed, double lo, double hi)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)(lo + (hi - lo) * random.NextDouble())).ToArray();
    }

    private static float[] OneHot(int rows, int seed)
    {
        var random = new Random(seed);
        var y = new float[rows * Classes];
        for (var r = 0; r < rows; r++) y[r * Classes + random.Next(Classes)] = 1f;
        return y;
    }

    private static float[] Probabilities(int rows, int seed)
    {
        var z = Uniform(rows * Classes, seed, -3, 3);
        var p = new float[z.Length];
        Softmax.Apply(z, p, Classes);
        return p;
    }

    // name → (float call, double call, predictions, targets)
    public static IEnumerable<object[]> Cases()
    {
        var pm = Uniform(24, 1, -3, 3);
        var tm = Uniform(24, 2, -3, 3);
        var logits = Uniform(24, 3, -8, 8);
        var bits = Uniform(24, 4, 0, 1).Select(v => v < 0.5f ? 0f : 1f).ToArray();
        var probs = Uniform(24, 5, 0.2, 0.8); // float-sized steps near 0 or 1 would swamp log(1 − p)'s curvature
        var signs = bits.Select(v => v * 2 - 1).ToArray();
        var rowsLogits = Uniform(6 * Classes, 6, -5, 5);
        var oneHot = OneHot(6, 7);
        var rowsProbs = Probabilities(6, 8);
        var target = Probabilities(6, 9);
        yield return ["mse", (FloatLossCall)((p, t, g, r) => Losses.MeanSquaredError(p, t, g, r)),
            (DoubleLossCall)((p, t, g, r) => Losses.MeanSquaredError(p, t, g, r)), pm, tm];
        yield return ["mae", (FloatLossCall)((p, t, g, r) => Losses.MeanAbsoluteError(p, t, g, r)),
            (DoubleLossCall)((p, t, g, r) => Losses.MeanAbsoluteError(p, t, g, r)), pm, tm];
        yield return ["huber", (FloatLossCall)((p, t, g, r) => Losses.Huber(p, t, g, 0.5, r)),
            (DoubleLossCall)((p, t, g, r) => Losses.Huber(p, t, g, 0.5, r)), pm, tm];
        yield return ["bce", (FloatLossCall)((p, t, g, r) => Losses.BinaryCrossEntropy(p, t, g, reduction: r)),
            (DoubleLossCall)((p, t, g, r) => Losses.BinaryCrossEntropy(p, t, g, reduction: r)), probs, bits];
        yield return ["bceLogits", (FloatLossCall)((p, t, g, r) => Losses.BinaryCrossEntropyWithLogits(p, t, g, r)),
            (DoubleLossCall)((p, t, g, r) => Losses.BinaryCrossEntropyWithLogits(p, t, g, r)), logits, bits];
        yield return ["cce", (FloatLossCall)((p, t, g, r) => Losses.CategoricalCrossEntropy(p, t, Classes, g, reduction: r)),
            (DoubleLossCall)((p, t, g, r) => Losses.CategoricalCrossEntropy(p, t, Classes, g, reduction: r)), rowsProbs, oneHot];
        yield return ["cceLogits", (FloatLossCall)((p, t, g, r) => Losses.CategoricalCrossEntropyWithLogits(p, t, Classes, g, r)),
            (DoubleLossCall)((p, t, g, r) => Losses.CategoricalCrossEntropyWithLogits(p, t, Classes, g, r)), rowsLogits, oneHot];
        yield return ["kl", (FloatLossCall)((p, t, g, r) => Losses.KlDivergence(p, t, Classes, g, r)),
            (DoubleLossCall)((p, t, g, r) => Losses.KlDivergence(p, t, Classes, g, r)), rowsProbs, target];
        yield return ["hinge", (FloatLossCall)((p, t, g, r) => Losses.Hinge(p, t, g, r)),
            (DoubleLossCall)((p, t, g, r) => Losses.Hinge(p, t, g, r)), pm, signs];
    }

    private static double[] Widen(float[] v) => v.Select(x => (double)x).ToArray();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loss_and_gradient_are_the_double_ones_rounded_once(string name, FloatLossCall f, DoubleLossCall d, float[] p, float[] t)
    {
        foreach (var reduction in new[] { LossReduction.Mean, LossReduction.Sum })
        {
            var g = new float[p.Length];
            var gd = new double[p.Length];
            var loss = f(p, t, g, reduction);
            var expected = d(Widen(p), Widen(t), gd, reduction);
            Assert.Equal(BitConverter.SingleToInt32Bits((float)expected), BitConverter.SingleToInt32Bits(loss));
            Assert.Equal(gd.Select(v => (float)v), g);
            Assert.Equal(loss, f(p, t, default, reduction)); // the loss alone, no gradient
            _ = name;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradients_pass_the_float_gradient_check(string name, FloatLossCall f, DoubleLossCall d, float[] p, float[] t)
    {
        _ = d;
        if (name is "mae" or "hinge" or "huber") // kinks: the check needs points away from them, which the smooth cases cover
            return;
        // Float-sized steps are ε_f^(1/5) ≈ 4 % of max(|x|, scale): probabilities near 0.01 need a
        // small typical scale, or the stencil would step below zero.
        var options = name is "bce" or "cce" or "kl"
            ? GradientCheckOptions.Float with { Differentiation = new DifferentiationOptions { Accuracy = 4, TypicalScales = Enumerable.Repeat(1e-3, p.Length).ToArray() } }
            : null;
        var report = GradientCheck.Gradient(x => f(x.ToArray(), t, default, LossReduction.Mean),
            (x, g) => f(x.ToArray(), t, g, LossReduction.Mean), p, options);
        Assert.True(report.Passed, $"{name}: {report}");
    }

    [Fact]
    public void The_stable_forms_are_exact_in_float()
    {
        Assert.Equal(2.5f, Losses.MeanSquaredError([1f, 2f], [0f, 0f]));
        var g = new float[2];
        Assert.Equal(1000f, Losses.BinaryCrossEntropyWithLogits([1000f], [0f], g.AsSpan(0, 1)));
        Assert.Equal(1f, g[0]);
        Assert.Equal(1000f, Losses.CategoricalCrossEntropyWithLogits([1000f, 0f], [0f, 1f], 2, g));
        Assert.Equal([1f, -1f], g);
    }

    [Fact]
    public void Bad_arguments_are_named_and_the_gradient_untouched()
    {
        var g = new float[] { 7f, 7f };
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => Losses.MeanSquaredError([1f, 2f], [1f], g)).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => Losses.MeanSquaredError([1f, 2f], [1f, 2f], g.AsSpan(0, 1))).ParamName);
        var shared = new float[] { 1f, 2f, 3f };
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => Losses.MeanSquaredError(shared.AsSpan(0, 2), [0f, 0f], shared.AsSpan(1, 2))).ParamName);
        Assert.Equal("classes", Assert.Throws<ArgumentException>(() => Losses.CategoricalCrossEntropyWithLogits([1f, 2f], [0f, 1f], 3, g)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => Losses.BinaryCrossEntropy([0.5f, 0.5f], [0f, 1f], g, epsilon: 0.7)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => Losses.Hinge([0.5f, 0.5f], [0f, 1f], g)).ParamName);
        Assert.Equal([7f, 7f], g);
        Assert.Equal([1f, 2f, 3f], shared);
    }

    [Fact]
    public void Float_losses_allocate_nothing_in_steady_state()
    {
        var z = Uniform(64 * Classes, 1, -4, 4);
        var y = OneHot(64, 2);
        var g = new float[z.Length];
        Assert.Equal(0, Allocations.SteadyState(() =>
        {
            Losses.CategoricalCrossEntropyWithLogits(z, y, Classes, g);
            Losses.MeanSquaredError(z, y, g);
        }));
    }
}
