namespace DiffNative.Tests.MachineLearning;

/// <summary>Every loss against closed forms worked by hand, its stated reduction, and the stability
/// cases; the gradients against finite differences are in <see cref="LossGradientCheckTests"/>.</summary>
public class LossTests
{
    private const double Tolerance = 1e-15;

    [Fact]
    public void Mse_is_the_mean_and_its_gradient_carries_the_1_over_n()
    {
        var g = new double[3];
        var loss = Losses.MeanSquaredError([1.0, 2, 3], [0.0, 2, 5], g);
        Assert.Equal(5.0 / 3, loss, Tolerance);
        Assert.Equal([2.0 / 3, 0, -4.0 / 3], g);
    }

    [Fact]
    public void Sum_reduction_drops_the_1_over_n_from_loss_and_gradient()
    {
        var g = new double[3];
        Assert.Equal(5.0, Losses.MeanSquaredError([1.0, 2, 3], [0.0, 2, 5], g, LossReduction.Sum));
        Assert.Equal([2.0, 0, -4], g);
    }

    [Fact]
    public void Mae_gradient_is_the_sign_over_n_and_zero_at_a_tie()
    {
        var g = new double[3];
        Assert.Equal(4.0 / 3, Losses.MeanAbsoluteError([1.0, 2, 3], [0.0, 2, 6], g), Tolerance);
        Assert.Equal([1.0 / 3, 0, -1.0 / 3], g);
    }

    [Fact]
    public void Huber_is_quadratic_inside_delta_and_linear_beyond()
    {
        var g = new double[2];
        // r = 0.5: 0.125; r = -3 with δ = 1: 1·(3 − 0.5) = 2.5; mean 1.3125
        Assert.Equal(1.3125, Losses.Huber([0.5, -3.0], [0.0, 0.0], g), Tolerance);
        Assert.Equal([0.25, -0.5], g);
    }

    [Fact]
    public void Binary_cross_entropy_on_probabilities_matches_its_closed_form()
    {
        var g = new double[2];
        var loss = Losses.BinaryCrossEntropy([0.8, 0.25], [1.0, 0.0], g);
        Assert.Equal(-(Math.Log(0.8) + Math.Log(0.75)) / 2, loss, Tolerance);
        Assert.Equal(-1 / 0.8 / 2, g[0], Tolerance);
        Assert.Equal(1 / 0.75 / 2, g[1], Tolerance);
    }

