using System.Buffers;
using DiffNative.Interop;
using DiffNative.Reference;

namespace DiffNative;

public static partial class SampledDerivative
{
    /// <summary>Derivative of order 1..4 and accuracy 2, 4, 6 or 8 of uniformly spaced samples:
    /// central stencils inside, one-sided stencils of the same accuracy at both ends (so every
    /// point has error O(hᵖ)). Exact to rounding on polynomials of degree below order + accuracy.
    /// Allocates nothing; every backend gives the same bits.</summary>
    /// <param name="samples">The samples (empty, or at least the stencil's points).</param>
    /// <param name="spacing">Distance between samples: finite and positive.</param>
    /// <param name="destination">Receives one value per sample; not overlapping the samples.</param>
    /// <param name="order">Derivative order, 1..4.</param>
    /// <param name="accuracy">Order of accuracy: 2, 4, 6 or 8.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    /// <param name="parallel">Split a large array (at least <see cref="ParallelThreshold"/> values)
    /// into slabs along axis 0 on the thread pool; native backends only (the managed reference stays
    /// on one thread). The same bits either way.</param>
    public static void Derivative(ReadOnlySpan<double> samples, double spacing, Span<double> destination, int order = 1, int accuracy = 2, Backend? backend = null,
        bool parallel = false)
    {
        ValidateOutput(samples, destination, nameof(samples));
        ValidateStencil(order, accuracy, spacing, nameof(spacing));
        var minimum = GridReference.MinimumSamples(order, accuracy);
        if (samples.Length is > 0 && samples.Length < minimum)
            throw new ArgumentException($"Order {order} at accuracy {accuracy} needs {minimum} samples, got {samples.Length}.", nameof(samples));
        Span<int> shape = [samples.Length];
        ComputeAlongAxis(DiffNativeRuntime.Resolve(backend), samples, shape, 0, spacing, destination[..samples.Length], order, accuracy, parallel);
    }

    /// <summary>Arrays with fewer values than this run on one thread even when asked to run in
    /// parallel: below it a thread pool hand-off costs more than the work.</summary>
    public const int ParallelThreshold = 1 << 16;

    /// <summary>How many slabs a parallel call over count values with the given axis-0 length uses.</summary>
    private static int Parts(bool parallel, int count, int rows) =>
        parallel && count >= ParallelThreshold ? Math.Max(1, Math.Min(Environment.ProcessorCount, rows)) : 1;

    /// <summary>Derivative along one axis of a row-major N-D array (1 to 8 dimensions) with uniform
    /// spacing along that axis. See <see cref="Derivative(ReadOnlySpan{double}, double, Span{double}, int, int, Backend?, bool)"/>.</summary>
    /// <param name="field">The array, row-major, shape[0]·…·shape[k−1] values.</param>
    /// <param name="shape">The dimensions.</param>
    /// <param name="axis">Which axis, 0-based.</param>
    /// <param name="spacing">Spacing along that axis.</param>
    /// <param name="destination">Receives the derivative, same shape.</param>
    /// <param name="order">Derivative order, 1..4.</param>
    /// <param name="accuracy">2, 4, 6 or 8.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    /// <param name="parallel">Split a large array (at least <see cref="ParallelThreshold"/> values)
    /// into slabs along axis 0 on the thread pool; native backends only (the managed reference stays
    /// on one thread). The same bits either way.</param>
    public static void AlongAxis(ReadOnlySpan<double> field, ReadOnlySpan<int> shape, int axis, double spacing, Span<double> destination,
        int order = 1, int accuracy = 2, Backend? backend = null, bool parallel = false)
    {
        var count = ValidateField(field, shape, destination, 1);
        ValidateAxis(axis, shape, nameof(axis));
        ValidateStencil(order, accuracy, spacing, nameof(spacing));
        ValidateSamplesOnAxis(count, shape, axis, order, accuracy);
        ComputeAlongAxis(DiffNativeRuntime.Resolve(backend), field[..count], shape, axis, spacing, destination[..count], order, accuracy, parallel);
    }

    /// <summary>The derivative along one axis of validated arguments: count values in, count out.</summary>
    private static void ComputeAlongAxis(Backend chosen, ReadOnlySpan<double> field, ReadOnlySpan<int> shape, int axis, double spacing,
        Span<double> destination, int order, int accuracy, bool parallel)
    {
        if (chosen.Kind == BackendKind.Native)
            NativeCore.GridDerivative(chosen.Isa, field, shape, axis, spacing, order, accuracy, destination, Parts(parallel, field.Length, shape[0]));
        else if (!field.IsEmpty)
            GridReference.AlongAxis(field, shape, axis, GridReference.Get(order, accuracy, spacing), false, destination);
    }

