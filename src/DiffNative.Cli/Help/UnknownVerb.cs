using System.CommandLine;
using System.CommandLine.Parsing;

namespace DiffNative.Cli.Help;

/// <summary>What to say when the first word is not a verb: System.CommandLine reports "Required
/// command was not provided", which blames the user for the wrong thing.</summary>
internal static class UnknownVerb
{
    /// <returns>The message, or null when the parse did not fail on the verb.</returns>
    internal static string? Describe(Command root, ParseResult parsed)
    {
        if (parsed.CommandResult.Command != root || parsed.Errors.Count == 0)
            return null;
        var verbs = root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToArray();
        var first = parsed.Tokens.FirstOrDefault();
        if (first is null)
            return $"give a verb: {string.Join(", ", verbs)} (diffnative --help says what each does).";
        if (first.Type != TokenType.Argument)
            return null;
        if (first.Value.StartsWith('-'))
            return $"'{first.Value}' is not an option of diffnative itself; give a verb first (diffnative --help lists them).";
        var nearest = NearestName.Find(first.Value, verbs);
        return $"'{first.Value}' is not a verb; " + (nearest is null
            ? $"the verbs are {string.Join(", ", verbs)} (diffnative --help says what each does)."
            : $"did you mean '{nearest}'? (diffnative --help lists the verbs)");
    }
}
