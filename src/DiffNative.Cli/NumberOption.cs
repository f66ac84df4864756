using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace DiffNative.Cli;

/// <summary>Options whose value is one real number, read the way --at and CSV cells are: invariant
/// culture, a decimal point, no thousands separators. System.CommandLine's own reading follows the
/// locale and allows thousands separators, so "0,5" was 5 in English and "0.5" was 5 in German.</summary>
internal static class NumberOption
{
    internal static Option<double?> Create(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = Parse,
    };

    private static double? Parse(ArgumentResult result)
    {
        // The option takes exactly one token; System.CommandLine reports any other count itself.
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return value;
        var name = result.Parent is OptionResult option ? option.Option.Name : "value";
        result.AddError($"{name}: '{token}' is not a number.");
        return null;
    }
}