    [Fact]
    public void Binary_cross_entropy_clamps_certain_wrong_probabilities_to_a_finite_loss()
    {
        var g = new double[2];
        var loss = Losses.BinaryCrossEntropy([0.0, 1.0], [1.0, 0.0], g);
        // −log ε for p = 0; 1 − (1 − ε) rounds to 1.0000889e-12, so the second term is 9e-5 smaller
        Assert.Equal(-Math.Log(1e-12), loss, 1e-4);
        Assert.True(double.IsFinite(loss));
        Assert.Equal([0.0, 0.0], g); // the clamped loss is flat there
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_is_stable_at_1000()
    {
        var g = new double[2];
        Assert.Equal(1000.0, Losses.BinaryCrossEntropyWithLogits([1000.0, -1000.0], [0.0, 1.0], g));
        Assert.Equal([0.5, -0.5], g);
        Assert.Equal(0.0, Losses.BinaryCrossEntropyWithLogits([1000.0, -1000.0], [1.0, 0.0]));
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_equals_the_probability_form_at_the_sigmoid()
    {
        double[] z = [-2.0, 0.3, 1.7];
        double[] y = [0.0, 1.0, 0.4];
        var p = z.Select(v => 1 / (1 + Math.Exp(-v))).ToArray();
        Assert.Equal(Losses.BinaryCrossEntropy(p, y), Losses.BinaryCrossEntropyWithLogits(z, y), 1e-14);
    }

    [Fact]
    public void Categorical_cross_entropy_with_logits_has_the_fused_gradient_p_minus_y()
    {
        double[] z = [1.0, 2.0, 0.5, -1.0, 0.0, 3.0];
        double[] y = [0, 1, 0, 1, 0, 0];
        var g = new double[6];
        var loss = Losses.CategoricalCrossEntropyWithLogits(z, y, classes: 3, g);
        var p = new double[6];
        Softmax.Apply(z, p, rowLength: 3);
        Assert.Equal(-(Math.Log(p[1]) + Math.Log(p[3])) / 2, loss, 1e-15);
        for (var i = 0; i < 6; i++) Assert.Equal((p[i] - y[i]) / 2, g[i], 1e-16);
    }

    [Fact]
    public void Categorical_cross_entropy_with_logits_is_exact_at_1000()
    {
        Assert.Equal(1000.0, Losses.CategoricalCrossEntropyWithLogits([1000.0, 0.0], [0.0, 1.0], classes: 2));
        Assert.Equal(0.0, Losses.CategoricalCrossEntropyWithLogits([1000.0, 0.0], [1.0, 0.0], classes: 2));
    }

    [Fact]
    public void Categorical_cross_entropy_with_logits_takes_an_infinite_logit_as_softmax_does()
    {
        // log-softmax [+∞, 0] = [0, −∞] and softmax [1, 0]: the gradient p − y
        var g = new double[2];
        Assert.Equal(0.0, Losses.CategoricalCrossEntropyWithLogits([double.PositiveInfinity, 0.0], [1.0, 0.0], classes: 2, g));
        Assert.Equal([0.0, 0.0], g);
        Assert.Equal(double.PositiveInfinity, Losses.CategoricalCrossEntropyWithLogits([double.PositiveInfinity, 0.0], [0.0, 1.0], classes: 2, g));
        Assert.Equal([1.0, -1.0], g);
    }

    [Fact]
    public void Categorical_cross_entropy_on_probabilities_matches_its_closed_form()
    {
        var g = new double[3];
        var loss = Losses.CategoricalCrossEntropy([0.2, 0.5, 0.3], [0.0, 1.0, 0.0], classes: 3, g);
        Assert.Equal(-Math.Log(0.5), loss, Tolerance);
        Assert.Equal([0.0, -2.0, 0.0], g);
        Assert.Equal(-Math.Log(1e-12), Losses.CategoricalCrossEntropy([1.0, 0.0], [0.0, 1.0], 2), 1e-12);
    }

    [Fact]
    public void Kl_divergence_matches_its_closed_form_and_is_zero_for_equal_distributions()
    {
        var g = new double[2];
        var kl = Losses.KlDivergence([0.25, 0.75], [0.5, 0.5], classes: 2, g);
        Assert.Equal(0.5 * Math.Log(2) + 0.5 * Math.Log(2.0 / 3), kl, Tolerance);
        Assert.Equal([-2.0, -2.0 / 3], g);
        Assert.Equal(0.0, Losses.KlDivergence([0.3, 0.7], [0.3, 0.7], 2));
    }

    [Fact]
    public void Hinge_counts_only_violated_margins()
    {
        var g = new double[3];
        // margins: 1 − 2 = −1 (0), 1 − (−1)(0.5) = 1.5, 1 − 0.2 = 0.8
        Assert.Equal((1.5 + 0.8) / 3, Losses.Hinge([2.0, 0.5, 0.2], [1.0, -1.0, 1.0], g), Tolerance);
        Assert.Equal([0.0, 1.0 / 3, -1.0 / 3], g);
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => Losses.MeanSquaredError([1.0, 2], [1.0])).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => Losses.MeanSquaredError([1.0, 2], [1.0, 2], new double[1])).ParamName);
        Assert.Equal("classes", Assert.Throws<ArgumentException>(() => Losses.CategoricalCrossEntropyWithLogits([1.0, 2, 3], [1.0, 0, 0], 2)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => Losses.BinaryCrossEntropy([0.5], [1.0], default, 0.0)).ParamName);
        Assert.Equal("delta", Assert.Throws<ArgumentOutOfRangeException>(() => Losses.Huber([0.5], [1.0], default, -1)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => Losses.Hinge([0.5], [0.0])).ParamName);
    }
}
