using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using DiffNative.Tests.Docs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DiffNative.Tests.Cli;

/// <summary>The demo shows numbers, the C# and the <c>diffnative</c> command that give them, and
/// where to read on. Every command it prints is run here and must give the numbers of the row it
/// names; the C# it prints must compile and run against the library as it is.</summary>
public partial class DemoCommandTests
{
    private static readonly Lazy<string[]> Output = new(() =>
    {
        var result = CliRunner.Run(null, "demo");
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        Assert.Equal("", result.Stderr);
        return result.Stdout.Split('\n');
    });

    private sealed record Section(string Title, string[] Lines);

    /// <summary>The output cut at its headings (a title over a line of dashes).</summary>
    private static List<Section> Sections()
    {
        var lines = Output.Value;
        var starts = Enumerable.Range(1, lines.Length - 1)
            .Where(i => lines[i].Length > 0 && lines[i].All(c => c == '-') && lines[i - 1].Length > 0 && !lines[i - 1].Contains("  ")).Select(i => i - 1).ToList();
        return starts.Select((s, k) => new Section(lines[s], lines[s..(k + 1 < starts.Count ? starts[k + 1] : lines.Length)])).ToList();
    }

    [Fact]
    public void Demo_runs_every_section()
    {
        var titles = Sections().Select(s => s.Title).ToArray();
        foreach (var section in new[] { "x² + sin x", "Hessian of Rosenbrock", "Sampled data", "Minimising Rosenbrock", "gradient check", "Where to go next" })
            Assert.Contains(titles, t => t.Contains(section, StringComparison.Ordinal));
        Assert.Contains(Output.Value, l => l.Contains("active ISA", StringComparison.Ordinal));
        Assert.Contains(Output.Value, l => l.Contains("NotDifferentiable", StringComparison.Ordinal));
    }

    [GeneratedRegex("^    # the \"(.+)\" row$")]
    private static partial Regex RowNote();

    /// <summary>Each section's commands: the row they reproduce and the command, its " \"
    /// continuations joined.</summary>
    private static IEnumerable<(Section Section, string Row, string Command)> Commands()
    {
        foreach (var section in Sections())
            for (var i = 0; i < section.Lines.Length; i++)
            {
                if (RowNote().Match(section.Lines[i]) is not { Success: true } note) continue;
                var command = "";
                for (var j = i + 1; j < section.Lines.Length; j++)
                {
                    var line = section.Lines[j].Trim();
                    command += (command.Length > 0 ? " " : "") + line.TrimEnd('\\').TrimEnd();
                    if (!line.EndsWith('\\')) break;
                }
                yield return (section, note.Groups[1].Value, command);
            }
    }

    [Fact]
    public void Every_section_but_the_last_shows_csharp_commands_and_a_page()
    {
        var sections = Sections().Skip(1).ToArray();   // the first is the banner
        Assert.Equal(6, sections.Length);
        foreach (var section in sections[..^1])
        {
            Assert.Contains("In C#:", section.Lines);
            Assert.Contains(Commands(), c => c.Section.Title == section.Title);
            Assert.Contains(section.Lines, l => l.StartsWith("More: docs/", StringComparison.Ordinal));
        }
    }

