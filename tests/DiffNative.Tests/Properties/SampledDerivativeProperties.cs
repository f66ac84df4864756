using CsCheck;
using static DiffNative.Tests.Properties.Inputs;

namespace DiffNative.Tests.Properties;

/// <summary>Properties of <see cref="SampledDerivative"/> over generated samples, shapes,
/// spacings, orders, accuracies and destinations (short, long, overlapping): the
/// <see cref="Contract"/> on every backend, and exactness on polynomials and constants.</summary>
public class SampledDerivativeProperties
{
    internal sealed record LineCase(double[] Samples, double Spacing, int Order, int Accuracy, int EdgeOrder, int Slack, Placement Placement, int Shift);

    internal sealed record CoordinateCase(double[] Samples, double[] Coordinates, int Order, int Accuracy, int EdgeOrder, int Slack, Placement Placement, int Shift);

    internal sealed record GridCase(int[] Shape, double[] Field, int Axis, int AxisB, double[] Spacings, int Order, int Accuracy, int Slack, Placement Placement, int Shift)
    {
        /// <summary>The element count the shape asks for (saturating), or -1 for a negative dimension.</summary>
        public long Count => Shape.Any(d => d < 0) ? -1 : Shape.Aggregate(1L, (c, d) => Math.Min(c * d, 1L << 40));
    }

    private static readonly string[] SampledNames = ["samples", "spacing", "destination", "order", "accuracy", "edgeOrder", "coordinates", "shape", "field"];
    private static readonly string[] GridNames = ["field", "shape", "axis", "axisA", "axisB", "spacing", "destination", "order", "accuracy"];

    private static readonly Gen<LineCase> Line =
        from n in Length
        from samples in Inputs.Array(n, Value)
        from spacing in Step
        from order in Order
        from accuracy in Accuracy
        from edgeOrder in Gen.Frequency((5, Gen.Int[1, 2]), (1, Gen.OneOf(0, 3, -1)))
        from slack in Slack
        from placement in OutputPlacement
        from shift in Gen.Int[0, 10_000]
        select new LineCase(samples, spacing, order, accuracy, edgeOrder, slack, placement, shift);

    /// <summary>Strictly increasing coordinates most of the time; sometimes one repeated, one
    /// out of order, one not finite, or a length that does not match.</summary>
    private static readonly Gen<CoordinateCase> Coordinates =
        from n in Length
        from samples in Inputs.Array(n, Value)
        from start in Value
        from gaps in Inputs.Array(n, Gen.Frequency((8, LogUniform(-8, 4, signed: false)), (1, LogUniform(-60, 60, signed: false))))
        from flaw in Gen.Int[0, 9]
        from at in Gen.Int[0, Math.Max(0, n - 1)]
        from bad in Gen.OneOf(Special)
        from lengthChange in Gen.Frequency((10, Gen.Const(0)), (1, Gen.Int[-2, 2]))
        from order in Order
        from accuracy in Accuracy
        from edgeOrder in Gen.Frequency((5, Gen.Int[1, 2]), (1, Gen.OneOf(0, 3)))
        from slack in Slack
        from placement in OutputPlacement
        from shift in Gen.Int[0, 10_000]
        select new CoordinateCase(samples, Flawed(start, gaps, flaw, at, bad, lengthChange), order, accuracy, edgeOrder, slack, placement, shift);

    private static double[] Flawed(double start, double[] gaps, int flaw, int at, double bad, int lengthChange)
    {
        var x = new double[gaps.Length];
        var current = double.IsFinite(start) ? start : 0;
        for (var i = 0; i < x.Length; i++) x[i] = current += gaps[i];
        if (x.Length > 1)
        {
            var j = Math.Max(at, 1);
            if (flaw == 7) x[j] = x[j - 1];
            if (flaw == 8) (x[j], x[j - 1]) = (x[j - 1], x[j]);
        }
        if (flaw == 9 && x.Length > 0) x[at] = bad;
        return x.Length + lengthChange < 0 ? [] : x.Take(x.Length + lengthChange).Concat(Enumerable.Repeat(1e9, Math.Max(0, lengthChange))).ToArray();
    }

