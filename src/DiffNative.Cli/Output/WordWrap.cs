using Spectre.Console;

namespace DiffNative.Cli.Output;

/// <summary>Breaks text into lines at spaces only: a word is never cut, so a word wider than the
/// width (a long path) gets a line of its own and overruns it rather than being split.</summary>
internal static class WordWrap
{
    /// <summary>The width the text takes on a terminal, in cells.</summary>
    internal static int Width(string text) => text.GetCellWidth();

    /// <summary>The widest word: the narrowest width the text can be wrapped to without a cut.</summary>
    internal static int LongestWord(string text) =>
        Words(text).Select(Width).DefaultIfEmpty(0).Max();

    /// <summary>The widest line as written (line breaks in the text kept).</summary>
    internal static int LongestLine(string text) =>
        text.Split('\n').Select(Width).DefaultIfEmpty(0).Max();

    /// <summary>Lines of at most <paramref name="width"/> cells, except where one word is wider;
    /// line breaks in the text are kept. Empty text is one empty line.</summary>
    internal static List<string> Lines(string text, int width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length == 0) line = word;
                else if (Width(line) + 1 + Width(word) <= width) line += " " + word;
                else
                {
                    lines.Add(line);
                    line = word;
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>As <see cref="Lines"/>, with every line after the first indented by
    /// <paramref name="hanging"/> spaces (and wrapped to leave room for them).</summary>
    internal static List<string> Hanging(string text, int width, int hanging)
    {
        var first = Lines(text, width);
        if (first.Count <= 1) return first;
        var rest = Lines(string.Join(' ', first.Skip(1)), Math.Max(1, width - hanging));
        return [first[0], .. rest.Select(l => new string(' ', hanging) + l)];
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
