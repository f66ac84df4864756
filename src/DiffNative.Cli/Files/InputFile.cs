namespace DiffNative.Cli.Files;

/// <summary>Opens a file the user named for reading, turning every way that can fail into one
/// sentence that names the option and the path as typed.</summary>
internal static class InputFile
{
    /// <param name="path">The path as the user typed it.</param>
    /// <param name="label">What names the file in messages: the option (<c>--input</c>) or the
    /// token (<c>@args.rsp</c>).</param>
    /// <exception cref="FileNotFoundException">Nothing is at the path.</exception>
    /// <exception cref="FormatException">The path is a folder.</exception>
    /// <exception cref="IOException">The file cannot be opened (permission, a special file).</exception>
    internal static StreamReader OpenText(string path, string label)
    {
        // Opening a folder fails as "access denied"; say what it is instead.
        if (Directory.Exists(path))
            throw new FormatException($"{label}: '{path}' is a folder, not a file.");
        try
        {
            return new StreamReader(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"{label}: '{path}' does not exist.", path, e);
        }
        catch (Exception e) when (e is ArgumentException)
        {
            throw new FormatException($"{label}: '{path}' is not a file path.", e);
        }
        catch (Exception e) when (FileErrors.IsFileSystem(e))
        {
            throw ReadFailed(path, label, e);
        }
    }

    /// <summary>A failure while reading an opened file (an I/O error from the device).</summary>
    internal static IOException ReadFailed(string path, string label, Exception e) =>
        new($"{label}: cannot read '{path}': {FileErrors.Reason(e)}.", e);
}
