using System.Numerics;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.Functions;

/// <summary>A scalar derivative allocates nothing once warm, for a real delegate and for a complex
/// one on the real axis, with every method; the caller's delegate is made once.</summary>
public class ScalarAllocationTests
{
    private static readonly Func<double, double> Real = x => Math.Exp(x) * Math.Sin(3 * x);
    private static readonly Func<Complex, Complex> OverComplex = z => Complex.Exp(z) * Complex.Sin(3 * z);

    public static TheoryData<DerivativeMethod, int> Cases => new()
    {
        { DerivativeMethod.Central, 1 }, { DerivativeMethod.Central, 3 }, { DerivativeMethod.Forward, 1 },
        { DerivativeMethod.Backward, 2 }, { DerivativeMethod.Adaptive, 1 }, { DerivativeMethod.Adaptive, 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Real_and_complex_delegates_allocate_nothing(DerivativeMethod method, int order)
    {
        var options = new DerivativeOptions { Method = method, Order = order };
        Assert.Equal(0, Allocations.SteadyState(() => Differentiate.Derivative(Real, 0.7, options)));
        Assert.Equal(0, Allocations.SteadyState(() => Differentiate.Derivative(OverComplex, 0.7, options)));
    }

    [Fact]
    public void The_complex_step_allocates_nothing()
    {
        var options = new DerivativeOptions { Method = DerivativeMethod.Complex };
        Assert.Equal(0, Allocations.SteadyState(() => Differentiate.Derivative(OverComplex, 0.7, options)));
    }
}
