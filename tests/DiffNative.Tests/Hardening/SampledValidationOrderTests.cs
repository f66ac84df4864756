using DiffNative.Tests.Support;

namespace DiffNative.Tests.Hardening;

/// <summary>Every public entry point of sampled data and stencil weights checks every argument
/// before it writes anything: each row has one bad argument, and the call must throw naming it
/// while every buffer (destination, field, coordinates, and a field carved out of the
/// destination) keeps its bits. The destinations are larger than one axis, so an entry point that
/// writes axis by axis and only then meets the bad argument is caught.</summary>
public class SampledValidationOrderTests
{
    private const double Sentinel = -7.0;

    /// <summary>The buffers a row may use: a 120-value field (a 6 × 10 or 20 × 3 array, or a
    /// line), 64 increasing coordinates, and a 240-value destination filled with a sentinel.</summary>
    public sealed class Buffers
    {
        public double[] Field { get; } = RandomSamples.Create(120, 11);
        public double[] X { get; } = Enumerable.Range(0, 64).Select(i => 0.25 * i + 0.01 * (i % 3)).ToArray();
        public double[] Destination { get; } = Enumerable.Repeat(Sentinel, 240).ToArray();
    }

    public sealed record Row(string Name, Type Exception, string Parameter, Action<Backend, Buffers> Call)
    {
        public override string ToString() => Name;
    }

    private static readonly Type Aoor = typeof(ArgumentOutOfRangeException);
    private static readonly Type Arg = typeof(ArgumentException);

    private static Row R(string name, Type exception, string parameter, Action<Backend, Buffers> call) => new(name, exception, parameter, call);

    private static IEnumerable<Row> GradientRows()
    {
        yield return R("Gradient: 2 samples", Arg, "samples", (b, m) => SampledDerivative.Gradient(m.Field.AsSpan(0, 2), 1.0, m.Destination, b));
        foreach (var h in new[] { double.NaN, 0.0, -0.0, -1.0, double.PositiveInfinity, double.MaxValue })
            yield return R($"Gradient: spacing {h}", Aoor, "spacing", (b, m) => SampledDerivative.Gradient(m.Field, h, m.Destination, b));
        yield return R("Gradient: short destination", Arg, "destination", (b, m) => SampledDerivative.Gradient(m.Field, 1.0, m.Destination.AsSpan(0, 119), b));
        yield return R("Gradient: destination over the samples", Arg, "destination", (b, m) => SampledDerivative.Gradient(m.Destination.AsSpan(0, 60), 1.0, m.Destination.AsSpan(30, 60), b));
        yield return R("Gradient (array): 1 sample", Arg, "samples", (b, m) => SampledDerivative.Gradient(m.Field.AsSpan(0, 1), 1.0, b));
        yield return R("Gradient (array): zero spacing", Aoor, "spacing", (b, m) => SampledDerivative.Gradient(m.Field, 0.0, b));
    }

    private static IEnumerable<Row> DerivativeRows()
    {
        yield return R("Derivative: 2 samples at order 1", Arg, "samples", (b, m) => SampledDerivative.Derivative(m.Field.AsSpan(0, 2), 1.0, m.Destination, 1, 2, b));
        yield return R("Derivative: 11 samples at order 4, accuracy 8", Arg, "samples", (b, m) => SampledDerivative.Derivative(m.Field.AsSpan(0, 11), 1.0, m.Destination, 4, 8, b));
        yield return R("Derivative: order 0", Aoor, "order", (b, m) => SampledDerivative.Derivative(m.Field, 1.0, m.Destination, 0, 2, b));
        yield return R("Derivative: order 5", Aoor, "order", (b, m) => SampledDerivative.Derivative(m.Field, 1.0, m.Destination, 5, 2, b));
        yield return R("Derivative: accuracy 3", Aoor, "accuracy", (b, m) => SampledDerivative.Derivative(m.Field, 1.0, m.Destination, 1, 3, b));
        foreach (var h in new[] { double.NaN, 0.0, -1.0, double.NegativeInfinity })
            yield return R($"Derivative: spacing {h}", Aoor, "spacing", (b, m) => SampledDerivative.Derivative(m.Field, h, m.Destination, 1, 2, b));
        yield return R("Derivative: spacing whose 4th power underflows", Aoor, "spacing", (b, m) => SampledDerivative.Derivative(m.Field, 1e-100, m.Destination, 4, 2, b));
        yield return R("Derivative: short destination", Arg, "destination", (b, m) => SampledDerivative.Derivative(m.Field, 1.0, m.Destination.AsSpan(0, 119), 1, 2, b));
        yield return R("Derivative: destination over the samples", Arg, "destination", (b, m) => SampledDerivative.Derivative(m.Destination.AsSpan(0, 60), 1.0, m.Destination.AsSpan(59, 60), 1, 2, b));
    }