    /// <summary>The Laplacian Σₖ ∂²f/∂xₖ² of a row-major N-D array with per-axis spacing, each
    /// second derivative at the given accuracy (axis 0 first, then added in axis order).</summary>
    /// <param name="field">The array, row-major.</param>
    /// <param name="shape">The dimensions.</param>
    /// <param name="spacing">Spacing along each axis.</param>
    /// <param name="destination">Receives the Laplacian, same shape.</param>
    /// <param name="accuracy">2, 4, 6 or 8.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    /// <param name="parallel">Split a large array (at least <see cref="ParallelThreshold"/> values)
    /// into slabs along axis 0 on the thread pool; native backends only (the managed reference stays
    /// on one thread). The same bits either way.</param>
    public static void Laplacian(ReadOnlySpan<double> field, ReadOnlySpan<int> shape, ReadOnlySpan<double> spacing, Span<double> destination,
        int accuracy = 2, Backend? backend = null, bool parallel = false)
    {
        var count = ValidateField(field, shape, destination, 1);
        ValidateEveryAxis(count, shape, spacing, 2, accuracy);
        var chosen = DiffNativeRuntime.Resolve(backend);
        if (chosen.Kind == BackendKind.Native)
            NativeCore.GridLaplacian(chosen.Isa, field[..count], shape, spacing, accuracy, destination[..count], Parts(parallel, count, shape[0]));
        else if (count > 0)
            for (var a = 0; a < shape.Length; a++)
                GridReference.AlongAxis(field[..count], shape, a, GridReference.Get(2, accuracy, spacing[a]), a > 0, destination[..count]);
    }

    /// <summary>The gradient field: the first derivative along every axis, written axis by axis
    /// into <paramref name="destination"/> (shape.Length blocks of the array's size).</summary>
    /// <param name="field">The array, row-major.</param>
    /// <param name="shape">The dimensions.</param>
    /// <param name="spacing">Spacing along each axis.</param>
    /// <param name="destination">Receives one block per axis.</param>
    /// <param name="accuracy">2, 4, 6 or 8.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    /// <param name="parallel">Split a large array (at least <see cref="ParallelThreshold"/> values)
    /// into slabs along axis 0 on the thread pool; native backends only (the managed reference stays
    /// on one thread). The same bits either way.</param>
    public static void FieldGradient(ReadOnlySpan<double> field, ReadOnlySpan<int> shape, ReadOnlySpan<double> spacing, Span<double> destination,
        int accuracy = 2, Backend? backend = null, bool parallel = false)
    {
        // Every axis is checked before the first is written: a bad spacing or too short an axis
        // further on must not leave the blocks before it filled.
        var count = ValidateField(field, shape, destination, shape.Length);
        ValidateEveryAxis(count, shape, spacing, 1, accuracy);
        var chosen = DiffNativeRuntime.Resolve(backend);
        for (var a = 0; a < shape.Length; a++)
            ComputeAlongAxis(chosen, field[..count], shape, a, spacing[a], destination.Slice(a * count, count), 1, accuracy, parallel);
    }

