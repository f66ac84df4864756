using System.Globalization;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.Grid;

/// <summary>Every native grid path gives the managed reference's bits, and the numpy mode gives
/// numpy's own bits (TestData/numpy_gradient.json).</summary>
public class GridAgreementTests
{
    /// <summary>Large arrays split into slabs on the thread pool give the managed reference's bits,
    /// for 1-D, 2-D and 3-D arrays, every axis, the Laplacian and the gradient field.</summary>
    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void Parallel_grid_kernels_give_the_same_bits_as_the_reference(Backend backend)
    {
        var shapes = new[] { new[] { SampledDerivative.ParallelThreshold + 37 }, [257, 263], [41, 40, 43] };
        foreach (var shape in shapes)
        {
            var count = shape.Aggregate(1, (a, b) => a * b);
            Assert.True(count >= SampledDerivative.ParallelThreshold);
            var y = RandomSamples.Create(count, seed: count);
            var spacing = shape.Select((_, a) => 0.1 + 0.2 * a).ToArray();
            double[] expected = new double[count], actual = new double[count];
            for (var axis = 0; axis < shape.Length; axis++)
                foreach (var (order, accuracy) in new[] { (1, 2), (2, 8) })
                {
                    SampledDerivative.AlongAxis(y, shape, axis, spacing[axis], expected, order, accuracy, Backend.Managed);
                    SampledDerivative.AlongAxis(y, shape, axis, spacing[axis], actual, order, accuracy, backend, parallel: true);
                    Bits.AssertIdentical(expected, actual, $"{backend} shape {string.Join('x', shape)} axis {axis} d={order} p={accuracy}");
                }
            foreach (var accuracy in new[] { 2, 4 })
            {
                SampledDerivative.Laplacian(y, shape, spacing, expected, accuracy, Backend.Managed);
                SampledDerivative.Laplacian(y, shape, spacing, actual, accuracy, backend, parallel: true);
                Bits.AssertIdentical(expected, actual, $"{backend} shape {string.Join('x', shape)} laplacian p={accuracy}");
            }
            double[] field = new double[count * shape.Length], parallelField = new double[count * shape.Length];
            SampledDerivative.FieldGradient(y, shape, spacing, field, 4, Backend.Managed);
            SampledDerivative.FieldGradient(y, shape, spacing, parallelField, 4, backend, parallel: true);
            Bits.AssertIdentical(field, parallelField, $"{backend} shape {string.Join('x', shape)} gradient field");
        }
    }

    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void One_dimensional_derivatives_match_the_reference_on_every_length(Backend backend)
    {
        foreach (var order in new[] { 1, 2, 3, 4 })
            foreach (var accuracy in new[] { 2, 4, 6, 8 })
                foreach (var n in Enumerable.Range(12, 59).Concat([1000, 4099]))
                {
                    var y = RandomSamples.Create(n, seed: n * 31 + order);
                    var expected = new double[n];
                    var actual = new double[n];
                    SampledDerivative.Derivative(y, 0.3, expected, order, accuracy, Backend.Managed);
                    SampledDerivative.Derivative(y, 0.3, actual, order, accuracy, backend);
                    Bits.AssertIdentical(expected, actual, $"{backend} d={order} p={accuracy} n={n}");
                }
    }

    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void Axes_laplacian_and_second_partials_of_3d_arrays_match_the_reference(Backend backend)
    {
        int[] shape = [11, 13, 17];
        double[] spacing = [0.5, 0.25, 0.125];
        var y = RandomSamples.Create(11 * 13 * 17, seed: 7);
        var expected = new double[y.Length];
        var actual = new double[y.Length];
        for (var axis = 0; axis < 3; axis++)
        {
            SampledDerivative.AlongAxis(y, shape, axis, spacing[axis], expected, 2, 4, Backend.Managed);
            SampledDerivative.AlongAxis(y, shape, axis, spacing[axis], actual, 2, 4, backend);
            Bits.AssertIdentical(expected, actual, $"axis {axis}");
        }
        SampledDerivative.Laplacian(y, shape, spacing, expected, 4, Backend.Managed);
        SampledDerivative.Laplacian(y, shape, spacing, actual, 4, backend);
        Bits.AssertIdentical(expected, actual, "laplacian");
        SampledDerivative.SecondPartial(y, shape, 0, 2, spacing, expected, 6, Backend.Managed);
        SampledDerivative.SecondPartial(y, shape, 0, 2, spacing, actual, 6, backend);
        Bits.AssertIdentical(expected, actual, "mixed partial");
    }

    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void The_fused_2d_laplacian_matches_the_reference(Backend backend)
    {
        foreach (var (rows, cols) in new[] { (4, 4), (9, 31), (64, 67) })
            foreach (var accuracy in new[] { 2, 4, 8 })
            {
                if (Math.Min(rows, cols) < Math.Max(2 * 1 - 1 + accuracy + 1, 2 + accuracy)) continue;
                int[] shape = [rows, cols];
                var y = RandomSamples.Create(rows * cols, seed: rows + accuracy);
                double[] expected = new double[y.Length], actual = new double[y.Length];
                SampledDerivative.Laplacian(y, shape, [0.3, 0.7], expected, accuracy, Backend.Managed);
                SampledDerivative.Laplacian(y, shape, [0.3, 0.7], actual, accuracy, backend);
                Bits.AssertIdentical(expected, actual, $"{rows}x{cols} p={accuracy}");
            }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Numpy_mode_reproduces_numpy_gradient_bit_for_bit(Backend backend)
    {
        using var doc = TestData.Load("numpy_gradient.json");
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            static double Hex(System.Text.Json.JsonElement e) => HexFloat.Parse(e.GetString()!);
            var y = c.GetProperty("y").EnumerateArray().Select(Hex).ToArray();
            var expected = c.GetProperty("expected").EnumerateArray().Select(Hex).ToArray();
            var edgeOrder = c.GetProperty("edge_order").GetInt32();
            var actual = new double[y.Length];
            if (c.GetProperty("kind").GetString() == "spacing")
                SampledDerivative.NumpyGradient(y, Hex(c.GetProperty("spacing")), actual, edgeOrder, backend);
            else
                SampledDerivative.NumpyGradient(y, c.GetProperty("x").EnumerateArray().Select(Hex).ToArray(), actual, edgeOrder, backend);
            Bits.AssertIdentical(expected, actual, $"{backend} {c.GetProperty("kind").GetString()} n={y.Length} edge_order={edgeOrder}");
        }
    }

    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void Coordinate_derivatives_match_the_reference(Backend backend)
    {
        foreach (var order in new[] { 1, 2, 3, 4 })
            foreach (var accuracy in new[] { 2, 4, 8 })
            {
                var n = 40;
                var x = Enumerable.Range(0, n).Select(i => i * 0.1 + 0.03 * Math.Sin(i)).ToArray();
                var y = x.Select(Math.Exp).ToArray();
                double[] expected = new double[n], actual = new double[n];
                SampledDerivative.Derivative(y, x, expected, order, accuracy, Backend.Managed);
                SampledDerivative.Derivative(y, x, actual, order, accuracy, backend);
                Bits.AssertIdentical(expected, actual, $"d={order} p={accuracy}");
            }
    }
}
