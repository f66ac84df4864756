using DiffNative.Reference;

namespace DiffNative;

// Argument checks shared by every backend. Each entry point runs all of its checks before it
// resolves the backend or writes anything, so a bad argument leaves every buffer as it was.
public static partial class SampledDerivative
{
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

    /// <summary>The shape's element count, after checking that the field holds that many values and
    /// the destination <paramref name="blocks"/> times as many, none of them over the field.</summary>
    private static int ValidateField(ReadOnlySpan<double> field, ReadOnlySpan<int> shape, Span<double> destination, int blocks)
    {
        var count = ElementCount(shape);
        if (field.Length < count)
            throw new ArgumentException($"The field holds {field.Length} values; the shape needs {count}.", nameof(field));
        var needed = (long)count * blocks;
        if (destination.Length < needed)
            throw new ArgumentException(blocks == 1
                ? $"The destination holds {destination.Length} values; the shape needs {count}."
                : $"The destination holds {destination.Length} values; {blocks} axes of {count} need {needed}.", nameof(destination));
        if (field[..count].Overlaps(destination[..(int)needed]))
            throw new ArgumentException("The destination must not overlap the field.", nameof(destination));
        return count;
    }

    /// <summary>The destination of a one-dimensional call: as long as the input and not over it.</summary>
    private static void ValidateOutput(ReadOnlySpan<double> samples, Span<double> destination, string samplesName)
    {
        if (destination.Length < samples.Length)
            throw new ArgumentException($"The destination holds {destination.Length} values but {samples.Length} are needed.", nameof(destination));
        if (samples.Overlaps(destination[..samples.Length]))
            throw new ArgumentException($"The destination must not overlap the {samplesName}.", nameof(destination));
    }

    private static void ValidateAxis(int axis, ReadOnlySpan<int> shape, string name)
    {
        if ((uint)axis >= (uint)shape.Length)
            throw new ArgumentOutOfRangeException(name, axis, $"The array has {shape.Length} axes.");
    }

    private static void ValidateSpacingCount(ReadOnlySpan<double> spacing, ReadOnlySpan<int> shape)
    {
        if (spacing.Length != shape.Length)
            throw new ArgumentException($"spacing has {spacing.Length} values for {shape.Length} axes.", nameof(spacing));
    }

    /// <summary>Spacing count, accuracy, every spacing, then every axis's length, for calls that
    /// take the derivative of the given order along every axis.</summary>
    private static void ValidateEveryAxis(int count, ReadOnlySpan<int> shape, ReadOnlySpan<double> spacing, int order, int accuracy)
    {
        ValidateSpacingCount(spacing, shape);
        ValidateOrderAccuracy(order, accuracy);
        foreach (var h in spacing) ValidateStencil(order, accuracy, h, nameof(spacing));
        for (var a = 0; a < shape.Length; a++) ValidateSamplesOnAxis(count, shape, a, order, accuracy);
    }

    private static void ValidateSamplesOnAxis(int count, ReadOnlySpan<int> shape, int axis, int order, int accuracy)
    {
        var minimum = GridReference.MinimumSamples(order, accuracy);
        if (count > 0 && shape[axis] < minimum)
            throw new ArgumentException($"Axis {axis} has {shape[axis]} samples; order {order} at accuracy {accuracy} needs {minimum}.", nameof(shape));
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

    /// <summary>Evenly spaced coordinates take numpy's uniform formulas, which divide by twice the
    /// spacing: a spacing whose double overflows is refused as the spacing overload refuses it,
    /// on every backend (the managed path computed on, the native one refused).</summary>
    private static void ValidateEvenSpacing(ReadOnlySpan<double> coordinates)
    {
        if (coordinates.Length < 2) return;
        var gap = coordinates[1] - coordinates[0];
        for (var i = 2; i < coordinates.Length; i++)
            if (coordinates[i] - coordinates[i - 1] != gap) return;
        if (!double.IsFinite(2 * gap))
            throw new ArgumentException($"The coordinates are evenly spaced by {gap}, whose double overflows in numpy's uniform formulas.", nameof(coordinates));
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
