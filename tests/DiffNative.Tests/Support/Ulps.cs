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
}
