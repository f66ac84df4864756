namespace DiffNative.Cli.Files;

/// <summary>Where every verb's output files go (<c>grid --output</c>, <c>--chart</c>): the path is
/// checked before any work is done, and the content is written to a temporary file beside it and
/// moved into place, so a failure never leaves half a file or replaces a good one.</summary>
internal static class OutputFile
{
    /// <summary>Refuses a path that cannot take a file: empty, a folder, or in a folder that does
    /// not exist. Whether the file system lets us write is only known when writing; <see
    /// cref="Write"/> reports it.</summary>
    /// <exception cref="FormatException">The message names the option and the path.</exception>
    internal static void Check(string path, string option)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new FormatException($"{option}: give a file path.");
        if (Directory.Exists(path))
            throw new FormatException($"{option}: '{path}' is a folder, not a file.");
        string? folder;
        try
        {
            folder = Path.GetDirectoryName(Path.GetFullPath(path));
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{option}: '{path}' is not a file path.", e);
        }
        if (folder is null || !Directory.Exists(folder))
            throw new FormatException($"{option}: the folder of '{path}' does not exist.");
    }

    /// <summary>Writes the file at <paramref name="path"/> atomically: <paramref name="write"/>
    /// fills a temporary file in the same folder, which then replaces the path in one rename.</summary>
    /// <exception cref="IOException">The file could not be written; the message names the option
    /// and the path as typed (never the temporary file). Nothing is left behind, and an earlier
    /// file at the path is as it was.</exception>
    internal static void Write(string path, string option, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (FileErrors.IsFileSystem(e))
        {
            // The folder was there when checked, so "not found" means the file system refuses new
            // files in it (/proc), or the folder went away meanwhile.
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "cannot create a file there" : FileErrors.Reason(e);
            throw new IOException($"{option}: cannot write '{path}': {reason}.", e);
        }
        finally
        {
            DeleteQuietly(temporary);
        }
    }

    // A temporary file that cannot be deleted must not hide why the write failed.
    private static void DeleteQuietly(string temporary)
    {
        try
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
        catch (Exception e) when (FileErrors.IsFileSystem(e))
        {
        }
    }
}
