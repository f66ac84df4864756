namespace DiffNative.Tests.Docs;

/// <summary>The pages whose C# blocks and <c>diffnative</c> commands the docs tests run: the
/// README, every docs/*.md and each package's readme (src/*/README.md, what nuget.org shows).
/// Paths are relative to the repository root, with '/' separators.</summary>
internal static class DocsPages
{
    /// <summary>The folder holding DiffNative.sln above the test output.</summary>
    internal static string Root { get; } = FindRoot();

    /// <summary>The pages a user reads first and that ship inside the packages; each must have a
    /// compiled example and may not hide C# in a fence the tests skip.</summary>
    internal static readonly string[] Readmes = ["README.md", "src/DiffNative/README.md", "src/DiffNative.Cli/README.md"];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DiffNative.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("no DiffNative.sln above the test output");
    }

    /// <summary>Every tested page, in a fixed order.</summary>
    internal static IEnumerable<string> All()
    {
        yield return "README.md";
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal))
            yield return "docs/" + Path.GetFileName(file);
        foreach (var project in Directory.GetDirectories(Path.Combine(Root, "src")).Order(StringComparer.Ordinal))
            if (File.Exists(Path.Combine(project, "README.md")))
                yield return "src/" + Path.GetFileName(project) + "/README.md";
    }

    internal static string Read(string page) => File.ReadAllText(Path.Combine(Root, page));
}
