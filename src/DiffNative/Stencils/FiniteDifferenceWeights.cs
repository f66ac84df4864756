using DiffNative.Interop;
using DiffNative.Reference;

namespace DiffNative;

/// <summary>Finite-difference weights for any derivative order on any offsets (Fornberg 1988):
/// f⁽ᵈ⁾(at) ≈ Σⱼ weights[j]·f(offsets[j]).</summary>
public static class FiniteDifferenceWeights
{
    /// <summary>Most points a stencil may have.</summary>
    public const int MaxPoints = 64;

    /// <summary>Highest derivative order supported.</summary>
    public const int MaxDerivative = 16;

    /// <summary>Computes the weights into <paramref name="weights"/>; allocates nothing. Each
    /// weight is the exact weight of the given offsets rounded to the nearest double (the recursion
    /// runs in double-double on offsets scaled to unit size), at any spacing; offsets symmetric
    /// about <paramref name="at"/> give exactly symmetric (even derivative) or antisymmetric (odd)
    /// weights. Both backends perform the same operations and give the same bits.</summary>
    /// <param name="derivative">The derivative order, 0 ≤ derivative &lt; number of offsets.</param>
    /// <param name="offsets">Distinct finite sample positions, at most <see cref="MaxPoints"/>.</param>
    /// <param name="weights">Receives one weight per offset; untouched when an exception is thrown.</param>
    /// <param name="at">Where the derivative is taken.</param>
    /// <param name="backend">The implementation; the default backend when null.</param>
    /// <exception cref="ArgumentException">Besides bad arguments: an offset minus
    /// <paramref name="at"/> overflows, or (with its rounding error) is below 2⁻¹⁰²² of the widest, or a weight
    /// would overflow or fall below the normal range of double (derivative 1 at spacing 1e-310,
    /// derivative 4 at spacing 1e-80 or 1e80).</exception>
    public static void Compute(int derivative, ReadOnlySpan<double> offsets, Span<double> weights, double at = 0, Backend? backend = null)
    {
        Validate(derivative, offsets, weights, at);
        var done = DiffNativeRuntime.Resolve(backend).Kind == BackendKind.Native
            ? NativeCore.FiniteDifferenceWeights(derivative, offsets, at, weights)
            : FiniteDifferenceWeightsReference.Compute(derivative, offsets, at, weights, out _) == FiniteDifferenceWeightsReference.Failure.None;
        if (!done)
            throw Refusal(derivative, offsets, at);
    }

    /// <summary>As <see cref="Compute(int, ReadOnlySpan{double}, Span{double}, double, Backend?)"/>, returning a new array.</summary>
    public static double[] Compute(int derivative, ReadOnlySpan<double> offsets, double at = 0, Backend? backend = null)
    {
        var weights = new double[offsets.Length];
        Compute(derivative, offsets, weights, at, backend);
        return weights;
    }

    // The native library says only that it refused; the managed reference refuses the same
    // arguments and says which offset or weight is at fault.
    private static ArgumentException Refusal(int derivative, ReadOnlySpan<double> offsets, double at)
    {
        Span<double> scratch = stackalloc double[MaxPoints];
        var failure = FiniteDifferenceWeightsReference.Compute(derivative, offsets, at, scratch[..offsets.Length], out var i);
        var spread = 0.0;
        foreach (var o in offsets) spread = Math.Max(spread, Math.Abs(o - at));
        var message = failure switch
        {
            FiniteDifferenceWeightsReference.Failure.InexactOffset when !double.IsFinite(offsets[i] - at) =>
                $"offsets[{i}] − at = {offsets[i]} − {at} overflows double.",
            FiniteDifferenceWeightsReference.Failure.InexactOffset =>
                $"offsets[{i}] − at = {offsets[i] - at} has a part below 2^-1022 of the widest offset ({spread}) and cannot be scaled exactly with it.",
            FiniteDifferenceWeightsReference.Failure.WeightOverflows =>
                $"The weight of offsets[{i}] = {offsets[i]} for derivative {derivative} overflows double: the offsets span {spread} around at = {at}, and the weights grow as that spacing to the power −{derivative}.",
            FiniteDifferenceWeightsReference.Failure.WeightUnderflows =>
                $"The weight of offsets[{i}] = {offsets[i]} for derivative {derivative} falls below the normal range of double: the offsets span {spread} around at = {at}, and the weights shrink as that spacing to the power −{derivative}.",
            _ => "The native library refused offsets that the managed reference accepts.",
        };
        return new ArgumentException(message, nameof(offsets));
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
