using System.CommandLine;

namespace DiffNative.Cli;

/// <summary>Runs a parsed command line under the CLI's conventions: bad usage or input exits 2 with
/// one line on stderr and no stack trace.</summary>
internal static class CommandRunner
{
    internal static int Run(RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
            return Fail(parsed.Errors[0].Message);
        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (IsUserFacing(e))
        {
            return Fail(e.Message);
        }
    }

    /// <summary>Errors about the caller's input or machine, as opposed to bugs in DiffNative.</summary>
    private static bool IsUserFacing(Exception e) =>
        e is ArgumentException or DiffNativeException or DllNotFoundException or IOException or FormatException;

    internal static int Fail(string message)
    {
        Console.Error.WriteLine($"diffnative: {message.ReplaceLineEndings(" ")}");
        return ExitCodes.BadUsageOrInput;
    }
}
