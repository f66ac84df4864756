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

    [Fact]
    public void A_missing_file_exits_2()
    {
        var result = CliRunner.Run(null, "grid", "--input", Path.Combine(folder, "missing.csv"), "--y", "v");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing.csv", result.Stderr);
    }
}