    private static IEnumerable<Row> AlongAxisRows()
    {
        yield return R("AlongAxis: no dimensions", Arg, "shape", (b, m) => SampledDerivative.AlongAxis(m.Field, [], 0, 1.0, m.Destination, 1, 2, b));
        yield return R("AlongAxis: 9 dimensions", Arg, "shape", (b, m) => SampledDerivative.AlongAxis(m.Field, [1, 1, 1, 1, 1, 1, 1, 6, 10], 0, 1.0, m.Destination, 1, 2, b));
        yield return R("AlongAxis: negative dimension", Arg, "shape", (b, m) => SampledDerivative.AlongAxis(m.Field, [6, -10], 0, 1.0, m.Destination, 1, 2, b));
        yield return R("AlongAxis: more values than arrays hold", Arg, "shape", (b, m) => SampledDerivative.AlongAxis(m.Field, [int.MaxValue, 2], 0, 1.0, m.Destination, 1, 2, b));
        yield return R("AlongAxis: field shorter than the shape", Arg, "field", (b, m) => SampledDerivative.AlongAxis(m.Field.AsSpan(0, 59), [6, 10], 0, 1.0, m.Destination, 1, 2, b));
        yield return R("AlongAxis: axis 2 of 2", Aoor, "axis", (b, m) => SampledDerivative.AlongAxis(m.Field, [6, 10], 2, 1.0, m.Destination, 1, 2, b));
        yield return R("AlongAxis: axis -1", Aoor, "axis", (b, m) => SampledDerivative.AlongAxis(m.Field, [6, 10], -1, 1.0, m.Destination, 1, 2, b));
        yield return R("AlongAxis: order 5", Aoor, "order", (b, m) => SampledDerivative.AlongAxis(m.Field, [6, 10], 1, 1.0, m.Destination, 5, 2, b));
        yield return R("AlongAxis: accuracy 10", Aoor, "accuracy", (b, m) => SampledDerivative.AlongAxis(m.Field, [6, 10], 1, 1.0, m.Destination, 1, 10, b));
        yield return R("AlongAxis: NaN spacing", Aoor, "spacing", (b, m) => SampledDerivative.AlongAxis(m.Field, [6, 10], 1, double.NaN, m.Destination, 1, 2, b));
        yield return R("AlongAxis: 3 samples on the axis at accuracy 8", Arg, "shape", (b, m) => SampledDerivative.AlongAxis(m.Field, [20, 3], 1, 1.0, m.Destination, 1, 8, b));
        yield return R("AlongAxis: short destination", Arg, "destination", (b, m) => SampledDerivative.AlongAxis(m.Field, [6, 10], 1, 1.0, m.Destination.AsSpan(0, 59), 1, 2, b));
        yield return R("AlongAxis: destination over the field", Arg, "destination", (b, m) => SampledDerivative.AlongAxis(m.Destination.AsSpan(60, 60), [6, 10], 1, 1.0, m.Destination.AsSpan(1, 60), 1, 2, b));
    }

