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

    /// <summary>Exactly the same bits, NaN payloads and the sign of zero included: the contract
    /// where two paths run the same operations in the same order.</summary>
    public static void AssertIdentical(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string context)
    {
        Assert.True(expected.Length == actual.Length, $"{context}: {actual.Length} values, expected {expected.Length}");
        for (var i = 0; i < expected.Length; i++)
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
                Assert.Fail($"{context}: entry {i} is {actual[i]:R}, expected {expected[i]:R}");
    }

    /// <summary><see cref="AssertIdentical(ReadOnlySpan{double}, ReadOnlySpan{double}, string)"/> for one value.</summary>
    public static void AssertIdentical(double expected, double actual, string context)
    {
        if (BitConverter.DoubleToInt64Bits(expected) != BitConverter.DoubleToInt64Bits(actual))
            Assert.Fail($"{context}: {actual:R}, expected {expected:R}");
    }
}
