using System.Text.Json;

namespace DiffNative.Tests.Cli;

public class GridCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("diffnative-grid").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Csv(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    // y = t^2 on t = 0, 0.5, ..., 2.5: every second-order stencil gives 2t exactly.
    private const string Squares = "t,v\n0,0\n0.5,0.25\n1,1\n1.5,2.25\n2,4\n2.5,6.25\n";

    [Fact]
    public void Json_has_the_derivative_column()
    {
        var result = CliRunner.Run(null, "grid", "--input", Csv("s.csv", Squares), "--y", "v", "--x", "t", "--json");
        Assert.Equal(0, result.ExitCode);
        var d = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("derivative").EnumerateArray().Select(e => e.GetDouble());
        Assert.Equal([0.0, 1, 2, 3, 4, 5], d);
    }

    [Fact]
    public void Output_file_holds_one_derivative_column()
    {
        var output = Path.Combine(folder, "out.csv");
        var result = CliRunner.Run(null, "grid", "--input", Csv("s.csv", Squares), "--y", "v", "--spacing", "0.5", "--output", output);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["derivative", "0", "1", "2", "3", "4", "5"], File.ReadAllLines(output));
    }

    [Fact]
    public void Numpy_edge_order_1_gives_numpys_first_differences_at_the_ends()
    {
        var result = CliRunner.Run(null, "grid", "--input", Csv("s.csv", Squares), "--y", "v", "--spacing", "0.5", "--numpy-edge-order", "1", "--json");
        var d = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("derivative").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(0.5, d[0]);   // (0.25 - 0) / 0.5
        Assert.Equal(4.5, d[^1]);  // (6.25 - 4) / 0.5
    }

    [Theory]
    [InlineData("t,v\n0,0\n0.5,abc\n1,1\n", "--y v", "row 2", "'v'")]
    [InlineData(Squares, "--y w", "'w'", "columns")]
    [InlineData("t,v\n0,0\n1,1\n1,2\n3,3\n", "--y v --x t", "row 3", "'t'")]
    [InlineData(Squares, "--y v --order 4 --accuracy 8", "6 data rows", "'v'")]
    [InlineData(Squares, "--y v --x t --spacing 1", "--x", "--spacing")]
    [InlineData(Squares, "--y v --accuracy 3", "--accuracy", "3")]
    [InlineData("t,v\n0,0\n0.5,\n1,1\n1.5,2\n", "--y v", "row 2", "empty")]
    [InlineData("t,v\n0,0\n0.5,inf\n1,1\n1.5,2\n", "--y v", "row 2", "finite")]
    [InlineData("", "--y v", "--input", "no header")]
    [InlineData(Squares, "--y v --spacing nan", "--spacing", "NaN")]
    [InlineData(Squares, "--y v --spacing -1", "--spacing", "-1")]
    [InlineData(Squares, "--y v --order 5", "--order", "5")]
    [InlineData(Squares, "--y v --numpy-edge-order 3", "--numpy-edge-order", "3")]
    [InlineData(Squares, "--y v --numpy-edge-order 1 --order 2", "--numpy-edge-order", "--order 1")]
    public void Bad_input_exits_2_naming_the_row_and_column(string content, string options, string first, string second)
    {
        var args = new[] { "grid", "--input", Csv("bad.csv", content) }.Concat(options.Split(' ')).ToArray();
        var output = Path.Combine(folder, "never.csv");
        var result = CliRunner.Run(null, [.. args, "--output", output]);
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(first, line);
        Assert.Contains(second, line);
        Assert.False(File.Exists(output), "no output is written on error");
    }

    [Theory]
    [InlineData("t,v\n0,1\"x\n1,2\n2,3\n", "row 1 (line 2)", "1\"x")]          // a stray quote
    [InlineData("t,v\n0,1\n1,\"2\n2,3\n", "row 2 (line 3)", "\"2\\n2,3")]     // a quote never closed
    [InlineData("t,v\n0,1\n\n\n1,\"2\"x\n", "row 2 (line 5)", "\"2\"x")]     // text after the closing quote
    [InlineData("t,\"v\n0,1\n", "header (line 1)", "\"v")]
    public void A_stray_or_unclosed_quote_names_its_row_and_line(string content, string where, string field)
    {
        var output = Path.Combine(folder, "never.csv");
        var result = CliRunner.Run(null, "grid", "--input", Csv("q.csv", content), "--y", "v", "--output", output);
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"diffnative: --input '{Path.Combine(folder, "q.csv")}', {where}: a stray or unclosed quote in '{field}", line);
        Assert.False(File.Exists(output));
    }

    /// <summary>The line is the file's own: blank lines and line breaks inside quoted fields count
    /// (row 3 was reported as line 4 in all three files).</summary>
    [Theory]
    [InlineData("t,v\n\n0,1\n\n1,2\n2,abc\n", "line 6")]                 // blank lines at 2 and 4
    [InlineData("t,v\n0,\"1\n\"\n1,2\n\n2,abc\n", "line 6")]              // row 1 spans lines 2-3, blank line 5
    [InlineData("t,v\r\n\r\n0,1\r\n1,2\r\n2,abc\r\n", "line 5")]       // CRLF, blank line 2
    public void A_bad_cell_names_the_line_it_is_on(string content, string line)
    {
        var result = CliRunner.Run(null, "grid", "--input", Csv("lines.csv", content), "--y", "v");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"diffnative: --input '{Path.Combine(folder, "lines.csv")}', row 3 ({line}), column 'v': 'abc' is not a finite number.",
            result.Stderr.TrimEnd());
    }

    /// <summary>A file with no end to its first field (here /dev/zero: before, the reader took
    /// memory until the process died "Out of memory", exit 134) stops at a bound.</summary>
    [Fact]
    public void An_endless_field_exits_2_instead_of_filling_memory()
    {
        var result = CliRunner.Run(null, "grid", "--input", "/dev/zero", "--y", "v");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("diffnative: --input '/dev/zero', line 1: a field longer than 1048576 characters (an unclosed quote, or not a CSV file).",
            result.Stderr.TrimEnd());
    }

    public static TheoryData<string, string> UnreadableInputs => new()
    {
        { "{folder}", "is a folder, not a file" },
        { "{folder}/missing.csv", "does not exist" },
        { "{folder}/s.csv/x.csv", "does not exist" },   // a file where a folder should be
        // Unreadable for root too: a sysctl without read permission (procfs ignores
        // CAP_DAC_OVERRIDE for it), and a file that opens but fails on the first read.
        { "/proc/sys/vm/drop_caches", "cannot read '/proc/sys/vm/drop_caches': permission denied" },
        { "/proc/self/mem", "cannot read '/proc/self/mem': " },
    };

    [Theory]
    [MemberData(nameof(UnreadableInputs))]
    public void An_input_that_cannot_be_read_exits_2_naming_the_option_and_the_path(string input, string reason)
    {
        Csv("s.csv", Squares);
        var path = input.Replace("{folder}", folder);
        var output = Path.Combine(folder, "never.csv");
        var result = CliRunner.Run(null, "grid", "--input", path, "--y", "v", "--output", output);
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("diffnative: --input: ", line);
        Assert.Contains($"'{path}'", line);
        Assert.Contains(reason, line);
        Assert.False(File.Exists(output));
    }

    /// <summary>Errors the library finds in what the file or the options hold name the option that
    /// fed them, not the library's parameter.</summary>
    [Theory]
    [InlineData(Squares, "--y v --spacing 1e-200 --order 2", "--spacing 1E-200: ")]      // h² underflows
    [InlineData(Squares, "--y v --spacing 1e308 --numpy-edge-order 1", "--spacing 1E+308: ")] // 2h overflows
    [InlineData("t,v\n-1e308,0\n0,1\n1e308,4\n1.5e308,9\n", "--y v --x t", "--x: ")]     // offsets overflow
    public void Library_errors_name_the_option(string content, string options, string start)
    {
        var result = CliRunner.Run(null, ["grid", "--input", Csv("l.csv", content), .. options.Split(' ')]);
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"diffnative: {start}", line);
        Assert.DoesNotContain("Parameter", line);
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        var result = CliRunner.Run(null, "grid", "--input", Path.Combine(folder, "missing.csv"), "--y", "v");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing.csv", result.Stderr);
    }
}