    private static IEnumerable<Row> LaplacianRows()
    {
        yield return R("Laplacian: no dimensions", Arg, "shape", (b, m) => SampledDerivative.Laplacian(m.Field, [], [], m.Destination, 2, b));
        yield return R("Laplacian: field shorter than the shape", Arg, "field", (b, m) => SampledDerivative.Laplacian(m.Field.AsSpan(0, 59), [6, 10], [1.0, 1.0], m.Destination, 2, b));
        yield return R("Laplacian: one spacing for two axes", Arg, "spacing", (b, m) => SampledDerivative.Laplacian(m.Field, [6, 10], [1.0], m.Destination, 2, b));
        yield return R("Laplacian: NaN spacing on axis 1", Aoor, "spacing", (b, m) => SampledDerivative.Laplacian(m.Field, [6, 10], [0.1, double.NaN], m.Destination, 2, b));
        yield return R("Laplacian: accuracy 5", Aoor, "accuracy", (b, m) => SampledDerivative.Laplacian(m.Field, [6, 10], [1.0, 1.0], m.Destination, 5, b));
        yield return R("Laplacian: 3 samples on axis 1 at accuracy 8", Arg, "shape", (b, m) => SampledDerivative.Laplacian(m.Field, [20, 3], [1.0, 1.0], m.Destination, 8, b));
        yield return R("Laplacian: short destination", Arg, "destination", (b, m) => SampledDerivative.Laplacian(m.Field, [6, 10], [1.0, 1.0], m.Destination.AsSpan(0, 59), 2, b));
        yield return R("Laplacian: destination over the field", Arg, "destination", (b, m) => SampledDerivative.Laplacian(m.Destination.AsSpan(60, 60), [6, 10], [1.0, 1.0], m.Destination.AsSpan(1, 60), 2, b));
    }

    private static IEnumerable<Row> FieldGradientRows()
    {
        yield return R("FieldGradient: no dimensions", Arg, "shape", (b, m) => SampledDerivative.FieldGradient(m.Field, [], [], m.Destination, 2, b));
        yield return R("FieldGradient: negative dimension", Arg, "shape", (b, m) => SampledDerivative.FieldGradient(m.Field, [-6, 10], [1.0, 1.0], m.Destination, 2, b));
        yield return R("FieldGradient: field shorter than the shape", Arg, "field", (b, m) => SampledDerivative.FieldGradient(m.Field.AsSpan(0, 59), [6, 10], [1.0, 1.0], m.Destination, 2, b));
        yield return R("FieldGradient: three spacings for two axes", Arg, "spacing", (b, m) => SampledDerivative.FieldGradient(m.Field, [6, 10], [1.0, 1.0, 1.0], m.Destination, 2, b));
        yield return R("FieldGradient: NaN spacing on axis 1", Aoor, "spacing", (b, m) => SampledDerivative.FieldGradient(m.Field, [6, 10], [0.1, double.NaN], m.Destination, 2, b));
        yield return R("FieldGradient: NaN spacing on axis 1, in parallel", Aoor, "spacing", (b, m) => SampledDerivative.FieldGradient(m.Field, [6, 10], [0.1, double.NaN], m.Destination, 2, b, parallel: true));
        yield return R("FieldGradient: accuracy 3", Aoor, "accuracy", (b, m) => SampledDerivative.FieldGradient(m.Field, [6, 10], [1.0, 1.0], m.Destination, 3, b));
        yield return R("FieldGradient: 3 samples on axis 1 at accuracy 8", Arg, "shape", (b, m) => SampledDerivative.FieldGradient(m.Field, [20, 3], [1.0, 1.0], m.Destination, 8, b));
        yield return R("FieldGradient: destination holds one axis", Arg, "destination", (b, m) => SampledDerivative.FieldGradient(m.Field, [6, 10], [1.0, 1.0], m.Destination.AsSpan(0, 119), 2, b));
        yield return R("FieldGradient: field inside the destination's second block", Arg, "destination", (b, m) => SampledDerivative.FieldGradient(m.Destination.AsSpan(60, 60), [6, 10], [1.0, 1.0], m.Destination.AsSpan(0, 120), 2, b));
        yield return R("FieldGradient: field over the end of the destination", Arg, "destination", (b, m) => SampledDerivative.FieldGradient(m.Destination.AsSpan(119, 60), [6, 10], [1.0, 1.0], m.Destination.AsSpan(0, 120), 2, b));
    }

