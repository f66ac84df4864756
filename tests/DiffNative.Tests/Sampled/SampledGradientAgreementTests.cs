using DiffNative.Tests.Support;

namespace DiffNative.Tests.Sampled;

/// <summary>Every native path gives exactly the managed reference's bits, on every length.</summary>
public class SampledGradientAgreementTests
{
    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void Native_paths_are_bit_identical_to_the_managed_reference_on_every_length(Backend backend)
    {
        foreach (var n in Backends.SweepLengths())
        {
            if (n is 1 or 2) continue;
            var samples = RandomSamples.Create(n, seed: n);
            var spacing = n % 2 == 0 ? 0.1 : 3.7e-3;
            var expected = new double[n];
            var actual = new double[n];
            SampledDerivative.Gradient(samples, spacing, expected, Backend.Managed);
            SampledDerivative.Gradient(samples, spacing, actual, backend);
            for (var i = 0; i < n; i++)
            {
                if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
                    Assert.Fail($"{backend}, n={n}, i={i}: {actual[i]:R} differs from the reference's {expected[i]:R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void Special_values_propagate_identically(Backend backend)
    {
        double[] samples = [1.0, double.NaN, 3.0, double.PositiveInfinity, 5.0, -0.0, 0.0, double.Epsilon, double.MaxValue, -double.MaxValue, 2.0];
        var expected = SampledDerivative.Gradient(samples, 0.5, Backend.Managed);
        var actual = SampledDerivative.Gradient(samples, 0.5, backend);
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
    }
}
