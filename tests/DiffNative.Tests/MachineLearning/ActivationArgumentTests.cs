using DiffNative.Tests.Support;

namespace DiffNative.Tests.MachineLearning;

/// <summary>Bad arguments throw naming the parameter and leave the outputs untouched.</summary>
public class ActivationArgumentTests
{
    [Fact]
    public void A_short_destination_is_named()
    {
        var y = new[] { 7.0 };
        var e = Assert.Throws<ArgumentException>(() => Activation.Sigmoid.Apply([1.0, 2.0], y, Backend.Native));
        Assert.Equal("destination", e.ParamName);
        Assert.Equal(7.0, y[0]);
    }

    [Fact]
    public void A_partly_overlapping_destination_is_refused()
    {
        var buffer = new double[] { 1, 2, 3, 4 };
        var e = Assert.Throws<ArgumentException>(() => Activation.Tanh.Apply(buffer.AsSpan(0, 3), buffer.AsSpan(1, 3)));
        Assert.Equal("destination", e.ParamName);
        Assert.Equal([1.0, 2, 3, 4], buffer);
    }

    [Fact]
    public void Overlapping_value_and_derivative_are_refused()
    {
        var buffer = new double[4];
        var e = Assert.Throws<ArgumentException>(() => Activation.Tanh.ApplyWithDerivative([1.0, 2.0], buffer.AsSpan(0, 2), buffer.AsSpan(1, 2)));
        Assert.Equal("derivative", e.ParamName);
    }

    [Fact]
    public void A_non_finite_parameter_is_named()
    {
        Assert.Equal("slope", Assert.Throws<ArgumentOutOfRangeException>(() => Activation.LeakyRelu(double.NaN)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => Activation.Elu(double.PositiveInfinity)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Activation(ActivationKind.Elu, double.NaN).Apply([1.0], new double[1]));
    }

    [Fact]
    public void An_unknown_kind_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Activation((ActivationKind)42).Apply([1.0], new double[1], Backend.Native));
    }

    [Fact]
    public void Backward_needs_an_upstream_gradient_of_the_same_length()
    {
        var e = Assert.Throws<ArgumentException>(() => Activation.Relu.Backward([1.0, 2.0], [1.0], new double[2]));
        Assert.Equal("upstream", e.ParamName);
    }

    [Fact]
    public void Empty_input_is_fine_on_every_backend()
    {
        Activation.Sigmoid.Apply(ReadOnlySpan<double>.Empty, [], Backend.Native);
        Activation.Sigmoid.ApplyWithDerivative(ReadOnlySpan<double>.Empty, [], [], Backend.Managed);
    }

    [Fact]
    public void The_span_overloads_allocate_nothing()
    {
        var x = Enumerable.Range(0, 1000).Select(i => i * 0.01 - 5).ToArray();
        double[] v = new double[x.Length], d = new double[x.Length];
        foreach (var backend in new[] { Backend.Native, Backend.Managed })
        {
            void Run()
            {
                Activation.GeluTanh.ApplyWithDerivative(x, v, d, backend);
                Activation.Sigmoid.Apply(x, v, backend);
                Softmax.ApplyLog(x, v, 100, backend);
                Softmax.BackwardLog(v, x, d, 100, backend);
            }
            Assert.Equal(0, Allocations.SteadyState(Run));
        }
    }
}
