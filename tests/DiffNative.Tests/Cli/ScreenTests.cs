using DiffNative.Cli.Output;
using Spectre.Console;

namespace DiffNative.Tests.Cli;

/// <summary>The layout under every verb's tables, on a terminal of a given width (Spectre.Console
/// writing to a string) and in a file: lines fit the width and break at spaces only.</summary>
public class ScreenTests
{
    private static (Screen Screen, StringWriter Output) Terminal(int width)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        return (Screen.ForTerminal(console), output);
    }

    private static string[] Lines(StringWriter output) => output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    private static TextTable Optimisers() => new TextTable()
        .AddColumn("method").AddColumn("iterations", rightAligned: true).AddColumn("stopped on")
        .AddRow("GradientDescent", "20000", "MaxIterations reached before the gradient was small")
        .AddRow("Bfgs", "30", "GradientTolerance");

    [Theory]
    [InlineData(80)]
    [InlineData(50)]
    [InlineData(40)]
    public void A_terminal_table_fits_and_breaks_at_spaces(int width)
    {
        var (screen, output) = Terminal(width);
        screen.Write(Optimisers());
        var lines = Lines(output);
        Assert.All(lines, line => Assert.True(line.Length <= width, $"{line.Length} > {width}: '{line}'"));
        foreach (var word in new[] { "GradientDescent", "MaxIterations", "GradientTolerance", "iterations", "20000", "gradient" })
            Assert.Contains(lines, line => line.Contains(word, StringComparison.Ordinal));
    }

    [Fact]
    public void A_terminal_table_that_fits_is_boxed_with_natural_widths()
    {
        var (screen, output) = Terminal(120);
        screen.Write(new TextTable().AddColumn("a").AddColumn("b", rightAligned: true).AddRow("x y", "1"));
        Assert.Equal(
            ["╭─────┬───╮", "│ a   │ b │", "├─────┼───┤", "│ x y │ 1 │", "╰─────┴───╯", ""],
            Lines(output));
    }

    [Fact]
    public void A_path_wider_than_the_terminal_is_written_whole_on_its_own_line()
    {
        var path = "/a/very/long/folder/name/that/goes/on/and/on/" + new string('x', 30) + "/libdiffnative.so";
        var (screen, output) = Terminal(40);
        var table = TextTable.Pairs();
        table.AddRow("version", "0.1.0");
        table.AddRow("native library", path);
        screen.Write(table);
        Assert.Contains("  " + path, Lines(output));
        Assert.Contains("version         0.1.0", Lines(output));
    }

    [Fact]
    public void A_title_wider_than_the_terminal_is_wrapped_not_cut()
    {
        var (screen, output) = Terminal(30);
        screen.Heading("Hessian of Rosenbrock at (−1.2, 1) with every digit");
        var text = output.ToString();
        Assert.DoesNotContain("…", text);
        Assert.Equal(["Hessian of Rosenbrock at", "(−1.2, 1) with every digit", new string('─', 26), ""], Lines(output));
    }

    [Fact]
    public void A_file_gets_plain_columns_under_dashed_headers()
    {
        var output = new StringWriter();
        Screen.ForWriter(output, 80).Write(new TextTable().AddColumn("name").AddColumn("value", rightAligned: true)
            .AddRow("a", "1").AddRow("bb", "22"));
        Assert.Equal(["name  value", "----  -----", "a         1", "bb       22", ""], Lines(output));
    }

    [Fact]
    public void A_file_narrower_than_the_table_wraps_cells_within_their_columns()
    {
        var output = new StringWriter();
        Screen.ForWriter(output, 50).Write(Optimisers());
        Assert.Equal(
        [
            "method           iterations  stopped on",
            "---------------  ----------  ---------------------",
            "GradientDescent       20000  MaxIterations reached",
            "                             before the gradient",
            "                             was small",
            "Bfgs                     30  GradientTolerance",
            "",
        ], Lines(output));
    }

    /// <summary>At 30 columns the three longest words (42 columns) cannot stand side by side.</summary>
    [Fact]
    public void A_file_too_narrow_for_any_columns_gets_one_record_per_row()
    {
        var output = new StringWriter();
        Screen.ForWriter(output, 30).Write(Optimisers());
        Assert.Equal(
        [
            "GradientDescent",
            "  iterations: 20000",
            "  stopped on: MaxIterations",
            "    reached before the",
            "    gradient was small",
            "",
            "Bfgs",
            "  iterations: 30",
            "  stopped on:",
            "    GradientTolerance",
            "",
        ], Lines(output));
    }

    [Theory]
    [InlineData(new[] { 3, 5 }, new[] { 10, 20 }, 40, new[] { 10, 20 })]   // everything fits
    [InlineData(new[] { 3, 5 }, new[] { 10, 20 }, 20, new[] { 10, 10 })]   // the nearer column whole, the rest to the other
    [InlineData(new[] { 3, 5 }, new[] { 10, 20 }, 8, new[] { 3, 5 })]      // just the longest words
    public void Columns_share_the_room_so_that_fewest_wrap(int[] least, int[] natural, int available, int[] expected) =>
        Assert.Equal(expected, ColumnFit.Share(least, natural, available));

    [Fact]
    public void Columns_whose_longest_words_do_not_fit_get_no_layout() =>
        Assert.Null(ColumnFit.Share([3, 5], [10, 20], 7));
}
