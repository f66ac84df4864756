using System.Text.Json;

namespace DiffNative.Tests.Cli;

/// <summary>The fit verb: its JSON field names are a contract, the fit comes from closed forms, and
/// bad input exits 2 with one line naming the option.</summary>
public class FitCommandTests
{
    private static JsonElement RunJson(params string[] args)
    {
        var result = CliRunner.Run(null, ["fit", .. args, "--json"]);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    [Fact]
    public void A_line_through_three_points_matches_the_closed_form()
    {
        // Points (0, 1), (1, 3), (2, 4): slope 3/2, intercept 7/6, residuals (1/6, −1/3, 1/6), cost 1/12.
        var json = RunJson("--expr", "a - 1; a + b - 3; a + 2*b - 4", "--vars", "a,b", "--at", "0,0", "--jacobian", "central");

        var x = json.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(7.0 / 6, x[0], 10);
        Assert.Equal(1.5, x[1], 10);
        Assert.Equal(1.0 / 12, json.GetProperty("cost").GetDouble(), 12);
        Assert.Equal(Math.Sqrt(1.0 / 6), json.GetProperty("residualNorm").GetDouble(), 12);
        Assert.InRange(json.GetProperty("iterations").GetInt32(), 1, 1000);
        Assert.True(json.GetProperty("evaluations").GetInt32() > json.GetProperty("iterations").GetInt32());
        Assert.True(json.GetProperty("converged").GetBoolean());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("reason").GetString()));
    }

    [Fact]
    public void A_consistent_system_ends_on_a_zero_residual()
    {
        // x + y = 3, x − y = 1 → (2, 1)
        var json = RunJson("--expr", "x + y - 3; x - y - 1", "--vars", "x,y", "--at", "0,0", "--jacobian", "central");

        var x = json.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(2.0, x[0], 12);
        Assert.Equal(1.0, x[1], 12);
        Assert.Equal("zeroResidual", json.GetProperty("reason").GetString());
    }

    [Fact]
    public void An_upper_bound_holds_the_fit_on_it()
    {
        // x + y = 3, x − y = 1 with y ≤ 1/2: y = 1/2, then (x − 5/2)² + (x − 3/2)² gives x = 2,
        // residuals (−1/2, 1/2), cost 1/4.
        var json = RunJson("--expr", "x + y - 3; x - y - 1", "--vars", "x,y", "--at", "0,0", "--lower", "-inf,-1", "--upper", "inf,0.5");

        var x = json.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(2.0, x[0], 8);
        Assert.Equal(0.5, x[1]);
        Assert.Equal(0.25, json.GetProperty("cost").GetDouble(), 12);
        Assert.True(json.GetProperty("converged").GetBoolean());
    }

    [Theory]
    [InlineData("--at", "--upper", "-1,-1")]                  // the start lies outside the box
    [InlineData("--lower", "--lower", "0,5", "--upper", "9,2")] // y's lower bound is not below its upper bound
    public void Bounds_that_refuse_the_start_or_each_other_exit_2_naming_the_option(string named, params string[] bounds)
    {
        var result = CliRunner.Run(null, ["fit", "--expr", "x - 1; y - 2", "--vars", "x,y", "--at", "0,0", .. bounds]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"diffnative: {named}", result.Stderr);
    }

    [Theory]
    [InlineData("--lower", "0")]
    [InlineData("--lower", "nan,0")]
    [InlineData("--upper", "1,x")]
    [InlineData("--jacobian", "backward")]
    [InlineData("--max-iter", "0")]
    [InlineData("--ftol", "-1")]
    [InlineData("--at", "1")]
    public void Bad_input_exits_2_naming_the_option(string option, string value)
    {
        string[] args = ["fit", "--expr", "x - 1; y - 2", "--vars", "x,y", "--at", "0,0"];
        var index = Array.IndexOf(args, option);
        args = index >= 0 ? [.. args[..(index + 1)], value, .. args[(index + 2)..]] : [.. args, option, value];

        var result = CliRunner.Run(null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Stderr);
    }
}
