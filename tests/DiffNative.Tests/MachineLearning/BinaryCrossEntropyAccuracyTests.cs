using DiffNative.Tests.Support;

namespace DiffNative.Tests.MachineLearning;

/// <summary>Binary cross-entropy, on logits and on probabilities, against mpmath (1200 digits) where
/// a naive form cancels: y = 1 with a large logit, y = 0 with a tiny probability, and the clamp's
/// boundaries.</summary>
public class BinaryCrossEntropyAccuracyTests
{
    // mpmath: loss = max(z, 0) − y·z + log1p(e^−|z|), gradient 1/(1 + e^−z) − y, at the doubles z and y.
    private static readonly (double Z, double Y, double Loss, double Gradient)[] LogitCases =
    [
        (30, 1, 9.357622968839737e-14, -9.357622968839299e-14),
        (36, 1, 2.319522830243569e-16, -2.3195228302435686e-16),
        (40, 1, 4.248354255291589e-18, -4.248354255291589e-18),
        (20, 1, 2.061153620314381e-09, -2.0611536181902037e-09),
        (100, 1, 3.720075976020836e-44, -3.720075976020836e-44),
        (700, 1, 9.85967654375977e-305, -9.85967654375977e-305),
        (745, 1, 5e-324, -5e-324),
        (3.5, 1, 0.029750418272620566, -0.02931223075135632),
        (-36, 0, 2.319522830243569e-16, 2.3195228302435686e-16),
        (30, 0.3, 21.000000000000092, 0.6999999999999065),
        (-30, 1, 30.000000000000092, -0.9999999999999064),
    ];

    [Fact]
    public void With_logits_is_within_4_ulp_of_mpmath()
    {
        var g = new double[1];
        foreach (var (z, y, loss, gradient) in LogitCases)
        {
            var actual = Losses.BinaryCrossEntropyWithLogits([z], [y], g);
            Assert.True(Ulps.Between(actual, loss) <= 4, $"z = {z}, y = {y}: loss {actual:R}, mpmath {loss:R}");
            Assert.True(Ulps.Between(g[0], gradient) <= 4, $"z = {z}, y = {y}: gradient {g[0]:R}, mpmath {gradient:R}");
        }
    }

    [Theory]
    [InlineData(30f, 9.357622968839737e-14, -9.357622968839299e-14)]
    [InlineData(36f, 2.319522830243569e-16, -2.3195228302435686e-16)]
    [InlineData(40f, 4.248354255291589e-18, -4.248354255291589e-18)]
    public void Float_with_logits_is_within_1_ulp_of_mpmath(float z, double loss, double gradient)
    {
        var g = new float[1];
        var actual = Losses.BinaryCrossEntropyWithLogits([z], [1f], g);
        Assert.True(Ulps.Between(actual, (float)loss) <= 1, $"z = {z}: loss {actual:R}, mpmath {loss:R}");
        Assert.True(Ulps.Between(g[0], (float)gradient) <= 1, $"z = {z}: gradient {g[0]:R}, mpmath {gradient:R}");
    }

    [Fact]
    public void With_logits_gives_the_limits_at_infinite_logits()
    {
        double[] z = [double.PositiveInfinity, double.PositiveInfinity, double.NegativeInfinity, double.NegativeInfinity];
        double[] y = [1.0, 0.0, 0.0, 1.0];
        var g = new double[4];
        // log1p(e^−z) → 0 and (1 − y)·z → ∞: a certain right answer costs 0, a certain wrong one ∞
        Assert.Equal(0.0, Losses.BinaryCrossEntropyWithLogits(z[..1], y[..1], g.AsSpan(0, 1)));
        Assert.Equal(0.0, Losses.BinaryCrossEntropyWithLogits(z[2..3], y[2..3], g.AsSpan(2, 1)));
        Assert.Equal(double.PositiveInfinity, Losses.BinaryCrossEntropyWithLogits(z[1..2], y[1..2], g.AsSpan(1, 1)));
        Assert.Equal(double.PositiveInfinity, Losses.BinaryCrossEntropyWithLogits(z[3..], y[3..], g.AsSpan(3, 1)));
        Assert.Equal([0.0, 1.0, 0.0, -1.0], g); // sigmoid(±∞) − y
    }

    // mpmath: −log1p(−p), and the gradient p/(p(1 − p)) = 1/(1 − p), at the double p.
    private static readonly (double P, double Loss, double Gradient)[] LabelZeroCases =
    [
        (1e-20, 1e-20, 1.0),
        (1e-10, 1.00000000005e-10, 1.0000000001),
        (1e-05, 1.0000050000333337e-05, 1.000010000100001),
        (0.1, 0.10536051565782631, 1.1111111111111112),
        (0.3, 0.35667494393873234, 1.4285714285714286),
        (0.7, 1.203972804325936, 3.333333333333333),
    ];

    [Fact]
    public void On_probabilities_with_label_0_is_within_4_ulp_of_mpmath()
    {
        var g = new double[1];
        foreach (var (p, loss, gradient) in LabelZeroCases)
        {
            var actual = Losses.BinaryCrossEntropy([p], [0.0], g, epsilon: 1e-300);
            Assert.True(Ulps.Between(actual, loss) <= 4, $"p = {p}: loss {actual:R}, mpmath {loss:R}");
            Assert.True(Ulps.Between(g[0], gradient) <= 4, $"p = {p}: gradient {g[0]:R}, mpmath {gradient:R}");
        }
    }

    [Fact]
    public void Float_on_probabilities_keeps_a_tiny_probability()
    {
        // −log1p(−p) = p(1 + p/2 + …) rounds to p itself in float
        Assert.Equal(1e-20f, Losses.BinaryCrossEntropy([1e-20f], [0f], epsilon: 1e-300));
    }

    // At the default ε = 1e-12, with 1 − ε = 0.999999999999 (rounded; 1 − that is exact):
    // mpmath −log1p(−ε) = 1.0000000000005e-12, −log ε = 27.631021115928547,
    // −log(0.999999999999) = 9.999778782803785e-13, −log1p(−0.999999999999) = 27.63104323789336;
    // the gradient is 0 where the clamp is active, else (p − y)/(p(1 − p)).
    private static readonly (double P, double Y, double Loss, double Gradient)[] ClampCases =
    [
        (0.0, 0.0, 1.0000000000005e-12, 0.0),
        (1e-12, 0.0, 1.0000000000005e-12, 1.000000000001),
        (-1.0, 0.0, 1.0000000000005e-12, 0.0),
        (0.0, 1.0, 27.631021115928547, 0.0),
        (1.0, 1.0, 9.999778782803785e-13, 0.0),
        (0.999999999999, 1.0, 9.999778782803785e-13, -1.000000000001),
        (2.0, 1.0, 9.999778782803785e-13, 0.0),
        (1.0, 0.0, 27.63104323789336, 0.0),
    ];

    [Fact]
    public void On_probabilities_at_the_clamp_boundaries_is_within_4_ulp_of_mpmath()
    {
        var g = new double[1];
        foreach (var (p, y, loss, gradient) in ClampCases)
        {
            var actual = Losses.BinaryCrossEntropy([p], [y], g);
            Assert.True(Ulps.Between(actual, loss) <= 4, $"p = {p}, y = {y}: loss {actual:R}, mpmath {loss:R}");
            Assert.True(Ulps.Between(g[0], gradient) <= 4, $"p = {p}, y = {y}: gradient {g[0]:R}, expected {gradient:R}");
        }
    }
}
