namespace DiffNative.Tests.Properties;

/// <summary>Inputs the sampled-derivative properties found, written out so that they hold
/// whatever the generators become.</summary>
public class SampledDerivativeKeptCases
{
    [Fact]
    public void FieldGradientLeavesTheDestinationUntouchedWhenALaterAxisHasTooFewSamples() =>
        AssertRefusedUntouched([5, -1, -1, 0, 2.291e-23, -0.041666666666666664], [6, 1], [0.22967267963165253, 1.489795918367347], 4, "shape");

    [Fact]
    public void FieldGradientLeavesTheDestinationUntouchedWhenALaterAxisHasABadSpacing() =>
        AssertRefusedUntouched(Enumerable.Range(0, 16).Select(i => i * 0.5).ToArray(), [4, 4], [1.0, double.NaN], 2, "spacing");

    private static void AssertRefusedUntouched(double[] field, int[] shape, double[] spacing, int accuracy, string parameter)
    {
        foreach (var backend in Contract.AllBackends)
        {
            var destination = Contract.Sentinels(field.Length * shape.Length);
            var before = (double[])destination.Clone();
            var error = Assert.ThrowsAny<ArgumentException>(() => SampledDerivative.FieldGradient(field, shape, spacing, destination, accuracy, backend));
            Assert.Equal(parameter, error.ParamName);
            Support.Bits.AssertIdentical(before, destination, $"{backend}: destination after the refusal");
        }
    }

    /// <summary>Huge even spacing (2·spacing overflows) is refused alike on every backend; the
    /// managed path used to compute while the native one refused without a parameter name.</summary>
    [Fact]
    public void NumpyGradientOfHugeEqualSpacingAgreesOnEveryBackend()
    {
        double[] samples = [4, -8.062], coordinates = [67.67638098669721, 1e308];
        Contract.Check([samples, coordinates, Contract.Sentinels(2)], [new Region(0, 0, 2), new Region(1, 0, 2)], [new Region(2, 0, 2)],
            ["samples", "coordinates", "destination"],
            (a, b) => SampledDerivative.NumpyGradient(a[0], a[1], a[2], 1, b));
    }
}
