using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace DiffNative.Tests.Docs;

/// <summary>Every ```csharp block in the README, docs/*.md and the package readmes is a whole
/// program: it is compiled against the library the tests use and run, so the documentation cannot
/// drift from the API. Blocks must not leave process-wide state (the default backend, the active
/// ISA) changed.</summary>
public partial class DocsExampleTests(ITestOutputHelper output)
{
    [GeneratedRegex(@"^```csharp[ \t]*\r?\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CSharpBlock();

    /// <summary>A fence that marks C# but is not compiled (```cs, ```c#): fine for fragments in
    /// docs/, never in a readme, whose examples must all run.</summary>
    [GeneratedRegex(@"^```[ \t]*(cs|c#)[ \t]*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex UncompiledCSharpFence();

    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var page in DocsPages.All())
        {
            var text = DocsPages.Read(page);
            foreach (Match block in CSharpBlock().Matches(text))
                data.Add(page, LineOf(text, block.Index));
        }
        return data;
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static string Block(string file, int line)
    {
        var text = DocsPages.Read(file);
        return CSharpBlock().Matches(text).Single(m => LineOf(text, m.Index) == line).Groups[1].Value;
    }

    [Fact]
    public void The_capability_pages_and_readmes_have_examples()
    {
        var files = Examples().Select(row => (string)row[0]).Distinct().ToArray();
        string[] capabilities = ["design.md", "functions.md", "sampled.md", "machine-learning.md", "optimisers.md", "sparse.md", "cli.md"];
        foreach (var page in capabilities.Select(name => "docs/" + name).Concat(DocsPages.Readmes.Except(["src/DiffNative.Cli/README.md"])))
            Assert.Contains(page, files);
    }

    [Theory]
    [MemberData(nameof(ReadmePages))]
    public void Readme_has_no_csharp_the_tests_skip(string page)
    {
        var text = DocsPages.Read(page);
        var skipped = UncompiledCSharpFence().Matches(text).Select(m => LineOf(text, m.Index)).ToArray();
        Assert.True(skipped.Length == 0, $"{page}: C# fenced as a fragment (not compiled) at line(s) {string.Join(", ", skipped)}; fence it as csharp and make it a whole program");
    }

    public static TheoryData<string> ReadmePages() => [.. DocsPages.Readmes];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_compiles_and_runs(string file, int line)
    {
        var source = Block(file, line);
        var assembly = Compile(source, $"{file}:{line}");
        var entry = assembly.EntryPoint!;
        // What the example prints goes to this test's output (dotnet test --logger
        // "console;verbosity=detailed" shows it), so the comments beside it can be checked by eye.
        var printed = new StringWriter();
        var console = Console.Out;
        Console.SetOut(printed);
        try
        {
            var result = entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
            if (result is int code) Assert.Equal(0, code);
        }
        finally
        {
            Console.SetOut(console);
            output.WriteLine(printed.ToString());
        }
    }

    /// <summary>The usings a console project gets implicitly, so blocks show only DiffNative's.</summary>
    private const string ImplicitUsings = "global using System; global using System.Collections.Generic; global using System.IO; " +
                                          "global using System.Linq; global using System.Threading; global using System.Threading.Tasks;";

    private static Assembly Compile(string source, string name)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "DocsExample_" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(source, parse, path: name), CSharpSyntaxTree.ParseText(ImplicitUsings, parse)],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: false));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
        Assert.True(emitted.Success, $"{name} does not compile:\n{string.Join('\n', errors)}");
        return Assembly.Load(image.ToArray());
    }
}
