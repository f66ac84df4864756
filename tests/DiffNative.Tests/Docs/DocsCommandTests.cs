using System.Text;
using System.Text.RegularExpressions;
using DiffNative.Tests.Cli;

namespace DiffNative.Tests.Docs;

/// <summary>Every line of a ```sh block in the README, docs/*.md and the package readmes that starts
/// with "diffnative " is run as users would run it (in a fresh temporary folder) and must exit 0.</summary>
public partial class DocsCommandTests
{
    [GeneratedRegex(@"^```sh[ \t]*\r?\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex ShellBlock();

    public static TheoryData<string, string> Commands()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in DocsPages.All())
            foreach (Match block in ShellBlock().Matches(DocsPages.Read(page)))
                foreach (var line in block.Groups[1].Value.Split('\n').Select(l => l.Trim()))
                    if (line.StartsWith("diffnative ", StringComparison.Ordinal))
                        data.Add(page, line);
        return data;
    }

    [Fact]
    public void The_cli_page_and_the_tool_readme_have_runnable_commands()
    {
        Assert.Contains(Commands(), row => (string)row[0] == "docs/cli.md");
        Assert.Contains(Commands(), row => (string)row[0] == "src/DiffNative.Cli/README.md");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_exits_0(string file, string line)
    {
        var folder = Directory.CreateTempSubdirectory("diffnative-docs").FullName;
        try
        {
            var result = CliRunner.RunIn(folder, null, [.. Split(line).Skip(1)]);
            Assert.True(result.ExitCode == 0, $"{file}: '{line}' exited {result.ExitCode}: {result.Stderr}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Splits a command line at spaces outside double quotes, as a POSIX shell does for
    /// the simple lines the docs use (no escapes, no variables).</summary>
    internal static List<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var inWord = false;
        foreach (var c in line)
        {
            if (c == '"') { quoted = !quoted; inWord = true; }
            else if (c == ' ' && !quoted)
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else { word.Append(c); inWord = true; }
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }
}