    private static IEnumerable<Row> SecondPartialRows()
    {
        yield return R("SecondPartial: no dimensions", Arg, "shape", (b, m) => SampledDerivative.SecondPartial(m.Field, [], 0, 0, [], m.Destination, 2, b));
        yield return R("SecondPartial: field shorter than the shape", Arg, "field", (b, m) => SampledDerivative.SecondPartial(m.Field.AsSpan(0, 59), [6, 10], 0, 1, [1.0, 1.0], m.Destination, 2, b));
        yield return R("SecondPartial: axis A -1", Aoor, "axisA", (b, m) => SampledDerivative.SecondPartial(m.Field, [6, 10], -1, 1, [1.0, 1.0], m.Destination, 2, b));
        yield return R("SecondPartial: axis B 2 of 2", Aoor, "axisB", (b, m) => SampledDerivative.SecondPartial(m.Field, [6, 10], 0, 2, [1.0, 1.0], m.Destination, 2, b));
        yield return R("SecondPartial: one spacing for two axes", Arg, "spacing", (b, m) => SampledDerivative.SecondPartial(m.Field, [6, 10], 0, 1, [1.0], m.Destination, 2, b));
        yield return R("SecondPartial: NaN spacing on axis B", Aoor, "spacing", (b, m) => SampledDerivative.SecondPartial(m.Field, [6, 10], 0, 1, [0.1, double.NaN], m.Destination, 2, b));
        yield return R("SecondPartial: accuracy 7", Aoor, "accuracy", (b, m) => SampledDerivative.SecondPartial(m.Field, [6, 10], 0, 1, [1.0, 1.0], m.Destination, 7, b));
        yield return R("SecondPartial: 3 samples on axis B at accuracy 8", Arg, "shape", (b, m) => SampledDerivative.SecondPartial(m.Field, [20, 3], 0, 1, [1.0, 1.0], m.Destination, 8, b));
        yield return R("SecondPartial: 3 samples on its one axis at accuracy 8", Arg, "shape", (b, m) => SampledDerivative.SecondPartial(m.Field, [20, 3], 1, 1, [1.0, 1.0], m.Destination, 8, b));
        yield return R("SecondPartial: short destination", Arg, "destination", (b, m) => SampledDerivative.SecondPartial(m.Field, [6, 10], 0, 1, [1.0, 1.0], m.Destination.AsSpan(0, 59), 2, b));
        yield return R("SecondPartial: the field as its own destination", Arg, "destination", (b, m) => SampledDerivative.SecondPartial(m.Destination.AsSpan(0, 60), [6, 10], 0, 1, [0.1, 0.1], m.Destination.AsSpan(0, 60), 2, b));
        yield return R("SecondPartial: destination over the field, one axis", Arg, "destination", (b, m) => SampledDerivative.SecondPartial(m.Destination.AsSpan(0, 60), [6, 10], 1, 1, [0.1, 0.1], m.Destination.AsSpan(30, 60), 2, b));
    }

