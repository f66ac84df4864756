namespace DiffNative.Reference;

/// <summary>Double-double arithmetic (Dekker, Bailey's QD): a value Hi + Lo with |Lo| ≤ ulp(Hi)/2,
/// about 106 bits. The twin of native/src/double_double.h, operation for operation, so that both
/// round identically; Hi is always the double nearest to Hi + Lo.</summary>
internal readonly record struct DoubleDouble(double Hi, double Lo)
{
    internal static DoubleDouble Of(double a) => new(a, 0.0);

    /// <summary>a + b exactly, when |a| ≥ |b| or a = 0.</summary>
    internal static DoubleDouble QuickTwoSum(double a, double b)
    {
        var s = a + b;
        return new(s, b - (s - a));
    }

    /// <summary>a + b exactly, any magnitudes (Knuth).</summary>
    internal static DoubleDouble TwoSum(double a, double b)
    {
        var s = a + b;
        var bb = s - a;
        return new(s, (a - (s - bb)) + (b - bb));
    }

    /// <summary>a·b exactly (barring underflow).</summary>
    internal static DoubleDouble TwoProduct(double a, double b)
    {
        var p = a * b;
        return new(p, Math.FusedMultiplyAdd(a, b, -p));
    }

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    /// <summary>The sloppy sum (one two-sum): error O(2⁻¹⁰⁶) of |a| + |b|.</summary>
    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        var s = TwoSum(a.Hi, b.Hi);
        return QuickTwoSum(s.Hi, s.Lo + (a.Lo + b.Lo));
    }

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + -b;

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        var p = TwoProduct(a.Hi, b.Hi);
        return QuickTwoSum(p.Hi, p.Lo + (a.Hi * b.Lo + a.Lo * b.Hi));
    }

    public static DoubleDouble operator *(DoubleDouble a, double b)
    {
        var p = TwoProduct(a.Hi, b);
        return QuickTwoSum(p.Hi, p.Lo + a.Lo * b);
    }

    /// <summary>Long division with three quotient digits (QD's accurate division), each digit taken
    /// with one reciprocal of b.Hi: the digits need only be close, because each remainder is formed
    /// in double-double and carries their error into the next, so the quotient keeps about 106 bits.</summary>
    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        var inverse = 1.0 / b.Hi;
        var q1 = a.Hi * inverse;
        var r = a - b * q1;
        var q2 = r.Hi * inverse;
        r -= b * q2;
        var q3 = r.Hi * inverse;
        return QuickTwoSum(q1, q2) + Of(q3);
    }
}
