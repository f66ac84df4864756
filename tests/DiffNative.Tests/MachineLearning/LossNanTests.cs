namespace DiffNative.Tests.MachineLearning;

/// <summary>NaN in gives NaN out for every loss, double and float: a NaN prediction or target at any
/// place makes the loss NaN and the gradient entry at that place NaN (a sign, a clamp, a margin test
/// or a skipped zero term must not read it as a finite value).</summary>
public class LossNanTests
{
    private const int Classes = 3;

    // Valid inputs for every loss (two rows of three classes, the second with no target, p = 0 to
    // reach the clamps); a NaN is planted in one place of the predictions or the targets.
    private static readonly double[] Probabilities = [0.2, 0.5, 0.3, 0.0, 0.6, 0.4];
    private static readonly double[] Targets = [0.0, 1.0, 0.0, 0.0, 0.0, 0.0];

    public delegate double Loss(double[] predictions, double[] targets, Span<double> gradient);

    public delegate float FloatLoss(float[] predictions, float[] targets, Span<float> gradient);

    private static readonly (string Name, Loss Loss, FloatLoss FloatLoss, bool NanTargets)[] Cases =
    [
        ("MeanSquaredError", (p, t, g) => Losses.MeanSquaredError(p, t, g), (p, t, g) => Losses.MeanSquaredError(p, t, g), true),
        ("MeanAbsoluteError", (p, t, g) => Losses.MeanAbsoluteError(p, t, g), (p, t, g) => Losses.MeanAbsoluteError(p, t, g), true),
        ("Huber", (p, t, g) => Losses.Huber(p, t, g, 0.1), (p, t, g) => Losses.Huber(p, t, g, 0.1), true),
        ("BinaryCrossEntropy", (p, t, g) => Losses.BinaryCrossEntropy(p, t, g), (p, t, g) => Losses.BinaryCrossEntropy(p, t, g), true),
        ("BinaryCrossEntropyWithLogits", (p, t, g) => Losses.BinaryCrossEntropyWithLogits(p, t, g),
            (p, t, g) => Losses.BinaryCrossEntropyWithLogits(p, t, g), true),
        ("CategoricalCrossEntropy", (p, t, g) => Losses.CategoricalCrossEntropy(p, t, Classes, g),
            (p, t, g) => Losses.CategoricalCrossEntropy(p, t, Classes, g), true),
        ("CategoricalCrossEntropyWithLogits", (p, t, g) => Losses.CategoricalCrossEntropyWithLogits(p, t, Classes, g),
            (p, t, g) => Losses.CategoricalCrossEntropyWithLogits(p, t, Classes, g), true),
        ("KlDivergence", (p, t, g) => Losses.KlDivergence(p, t, Classes, g), (p, t, g) => Losses.KlDivergence(p, t, Classes, g), true),
        // labels must be ±1 (a NaN label is refused), so only the scores get the NaN
        ("Hinge", (p, _, g) => Losses.Hinge(p, [1.0, -1, 1, -1, 1, -1], g), (p, _, g) => Losses.Hinge(p, [1f, -1, 1, -1, 1, -1], g), false),
    ];

    [Fact]
    public void A_nan_input_makes_the_loss_and_its_gradient_entry_nan()
    {
        foreach (var (name, loss, floatLoss, nanTargets) in Cases)
            foreach (var inTargets in nanTargets ? new[] { false, true } : [false])
                for (var i = 0; i < Probabilities.Length; i++)
                {
                    var p = (double[])Probabilities.Clone();
                    var t = (double[])Targets.Clone();
                    (inTargets ? t : p)[i] = double.NaN;
                    var g = new double[p.Length];
                    var value = loss(p, t, g);
                    var where = $"{name} with a NaN {(inTargets ? "target" : "prediction")} at {i}";
                    Assert.True(double.IsNaN(value), $"{where}: loss {value}");
                    Assert.True(double.IsNaN(g[i]), $"{where}: gradient entry {g[i]}");
                    var gf = new float[p.Length];
                    var valueF = floatLoss(p.Select(v => (float)v).ToArray(), t.Select(v => (float)v).ToArray(), gf);
                    Assert.True(float.IsNaN(valueF) && float.IsNaN(gf[i]), $"float {where}: loss {valueF}, gradient entry {gf[i]}");
                }
    }
}