    private static IEnumerable<Row> NumpyRows()
    {
        yield return R("NumpyGradient: edge order 0", Aoor, "edgeOrder", (b, m) => SampledDerivative.NumpyGradient(m.Field, 1.0, m.Destination, 0, b));
        yield return R("NumpyGradient: 2 samples at edge order 2", Arg, "samples", (b, m) => SampledDerivative.NumpyGradient(m.Field.AsSpan(0, 2), 1.0, m.Destination, 2, b));
        yield return R("NumpyGradient: NaN spacing", Aoor, "spacing", (b, m) => SampledDerivative.NumpyGradient(m.Field, double.NaN, m.Destination, 1, b));
        yield return R("NumpyGradient: spacing whose double overflows", Aoor, "spacing", (b, m) => SampledDerivative.NumpyGradient(m.Field, double.MaxValue, m.Destination, 1, b));
        yield return R("NumpyGradient: short destination", Arg, "destination", (b, m) => SampledDerivative.NumpyGradient(m.Field, 1.0, m.Destination.AsSpan(0, 119), 1, b));
        yield return R("NumpyGradient: destination over the samples", Arg, "destination", (b, m) => SampledDerivative.NumpyGradient(m.Destination.AsSpan(0, 60), 1.0, m.Destination.AsSpan(1, 60), 1, b));
        yield return R("NumpyGradient(x): edge order 3", Aoor, "edgeOrder", (b, m) => SampledDerivative.NumpyGradient(m.Field.AsSpan(0, 64), m.X, m.Destination, 3, b));
        yield return R("NumpyGradient(x): 1 sample", Arg, "samples", (b, m) => SampledDerivative.NumpyGradient(m.Field.AsSpan(0, 1), m.X.AsSpan(0, 1), m.Destination, 1, b));
        yield return R("NumpyGradient(x): coordinates of another length", Arg, "coordinates", (b, m) => SampledDerivative.NumpyGradient(m.Field.AsSpan(0, 64), m.X.AsSpan(0, 63), m.Destination, 1, b));
        yield return R("NumpyGradient(x): infinite coordinate", Arg, "coordinates", (b, m) => SampledDerivative.NumpyGradient(m.Field.AsSpan(0, 3), [0.0, 1.0, double.PositiveInfinity], m.Destination, 1, b));
        yield return R("NumpyGradient(x): decreasing coordinates", Arg, "coordinates", (b, m) => SampledDerivative.NumpyGradient(m.Field.AsSpan(0, 3), [0.0, 2.0, 1.0], m.Destination, 2, b));
        yield return R("NumpyGradient(x): short destination", Arg, "destination", (b, m) => SampledDerivative.NumpyGradient(m.Field.AsSpan(0, 64), m.X, m.Destination.AsSpan(0, 63), 1, b));
        yield return R("NumpyGradient(x): destination over the samples", Arg, "destination", (b, m) => SampledDerivative.NumpyGradient(m.Destination.AsSpan(0, 64), m.X, m.Destination.AsSpan(63, 64), 1, b));
    }

    private static IEnumerable<Row> CoordinateRows()
    {
        yield return R("Derivative(x): coordinates of another length", Arg, "coordinates", (b, m) => SampledDerivative.Derivative(m.Field.AsSpan(0, 64), m.X.AsSpan(0, 60), m.Destination, 1, 2, b));
        yield return R("Derivative(x): NaN coordinate", Arg, "coordinates", (b, m) => SampledDerivative.Derivative(m.Field.AsSpan(0, 4), [0.0, 1.0, double.NaN, 3.0], m.Destination, 1, 2, b));
        yield return R("Derivative(x): repeated coordinate", Arg, "coordinates", (b, m) => SampledDerivative.Derivative(m.Field.AsSpan(0, 4), [0.0, 1.0, 1.0, 3.0], m.Destination, 1, 2, b));
        yield return R("Derivative(x): offsets that round together", Arg, "coordinates", (b, m) => SampledDerivative.Derivative(m.Field.AsSpan(0, 8), [0, 1, 2, 3, 4, 5, 6, 1e20], m.Destination, 1, 2, b));
        yield return R("Derivative(x): 5 samples at order 4, accuracy 8", Arg, "samples", (b, m) => SampledDerivative.Derivative(m.Field.AsSpan(0, 5), m.X.AsSpan(0, 5), m.Destination, 4, 8, b));
        yield return R("Derivative(x): order 0", Aoor, "order", (b, m) => SampledDerivative.Derivative(m.Field.AsSpan(0, 64), m.X, m.Destination, 0, 2, b));
        yield return R("Derivative(x): accuracy 9", Aoor, "accuracy", (b, m) => SampledDerivative.Derivative(m.Field.AsSpan(0, 64), m.X, m.Destination, 1, 9, b));
        yield return R("Derivative(x): short destination", Arg, "destination", (b, m) => SampledDerivative.Derivative(m.Field.AsSpan(0, 64), m.X, m.Destination.AsSpan(0, 63), 1, 2, b));
        yield return R("Derivative(x): destination over the coordinates", Arg, "destination", (b, m) => SampledDerivative.Derivative(m.Field.AsSpan(0, 64), m.X, m.X, 1, 2, b));
    }

