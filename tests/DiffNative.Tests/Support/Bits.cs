using System.Numerics;
using System.Runtime.InteropServices;

namespace DiffNative.Tests.Support;

/// <summary>Bit-for-bit comparison of double or float results.</summary>
public static class Bits
{
    /// <summary>Same bits, or both NaN (payloads are not part of the contract).</summary>
    public static void AssertSame<T>(T[] expected, T[] actual, string context) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var i = 0; i < expected.Length; i++)
            if (!(T.IsNaN(expected[i]) && T.IsNaN(actual[i])) &&
                !MemoryMarshal.AsBytes(expected.AsSpan(i, 1)).SequenceEqual(MemoryMarshal.AsBytes(actual.AsSpan(i, 1))))
                Assert.Fail($"{context}: entry {i} is {actual[i]:R}, expected {expected[i]:R}");
    }
}
