using System.Numerics;

namespace DiffNative.Reference;

/// <summary>The float paths of the references: values widened to double (exact) before the double
/// algorithm runs on them, results rounded once on the way back. Widening in a loop of its own
/// keeps the algorithm's loop free of vcvtss2sd, whose merge into its destination register would
/// chain each element to the one before it (measured: 3–4 times slower activations).</summary>
internal static class Widening
{
    /// <summary>Elements widened per step on the stack.</summary>
    internal const int Piece = 256;

    internal static void Widen<T>(ReadOnlySpan<T> source, Span<double> destination) where T : struct, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < source.Length; i++) destination[i] = double.CreateTruncating(source[i]);
    }

    internal static void Narrow<T>(ReadOnlySpan<double> source, Span<T> destination) where T : struct, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < source.Length; i++) destination[i] = T.CreateTruncating(source[i]);
    }
}