    /// <summary>Each printed command runs as printed, and with --json gives the numbers of the
    /// row it names, in the demo's own format.</summary>
    [Fact]
    public void Every_command_it_prints_runs_and_gives_its_rows_numbers()
    {
        var commands = Commands().ToArray();
        Assert.True(commands.Length >= 6, $"{commands.Length} commands");
        foreach (var (section, row, command) in commands)
        {
            Assert.StartsWith("diffnative ", command);
            var args = DocsCommandTests.Split(command).Skip(1).ToArray();
            var plain = CliRunner.Run(null, args);
            Assert.True(plain.ExitCode == 0, $"'{command}' exited {plain.ExitCode}: {plain.Stderr}");
            var json = CliRunner.Run(null, [.. args, "--json"]);
            Assert.True(json.ExitCode == 0, $"'{command} --json' exited {json.ExitCode}: {json.Stderr}");
            var result = JsonDocument.Parse(json.Stdout).RootElement;

            var (cells, header) = Row(section, row);
            string[] expected = args[0] switch
            {
                "derive" => header.Contains("evals")
                    ? [F(result.GetProperty("value").GetDouble()), result.GetProperty("evaluations").GetInt64().ToString(CultureInfo.InvariantCulture)]
                    : [F(result.GetProperty("value").GetDouble())],
                "hessian" =>
                [
                    F(result.GetProperty("hessian")[0][0].GetDouble()), F(result.GetProperty("hessian")[0][1].GetDouble()),
                    F(result.GetProperty("hessian")[1][1].GetDouble()), result.GetProperty("evaluations").GetInt64().ToString(CultureInfo.InvariantCulture),
                ],
                "minimize" =>
                [
                    result.GetProperty("iterations").GetInt64().ToString(CultureInfo.InvariantCulture),
                    result.GetProperty("evaluations").GetInt64().ToString(CultureInfo.InvariantCulture),
                    E(result.GetProperty("value").GetDouble()), result.GetProperty("reason").GetString()!,
                ],
                "grid" => [E(SineDerivativeError(result.GetProperty("derivative"), double.Parse(args[Array.IndexOf(args, "--spacing") + 1], CultureInfo.InvariantCulture)))],
                _ => throw new InvalidOperationException($"no numbers known for '{command}'"),
            };
            foreach (var number in expected)
                Assert.True(cells.Contains(number), $"'{command}' gives {number}; the \"{row}\" row is: {string.Join(" | ", cells)}");
        }
    }

    /// <summary>The largest |f′ − cos x| over the samples of sin at i·h: what the sampled-data rows show.</summary>
    private static double SineDerivativeError(JsonElement derivative, double h) =>
        derivative.EnumerateArray().Select((d, i) => Math.Abs(d.GetDouble() - Math.Cos(i * h))).Max();

    private static string F(double v) => v.ToString("G10", CultureInfo.InvariantCulture);

    private static string E(double v) => v.ToString("0.0e+0", CultureInfo.InvariantCulture);

    /// <summary>The row whose first cell is <paramref name="label"/>, split at the two spaces
    /// between columns, and the header line of its table.</summary>
    private static (string[] Cells, string Header) Row(Section section, string label)
    {
        var lines = section.Lines;
        var index = Array.FindIndex(lines, l => l.StartsWith(label + "  ", StringComparison.Ordinal));
        Assert.True(index > 0, $"no row \"{label}\" in '{section.Title}'");
        var rule = Array.FindLastIndex(lines, index, l => l.Length > 0 && l.All(c => c is '-' or ' '));
        var cells = lines[index].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (cells, lines[rule - 1]);
    }

    /// <summary>The C# of every section, in order, is one program: it compiles against the library
    /// as it is (a renamed type or method breaks this test, not a reader's copy) and runs.</summary>
    [Fact]
    public void The_csharp_it_prints_compiles_and_runs()
    {
        var code = new List<string>();
        foreach (var section in Sections())
        {
            var start = Array.IndexOf(section.Lines, "In C#:");
            if (start < 0) continue;
            code.AddRange(section.Lines.Skip(start + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l[4..]));
        }
        Assert.True(code.Count >= 8, string.Join('\n', code));
        // The usings the sections print go first, as a user gathers them; only a console project's
        // implicit ones are added, so a section that forgets its namespace fails here.
        var printed = code.Where(IsUsing).ToArray();
        code = [.. code.Where(line => !IsUsing(line))];
        var usings = string.Concat(printed.Append("using System;").Append("using System.Linq;").Select(u => u + "\n"));
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "DemoSnippets_" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(usings + string.Join('\n', code), parse)],
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p)),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join('\n', emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + "\n" + string.Join('\n', code));
        var entry = Assembly.Load(image.ToArray()).EntryPoint!;
        entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
    }

    private static bool IsUsing(string line) => Regex.IsMatch(line, @"^using [A-Za-z.]+;$");

    [Fact]
    public void It_ends_with_where_to_go_next_and_every_page_it_names_exists()
    {
        var last = Sections()[^1];
        Assert.Equal("Where to go next", last.Title);
        var pages = Output.Value.SelectMany(l => Regex.Matches(l, @"docs/([a-z-]+\.md)").Select(m => m.Groups[1].Value)).Distinct().ToArray();
        foreach (var page in new[] { "functions.md", "sparse.md", "sampled.md", "optimisers.md", "machine-learning.md", "cli.md" })
            Assert.Contains(page, pages);
        foreach (var page in pages)
            Assert.True(File.Exists(Path.Combine(DocsPages.Root, "docs", page)), $"docs/{page} does not exist");
    }
}
