namespace DiffNative.Tests.Properties;

/// <summary>Inputs the machine-learning properties found, written out so that they hold whatever
/// the generators become.</summary>
public class MachineLearningKeptCases
{
    [Fact]
    public void HingeLeavesTheGradientUntouchedWhenALabelIsRefused()
    {
        var gradient = Contract.Sentinels(2);
        var before = (double[])gradient.Clone();
        var error = Assert.Throws<ArgumentException>(() => Losses.Hinge([0.5, 0.5], [-1.0, 0.0], gradient));
        Assert.Equal("labels", error.ParamName);
        Support.Bits.AssertIdentical(before, gradient, "gradient after the refusal");
    }
}
