using System.Text;
using DiffNative.Cli.Files;

namespace DiffNative.Cli;

/// <summary>Standard output that says so when it cannot be written (a full disk behind a
/// redirection): the system's message alone ("No space left on device") names no file.</summary>
internal sealed class StandardOutput(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void WriteLine() => Guard(inner.WriteLine);

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void Flush() => Guard(inner.Flush);

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (FileErrors.IsFileSystem(e))
        {
            throw new IOException($"standard output: cannot write: {FileErrors.Reason(e)}.", e);
        }
    }
}
