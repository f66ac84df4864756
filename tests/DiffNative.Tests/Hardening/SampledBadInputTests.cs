using DiffNative.Tests.Support;

namespace DiffNative.Tests.Hardening;

/// <summary>docs/bad-input.md, sampled data: each bad argument to each entry point throws the
/// documented exception naming the parameter, on every backend, with the destination untouched
/// and the inputs unmodified.</summary>
public class SampledBadInputTests
{
    private const double Sentinel = -7.0;

    /// <summary>One row of the matrix: a call on the given inputs and destination.</summary>
    public sealed record Row(string Name, Type Exception, string Parameter, Action<Backend, double[], double[], double[]> Call)
    {
        public override string ToString() => Name;
    }

    private static readonly double[] Increasing = Enumerable.Range(0, 16).Select(i => 0.5 * i).ToArray();

    public static IEnumerable<Row> Rows()
    {
        var aoor = typeof(ArgumentOutOfRangeException);
        var arg = typeof(ArgumentException);
        // field: 16 samples (a 4 x 4 array or a 16-point line); x: 16 increasing coordinates.
        yield return new("AlongAxis: 9 dimensions", arg, "shape", (b, f, x, d) => SampledDerivative.AlongAxis(f, [1, 1, 1, 1, 1, 1, 1, 1, 16], 0, 1, d, 1, 2, b));
        yield return new("AlongAxis: no dimensions", arg, "shape", (b, f, x, d) => SampledDerivative.AlongAxis(f, [], 0, 1, d, 1, 2, b));
        yield return new("AlongAxis: negative dimension", arg, "shape", (b, f, x, d) => SampledDerivative.AlongAxis(f, [-4, -4], 0, 1, d, 1, 2, b));
        yield return new("AlongAxis: n·n larger than arrays allow", arg, "shape", (b, f, x, d) => SampledDerivative.AlongAxis(f, [int.MaxValue, int.MaxValue], 0, 1, d, 1, 2, b));
        yield return new("AlongAxis: field shorter than the shape", arg, "field", (b, f, x, d) => SampledDerivative.AlongAxis(f, [4, 5], 0, 1, d, 1, 2, b));
        yield return new("AlongAxis: axis out of range", aoor, "axis", (b, f, x, d) => SampledDerivative.AlongAxis(f, [4, 4], 2, 1, d, 1, 2, b));
        yield return new("AlongAxis: negative axis", aoor, "axis", (b, f, x, d) => SampledDerivative.AlongAxis(f, [4, 4], -1, 1, d, 1, 2, b));
        yield return new("AlongAxis: too few samples on the axis", arg, "shape", (b, f, x, d) => SampledDerivative.AlongAxis(f, [4, 4], 0, 1, d, 2, 8, b));
        yield return new("AlongAxis: NaN spacing", aoor, "spacing", (b, f, x, d) => SampledDerivative.AlongAxis(f, [4, 4], 0, double.NaN, d, 1, 2, b));
        yield return new("AlongAxis: spacing whose 4th power underflows", aoor, "spacing", (b, f, x, d) => SampledDerivative.AlongAxis(f, [16], 0, 1e-100, d, 4, 2, b));
        yield return new("AlongAxis: order 0", aoor, "order", (b, f, x, d) => SampledDerivative.AlongAxis(f, [16], 0, 1, d, 0, 2, b));
        yield return new("AlongAxis: accuracy 3", aoor, "accuracy", (b, f, x, d) => SampledDerivative.AlongAxis(f, [16], 0, 1, d, 1, 3, b));
        yield return new("AlongAxis: destination too short", arg, "destination", (b, f, x, d) => SampledDerivative.AlongAxis(f, [4, 4], 0, 1, d.AsSpan(0, 15), 1, 2, b));
        yield return new("AlongAxis: destination overlaps field", arg, "destination", (b, f, x, d) => SampledDerivative.AlongAxis(f.AsSpan(0, 8), [8], 0, 1, f.AsSpan(4, 8), 1, 2, b));
        yield return new("Laplacian: spacing per axis missing", arg, "spacing", (b, f, x, d) => SampledDerivative.Laplacian(f, [4, 4], [1.0], d, 2, b));
        yield return new("Laplacian: infinite spacing", aoor, "spacing", (b, f, x, d) => SampledDerivative.Laplacian(f, [4, 4], [1.0, double.PositiveInfinity], d, 2, b));
        yield return new("Laplacian: too few samples", arg, "shape", (b, f, x, d) => SampledDerivative.Laplacian(f, [4, 4], [1.0, 1.0], d, 6, b));
        yield return new("FieldGradient: destination holds one axis only", arg, "destination", (b, f, x, d) => SampledDerivative.FieldGradient(f, [4, 4], [1.0, 1.0], d, 2, b));
        yield return new("FieldGradient: spacing per axis missing", arg, "spacing", (b, f, x, d) => SampledDerivative.FieldGradient(f, [2, 4], [1.0, 1.0, 1.0], d, 2, b));
        yield return new("SecondPartial: axis B out of range", aoor, "axisB", (b, f, x, d) => SampledDerivative.SecondPartial(f, [4, 4], 0, 2, [1.0, 1.0], d, 2, b));
        yield return new("SecondPartial: axis A negative", aoor, "axisA", (b, f, x, d) => SampledDerivative.SecondPartial(f, [4, 4], -1, 1, [1.0, 1.0], d, 2, b));
        yield return new("NumpyGradient: edge order 3", aoor, "edgeOrder", (b, f, x, d) => SampledDerivative.NumpyGradient(f, 1, d, 3, b));
        yield return new("NumpyGradient: 2 samples at edge order 2", arg, "samples", (b, f, x, d) => SampledDerivative.NumpyGradient(f.AsSpan(0, 2), 1, d, 2, b));
        yield return new("NumpyGradient: zero spacing", aoor, "spacing", (b, f, x, d) => SampledDerivative.NumpyGradient(f, 0.0, d, 1, b));
        yield return new("NumpyGradient: spacing whose double overflows", aoor, "spacing", (b, f, x, d) => SampledDerivative.NumpyGradient(f, double.MaxValue, d, 1, b));
        yield return new("NumpyGradient(x): coordinates of another length", arg, "coordinates", (b, f, x, d) => SampledDerivative.NumpyGradient(f, x.AsSpan(0, 15), d, 1, b));
        yield return new("NumpyGradient(x): repeated coordinate", arg, "coordinates", (b, f, x, d) => SampledDerivative.NumpyGradient(f.AsSpan(0, 3), [0.0, 1.0, 1.0], d, 1, b));
        yield return new("NumpyGradient(x): NaN coordinate", arg, "coordinates", (b, f, x, d) => SampledDerivative.NumpyGradient(f.AsSpan(0, 3), [0.0, double.NaN, 1.0], d, 1, b));
        yield return new("NumpyGradient(x): destination overlaps coordinates", arg, "destination", (b, f, x, d) => SampledDerivative.NumpyGradient(f.AsSpan(0, 8), x.AsSpan(0, 8), x.AsSpan(4, 8), 1, b));
        yield return new("Derivative(x): unsorted coordinates", arg, "coordinates", (b, f, x, d) => SampledDerivative.Derivative(f.AsSpan(0, 4), [0.0, 2.0, 1.0, 3.0], d, 1, 2, b));
        yield return new("Derivative(x): too few samples", arg, "samples", (b, f, x, d) => SampledDerivative.Derivative(f.AsSpan(0, 5), x.AsSpan(0, 5), d, 4, 8, b));
        yield return new("Derivative(x): order 5", aoor, "order", (b, f, x, d) => SampledDerivative.Derivative(f, x, d, 5, 2, b));
        yield return new("Derivative(x): destination too short", arg, "destination", (b, f, x, d) => SampledDerivative.Derivative(f, x, d.AsSpan(0, 3), 1, 2, b));
    }

    public static IEnumerable<object[]> Cases() =>
        from row in Rows() from backend in Backends.All() select new object[] { row, backend[0] };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_throws_naming_the_parameter_and_touches_nothing(Row row, Backend backend)
    {
        var field = RandomSamples.Create(16, 3);
        var fieldBefore = field.ToArray();
        var x = Increasing.ToArray();
        var destination = Enumerable.Repeat(Sentinel, 16).ToArray();
        var e = Assert.Throws(row.Exception, () => row.Call(backend, field, x, destination));
        Assert.Equal(row.Parameter, ((ArgumentException)e).ParamName);
        Assert.All(destination, v => Assert.Equal(Sentinel, v));
        Assert.Equal(fieldBefore, field);
        Assert.Equal(Increasing, x);
    }
}
