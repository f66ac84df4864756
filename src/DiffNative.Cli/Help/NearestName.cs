namespace DiffNative.Cli.Help;

/// <summary>The known name a mistyped one most likely meant, by edit distance with adjacent
/// transpositions counted as one edit ("gradeint" is one edit from "gradient").</summary>
internal static class NearestName
{
    /// <returns>The only name that starts with what was typed (three letters or more), else the
    /// closest, or null when none is close enough to be a typo: at most a third of the typed
    /// name's length in edits (at least 1, at most 3).</returns>
    internal static string? Find(string typed, IReadOnlyCollection<string> known)
    {
        var extended = known.Where(name => typed.Length >= 3 && name.StartsWith(typed, StringComparison.Ordinal)).ToArray();
        if (extended.Length == 1) return extended[0];
        var limit = Math.Clamp(typed.Length / 3, 1, 3);
        return known.Select(name => (name, distance: Distance(typed, name)))
            .Where(c => c.distance <= limit)
            .OrderBy(c => c.distance)
            .Select(c => c.name)
            .FirstOrDefault();
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps
    /// of adjacent characters, each one edit.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
