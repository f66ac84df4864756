namespace DiffNative.Tests.MachineLearning;

/// <summary>Every loss's gradient, in both reductions, agrees with finite differences of the loss
/// itself (GradientCheck), at points away from kinks and clamps.</summary>
public class LossGradientCheckTests
{
    public delegate double Loss(ReadOnlySpan<double> predictions, Span<double> gradient, LossReduction reduction);

    private static readonly double[] Targets = [0.0, 1.0, 0.3, 1.0, 0.0, 0.6];
    private static readonly double[] OneHot = [0, 1, 0, 1, 0, 0];
    private static readonly double[] Distribution = [0.2, 0.5, 0.3, 0.6, 0.1, 0.3];
    private static readonly double[] Labels = [1, -1, 1, -1, 1, 1];

    public static IEnumerable<object[]> Cases()
    {
        var cases = new (string Name, Loss Loss, double[] At)[]
        {
            ("mse", (p, g, r) => Losses.MeanSquaredError(p, Targets, g, r), [0.3, -1.2, 2.0, 0.7, -0.1, 1.4]),
            ("mae", (p, g, r) => Losses.MeanAbsoluteError(p, Targets, g, r), [0.3, -1.2, 2.0, 0.7, -0.1, 1.4]),
            ("huber", /* δ = 0.9 keeps every residual off the kink at |r| = δ */ (p, g, r) => Losses.Huber(p, Targets, g, 0.9, r), [0.3, -1.2, 2.0, 0.7, -0.1, 1.4]),
            ("bce", (p, g, r) => Losses.BinaryCrossEntropy(p, Targets, g, Losses.DefaultEpsilon, r), [0.2, 0.7, 0.4, 0.9, 0.35, 0.5]),
            ("bce logits", (p, g, r) => Losses.BinaryCrossEntropyWithLogits(p, Targets, g, r), [0.3, -1.2, 2.0, 0.7, -0.1, 1.4]),
            ("cce", (p, g, r) => Losses.CategoricalCrossEntropy(p, OneHot, 3, g, Losses.DefaultEpsilon, r), [0.2, 0.5, 0.3, 0.6, 0.1, 0.3]),
            ("cce logits", (p, g, r) => Losses.CategoricalCrossEntropyWithLogits(p, OneHot, 3, g, r), [0.3, -1.2, 2.0, 0.7, -0.1, 1.4]),
            ("kl", (p, g, r) => Losses.KlDivergence(p, Distribution, 3, g, r), [0.25, 0.45, 0.3, 0.5, 0.2, 0.3]),
            ("hinge", (p, g, r) => Losses.Hinge(p, Labels, g, r), [0.3, -1.2, 2.0, 0.7, -0.1, 1.4]),
        };
        foreach (var (name, loss, at) in cases)
            foreach (var reduction in new[] { LossReduction.Mean, LossReduction.Sum })
                yield return [name, loss, at, reduction];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gradient_matches_finite_differences_of_the_loss(string name, Loss loss, double[] at, LossReduction reduction)
    {
        var report = GradientCheck.Gradient(p => loss(p, default, reduction), (p, g) => loss(p, g, reduction), at);
        Assert.True(report.Passed, $"{name} ({reduction}): {report}");
    }
}
