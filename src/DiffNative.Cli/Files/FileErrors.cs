using System.Text.RegularExpressions;

namespace DiffNative.Cli.Files;

/// <summary>Why a file could not be read or written, in words that fit after the path the user
/// typed: .NET's messages name the path they were given, which for an output is the temporary file.</summary>
internal static partial class FileErrors
{
    /// <summary>True for the exceptions the file system raises: missing, refused, full, broken.</summary>
    internal static bool IsFileSystem(Exception e) => e is IOException or UnauthorizedAccessException;

    /// <summary>The reason alone, without a path: "permission denied", "no such file or folder",
    /// or the system's own words ("Read-only file system", "No space left on device").</summary>
    internal static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "no such file or folder",
        PathTooLongException => "the path is too long",
        _ => TrailingPath().Replace(e.Message, "").ReplaceLineEndings(" ").TrimEnd('.', ' '),
    };

    // On Unix, .NET words other errors as "<strerror> : '<path>'".
    [GeneratedRegex(@"\s*:\s*'[^']*'\s*\.?\s*$")]
    private static partial Regex TrailingPath();
}
