using DiffNative.Cli.Files;

namespace DiffNative.Tests.Cli;

/// <summary>Every verb that writes a file (grid --output, plot --chart, bench --chart) × every way
/// the file can fail to be written: exit 2, one line naming the option and the path as typed
/// (never the temporary file), nothing left behind and an earlier file kept.</summary>
public class OutputFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("diffnative-output").FullName;
    private readonly string input;

    public OutputFileTests()
    {
        input = Path.Combine(folder, "squares.csv");
        File.WriteAllText(input, "t,v\n0,0\n1,1\n2,4\n3,9\n");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string[] Arguments(string verb, string output) =>
        verb switch
        {
            "grid" => ["grid", "--input", input, "--y", "v", "--output", output],
            "plot" => ["plot", "--expr", "x^2", "--from", "0", "--to", "1", "--chart", output],
            _ => ["bench", "--quick", "--chart", output],
        };

    public static TheoryData<string, string, string> VerbsAndTargets()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (verb, option, extension) in new[] { ("grid", "--output", "csv"), ("plot", "--chart", "png"), ("bench", "--chart", "png") })
        {
            data.Add(verb, option, $"{{folder}}/taken.{extension}");          // a folder where the file should go
            data.Add(verb, option, $"{{folder}}/missing/out.{extension}");    // its folder does not exist
            data.Add(verb, option, $"{{folder}}/squares.csv/out.{extension}"); // its "folder" is a file
            // Folders that refuse new files whoever asks, root included: procfs says "not found",
            // sysfs "permission denied" (or "read-only file system" where it is mounted read-only).
            data.Add(verb, option, $"/proc/out.{extension}");
            data.Add(verb, option, $"/sys/out.{extension}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(VerbsAndTargets))]
    public void An_output_that_cannot_be_written_fails_with_one_line_naming_it(string verb, string option, string target)
    {
        var path = target.Replace("{folder}", folder);
        if (path.EndsWith("/taken.csv") || path.EndsWith("/taken.png")) Directory.CreateDirectory(path);
        var before = Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

        var result = CliRunner.Run(null, Arguments(verb, path));

        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}, stderr: {result.Stderr}");
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"diffnative: {option}: ", line);
        Assert.Contains($"'{path}'", line);
        Assert.DoesNotContain(".tmp", line);
        Assert.DoesNotContain("Exception", line);
        Assert.Equal(before, Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void A_folder_given_as_the_output_is_called_a_folder()
    {
        var path = Path.Combine(folder, "taken.csv");
        Directory.CreateDirectory(path);
        var result = CliRunner.Run(null, Arguments("grid", path));
        Assert.Equal($"diffnative: --output: '{path}' is a folder, not a file.", result.Stderr.TrimEnd());
    }

    [Fact]
    public void A_write_that_fails_halfway_keeps_the_earlier_file_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(folder, "out.csv");
        File.WriteAllText(path, "earlier");
        var error = Assert.Throws<IOException>(() => OutputFile.Write(path, "--output", stream =>
        {
            stream.Write("derivative\n0\n"u8);
            throw new IOException("No space left on device : '/somewhere/.out.csv.1.tmp'");
        }));
        Assert.Equal($"--output: cannot write '{path}': No space left on device.", error.Message);
        Assert.Equal("earlier", File.ReadAllText(path));
        Assert.Equal([path, input], Directory.GetFileSystemEntries(folder).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_write_that_succeeds_replaces_the_earlier_file_whole()
    {
        var path = Path.Combine(folder, "out.csv");
        File.WriteAllText(path, "earlier, and longer than what replaces it");
        OutputFile.Write(path, "--output", stream => stream.Write("new"u8));
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal([path, input], Directory.GetFileSystemEntries(folder).Order(StringComparer.Ordinal));
    }
}
