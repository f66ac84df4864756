using DiffNative.Cli.Files;

namespace DiffNative.Cli;

/// <summary>Response files (<c>diffnative @args.rsp</c>, System.CommandLine reads one argument per
/// line): each is checked before parsing, since the parser lets a folder or an unreadable file
/// escape as an exception and reports a missing one after an unrelated error.</summary>
internal static class ResponseFiles
{
    /// <exception cref="FileNotFoundException">A response file does not exist.</exception>
    /// <exception cref="FormatException">It is a folder.</exception>
    /// <exception cref="IOException">It cannot be read.</exception>
    internal static void Check(IEnumerable<string> args)
    {
        foreach (var token in args)
        {
            if (token == "--") return; // after it, nothing is a response file
            if (token.Length < 2 || token[0] != '@') continue;
            using var reader = InputFile.OpenText(token[1..], $"response file {token}");
            try
            {
                reader.Read();
            }
            catch (Exception e) when (FileErrors.IsFileSystem(e))
            {
                throw InputFile.ReadFailed(token[1..], $"response file {token}", e);
            }
        }
    }
}
