using DiffNative.Interop;
using DiffNative.Reference;

namespace DiffNative;

/// <summary>Derivatives of sampled data.</summary>
public static partial class SampledDerivative
{
    /// <summary>Fewest samples the uniform first derivative accepts (three for the one-sided
    /// second-order ends).</summary>
    public const int MinimumUniformSamples = 3;

    /// <summary>First derivative of samples spaced uniformly by <paramref name="spacing"/>:
    /// central differences inside, second-order one-sided differences at both ends, the same
    /// numbers as numpy.gradient(samples, spacing, edge_order=2). Allocates nothing; every backend
    /// gives bit-identical results.</summary>
    /// <param name="samples">The samples; empty, or at least 3 of them.</param>
    /// <param name="spacing">The distance between samples: finite and positive.</param>
    /// <param name="destination">Receives the derivative at each sample; at least as long as
    /// <paramref name="samples"/> and not overlapping it. Untouched when an argument is bad.</param>
    /// <param name="backend">The implementation; <see cref="DiffNativeRuntime.DefaultBackend"/> when null.</param>
    /// <exception cref="ArgumentException">Too few samples, a short or overlapping destination.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The spacing is not finite and positive.</exception>
    /// <exception cref="IsaNotAvailableException">The native backend's ISA cannot run here.</exception>
    public static void Gradient(ReadOnlySpan<double> samples, double spacing, Span<double> destination, Backend? backend = null)
    {
        Validate(samples, spacing, destination);
        var chosen = DiffNativeRuntime.Resolve(backend);
        if (chosen.Kind == BackendKind.Native)
            NativeCore.SampledGradient(chosen.Isa, samples, spacing, destination);
        else if (!samples.IsEmpty)
            SampledGradientReference.Compute(samples, spacing, destination);
    }

    /// <summary>As <see cref="Gradient(ReadOnlySpan{double}, double, Span{double}, Backend?)"/>,
    /// returning a new array.</summary>
    public static double[] Gradient(ReadOnlySpan<double> samples, double spacing, Backend? backend = null)
    {
        ValidateSpacing(spacing);
        ValidateLength(samples);
        var result = new double[samples.Length];
        Gradient(samples, spacing, result, backend);
        return result;
    }

    private static void Validate(ReadOnlySpan<double> samples, double spacing, Span<double> destination)
    {
        ValidateSpacing(spacing);
        ValidateLength(samples);
        if (destination.Length < samples.Length)
            throw new ArgumentException(
                $"The destination holds {destination.Length} values but {samples.Length} are needed.", nameof(destination));
        if (samples.Overlaps(destination))
            throw new ArgumentException("The destination must not overlap the samples.", nameof(destination));
    }

    private static void ValidateLength(ReadOnlySpan<double> samples)
    {
        if (samples.Length is > 0 and < MinimumUniformSamples)
            throw new ArgumentException(
                $"At least {MinimumUniformSamples} samples are needed, got {samples.Length}.", nameof(samples));
    }

    private static void ValidateSpacing(double spacing)
    {
        // 2*spacing must stay finite too, or every central difference would be 0 or NaN.
        if (!double.IsFinite(spacing) || spacing <= 0 || !double.IsFinite(2 * spacing))
            throw new ArgumentOutOfRangeException(nameof(spacing), spacing, "The spacing must be finite and positive.");
    }
}
