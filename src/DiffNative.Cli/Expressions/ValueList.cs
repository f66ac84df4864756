using System.Globalization;

namespace DiffNative.Cli.Expressions;

/// <summary>Reads the CLI's comma-separated lists of numbers (--at -1.2,1e-06).</summary>
internal static class ValueList
{
    /// <summary>Parses comma-separated invariant-culture numbers; whitespace around items is allowed,
    /// empty items, NaN and infinities are not.</summary>
    /// <param name="text">The option's value, e.g. "-1.2, 1".</param>
    /// <param name="optionName">The option, as the user typed it (e.g. "--at"), for messages.</param>
    /// <exception cref="FormatException">An item is empty, not a number or not finite; the message
    /// names the option, the item and its place.</exception>
    internal static double[] ParseValues(string text, string optionName)
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
            if (!double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new FormatException($"{optionName}: '{item}' is not a number (item {i + 1})");
            if (!double.IsFinite(value))
                throw new FormatException($"{optionName}: '{item}' is not a finite number (item {i + 1})");
            values[i] = value;
        }
        return values;
    }
}