    /// <summary>One axis of 0..70 or 2 to 3 axes of 0..12 mostly, up to 8 axes of 0..3, sometimes no axis, too many,
    /// a negative one or one whose product leaves the range of .NET arrays.</summary>
    private static readonly Gen<int[]> Shape = Gen.Frequency(
        (5, Gen.Int[0, 70].Select(d => new[] { d })),
        (8, Gen.Int[2, 3].SelectMany(r => Gen.Int[0, 12].Array[r])),
        (3, Gen.Int[4, 8].SelectMany(r => Gen.Int[0, 3].Array[r])),
        (1, Gen.Const(System.Array.Empty<int>())),
        (1, Gen.Int[9, 10].SelectMany(r => Gen.Int[1, 2].Array[r])),
        (1, Gen.Int[1, 3].SelectMany(r => Gen.Frequency((3, Gen.Int[1, 9]), (1, Gen.OneOf(-1, 46_341, 1 << 16, 32_769, int.MaxValue))).Array[r])));

    private static readonly Gen<GridCase> Grid =
        from shape in Shape
        let count = shape.Any(d => d < 0) ? 0 : (int)Math.Min(shape.Aggregate(1L, (c, d) => Math.Min(c * d, 1L << 40)), 5_000)
        from fieldSlack in Gen.Frequency((10, Gen.Const(0)), (1, Gen.Int[-3, 3]))
        from field in Inputs.Array(Math.Max(0, count + fieldSlack), Value)
        from axis in Gen.Frequency((10, Gen.Int[0, Math.Max(0, shape.Length - 1)]), (1, Gen.OneOf(-1, shape.Length, 9)))
        from axisB in Gen.Frequency((10, Gen.Int[0, Math.Max(0, shape.Length - 1)]), (1, Gen.OneOf(-1, shape.Length)))
        from spacingCount in Gen.Frequency((10, Gen.Const(shape.Length)), (1, Gen.Int[0, 9]))
        from spacings in Inputs.Array(spacingCount, Gen.Frequency((4, LogUniform(-6, 6, signed: false)), (1, Step)))
        from order in Order
        from accuracy in Accuracy
        from slack in Slack
        from placement in OutputPlacement
        from shift in Gen.Int[0, 10_000]
        select new GridCase(shape, field, axis, axisB, spacings, order, accuracy, slack, placement, shift);

    [Fact]
    public void SampledGradientKeepsItsContract() => Property.Check(nameof(SampledGradientKeepsItsContract), Line, c =>
    {
        var (arrays, input, output) = Contract.Place(c.Samples, c.Samples.Length + c.Slack, c.Placement, c.Shift);
        Contract.Check(arrays, [input], [output], SampledNames, (a, b) => SampledDerivative.Gradient(input.Of(a), c.Spacing, output.Of(a), b));
    }, cases: 1_000);

    [Fact]
    public void NumpyGradientKeepsItsContract() => Property.Check(nameof(NumpyGradientKeepsItsContract), Line, c =>
    {
        var (arrays, input, output) = Contract.Place(c.Samples, c.Samples.Length + c.Slack, c.Placement, c.Shift);
        Contract.Check(arrays, [input], [output], SampledNames, (a, b) => SampledDerivative.NumpyGradient(input.Of(a), c.Spacing, output.Of(a), c.EdgeOrder, b));
    }, cases: 1_000);

    [Fact]
    public void GridDerivativeKeepsItsContract() => Property.Check(nameof(GridDerivativeKeepsItsContract), Line, c =>
    {
        var (arrays, input, output) = Contract.Place(c.Samples, c.Samples.Length + c.Slack, c.Placement, c.Shift);
        Contract.Check(arrays, [input], [output], SampledNames,
            (a, b) => SampledDerivative.Derivative(input.Of(a), c.Spacing, output.Of(a), c.Order, c.Accuracy, b));
    }, cases: 1_000);

    [Fact]
    public void NumpyCoordinateGradientKeepsItsContract() => Property.Check(nameof(NumpyCoordinateGradientKeepsItsContract), Coordinates, c =>
    {
        var (arrays, input, output) = PlaceWithCoordinates(c);
        var coordinates = new Region(arrays.Length - 1, 0, c.Coordinates.Length);
        Contract.Check(arrays, [input, coordinates], [output], SampledNames,
            (a, b) => SampledDerivative.NumpyGradient(input.Of(a), coordinates.Of(a), output.Of(a), c.EdgeOrder, b));
    }, cases: 1_000);