    /// <summary>The second partial ∂²f/∂xₐ∂x_b: a second derivative when a == b, otherwise the
    /// first derivative along b of the first derivative along a, each at the given accuracy (so
    /// the mixed partial keeps it). Uses one pooled scratch array of the field's size.</summary>
    /// <param name="field">The array, row-major.</param>
    /// <param name="shape">The dimensions.</param>
    /// <param name="axisA">The first axis.</param>
    /// <param name="axisB">The second axis (equal to the first for a second derivative).</param>
    /// <param name="spacing">Spacing along each axis.</param>
    /// <param name="destination">Receives the partial, same shape.</param>
    /// <param name="accuracy">2, 4, 6 or 8.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    /// <param name="parallel">Split a large array (at least <see cref="ParallelThreshold"/> values)
    /// into slabs along axis 0 on the thread pool; native backends only (the managed reference stays
    /// on one thread). The same bits either way.</param>
    public static void SecondPartial(ReadOnlySpan<double> field, ReadOnlySpan<int> shape, int axisA, int axisB, ReadOnlySpan<double> spacing,
        Span<double> destination, int accuracy = 2, Backend? backend = null, bool parallel = false)
    {
        // The field must not be the destination even though the scratch pass would make that work:
        // overlaps are refused everywhere, so that no entry point's answer depends on its internals.
        var count = ValidateField(field, shape, destination, 1);
        ValidateAxis(axisA, shape, nameof(axisA));
        ValidateAxis(axisB, shape, nameof(axisB));
        ValidateSpacingCount(spacing, shape);
        var order = axisA == axisB ? 2 : 1;
        ValidateStencil(order, accuracy, spacing[axisA], nameof(spacing));
        ValidateStencil(order, accuracy, spacing[axisB], nameof(spacing));
        ValidateSamplesOnAxis(count, shape, axisA, order, accuracy);
        ValidateSamplesOnAxis(count, shape, axisB, order, accuracy);
        var chosen = DiffNativeRuntime.Resolve(backend);
        if (axisA == axisB)
        {
            ComputeAlongAxis(chosen, field[..count], shape, axisA, spacing[axisA], destination[..count], 2, accuracy, parallel);
            return;
        }
        var scratch = ArrayPool<double>.Shared.Rent(Math.Max(count, 1));
        try
        {
            ComputeAlongAxis(chosen, field[..count], shape, axisA, spacing[axisA], scratch.AsSpan(0, count), 1, accuracy, parallel);
            ComputeAlongAxis(chosen, scratch.AsSpan(0, count), shape, axisB, spacing[axisB], destination[..count], 1, accuracy, parallel);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    /// <summary>numpy.gradient(samples, spacing, edge_order): the same numbers (bit for bit),
    /// for edge order 1 or 2.</summary>
    public static void NumpyGradient(ReadOnlySpan<double> samples, double spacing, Span<double> destination, int edgeOrder = 1, Backend? backend = null)
    {
        ValidateNumpy(samples, destination, edgeOrder);
        if (!double.IsFinite(spacing) || spacing <= 0 || !double.IsFinite(2 * spacing))
            throw new ArgumentOutOfRangeException(nameof(spacing), spacing, "The spacing must be finite and positive.");
        var chosen = DiffNativeRuntime.Resolve(backend);
        if (chosen.Kind == BackendKind.Native) NativeCore.NumpyGradient(chosen.Isa, samples, spacing, edgeOrder, destination);
        else if (!samples.IsEmpty) GridReference.Numpy(samples, spacing, edgeOrder, destination);
    }

    /// <summary>numpy.gradient(samples, coordinates, edge_order): numpy's non-uniform formulas, or
    /// its uniform ones when every coordinate difference is exactly equal, as numpy does.</summary>
    public static void NumpyGradient(ReadOnlySpan<double> samples, ReadOnlySpan<double> coordinates, Span<double> destination, int edgeOrder = 1,
        Backend? backend = null)
    {
        ValidateNumpy(samples, destination, edgeOrder);
        ValidateCoordinates(samples, coordinates, destination);
        ValidateEvenSpacing(coordinates);
        if (DiffNativeRuntime.Resolve(backend).Kind == BackendKind.Native) NativeCore.NumpyGradientCoordinates(samples, coordinates, edgeOrder, destination);
        else if (!samples.IsEmpty) GridReference.NumpyCoordinates(samples, coordinates, edgeOrder, destination);
    }

    /// <summary>Derivative of order 1..4 at accuracy 2..8 of samples at strictly increasing
    /// coordinates: Fornberg weights per point keep the stated accuracy on any grid (even orders
    /// get one more point inside, where a symmetric stencil would lose an order).</summary>
    public static void Derivative(ReadOnlySpan<double> samples, ReadOnlySpan<double> coordinates, Span<double> destination, int order = 1,
        int accuracy = 2, Backend? backend = null)
    {
        ValidateCoordinates(samples, coordinates, destination);
        ValidateOrderAccuracy(order, accuracy);
        var minimum = GridReference.CoordinateMinimum(order, accuracy);
        if (samples.Length is > 0 && samples.Length < minimum)
            throw new ArgumentException($"Order {order} at accuracy {accuracy} needs {minimum} samples, got {samples.Length}.", nameof(samples));
        var unusable = GridReference.FirstUnusableStencil(coordinates, order, accuracy);
        if (unusable >= 0)
            throw new ArgumentException($"The stencil of coordinates[{unusable}] = {coordinates[unusable]} has offsets that overflow or coincide after rounding; the coordinates span too wide a range for their spacing.", nameof(coordinates));
        if (DiffNativeRuntime.Resolve(backend).Kind == BackendKind.Native) NativeCore.GridDerivativeCoordinates(samples, coordinates, order, accuracy, destination);
        else if (!samples.IsEmpty) GridReference.Coordinates(samples, coordinates, order, accuracy, destination);
    }
}
