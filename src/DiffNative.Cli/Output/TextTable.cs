namespace DiffNative.Cli.Output;

/// <summary>A table as data: headers, rows of plain text and an optional style per cell.
/// <see cref="Screen"/> decides how to draw it for where the output goes.</summary>
internal sealed class TextTable
{
    internal sealed record Column(string Header, bool RightAligned);

    /// <summary>Plain text (never markup) and a Spectre style name ("green", "bold yellow") that a
    /// terminal shows and a file does not need.</summary>
    internal readonly record struct Cell(string Text, string? Style = null)
    {
        public static implicit operator Cell(string text) => new(text);
    }

    internal List<Column> Columns { get; } = [];

    internal List<Cell[]> Rows { get; } = [];

    /// <summary>False for a list of name–value pairs, whose rows say what they are.</summary>
    internal bool ShowHeaders { get; private set; } = true;

    internal TextTable AddColumn(string header, bool rightAligned = false)
    {
        Columns.Add(new Column(header, rightAligned));
        return this;
    }

    internal TextTable HideHeaders()
    {
        ShowHeaders = false;
        return this;
    }

    internal TextTable AddRow(params Cell[] cells)
    {
        if (cells.Length != Columns.Count)
            throw new ArgumentException($"a row of {cells.Length} cells in a table of {Columns.Count} columns", nameof(cells));
        Rows.Add(cells);
        return this;
    }

    /// <summary>A table of two unlabelled columns: a name and its value.</summary>
    internal static TextTable Pairs() => new TextTable().AddColumn("").AddColumn("").HideHeaders();

    internal bool IsPairs => !ShowHeaders && Columns.Count == 2;

    /// <summary>Every column's header (when shown) and cells, top to bottom.</summary>
    internal IEnumerable<string> ColumnTexts(int column) =>
        (ShowHeaders ? [Columns[column].Header] : Enumerable.Empty<string>()).Concat(Rows.Select(r => r[column].Text));
}
