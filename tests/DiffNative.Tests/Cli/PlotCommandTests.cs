using System.Buffers.Binary;
using System.Text.Json;
using DiffNative.Cli.Charts;

namespace DiffNative.Tests.Cli;

public class PlotCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("diffnative-plot").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Chart(string name = "chart.png") => Path.Combine(folder, name);

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Writes_a_png_of_1000_by_640_pixels()
    {
        var result = CliRunner.Run(null, "plot", "--expr", "x^2 + sin(x)", "--from", "-3", "--to", "3", "--at", "1", "--chart", Chart());
        Assert.Equal(0, result.ExitCode);
        var png = File.ReadAllBytes(Chart());
        Assert.Equal(PngSignature, png[..8]);
        // The first chunk is IHDR: width and height, big-endian, at bytes 16 and 20.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(1000, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(640, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.Contains("chart written to", result.Stdout);
    }

    [Fact]
    public void Json_gives_the_tangent_of_x2_plus_sin_x_at_1_as_its_closed_form()
    {
        var result = CliRunner.Run(null, "plot", "--expr", "x^2 + sin(x)", "--from", "-3", "--to", "3", "--at", "1", "--chart", Chart(), "--json");
        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(1.0, json.GetProperty("at").GetDouble());
        Assert.Equal(1 + Math.Sin(1), json.GetProperty("value").GetDouble(), 1e-15);
        Assert.Equal(2 + Math.Cos(1), json.GetProperty("derivative").GetDouble(), 1e-11);
        Assert.True(json.GetProperty("error").GetDouble() < 1e-9);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("warning").ValueKind);
        Assert.Equal(Path.GetFullPath(Chart()), json.GetProperty("chart").GetString());
    }

    [Fact]
    public void Without_at_the_tangent_is_at_the_middle_of_the_range()
    {
        var result = CliRunner.Run(null, "plot", "--expr", "exp(t)", "--var", "t", "--from", "-1", "--to", "2", "--chart", Chart(), "--json");
        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(0.5, json.GetProperty("at").GetDouble());
        Assert.Equal(Math.Exp(0.5), json.GetProperty("derivative").GetDouble(), 1e-11);
    }

    [Fact]
    public void A_pole_inside_the_range_is_drawn_with_a_gap()
    {
        var result = CliRunner.Run(null, "plot", "--expr", "1/x", "--from", "-1", "--to", "1", "--at", "0.5", "--chart", Chart(), "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(-4.0, JsonDocument.Parse(result.Stdout).RootElement.GetProperty("derivative").GetDouble(), 1e-10);
        Assert.Equal(PngSignature, File.ReadAllBytes(Chart())[..8]);
    }

    [Theory]
    [InlineData("x^2", "1", "1", null, "chart.png", "--from")]           // A = B
    [InlineData("x^2", "2", "1", null, "chart.png", "--from")]           // A > B
    [InlineData("x^2", "-inf", "1", null, "chart.png", "--from")]        // not finite
    [InlineData("x^2", "0", "NaN", null, "chart.png", "--to")]
    [InlineData("x^2", "-1e308", "1e308", null, "chart.png", "width")]   // B - A overflows
    [InlineData("x^2", "1", "1.0000000000000002", null, "chart.png", "narrow")]
    [InlineData("x^2", "0", "1", "1.5", "chart.png", "--at")]            // X outside [A, B]
    [InlineData("x^2", "0", "1", "abc", "chart.png", "--at")]
    [InlineData("x^^2", "0", "1", null, "chart.png", "column")]          // bad expression
    [InlineData("y^2", "0", "1", null, "chart.png", "'y'")]              // unknown variable
    [InlineData("sqrt(-1 - x^2)", "0", "1", null, "chart.png", "not finite anywhere")]
    [InlineData("x^2", "0", "1", null, "chart.svg", ".png")]
    [InlineData("x^2", "0", "1", null, "missing/chart.png", "folder")]
    public void Bad_input_exits_2_with_one_line_and_writes_nothing(string expr, string from, string to, string? at, string chart, string mentioned)
    {
        string[] args = ["plot", "--expr", expr, "--from", from, "--to", to, "--chart", Chart(chart)];
        var result = CliRunner.Run(null, at is null ? args : [.. args, "--at", at]);
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(mentioned, line);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void A_refused_variable_name_names_the_var_option()
    {
        var result = CliRunner.Run(null, "plot", "--expr", "pi^2", "--var", "pi", "--from", "0", "--to", "1", "--chart", Chart());
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("diffnative: --var: variable name 'pi' would shadow the constant pi", result.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void A_chart_path_that_cannot_be_written_exits_2_and_leaves_no_temporary_file()
    {
        // A folder where the file should go: unwritable for every user, root included.
        Directory.CreateDirectory(Chart("taken.png"));
        var result = CliRunner.Run(null, "plot", "--expr", "x^2", "--from", "0", "--to", "1", "--chart", Chart("taken.png"));
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("taken.png", line);
        Assert.Equal([Chart("taken.png")], Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void Bad_input_leaves_an_existing_chart_as_it_was()
    {
        File.WriteAllText(Chart(), "earlier chart");
        var result = CliRunner.Run(null, "plot", "--expr", "x^", "--from", "0", "--to", "1", "--chart", Chart());
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("earlier chart", File.ReadAllText(Chart()));
    }

    [Fact]
    public void The_sampled_derivative_is_nan_where_f_itself_is_not_finite()
    {
        // The engine alone returns a number at a pole (central stencils never evaluate f there).
        var curve = DerivativeCurve.Sample(x => 1 / x, -1, 1, 401, 0.5);
        Assert.Equal(0.0, curve.X[200]);
        Assert.True(double.IsNaN(curve.Derivative[200]));
        for (var i = 0; i < 401; i++)
            if (i != 200)
                Assert.Equal(-1 / (curve.X[i] * curve.X[i]), curve.Derivative[i], 1e-9 / (curve.X[i] * curve.X[i]));
        Assert.Equal(1.0, curve.X[^1]);
    }

    [Fact]
    public void Finite_runs_split_at_every_non_finite_value()
    {
        double[] a = [1, 2, double.NaN, 4, 5, 6, double.PositiveInfinity];
        double[] b = [1, 2, 3, 4, double.NaN, 6, 7];
        Assert.Equal([(0, 2), (3, 1), (5, 1)], DerivativeChart.FiniteRuns(a, b));
    }
}
