using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DiffNative;

/// <summary>Finiteness scans for points and results. v − v is 0 for every finite v and NaN for
/// ±∞ and NaN, so a sum of such differences is 0 exactly when all are finite: no branch per
/// element, four lanes at a time. These run on every call of the cheap entry points.</summary>
internal static class Finite
{
    internal static bool All(ReadOnlySpan<double> values)
    {
        var i = 0;
        ref var start = ref MemoryMarshal.GetReference(values);
        if (Vector256.IsHardwareAccelerated && values.Length >= Vector256<double>.Count)
        {
            var sum = Vector256<double>.Zero;
            for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                sum += v - v;
            }
            if (!Vector256.EqualsAll(sum, Vector256<double>.Zero)) return false;
        }
        var tail = 0.0;
        for (; i < values.Length; i++) tail += values[i] - values[i];
        return tail == 0.0;
    }

    /// <summary>The point checks of every multivariate entry point: at least one coordinate, all
    /// finite; the message names the first coordinate that is not.</summary>
    internal static void RequirePoint(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty)
            throw new ArgumentException("x must have at least one coordinate.", nameof(x));
        if (!All(x))
        {
            var i = FirstNonFinite(x);
            throw new ArgumentException($"x[{i}] is {x[i]}; the point must be finite.", nameof(x));
        }
    }

    /// <summary>The index of the first value that is not finite, or −1.</summary>
    internal static int FirstNonFinite(ReadOnlySpan<double> values)
    {
        for (var i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i])) return i;
        return -1;
    }
}
