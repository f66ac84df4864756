namespace DiffNative.Cli.Output;

/// <summary>Column widths for a table in a given width: each column as wide as its widest line
/// when that fits, otherwise narrower by wrapping at spaces, but never narrower than its widest
/// word, so that no word is cut.</summary>
internal static class ColumnFit
{
    /// <returns>The widths, or null when even the widest words do not fit side by side.</returns>
    internal static int[]? Widths(TextTable table, int available)
    {
        var n = table.Columns.Count;
        var least = new int[n];
        var natural = new int[n];
        for (var c = 0; c < n; c++)
        {
            var texts = table.ColumnTexts(c).ToArray();
            least[c] = texts.Select(WordWrap.LongestWord).DefaultIfEmpty(0).Max();
            natural[c] = texts.Select(WordWrap.LongestLine).DefaultIfEmpty(0).Max();
        }
        return Share(least, natural, available);
    }

    /// <summary>Gives each column its least width, then the room left to the columns that need the
    /// least more to show whole, so that as few columns as possible wrap; the last one to get room
    /// takes what remains.</summary>
    internal static int[]? Share(int[] least, int[] natural, int available)
    {
        if (least.Sum() > available) return null;
        if (natural.Sum() <= available) return natural.ToArray();
        var widths = least.ToArray();
        var room = available - least.Sum();
        foreach (var c in Enumerable.Range(0, widths.Length).OrderBy(c => natural[c] - least[c]))
        {
            var more = Math.Min(room, natural[c] - least[c]);
            widths[c] += more;
            room -= more;
        }
        return widths;
    }
}
