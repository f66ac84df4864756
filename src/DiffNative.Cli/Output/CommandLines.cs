namespace DiffNative.Cli.Output;

/// <summary>A shell command broken into lines that a shell reads as one: before an option (so
/// that it stays with its value), at spaces outside double quotes, each line but the last ending
/// in " \".</summary>
internal static class CommandLines
{
    internal static List<string> Break(string command, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in Groups(command))
        {
            // Room for " \" on every line but the last, and the continuation's indent.
            var room = width - 2 - (lines.Count > 0 ? Continuation.Length : 0);
            if (line.Length > 0 && line.Length + 1 + word.Length > room)
            {
                lines.Add(line + " \\");
                line = word;
            }
            else line = line.Length == 0 ? word : line + " " + word;
        }
        lines.Add(line);
        return lines.Select((l, i) => i == 0 ? l : Continuation + l).ToList();
    }

    private const string Continuation = "    ";

    /// <summary>Each option with the values after it, or a word before the first option.</summary>
    private static IEnumerable<string> Groups(string command)
    {
        var group = "";
        foreach (var word in Words(command))
        {
            if (group.Length > 0 && word.StartsWith("--", StringComparison.Ordinal))
            {
                yield return group;
                group = "";
            }
            group = group.Length == 0 ? word : group + " " + word;
            if (!group.StartsWith("--", StringComparison.Ordinal))
            {
                yield return group;
                group = "";
            }
        }
        if (group.Length > 0) yield return group;
    }

    /// <summary>Splits at spaces outside double quotes, the quotes kept.</summary>
    private static IEnumerable<string> Words(string command)
    {
        var word = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in command)
        {
            if (c == '"') quoted = !quoted;
            if (c == ' ' && !quoted)
            {
                if (word.Length > 0) yield return word.ToString();
                word.Clear();
            }
            else word.Append(c);
        }
        if (word.Length > 0) yield return word.ToString();
    }
}
