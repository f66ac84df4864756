namespace DiffNative.Tests.Support;

/// <summary>Distances between doubles in units in the last place.</summary>
public static class Ulps
{
    /// <summary>How many representable doubles lie between a and b (0 when equal, +0 and -0
    /// counting as equal); the subnormals count like any other step.</summary>
    public static ulong Between(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
            return double.IsNaN(a) && double.IsNaN(b) ? 0 : ulong.MaxValue;
        var ordered = (Int128)Ordered(a) - Ordered(b);
        return (ulong)Int128.Abs(ordered);
    }

    /// <summary>Maps doubles to integers in the same order, one apart for adjacent doubles.</summary>
    private static long Ordered(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        return bits >= 0 ? bits : -(bits & long.MaxValue);
    }

    /// <summary>How many representable floats lie between a and b, as <see cref="Between(double, double)"/>.</summary>
    public static ulong Between(float a, float b)
    {
        if (float.IsNaN(a) || float.IsNaN(b))
            return float.IsNaN(a) && float.IsNaN(b) ? 0 : ulong.MaxValue;
        return (ulong)Math.Abs((long)Ordered(a) - Ordered(b));
    }

    private static int Ordered(float value)
    {
        var bits = BitConverter.SingleToInt32Bits(value);
        return bits >= 0 ? bits : -(bits & int.MaxValue);
    }
}
