using System.CommandLine;
using DiffNative.Cli.Output;

namespace DiffNative.Cli.Help;

/// <summary><c>diffnative help [expressions | VERB]</c>: the expression language, a verb's help,
/// or the list of verbs.</summary>
internal static class HelpCommand
{
    internal const string Name = "help";

    internal static Command Create(Command root)
    {
        var topic = new Argument<string?>("topic")
        {
            Description = $"'{ExpressionHelp.Topic}' for the expression syntax, or a verb for its options.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command(Name, "Show the expression syntax (help expressions) or a verb's help.") { topic };
        command.SetAction(result => Run(root, result.GetValue(topic)));
        return command;
    }

    private static int Run(Command root, string? topic)
    {
        if (topic is null)
            return root.Parse(["--help"]).Invoke();
        if (topic == ExpressionHelp.Topic)
        {
            ExpressionHelp.Write(Screen.Current);
            return ExitCodes.Success;
        }
        var verbs = root.Subcommands.Select(c => c.Name).ToArray();
        if (verbs.Contains(topic, StringComparer.Ordinal))
            return root.Parse([topic, "--help"]).Invoke();
        string[] topics = [ExpressionHelp.Topic, .. verbs];
        var nearest = NearestName.Find(topic, topics);
        throw new FormatException($"help: '{topic}' is not a topic; " +
            (nearest is null ? $"the topics are {string.Join(", ", topics)}." : $"did you mean 'diffnative help {nearest}'?"));
    }
}
