namespace DiffNative.Tests.MachineLearning;

/// <summary>The double activations: every native path gives the managed reference's bits, the
/// fused and in-place passes the separate ones', and the backward pass is upstream times the
/// derivative (<see cref="ActivationBackendTestsBase{T}"/>).</summary>
public class ActivationBackendTests : ActivationBackendTestsBase<double>
{
    private static readonly double[] DoubleSpecials =
        [0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1000, 1000, -745.5, 5e-324, -30, 1e-300, -20.5, 709.9];

    protected override double[] Specials => DoubleSpecials;
}
