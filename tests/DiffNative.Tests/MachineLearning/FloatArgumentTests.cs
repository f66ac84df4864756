using DiffNative.Tests.Support;

namespace DiffNative.Tests.MachineLearning;

/// <summary>The float overloads refuse bad arguments as the double ones do: an exception naming the
/// parameter, outputs untouched, on every backend.</summary>
public class FloatArgumentTests
{
    public static IEnumerable<object[]> Backends() => Support.Backends.All();

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_short_destination_is_named_and_untouched(Backend backend)
    {
        var y = new[] { 7f };
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Activation.Sigmoid.Apply([1f, 2f], y, backend)).ParamName);
        Assert.Equal("derivative", Assert.Throws<ArgumentException>(() => Activation.Sigmoid.Derivative([1f, 2f], y, backend)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Softmax.Apply([1f, 2f], y, backend: backend)).ParamName);
        Assert.Equal(7f, y[0]);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Overlaps_are_refused(Backend backend)
    {
        var buffer = new float[] { 1, 2, 3, 4 };
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Activation.Tanh.Apply(buffer.AsSpan(0, 3), buffer.AsSpan(1, 3), backend)).ParamName);
        Assert.Equal("derivative", Assert.Throws<ArgumentException>(() =>
            Activation.Tanh.ApplyWithDerivative([1f, 2f], buffer.AsSpan(0, 2), buffer.AsSpan(1, 2), backend)).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() =>
            Activation.Tanh.Backward([1f, 2f], buffer.AsSpan(0, 2), buffer.AsSpan(1, 2), backend)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => Softmax.ApplyLog(buffer.AsSpan(0, 2), buffer.AsSpan(1, 2), backend: backend)).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() =>
            Softmax.Backward(buffer.AsSpan(0, 2), buffer.AsSpan(0, 2), buffer.AsSpan(1, 2), backend: backend)).ParamName);
        Assert.Equal([1f, 2f, 3f, 4f], buffer);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Mismatched_lengths_and_rows_are_named(Backend backend)
    {
        var g = new float[] { 5, 5 };
        Assert.Equal("upstream", Assert.Throws<ArgumentException>(() => Activation.Relu.Backward([1f, 2f], [1f], g, backend)).ParamName);
        Assert.Equal("upstream", Assert.Throws<ArgumentException>(() => Softmax.BackwardLog([0.5f, 0.5f], [1f], g, backend: backend)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Softmax.Apply([1f, 2f, 3f], new float[3], rowLength: 2, backend: backend)).ParamName);
        Assert.Equal("rowLength", Assert.Throws<ArgumentOutOfRangeException>(() => Softmax.Apply([1f], new float[1], rowLength: 0, backend: backend)).ParamName);
        Assert.Equal([5f, 5f], g);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_bad_kind_or_parameter_is_refused(Backend backend)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Activation((ActivationKind)42).Apply([1f], new float[1], backend));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Activation(ActivationKind.Elu, double.NaN).Derivative([1f], new float[1], backend));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Empty_input_is_fine(Backend backend)
    {
        Activation.Sigmoid.Apply(ReadOnlySpan<float>.Empty, [], backend);
        Activation.Sigmoid.Backward(ReadOnlySpan<float>.Empty, ReadOnlySpan<float>.Empty, [], backend);
        Softmax.Apply(ReadOnlySpan<float>.Empty, [], backend: backend);
    }

    [Fact]
    public void The_float_span_overloads_allocate_nothing()
    {
        var x = Enumerable.Range(0, 1000).Select(i => i * 0.01f - 5).ToArray();
        float[] v = new float[x.Length], d = new float[x.Length];
        foreach (var backend in new[] { Backend.Native, Backend.Managed })
        {
            Assert.Equal(0, Allocations.SteadyState(() =>
            {
                Activation.GeluTanh.ApplyWithDerivative(x, v, d, backend);
                Activation.GeluTanh.Backward(x, v, d, backend);
            }));
        }
    }
}
