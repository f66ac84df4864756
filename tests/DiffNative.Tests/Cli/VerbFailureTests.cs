using System.Text.Json;

namespace DiffNative.Tests.Cli;

/// <summary>Every verb × every class of failure that does not depend on the verb's own options: a bad
/// DIFFNATIVE_ISA, a response file that cannot be read, a full standard output or standard error, a
/// value that is not a number, a locale that writes numbers otherwise. Each exits 2 with one line
/// `diffnative: …` on stderr, no stack trace, nothing on stdout and no file written.</summary>
public class VerbFailureTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("diffnative-verbs").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Arguments that make each verb succeed quickly; {folder} is this test's folder.</summary>
    private static readonly Dictionary<string, string[]> Valid = new()
    {
        ["demo"] = [],
        ["info"] = ["--json"],
        ["check"] = ["--isa", "scalar", "--json"],
        ["bench"] = ["--quick", "--json"],
        ["derive"] = ["--expr", "x^2", "--at", "1", "--json"],
        ["gradient"] = ["--expr", "x*y", "--vars", "x,y", "--at", "1,2", "--json"],
        ["hessian"] = ["--expr", "x*y", "--vars", "x,y", "--at", "1,2", "--json"],
        ["jacobian"] = ["--expr", "x*y; x+y", "--vars", "x,y", "--at", "1,2", "--json"],
        ["grid"] = ["--input", "{folder}/squares.csv", "--y", "v", "--output", "{folder}/out.csv", "--json"],
        ["minimize"] = ["--expr", "(x-1)^2", "--vars", "x", "--at", "0", "--json"],
        ["fit"] = ["--expr", "x-1; x+1", "--vars", "x", "--at", "0", "--json"],
        ["plot"] = ["--expr", "x^2", "--from", "0", "--to", "1", "--chart", "{folder}/chart.png", "--json"],
    };

    public static TheoryData<string> Verbs => new(Valid.Keys);

    private string[] Arguments(string verb, params string[] extra)
    {
        File.WriteAllText(Path.Combine(folder, "squares.csv"), "t,v\n0,0\n1,1\n2,4\n3,9\n");
        return [verb, .. Valid[verb].Select(a => a.Replace("{folder}", folder)), .. extra];
    }

    /// <summary>What the folder holds before the run: the input only. Afterwards nothing else may be
    /// there, not even a temporary file.</summary>
    private void AssertNothingWritten() =>
        Assert.Equal([Path.Combine(folder, "squares.csv")], Directory.GetFileSystemEntries(folder));

    private static string OneLineError(CliRunner.Result result)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}, stderr: {result.Stderr}");
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("diffnative: ", line);
        Assert.DoesNotContain("Exception", line);
        return line;
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void A_bad_isa_variable_fails_every_verb_with_the_same_line(string verb)
    {
        var result = CliRunner.Run(new Dictionary<string, string?> { ["DIFFNATIVE_ISA"] = "bogus" }, Arguments(verb));
        Assert.Equal("diffnative: DIFFNATIVE_ISA=bogus is not an ISA name; the accepted names are scalar, avx2 and avx512.", OneLineError(result));
        AssertNothingWritten();
    }

    [Fact]
    public void Help_works_whatever_the_isa_variable_says()
    {
        var result = CliRunner.Run(new Dictionary<string, string?> { ["DIFFNATIVE_ISA"] = "bogus" }, "derive", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--expr", result.Stdout);
    }

    public static TheoryData<string, string> VerbsAndResponseFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var verb in Valid.Keys)
        {
            // A sysctl without read permission is unreadable for root too (procfs ignores
            // CAP_DAC_OVERRIDE here), so this holds on any Linux machine, as root or not.
            data.Add(verb, "/proc/sys/vm/drop_caches");
            data.Add(verb, "{folder}");
            data.Add(verb, "{folder}/missing.rsp");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(VerbsAndResponseFiles))]
    public void A_response_file_that_cannot_be_read_fails_with_one_line_naming_it(string verb, string responseFile)
    {
        var path = responseFile.Replace("{folder}", folder);
        var result = CliRunner.Run(null, Arguments(verb, "@" + path));
        var line = OneLineError(result);
        Assert.Contains($"@{path}", line);
        Assert.Contains(Directory.Exists(path) ? "is a folder" : File.Exists(path) ? "permission denied" : "does not exist", line);
        AssertNothingWritten();
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void A_full_standard_output_fails_with_one_line_naming_it(string verb)
    {
        var result = CliRunner.RunRedirected("/dev/full", null, null, Arguments(verb));
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}, stderr: {result.Stderr}");
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("diffnative: standard output: cannot write", line);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void A_full_standard_error_still_exits_2(string verb)
    {
        var result = CliRunner.RunRedirected(null, "/dev/full", null, Arguments(verb, "--frobnicate"));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData("derive", "--step")]
    [InlineData("derive", "--order")]
    [InlineData("gradient", "--step")]
    [InlineData("hessian", "--accuracy")]
    [InlineData("jacobian", "--step")]
    [InlineData("minimize", "--learning-rate")]
    [InlineData("minimize", "--max-iter")]
    [InlineData("grid", "--spacing")]
    [InlineData("grid", "--numpy-edge-order")]
    [InlineData("check", "--seed")]
    public void A_value_that_is_not_a_number_names_the_option_and_the_value(string verb, string option)
    {
        var line = OneLineError(CliRunner.Run(null, Arguments(verb, option, "1,5")));
        Assert.StartsWith($"diffnative: {option}: '1,5' is not a", line);
        Assert.DoesNotContain("System.", line);
        AssertNothingWritten();
    }

    /// <summary>In a locale with a decimal comma (de-DE), "0.5" read as 5 before: numbers on the
    /// command line are invariant, like those in --at and in files.</summary>
    [Theory]
    [InlineData("de_DE.UTF-8")]
    [InlineData("fr_FR.UTF-8")]
    public void Numbers_mean_the_same_in_every_locale(string locale)
    {
        var environment = new Dictionary<string, string?> { ["LC_ALL"] = locale, ["LANG"] = locale };

        var derive = CliRunner.Run(environment, "derive", "--expr", "x^2", "--at", "1", "--method", "central", "--step", "0.5", "--json");
        Assert.Equal(0.5, JsonDocument.Parse(derive.Stdout).RootElement.GetProperty("step").GetDouble());

        // Squares 0, 1, 4, 9 sampled at spacing 0.5 (t = 0, 0.5, 1, 1.5): d/dt t² = 2t, so the
        // interior derivatives are (4 − 0)/(2·0.5) = 4 and (9 − 1)/1 = 8.
        var grid = CliRunner.Run(environment, Arguments("grid", "--spacing", "0.5", "--json").Where(a => a != "--output" && !a.EndsWith("out.csv")).ToArray());
        var d = JsonDocument.Parse(grid.Stdout).RootElement.GetProperty("derivative").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(4.0, d[1]);
        Assert.Equal(8.0, d[2]);

        // Gradient descent on (x − 1)² from 0 with rate 0.5 lands on 1 in one step (x − 0.5·2(x − 1));
        // with rate 5 it would diverge.
        var minimize = CliRunner.Run(environment, "minimize", "--expr", "(x-1)^2", "--vars", "x", "--at", "0",
            "--method", "gd", "--learning-rate", "0.5", "--gtol", "0.000001", "--json");
        var root = JsonDocument.Parse(minimize.Stdout).RootElement;
        Assert.Equal(1.0, root.GetProperty("x")[0].GetDouble(), 1e-6);
        Assert.True(root.GetProperty("converged").GetBoolean());
    }

    /// <summary>A decimal comma is not a number in any locale (in English it read as a thousands
    /// separator: "0,5" was 5).</summary>
    [Theory]
    [InlineData("C")]
    [InlineData("en_US.UTF-8")]
    [InlineData("de_DE.UTF-8")]
    public void A_decimal_comma_is_refused_in_every_locale(string locale)
    {
        var environment = new Dictionary<string, string?> { ["LC_ALL"] = locale, ["LANG"] = locale };
        var line = OneLineError(CliRunner.Run(environment, "derive", "--expr", "x^2", "--at", "1", "--step", "0,5"));
        Assert.Equal("diffnative: --step: '0,5' is not a number.", line);
    }
}
