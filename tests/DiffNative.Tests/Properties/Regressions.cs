namespace DiffNative.Tests.Properties;

/// <summary>The kept seeds of a property: TestData/PropertyRegressions/&lt;name&gt;.txt, one CsCheck
/// seed per line followed by what it found ("seed  # note"); blank lines and lines starting
/// with '#' are comments.</summary>
internal static class Regressions
{
    internal sealed record Case(string Seed, string Note);

    internal static IReadOnlyList<Case> For(string property)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "PropertyRegressions", property + ".txt");
        if (!File.Exists(path)) return [];
        var cases = new List<Case>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var hash = line.IndexOf('#');
            var seed = (hash < 0 ? line : line[..hash]).Trim();
            var note = hash < 0 ? "no note" : line[(hash + 1)..].Trim();
            cases.Add(new Case(seed, note));
        }
        return cases;
    }
}