    [Fact]
    public void CoordinateDerivativeKeepsItsContract() => Property.Check(nameof(CoordinateDerivativeKeepsItsContract), Coordinates, c =>
    {
        var (arrays, input, output) = PlaceWithCoordinates(c);
        var coordinates = new Region(arrays.Length - 1, 0, c.Coordinates.Length);
        Contract.Check(arrays, [input, coordinates], [output], SampledNames,
            (a, b) => SampledDerivative.Derivative(input.Of(a), coordinates.Of(a), output.Of(a), c.Order, c.Accuracy, b));
    }, cases: 1_000);


    private static (double[][] Arrays, Region Input, Region Output) PlaceWithCoordinates(CoordinateCase c)
    {
        var (arrays, input, output) = Contract.Place(c.Samples, c.Samples.Length + c.Slack, c.Placement, c.Shift);
        return ([.. arrays, (double[])c.Coordinates.Clone()], input, output);
    }

    [Fact]
    public void AlongAxisKeepsItsContract() => Property.Check(nameof(AlongAxisKeepsItsContract), Grid, c =>
    {
        var (arrays, input, output) = Contract.Place(c.Field, OutputLength(c, 1), c.Placement, c.Shift);
        var spacing = c.Spacings.Length > 0 ? c.Spacings[0] : 1.0;
        Contract.Check(arrays, [input], [output], GridNames,
            (a, b) => SampledDerivative.AlongAxis(input.Of(a), c.Shape, c.Axis, spacing, output.Of(a), c.Order, c.Accuracy, b));
    }, cases: 1_000);

    [Fact]
    public void LaplacianKeepsItsContract() => Property.Check(nameof(LaplacianKeepsItsContract), Grid, c =>
    {
        var (arrays, input, output) = Contract.Place(c.Field, OutputLength(c, 1), c.Placement, c.Shift);
        Contract.Check(arrays, [input], [output], GridNames,
            (a, b) => SampledDerivative.Laplacian(input.Of(a), c.Shape, c.Spacings, output.Of(a), c.Accuracy, b));
    }, cases: 600);

    [Fact]
    public void FieldGradientKeepsItsContract() => Property.Check(nameof(FieldGradientKeepsItsContract), Grid, c =>
    {
        var (arrays, input, output) = Contract.Place(c.Field, OutputLength(c, Math.Max(1, c.Shape.Length)), c.Placement, c.Shift);
        Contract.Check(arrays, [input], [output], GridNames,
            (a, b) => SampledDerivative.FieldGradient(input.Of(a), c.Shape, c.Spacings, output.Of(a), c.Accuracy, b));
    }, cases: 1_000);

    [Fact]
    public void SecondPartialKeepsItsContract() => Property.Check(nameof(SecondPartialKeepsItsContract), Grid, c =>
    {
        var (arrays, input, output) = Contract.Place(c.Field, OutputLength(c, 1), c.Placement, c.Shift);
        Contract.Check(arrays, [input], [output], GridNames,
            (a, b) => SampledDerivative.SecondPartial(input.Of(a), c.Shape, c.Axis, c.AxisB, c.Spacings, output.Of(a), c.Accuracy, b));
    }, cases: 600);

    /// <summary>blocks·count values plus the case's slack, kept to a size worth allocating.</summary>
    private static int OutputLength(GridCase c, int blocks) =>
        (int)Math.Clamp(Math.Max(0, c.Count) * blocks + c.Slack, 0, 20_000);

    internal sealed record PolynomialCase(int Order, int Accuracy, int Count, int SpacingExponent, double[] Coefficients);

    /// <summary>Polynomials of degree below order + accuracy (which every stencil of that order
    /// and accuracy differentiates exactly) with small integer coefficients, on a grid of
    /// 2^SpacingExponent centred on 0, so that the samples are exact.</summary>
    private static readonly Gen<PolynomialCase> Polynomials =
        from order in Gen.Int[1, 4]
        from accuracy in Gen.OneOf(2, 4, 6, 8)
        from extra in Gen.Int[0, 30]
        from exponent in Gen.Int[-4, 0]
        from degree in Gen.Int[0, order + accuracy - 1]
        from coefficients in Gen.Int[-3, 3].Select(i => (double)i).Array[degree + 1]
        select new PolynomialCase(order, accuracy, GridMinimum(order, accuracy) + extra, exponent, coefficients);

    private static int GridMinimum(int order, int accuracy) => Math.Max(2 * ((order + 1) / 2) - 1 + accuracy, order + accuracy);

