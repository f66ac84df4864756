using System.Numerics;
using System.Runtime.InteropServices;

namespace DiffNative.MachineLearning;

/// <summary>The element types a network computes in (double and float) and the conversions its
/// shared code needs. Sums and products run in double and are rounded once to T, as the float
/// activations and losses do it; for double every conversion is the identity, so the double
/// network keeps its bits. The type tests are constants to the JIT, so the untaken branch of each
/// dispatch disappears.</summary>
internal static class NetworkPrecision<T> where T : struct, IFloatingPointIeee754<T>
{
    internal static bool IsDouble => typeof(T) == typeof(double);

    internal static bool IsSingle => typeof(T) == typeof(float);

    /// <summary>Refuses element types without kernels (Half, NFloat, …).</summary>
    internal static void RequireSupported()
    {
        if (!IsDouble && !IsSingle)
            throw new NotSupportedException($"Networks compute in double or float, not {typeof(T).Name}.");
    }

    /// <summary>"double" or "float", for names and messages.</summary>
    internal static string Name => IsDouble ? "double" : "float";

    internal static double Wide(T value) => double.CreateTruncating(value);

    internal static T Narrow(double value) => T.CreateTruncating(value);

    internal static ReadOnlySpan<double> AsDouble(ReadOnlySpan<T> values) => MemoryMarshal.Cast<T, double>(values);

    internal static Span<double> AsDouble(Span<T> values) => MemoryMarshal.Cast<T, double>(values);

    internal static ReadOnlySpan<float> AsSingle(ReadOnlySpan<T> values) => MemoryMarshal.Cast<T, float>(values);

    internal static Span<float> AsSingle(Span<T> values) => MemoryMarshal.Cast<T, float>(values);
}
