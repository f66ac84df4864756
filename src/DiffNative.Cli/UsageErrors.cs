using System.CommandLine.Parsing;
using System.Globalization;

namespace DiffNative.Cli;

/// <summary>System.CommandLine's parse errors as the CLI words them: a value that is not a
/// whole number names the option and the value, not a .NET type ("System.Nullable`1[System.Int32]")
/// (real numbers are read by <see cref="NumberOption"/>).</summary>
internal static class UsageErrors
{
    internal static string Describe(ParseError error)
    {
        var option = error.SymbolResult switch
        {
            OptionResult o => o,
            ArgumentResult { Parent: OptionResult o } => o,
            _ => null,
        };
        if (option is null || option.Tokens.Count != 1)
            return error.Message;
        var type = Nullable.GetUnderlyingType(option.Option.ValueType) ?? option.Option.ValueType;
        var token = option.Tokens[0].Value;
        if (type == typeof(int) && !int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            return $"{option.Option.Name}: '{token}' is not a whole number from {int.MinValue} to {int.MaxValue}.";
        return error.Message;
    }
}