    private static IEnumerable<Row> WeightRows()
    {
        yield return R("FiniteDifferenceWeights: no offsets", Arg, "offsets", (b, m) => FiniteDifferenceWeights.Compute(0, [], m.Destination, 0, b));
        yield return R("FiniteDifferenceWeights: 65 offsets", Arg, "offsets", (b, m) => FiniteDifferenceWeights.Compute(1, m.Field.AsSpan(0, 65), m.Destination, 0, b));
        yield return R("FiniteDifferenceWeights: derivative as high as the offsets", Aoor, "derivative", (b, m) => FiniteDifferenceWeights.Compute(3, [-1.0, 0.0, 1.0], m.Destination, 0, b));
        yield return R("FiniteDifferenceWeights: derivative -1", Aoor, "derivative", (b, m) => FiniteDifferenceWeights.Compute(-1, [-1.0, 0.0, 1.0], m.Destination, 0, b));
        yield return R("FiniteDifferenceWeights: short weights", Arg, "weights", (b, m) => FiniteDifferenceWeights.Compute(1, [-1.0, 0.0, 1.0], m.Destination.AsSpan(0, 2), 0, b));
        yield return R("FiniteDifferenceWeights: NaN point", Aoor, "at", (b, m) => FiniteDifferenceWeights.Compute(1, [-1.0, 0.0, 1.0], m.Destination, double.NaN, b));
        yield return R("FiniteDifferenceWeights: repeated offset", Arg, "offsets", (b, m) => FiniteDifferenceWeights.Compute(1, [-1.0, 1.0, 1.0], m.Destination, 0, b));
        yield return R("FiniteDifferenceWeights: weights that overflow", Arg, "offsets", (b, m) => FiniteDifferenceWeights.Compute(1, [-1e-310, 0, 1e-310], m.Destination, 0, b));
    }

    public static IEnumerable<Row> Rows() =>
        GradientRows().Concat(DerivativeRows()).Concat(AlongAxisRows()).Concat(LaplacianRows()).Concat(FieldGradientRows())
            .Concat(SecondPartialRows()).Concat(NumpyRows()).Concat(CoordinateRows()).Concat(WeightRows());

    public static IEnumerable<object[]> Cases() =>
        from row in Rows() from backend in Backends.All() select new object[] { row, backend[0] };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_argument_is_named_before_anything_is_written(Row row, Backend backend)
    {
        var m = new Buffers();
        var field = m.Field.ToArray();
        var x = m.X.ToArray();
        var destination = m.Destination.ToArray();
        var e = Assert.Throws(row.Exception, () => row.Call(backend, m));
        Assert.Equal(row.Parameter, ((ArgumentException)e).ParamName);
        Assert.Equal(Bits(destination), Bits(m.Destination));
        Assert.Equal(Bits(field), Bits(m.Field));
        Assert.Equal(Bits(x), Bits(m.X));
    }

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
