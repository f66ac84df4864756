using System.Text.Json;

namespace DiffNative.Tests.Cli;

/// <summary>What every verb prints into a file or a pipe: plain text within 80 columns, no box
/// drawing, and no word cut across lines. A line wider than 80 is allowed only when it is one word
/// that could not be cut (a long path), alone on its line.</summary>
public class RedirectedOutputTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("diffnative-redirected").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    public static TheoryData<string[]> Commands() => new()
    {
        new[] { "info" },
        new[] { "derive", "--expr", "abs(x)", "--at", "0" },
        new[] { "gradient", "--expr", "(1-x)^2 + 100*(y-x^2)^2", "--vars", "x,y", "--at", "-1.2,1", "--method", "adaptive" },
        new[] { "hessian", "--expr", "(1-x)^2 + 100*(y-x^2)^2", "--vars", "x,y", "--at", "-1.2,1", "--method", "adaptive" },
        new[] { "jacobian", "--expr", "x*y; x+y; sin(z)*exp(x)", "--vars", "x,y,z", "--at", "1,2,3" },
        new[] { "minimize", "--expr", "(1-x)^2 + 100*(y-x^2)^2", "--vars", "x,y", "--at", "-1.2,1" },
        new[] { "check", "--isa", "scalar" },
        new[] { "bench", "--quick" },
        new[] { "demo" },
        new[] { "help", "expressions" },
        new[] { "--help" },
        new[] { "derive", "--help" },
        new[] { "minimize", "--help" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Lines_fit_80_columns_without_box_drawing(string[] args)
    {
        var result = CliRunner.RunIn(folder, null, args);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        foreach (var line in result.Stdout.Split('\n'))
        {
            Assert.True(line.Length <= 80 || line.Trim().Split(' ').Length == 1, $"{line.Length} columns: '{line}'");
            Assert.False(line.IndexOfAny(['│', '╭', '╰', '┬', '┼', '─', '…']) >= 0, $"box drawing or a cut: '{line}'");
        }
    }

    /// <summary>Every text the JSON output holds (names, ISAs, the library's path, however long)
    /// is on one line of the text output, whole.</summary>
    [Theory]
    [InlineData("info")]
    [InlineData("check", "--isa", "scalar")]
    [InlineData("bench", "--quick")]
    public void Every_name_in_the_json_is_whole_on_a_line_of_the_text(params string[] args)
    {
        var json = CliRunner.Run(null, [.. args, "--json"]);
        var text = CliRunner.Run(null, args);
        Assert.Equal(0, text.ExitCode);
        var lines = text.Stdout.Split('\n');
        foreach (var name in Strings(JsonDocument.Parse(json.Stdout).RootElement).Distinct())
            Assert.True(lines.Any(l => l.Contains(name, StringComparison.Ordinal)), $"'{name}' is not whole on any line:\n{text.Stdout}");
    }

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        // bench's "backend" (native, managed) is what its path column's ISA or "managed" implies.
        JsonValueKind.Object => e.EnumerateObject().Where(p => p.Name != "backend").SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    /// <summary>The library's path, however long, is on one line, whole.</summary>
    [Fact]
    public void Info_prints_the_library_path_whole()
    {
        var json = CliRunner.Run(null, "info", "--json");
        var path = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("nativeLibrary").GetString()!;
        var text = CliRunner.Run(null, "info");
        Assert.Contains(text.Stdout.Split('\n'), line => line.Trim() == path || line.EndsWith("  " + path, StringComparison.Ordinal));
    }

    /// <summary>Words the demo's tables hold are each on a single line (80 columns cut the
    /// optimiser table's stop reason into "GradientTolera" and "nce").</summary>
    [Fact]
    public void The_demo_keeps_its_words_whole()
    {
        var result = CliRunner.Run(null, "demo");
        foreach (var word in new[] { "gradientTolerance", "maxIterations", "(Richardson)", "NotDifferentiable", "numpy.gradient", "h=1e-7" })
            Assert.Contains(word, result.Stdout);
    }

    /// <summary>A 1×1 Jacobian's table was narrower than its title, which came out as "jaco…".</summary>
    [Fact]
    public void A_one_by_one_jacobian_says_what_it_is()
    {
        var result = CliRunner.Run(null, "jacobian", "--expr", "x", "--vars", "x", "--at", "1");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Jacobian of f0 = x at x = 1:", result.Stdout);
    }

    /// <summary>The human-readable output changed; the JSON did not: the same fields, in order.</summary>
    [Theory]
    [InlineData("gradient,evaluations", "gradient", "--expr", "x*y", "--vars", "x,y", "--at", "1,2")]
    [InlineData("hessian,evaluations", "hessian", "--expr", "x*y", "--vars", "x,y", "--at", "1,2")]
    [InlineData("jacobian,evaluations", "jacobian", "--expr", "x*y; x", "--vars", "x,y", "--at", "1,2")]
    [InlineData("value,error,step,evaluations,warning", "derive", "--expr", "x^2", "--at", "1")]
    [InlineData("x,value,gradientNorm,iterations,evaluations,converged,reason,gradientEvaluations,hessianEvaluations,method",
        "minimize", "--expr", "(x-1)^2", "--vars", "x", "--at", "0")]
    [InlineData("version,nativeLibrary,isa,cpu", "info")]
    [InlineData("results", "bench", "--quick")]
    [InlineData("passed,results", "check", "--isa", "scalar")]
    public void Json_keeps_its_fields(string fields, params string[] args)
    {
        var result = CliRunner.Run(null, [.. args, "--json"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(fields, string.Join(',', JsonDocument.Parse(result.Stdout).RootElement.EnumerateObject().Select(p => p.Name)));
    }
}