    [Fact]
    public void GridDerivativeIsExactOnPolynomials() => Property.Check(nameof(GridDerivativeIsExactOnPolynomials), Polynomials, c =>
    {
        var h = Math.ScaleB(1.0, c.SpacingExponent);
        var x = Enumerable.Range(0, c.Count).Select(i => (i - c.Count / 2) * h).ToArray();
        var samples = x.Select(v => Polynomial.Value(c.Coefficients, v)).ToArray();
        var derivative = Polynomial.Derivative(c.Coefficients, c.Order);
        var scale = x.Max(v => Polynomial.AbsoluteValue(c.Coefficients, v));
        // Rounding only: each sample is exact, each weight and product rounds once, and the sum
        // of |weights| of these stencils stays below 2^14 (Fornberg's tables).
        var tolerance = 64 * Math.ScaleB(1.0, 14) * Math.ScaleB(1.0, -52) * scale / Math.Pow(h, c.Order);
        foreach (var backend in Contract.AllBackends)
        {
            var result = new double[c.Count];
            SampledDerivative.Derivative(samples, h, result, c.Order, c.Accuracy, backend);
            for (var i = 0; i < c.Count; i++)
            {
                var expected = Polynomial.Value(derivative, x[i]);
                Assert.True(Math.Abs(result[i] - expected) <= tolerance,
                    $"{backend}: d^{c.Order}/dx^{c.Order} at x = {x[i]} is {result[i]:R}, expected {expected:R} (tolerance {tolerance:G3})");
            }
        }
    }, cases: 600);

    internal sealed record ConstantCase(double Value, int Count, double Spacing, int Order, int Accuracy, int EdgeOrder);

    private static readonly Gen<ConstantCase> Constants =
        from value in Gen.Frequency((4, Gen.Double[-1e3, 1e3]), (1, LogUniform(-300, 300, signed: true)), (1, Gen.OneOf(0.0, -0.0, 1.0)))
        from order in Gen.Int[1, 4]
        from accuracy in Gen.OneOf(2, 4, 6, 8)
        from extra in Gen.Int[0, 70]
        from spacing in LogUniform(-10, 10, signed: false)
        from edgeOrder in Gen.Int[1, 2]
        select new ConstantCase(value, GridMinimum(order, accuracy) + extra, spacing, order, accuracy, edgeOrder);

    /// <summary>Inside, Gradient and NumpyGradient are (f[i+1] − f[i−1])/(2h), exactly 0 on
    /// equal samples; their second-order ends weigh each sample as numpy does (−1.5/h, 2/h,
    /// −0.5/h), and the grid stencils weigh every sample, so there 0 holds to rounding: 64 ulp of
    /// |c| times the stencil's Σ|w| (below 2^14 for every grid stencil), over h^order.</summary>
    [Fact]
    public void ConstantSamplesHaveZeroDerivative() => Property.Check(nameof(ConstantSamplesHaveZeroDerivative), Constants, c =>
    {
        var samples = Enumerable.Repeat(c.Value, c.Count).ToArray();
        var ulp = Math.ScaleB(1.0, -52) * Math.Abs(c.Value);
        var edgeTolerance = 64 * 4 * ulp / c.Spacing;
        var gridTolerance = 64 * Math.ScaleB(1.0, 14) * ulp / Math.Pow(c.Spacing, c.Order);
        foreach (var backend in Contract.AllBackends)
        {
            var gradient = SampledDerivative.Gradient(samples, c.Spacing, backend);
            var numpy = new double[c.Count];
            SampledDerivative.NumpyGradient(samples, c.Spacing, numpy, c.EdgeOrder, backend);
            var grid = new double[c.Count];
            SampledDerivative.Derivative(samples, c.Spacing, grid, c.Order, c.Accuracy, backend);
            for (var i = 0; i < c.Count; i++)
            {
                var inside = i > 0 && i < c.Count - 1;
                Assert.True(inside ? gradient[i] == 0 : Math.Abs(gradient[i]) <= edgeTolerance, $"{backend}: Gradient[{i}] of a constant is {gradient[i]:R}");
                Assert.True(inside || c.EdgeOrder == 1 ? numpy[i] == 0 : Math.Abs(numpy[i]) <= edgeTolerance,
                    $"{backend}: NumpyGradient[{i}] (edge order {c.EdgeOrder}) of a constant is {numpy[i]:R}");
                Assert.True(Math.Abs(grid[i]) <= gridTolerance, $"{backend}: Derivative[{i}] (order {c.Order}, accuracy {c.Accuracy}) of a constant is {grid[i]:R}");
            }
        }
    }, cases: 300);
}
