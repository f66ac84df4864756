namespace DiffNative.Cli.Output;

/// <summary>A table as lines of plain text for a file or a pipe: columns padded with spaces,
/// headers underlined with dashes, no box drawing, every line within the width unless a single
/// word is wider (a long path, on a line of its own).</summary>
internal static class PlainLayout
{
    private const string Gap = "  ";

    internal static List<string> Table(TextTable table, int width)
    {
        if (table.IsPairs) return Pairs(table, width);
        var n = table.Columns.Count;
        var widths = ColumnFit.Widths(table, width - Gap.Length * (n - 1));
        if (widths is null) return Records(table, width);
        var lines = new List<string>();
        if (table.ShowHeaders)
        {
            lines.AddRange(Row(table, table.Columns.Select(c => c.Header).ToArray(), widths));
            lines.Add(string.Join(Gap, widths.Select((w, c) => new string(table.Columns[c].Header.Length > 0 ? '-' : ' ', w))).TrimEnd());
        }
        foreach (var row in table.Rows)
            lines.AddRange(Row(table, row.Select(c => c.Text).ToArray(), widths));
        return lines;
    }

    /// <summary>One row's lines: each cell wrapped to its column, padded to its alignment.</summary>
    private static IEnumerable<string> Row(TextTable table, string[] cells, int[] widths)
    {
        var wrapped = cells.Select((text, c) => WordWrap.Lines(text, widths[c])).ToArray();
        var height = wrapped.Max(w => w.Count);
        for (var line = 0; line < height; line++)
        {
            var parts = wrapped.Select((w, c) =>
            {
                var text = line < w.Count ? w[line] : "";
                var pad = new string(' ', Math.Max(0, widths[c] - WordWrap.Width(text)));
                return table.Columns[c].RightAligned ? pad + text : text + pad;
            });
            yield return string.Join(Gap, parts).TrimEnd();
        }
    }

    /// <summary>Name–value pairs: names in a column, each value beside its name, or on the lines
    /// below it, indented, when one of its words does not fit beside it.</summary>
    private static List<string> Pairs(TextTable table, int width)
    {
        var nameWidth = table.Rows.Select(r => WordWrap.Width(r[0].Text)).DefaultIfEmpty(0).Max();
        var room = width - nameWidth - Gap.Length;
        var lines = new List<string>();
        foreach (var row in table.Rows)
        {
            var (name, value) = (row[0].Text, row[1].Text);
            if (room > 0 && WordWrap.LongestWord(value) <= room)
            {
                var wrapped = WordWrap.Lines(value, room);
                var indent = new string(' ', nameWidth + Gap.Length);
                lines.Add((name + new string(' ', nameWidth - WordWrap.Width(name)) + Gap + wrapped[0]).TrimEnd());
                lines.AddRange(wrapped.Skip(1).Select(l => indent + l));
            }
            else
            {
                lines.Add(name);
                lines.AddRange(WordWrap.Lines(value, width - Gap.Length).Select(l => Gap + l));
            }
        }
        return lines;
    }

    /// <summary>A table too wide for any column layout: each row as its first cell, then the
    /// others one to a line under their headers.</summary>
    private static List<string> Records(TextTable table, int width)
    {
        var lines = new List<string>();
        foreach (var row in table.Rows)
        {
            if (lines.Count > 0) lines.Add("");
            lines.AddRange(WordWrap.Hanging(row[0].Text, width, Gap.Length));
            for (var c = 1; c < row.Length; c++)
            {
                var label = table.ShowHeaders && table.Columns[c].Header.Length > 0 ? table.Columns[c].Header + ": " : "";
                lines.AddRange(WordWrap.Hanging(label + row[c].Text, width - Gap.Length, Gap.Length).Select(l => Gap + l));
            }
        }
        return lines;
    }
}
