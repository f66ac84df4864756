using Spectre.Console;

namespace DiffNative.Cli.Output;

/// <summary>Where the verbs' human-readable output goes. On a terminal: Spectre.Console tables and
/// rules fitted to the terminal's width. Anywhere else (a file, a pipe, a test): plain text within
/// 80 columns, no box drawing, no colour. Either way text wraps at spaces only, never inside a word.</summary>
internal sealed class Screen
{
    /// <summary>The width of output that is not a terminal: what a log or an editor shows whole.</summary>
    internal const int PlainWidth = 80;

    private static Screen? current;

    private readonly IAnsiConsole? terminal;
    private readonly TextWriter? plain;

    private Screen(IAnsiConsole? terminal, TextWriter? plain, int width)
    {
        this.terminal = terminal;
        this.plain = plain;
        Width = width;
    }

    /// <summary>Standard output, chosen at first use (after the runner has wrapped Console.Out).</summary>
    internal static Screen Current => current ??= Console.IsOutputRedirected
        ? ForWriter(Console.Out, PlainWidth)
        : ForTerminal(AnsiConsole.Console);

    internal static Screen ForWriter(TextWriter writer, int width) => new(null, writer, width);

    internal static Screen ForTerminal(IAnsiConsole console) => new(console, null, console.Profile.Width);

    /// <summary>The columns a line may take.</summary>
    internal int Width { get; }

    internal void Write(TextTable table)
    {
        if (terminal is null)
        {
            foreach (var line in PlainLayout.Table(table, Width)) plain!.WriteLine(line);
            return;
        }
        var n = table.Columns.Count;
        // A rounded table takes a border and a space either side of every column, and one border more.
        var widths = ColumnFit.Widths(table, Width - 3 * n - 1);
        if (widths is null)
        {
            foreach (var line in PlainLayout.Table(table, Width)) Line(line);
            return;
        }
        var boxed = new Table().Border(TableBorder.Rounded);
        for (var c = 0; c < n; c++)
        {
            var header = table.Columns[c];
            var column = new TableColumn(new Text(string.Join('\n', WordWrap.Lines(header.Header, widths[c])), new Style(decoration: Decoration.Bold)))
            {
                Width = widths[c],
                NoWrap = true,
            };
            boxed.AddColumn(header.RightAligned ? column.RightAligned() : column);
        }
        if (!table.ShowHeaders) boxed.HideHeaders();
        foreach (var row in table.Rows)
            boxed.AddRow(row.Select((cell, c) => (Spectre.Console.Rendering.IRenderable)new Text(
                string.Join('\n', WordWrap.Lines(cell.Text, widths[c])),
                cell.Style is null ? Style.Plain : Style.Parse(cell.Style))));
        terminal.Write(boxed);
    }

    /// <summary>A section's title: a rule on a terminal, the title underlined elsewhere.</summary>
    internal void Heading(string title)
    {
        // A rule cuts a title that does not fit beside its ends ("── … ──") short with an ellipsis.
        if (terminal is not null && WordWrap.Width(title) + 6 <= Width)
        {
            terminal.Write(new Rule(Spectre.Console.Markup.Escape(title)).LeftJustified());
            return;
        }
        var lines = WordWrap.Lines(title, Width);
        foreach (var line in lines) Line(line, "bold");
        Line(new string(terminal is null ? '-' : '─', Math.Min(Width, lines.Max(WordWrap.Width))));
    }

    /// <summary>A paragraph in Spectre markup ("[green]passed[/]"), wrapped at spaces.</summary>
    internal void Markup(string markup)
    {
        var text = Spectre.Console.Markup.Remove(markup);
        // Spectre.Console wraps at spaces too, but cuts a word wider than the terminal.
        if (terminal is not null && WordWrap.LongestWord(text) <= Width) terminal.MarkupLine(markup);
        else Text(text);
    }

    /// <summary>A paragraph of plain text, wrapped at spaces.</summary>
    internal void Text(string text)
    {
        foreach (var line in WordWrap.Lines(text, Width)) Line(line);
    }

    /// <summary>Lines written as they are (commands to copy), already within the width.</summary>
    internal void Verbatim(IEnumerable<string> lines, string? style = null)
    {
        foreach (var line in lines) Line(line, style);
    }

    internal void BlankLine() => Line("");

    /// <summary>One line as it is. Spectre.Console would wrap a line wider than the terminal
    /// inside a word, so such a line (a long path) goes to the terminal unwrapped, whole for a
    /// copy and paste.</summary>
    private void Line(string line, string? style = null)
    {
        if (terminal is null) plain!.WriteLine(line);
        else if (style is null || WordWrap.Width(line) > Width) terminal.Profile.Out.Writer.WriteLine(line);
        else terminal.Write(new Text(line + "\n", Style.Parse(style)));
    }
}
