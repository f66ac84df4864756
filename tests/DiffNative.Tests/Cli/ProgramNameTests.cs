namespace DiffNative.Tests.Cli;

/// <summary>The command calls itself what users type: every usage line says "diffnative", and a
/// first word that is not a verb is named as such, with the verb it most likely meant.</summary>
public class ProgramNameTests
{
    private static readonly string[] Verbs =
        ["demo", "info", "check", "bench", "derive", "gradient", "hessian", "jacobian", "grid", "minimize", "plot", "help"];

    public static TheoryData<string> HelpCommands()
    {
        var data = new TheoryData<string> { "" };
        foreach (var verb in Verbs) data.Add(verb);
        return data;
    }

    [Theory]
    [MemberData(nameof(HelpCommands))]
    public void Help_usage_names_the_program_diffnative(string verb)
    {
        var result = CliRunner.Run(null, verb.Length == 0 ? ["--help"] : [verb, "--help"]);
        Assert.Equal(0, result.ExitCode);
        var usage = result.Stdout.Split('\n').SkipWhile(l => l.Trim() != "Usage:").Skip(1).First().Trim();
        Assert.StartsWith(verb.Length == 0 ? "diffnative " : $"diffnative {verb} ", usage);
        Assert.DoesNotContain("DiffNative.Cli", result.Stdout);
    }

    [Theory]
    [InlineData("gradeint", "gradient")]   // two letters swapped
    [InlineData("hesian", "hessian")]      // one left out
    [InlineData("minimise", "minimize")]   // British spelling
    [InlineData("drive", "derive")]
    [InlineData("jacobain", "jacobian")]
    [InlineData("grad", "gradient")]       // the start of one verb only
    public void A_mistyped_verb_is_named_with_the_nearest_verb(string typed, string meant)
    {
        var result = CliRunner.Run(null, typed, "--expr", "x", "--at", "1");
        Assert.Equal(
            $"diffnative: '{typed}' is not a verb; did you mean '{meant}'? (diffnative --help lists the verbs)",
            OneLineError(result));
    }

    [Fact]
    public void A_word_far_from_every_verb_gets_the_list_of_verbs()
    {
        var line = OneLineError(CliRunner.Run(null, "frobnicate"));
        Assert.StartsWith("diffnative: 'frobnicate' is not a verb; the verbs are demo, info, check,", line);
        Assert.DoesNotContain("did you mean", line);
    }

    [Fact]
    public void No_verb_at_all_gets_the_list_of_verbs()
    {
        var line = OneLineError(CliRunner.Run(null));
        Assert.StartsWith("diffnative: give a verb: demo, info, check,", line);
    }

    [Fact]
    public void An_unknown_option_without_a_verb_says_a_verb_comes_first()
    {
        var line = OneLineError(CliRunner.Run(null, "--frobnicate"));
        Assert.Equal("diffnative: '--frobnicate' is not an option of diffnative itself; give a verb first (diffnative --help lists them).", line);
    }

    private static string OneLineError(CliRunner.Result result)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        return Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
