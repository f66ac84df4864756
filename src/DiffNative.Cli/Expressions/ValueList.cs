using System.Globalization;

namespace DiffNative.Cli.Expressions;

/// <summary>Reads the CLI's comma-separated lists of numbers (--at -1.2,1e-06).</summary>
internal static class ValueList
{
    /// <summary>Parses comma-separated invariant-culture numbers; whitespace around items is allowed,
    /// empty items and NaN are not, nor infinities unless <paramref name="allowInfinite"/>.</summary>
    /// <param name="text">The option's value, e.g. "-1.2, 1".</param>
    /// <param name="optionName">The option, as the user typed it (e.g. "--at"), for messages.</param>
    /// <param name="allowInfinite">Whether "inf", "+inf" and "-inf" are allowed (bounds).</param>
    /// <exception cref="FormatException">An item is empty, not a number or not finite; the message
    /// names the option, the item and its place.</exception>
    internal static double[] ParseValues(string text, string optionName, bool allowInfinite = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
            throw new FormatException($"{optionName}: no values given");
        var items = text.Split(',');
        var values = new double[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i].Trim();
            if (item.Length == 0)
                throw new FormatException($"{optionName}: item {i + 1} is empty");
            // Float allows a sign, a decimal point, an exponent and surrounding spaces, but no
            // thousands separators; NaN and infinities parse as symbols and are refused below.
            if (allowInfinite && Infinity(item) is { } infinity)
            {
                values[i] = infinity;
                continue;
            }
            if (!double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new FormatException($"{optionName}: '{item}' is not a number (item {i + 1})");
            if (!double.IsFinite(value))
                throw new FormatException($"{optionName}: '{item}' is not a finite number{(allowInfinite ? " or ±inf" : "")} (item {i + 1})");
            values[i] = value;
        }
        return values;
    }

    private static double? Infinity(string item) => item.ToLowerInvariant() switch
    {
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => null,
    };
}
