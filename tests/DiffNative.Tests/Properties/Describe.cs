using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace DiffNative.Tests.Properties;

/// <summary>Writes a generated case so that it can be typed back as a test: doubles round-trip
/// ("R", with NaN, ±Infinity and −0 spelled out), arrays in full (long ones cut), records and
/// tuples member by member.</summary>
internal static class Describe
{
    private const int MaxItems = 80;

    internal static string Value(object? value)
    {
        var text = new StringBuilder();
        Append(text, value, 0);
        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case double d:
                text.Append(Number(d));
                return;
            case float f:
                text.Append(Number(f)).Append('f');
                return;
            case string s:
                text.Append('"').Append(s.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
                return;
            case Delegate:
                text.Append("<delegate>");
                return;
            case IEnumerable items when depth < 4:
                text.Append('[');
                var count = 0;
                foreach (var item in items)
                {
                    if (count > 0) text.Append(", ");
                    if (count++ == MaxItems)
                    {
                        text.Append('…');
                        break;
                    }
                    Append(text, item, depth + 1);
                }
                text.Append(']');
                return;
            case ITuple tuple when depth < 4:
                text.Append('(');
                for (var i = 0; i < tuple.Length; i++)
                {
                    if (i > 0) text.Append(", ");
                    Append(text, tuple[i], depth + 1);
                }
                text.Append(')');
                return;
        }
        var type = value.GetType();
        var properties = type.GetProperties().Where(p => p.GetIndexParameters().Length == 0).ToArray();
        if (type.IsPrimitive || type.IsEnum || properties.Length == 0 || depth >= 4 || type.Namespace?.StartsWith("DiffNative.Tests", StringComparison.Ordinal) != true)
        {
            text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
            return;
        }
        text.Append(type.Name).Append(" { ");
        for (var i = 0; i < properties.Length; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(properties[i].Name).Append(" = ");
            Append(text, properties[i].GetValue(value), depth + 1);
        }
        text.Append(" }");
    }

    internal static string Number(double d) => double.IsNaN(d) ? "double.NaN"
        : double.IsPositiveInfinity(d) ? "double.PositiveInfinity"
        : double.IsNegativeInfinity(d) ? "double.NegativeInfinity"
        : d == 0 && double.IsNegative(d) ? "-0.0"
        : d.ToString("R", CultureInfo.InvariantCulture);
}
