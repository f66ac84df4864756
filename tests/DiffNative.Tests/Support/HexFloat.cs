using System.Globalization;

namespace DiffNative.Tests.Support;

/// <summary>Parses Python's float.hex() output ("-0x1.8p+1", "0x0.0p+0", "inf", "nan"), the
/// lossless form the generated test data uses; .NET has no hex-float parser.</summary>
public static class HexFloat
{
    public static double Parse(string text)
    {
        var s = text.Trim();
        var negative = s.StartsWith('-');
        if (negative || s.StartsWith('+')) s = s[1..];
        if (s == "inf") return negative ? double.NegativeInfinity : double.PositiveInfinity;
        if (s == "nan") return double.NaN;
        if (!s.StartsWith("0x", StringComparison.Ordinal)) throw new FormatException($"not a hex float: {text}");
        var p = s.IndexOf('p');
        var mantissa = s[2..p];
        var exponent = int.Parse(s[(p + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.');
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var fractionDigits = dot < 0 ? 0 : mantissa.Length - dot - 1;
        var value = (double)ulong.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        // The integer holds at most 53 significant bits, so the conversion and scaling are exact.
        var result = Math.ScaleB(value, exponent - 4 * fractionDigits);
        return negative ? -result : result;
    }
}
