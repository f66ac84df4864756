using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using DiffNative.Cli.Help;
using DiffNative.Cli.Output;

namespace DiffNative.Cli;

/// <summary>Runs a parsed command line under the CLI's conventions: bad usage, bad input and
/// every file or permission failure exit 2 with one line on stderr and no stack trace.</summary>
internal static class CommandRunner
{
    internal static int Run(Command root, string[] args)
    {
        // Numbers on the command line and in files are invariant ("0.5"), whatever the locale:
        // System.CommandLine parses with the current culture, where de-DE read 0.5 as 5.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        Console.SetOut(new StandardOutput(Console.Out));
        // Help wraps to the screen's width: 80 columns in a file or pipe, where it had none.
        foreach (var help in root.Options.OfType<HelpOption>())
            help.Action = new HelpAction { MaxWidth = Screen.Current.Width };
        var verb = "";
        try
        {
            ResponseFiles.Check(args);
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
                return Fail(UnknownVerb.Describe(root, parsed) ?? UsageErrors.Describe(parsed.Errors[0]));
            var command = parsed.CommandResult.Command;
            verb = command.Name;
            // Help and --version work whatever the environment; every verb checks it the same way.
            if (parsed.Action is not null && parsed.Action == command.Action && command.Name != HelpCommand.Name)
                ForcedIsa.Check();
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (ArgumentException e)
        {
            return Fail(LibraryParameters.Describe(verb, e));
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            return Fail(e.Message);
        }
    }

    /// <summary>Errors about the caller's input or machine, as opposed to bugs in DiffNative.</summary>
    private static bool IsUserFacing(Exception e) =>
        e is DiffNativeException or DllNotFoundException or IOException or UnauthorizedAccessException or FormatException;

    internal static int Fail(string message)
    {
        try
        {
            Console.Error.WriteLine($"diffnative: {message.ReplaceLineEndings(" ")}");
        }
        catch (IOException)
        {
            // stderr itself is gone (closed, or a full disk): the exit code still says it failed.
        }
        return ExitCodes.BadUsageOrInput;
    }
}
