using DiffNative.Interop;

namespace DiffNative;

/// <summary>Finite-difference weights for any derivative order on any offsets (Fornberg 1988):
/// f⁽ᵈ⁾(at) ≈ Σⱼ weights[j]·f(offsets[j]).</summary>
public static class FiniteDifferenceWeights
{
    /// <summary>Most points a stencil may have.</summary>
    public const int MaxPoints = 64;

    /// <summary>Highest derivative order supported.</summary>
    public const int MaxDerivative = 16;

    /// <summary>Computes the weights into <paramref name="weights"/>; allocates nothing. Both
    /// backends perform the same operations and give the same bits.</summary>
    /// <param name="derivative">The derivative order, 0 ≤ derivative &lt; number of offsets.</param>
    /// <param name="offsets">Distinct finite sample positions, at most <see cref="MaxPoints"/>.</param>
    /// <param name="weights">Receives one weight per offset.</param>
    /// <param name="at">Where the derivative is taken.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    public static void Compute(int derivative, ReadOnlySpan<double> offsets, Span<double> weights, double at = 0, Backend? backend = null)
    {
        Validate(derivative, offsets, weights, at);
        if (DiffNativeRuntime.Resolve(backend).Kind == BackendKind.Native)
            NativeCore.FdWeights(derivative, offsets, at, weights);
        else
            Reference.FornbergReference.Compute(derivative, offsets, at, weights);
    }

    /// <summary>As <see cref="Compute(int, ReadOnlySpan{double}, Span{double}, double, Backend?)"/>, returning a new array.</summary>
    public static double[] Compute(int derivative, ReadOnlySpan<double> offsets, double at = 0, Backend? backend = null)
    {
        var weights = new double[offsets.Length];
        Compute(derivative, offsets, weights, at, backend);
        return weights;
    }

    private static void Validate(int derivative, ReadOnlySpan<double> offsets, Span<double> weights, double at)
    {
        if (offsets.Length is 0 or > MaxPoints)
            throw new ArgumentException($"A stencil needs 1 to {MaxPoints} offsets, got {offsets.Length}.", nameof(offsets));
        if (derivative < 0 || derivative > MaxDerivative || derivative >= offsets.Length)
            throw new ArgumentOutOfRangeException(nameof(derivative), derivative,
                $"The derivative order must be 0..{Math.Min(MaxDerivative, offsets.Length - 1)} for {offsets.Length} offsets.");
        if (weights.Length < offsets.Length)
            throw new ArgumentException($"The weights buffer holds {weights.Length} values but {offsets.Length} are needed.", nameof(weights));
        if (!double.IsFinite(at))
            throw new ArgumentOutOfRangeException(nameof(at), at, "The point must be finite.");
        for (var i = 0; i < offsets.Length; i++)
        {
            if (!double.IsFinite(offsets[i]))
                throw new ArgumentException($"Offset {i} is {offsets[i]}; offsets must be finite.", nameof(offsets));
            for (var j = 0; j < i; j++)
                if (offsets[i] == offsets[j])
                    throw new ArgumentException($"Offsets {j} and {i} are both {offsets[i]}; offsets must be distinct.", nameof(offsets));
        }
    }
}
