using DiffNative.Tests.Support;

namespace DiffNative.Tests.MachineLearning;

/// <summary>Finite, correct results across the double range on every backend; NaN in, NaN out.</summary>
public class ActivationStabilityTests
{
    private static (double Value, double Derivative) At(Activation activation, double x, Backend backend)
    {
        double[] v = new double[1], d = new double[1];
        activation.ApplyWithDerivative([x], v, d, backend);
        return (v[0], d[0]);
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Sigmoid_saturates_exactly_without_overflow(Backend backend)
    {
        Assert.Equal((0.0, 0.0), At(Activation.Sigmoid, -1000, backend));
        Assert.Equal((1.0, 0.0), At(Activation.Sigmoid, 1000, backend));
        Assert.Equal((0.5, 0.25), At(Activation.Sigmoid, 0, backend));
        Assert.Equal((0.0, 0.0), At(Activation.Sigmoid, double.NegativeInfinity, backend));
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Softplus_is_x_for_large_x_and_keeps_tiny_values(Backend backend)
    {
        Assert.Equal((1000.0, 1.0), At(Activation.Softplus, 1000, backend));
        Assert.Equal(double.PositiveInfinity, At(Activation.Softplus, double.PositiveInfinity, backend).Value);
        // softplus(-700) = log1p(e^-700) = 9.85967654375977e-305 (mpmath), not 0
        var tail = At(Activation.Softplus, -700, backend).Value;
        Assert.True(Ulps.Between(tail, 9.85967654375977e-305) <= 2, $"{tail:R}");
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Tanh_saturates_and_keeps_small_arguments(Backend backend)
    {
        Assert.Equal((1.0, 0.0), At(Activation.Tanh, 1000, backend));
        Assert.Equal((-1.0, 0.0), At(Activation.Tanh, double.NegativeInfinity, backend));
        Assert.Equal((1e-300, 1.0), At(Activation.Tanh, 1e-300, backend));
        Assert.True(double.IsNegative(At(Activation.Tanh, -0.0, backend).Value));
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Infinite_inputs_give_the_limits_not_nan(Backend backend)
    {
        foreach (var a in new[] { Activation.Silu, Activation.GeluTanh, Activation.Gelu })
        {
            Assert.Equal((double.PositiveInfinity, 1.0), At(a, double.PositiveInfinity, backend));
            Assert.Equal((0.0, 0.0), At(a, double.NegativeInfinity, backend));
        }
        Assert.Equal((-1.0, 0.0), At(Activation.Elu(1.0), double.NegativeInfinity, backend));
        Assert.Equal((double.PositiveInfinity, 1.0), At(Activation.Relu, double.PositiveInfinity, backend));
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Nan_gives_nan_for_value_and_derivative(Backend backend)
    {
        foreach (var kind in Enum.GetValues<ActivationKind>())
        {
            var (v, d) = At(new Activation(kind, 0.1), double.NaN, backend);
            Assert.True(double.IsNaN(v) && double.IsNaN(d), $"{kind}: {v}, {d}");
        }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Relu_family_follows_the_usual_conventions_at_zero(Backend backend)
    {
        Assert.Equal((0.0, 0.0), At(Activation.Relu, 0, backend));
        Assert.Equal((0.0, 0.2), At(Activation.LeakyRelu(0.2), 0, backend));
        Assert.Equal((-0.4, 0.2), At(Activation.LeakyRelu(0.2), -2, backend));
        Assert.Equal((0.0, 2.0), At(Activation.Elu(2.0), 0, backend));
    }
}
