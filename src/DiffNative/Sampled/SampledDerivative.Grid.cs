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
        Span<int> shape = [samples.Length];
        AlongAxis(samples, shape, 0, spacing, destination, order, accuracy, backend, parallel);
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
        var count = ValidateField(field, shape, destination);
        if ((uint)axis >= (uint)shape.Length)
            throw new ArgumentOutOfRangeException(nameof(axis), axis, $"The array has {shape.Length} axes.");
        ValidateStencil(order, accuracy, spacing, nameof(spacing));
        var minimum = GridReference.MinimumSamples(order, accuracy);
        if (count > 0 && shape[axis] < minimum)
            throw new ArgumentException($"Axis {axis} has {shape[axis]} samples; order {order} at accuracy {accuracy} needs {minimum}.", nameof(shape));
        var chosen = DiffNativeRuntime.Resolve(backend);
        if (chosen.Kind == BackendKind.Native)
            NativeCore.GridDerivative(chosen.Isa, field[..count], shape, axis, spacing, order, accuracy, destination[..count], Parts(parallel, count, shape[0]));
        else if (count > 0)
            GridReference.AlongAxis(field[..count], shape, axis, GridReference.Get(order, accuracy, spacing), false, destination[..count]);
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
        var count = ValidateField(field, shape, destination);
        if (spacing.Length != shape.Length)
            throw new ArgumentException($"spacing has {spacing.Length} values for {shape.Length} axes.", nameof(spacing));
        var minimum = GridReference.MinimumSamples(2, accuracy);
        for (var a = 0; a < shape.Length; a++)
        {
            ValidateStencil(2, accuracy, spacing[a], nameof(spacing));
            if (count > 0 && shape[a] < minimum)
                throw new ArgumentException($"Axis {a} has {shape[a]} samples; accuracy {accuracy} needs {minimum}.", nameof(shape));
        }
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
        var count = ElementCount(shape);
        if (spacing.Length != shape.Length)
            throw new ArgumentException($"spacing has {spacing.Length} values for {shape.Length} axes.", nameof(spacing));
        if (destination.Length < count * shape.Length)
            throw new ArgumentException($"The destination holds {destination.Length} values; {shape.Length} axes of {count} need {count * shape.Length}.", nameof(destination));
        for (var a = 0; a < shape.Length; a++)
            AlongAxis(field, shape, a, spacing[a], destination.Slice(a * count, count), 1, accuracy, backend, parallel);
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
        if (spacing.Length != shape.Length)
            throw new ArgumentException($"spacing has {spacing.Length} values for {shape.Length} axes.", nameof(spacing));
        if ((uint)axisA >= (uint)shape.Length) throw new ArgumentOutOfRangeException(nameof(axisA), axisA, $"The array has {shape.Length} axes.");
        if ((uint)axisB >= (uint)shape.Length) throw new ArgumentOutOfRangeException(nameof(axisB), axisB, $"The array has {shape.Length} axes.");
        if (axisA == axisB)
        {
            AlongAxis(field, shape, axisA, spacing[axisA], destination, 2, accuracy, backend, parallel);
            return;
        }
        var count = ElementCount(shape);
        var scratch = ArrayPool<double>.Shared.Rent(Math.Max(count, 1));
        try
        {
            AlongAxis(field, shape, axisA, spacing[axisA], scratch.AsSpan(0, count), 1, accuracy, backend, parallel);
            AlongAxis(scratch.AsSpan(0, count), shape, axisB, spacing[axisB], destination, 1, accuracy, backend, parallel);
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
        if (chosen.Kind == BackendKind.Native) NativeCore.GradientNumpy(chosen.Isa, samples, spacing, edgeOrder, destination);
        else if (!samples.IsEmpty) GridReference.Numpy(samples, spacing, edgeOrder, destination);
    }

    /// <summary>numpy.gradient(samples, coordinates, edge_order): numpy's non-uniform formulas, or
    /// its uniform ones when every coordinate difference is exactly equal, as numpy does.</summary>
    public static void NumpyGradient(ReadOnlySpan<double> samples, ReadOnlySpan<double> coordinates, Span<double> destination, int edgeOrder = 1,
        Backend? backend = null)
    {
        ValidateNumpy(samples, destination, edgeOrder);
        ValidateCoordinates(samples, coordinates, destination);
        if (DiffNativeRuntime.Resolve(backend).Kind == BackendKind.Native) NativeCore.GradientNumpyCoordinates(samples, coordinates, edgeOrder, destination);
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

    // ---- validation, shared by both backends ------------------------------------------------------

    private static int ElementCount(ReadOnlySpan<int> shape)
    {
        if (shape.Length is 0 or > 8)
            throw new ArgumentException($"An array has 1 to 8 dimensions, got {shape.Length}.", nameof(shape));
        long count = 1;
        foreach (var d in shape)
        {
            if (d < 0) throw new ArgumentException($"Dimension {d} is negative.", nameof(shape));
            count *= d;
            if (count > Array.MaxLength) throw new ArgumentException("The array is larger than .NET arrays allow.", nameof(shape));
        }
        return (int)count;
    }

    private static int ValidateField(ReadOnlySpan<double> field, ReadOnlySpan<int> shape, Span<double> destination)
    {
        var count = ElementCount(shape);
        if (field.Length < count)
            throw new ArgumentException($"The field holds {field.Length} values; the shape needs {count}.", nameof(field));
        if (destination.Length < count)
            throw new ArgumentException($"The destination holds {destination.Length} values; the shape needs {count}.", nameof(destination));
        if (field[..count].Overlaps(destination[..count]))
            throw new ArgumentException("The destination must not overlap the field.", nameof(destination));
        return count;
    }

    private static void ValidateOrderAccuracy(int order, int accuracy)
    {
        if (order is < 1 or > 4)
            throw new ArgumentOutOfRangeException(nameof(order), order, "The derivative order must be 1..4.");
        if (accuracy is not (2 or 4 or 6 or 8))
            throw new ArgumentOutOfRangeException(nameof(accuracy), accuracy, "Grid stencils have accuracy 2, 4, 6 or 8.");
    }

    private static void ValidateStencil(int order, int accuracy, double spacing, string spacingName)
    {
        ValidateOrderAccuracy(order, accuracy);
        var hd = spacing;
        for (var k = 1; k < order; k++) hd *= spacing;
        if (!double.IsFinite(spacing) || spacing <= 0 || !double.IsFinite(hd) || hd == 0)
            throw new ArgumentOutOfRangeException(spacingName, spacing, "The spacing must be finite and positive (and its power finite and non-zero).");
    }

    private static void ValidateNumpy(ReadOnlySpan<double> samples, Span<double> destination, int edgeOrder)
    {
        if (edgeOrder is not (1 or 2))
            throw new ArgumentOutOfRangeException(nameof(edgeOrder), edgeOrder, "numpy's edge_order is 1 or 2.");
        if (samples.Length > 0 && samples.Length <= edgeOrder)
            throw new ArgumentException($"edge_order {edgeOrder} needs at least {edgeOrder + 1} samples, got {samples.Length}.", nameof(samples));
        if (destination.Length < samples.Length)
            throw new ArgumentException($"The destination holds {destination.Length} values but {samples.Length} are needed.", nameof(destination));
        if (samples.Overlaps(destination))
            throw new ArgumentException("The destination must not overlap the samples.", nameof(destination));
    }

    private static void ValidateCoordinates(ReadOnlySpan<double> samples, ReadOnlySpan<double> coordinates, Span<double> destination)
    {
        if (coordinates.Length != samples.Length)
            throw new ArgumentException($"coordinates has {coordinates.Length} values for {samples.Length} samples.", nameof(coordinates));
        if (destination.Length < samples.Length)
            throw new ArgumentException($"The destination holds {destination.Length} values but {samples.Length} are needed.", nameof(destination));
        if (samples.Overlaps(destination) || coordinates.Overlaps(destination))
            throw new ArgumentException("The destination must not overlap the samples or coordinates.", nameof(destination));
        for (var i = 0; i < coordinates.Length; i++)
        {
            if (!double.IsFinite(coordinates[i]))
                throw new ArgumentException($"coordinates[{i}] is {coordinates[i]}; coordinates must be finite.", nameof(coordinates));
            if (i > 0 && !(coordinates[i] > coordinates[i - 1]))
                throw new ArgumentException($"coordinates[{i}] = {coordinates[i]} does not exceed coordinates[{i - 1}] = {coordinates[i - 1]}; coordinates must be strictly increasing.", nameof(coordinates));
        }
    }
}
