using System.Text.Json;

namespace DiffNative.Tests.Cli;

/// <summary>The derive, gradient, hessian and jacobian verbs: JSON field names are a contract, values
/// come from closed forms, bad input exits 2 with one line.</summary>
public class DifferentiationCommandTests
{
    private static JsonElement RunJson(params string[] args)
    {
        var result = CliRunner.Run(null, [.. args, "--json"]);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    private static double[] Numbers(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    /// <summary>derive is adaptive unless --method says otherwise, like the library's scalar
    /// default: its error estimate covers the true error.</summary>
    [Fact]
    public void Derive_prints_value_error_step_and_evaluations()
    {
        var json = RunJson("derive", "--expr", "x^2 + sin(x)", "--at", "2");
        var truth = 4 + Math.Cos(2);
        var value = json.GetProperty("value").GetDouble();
        Assert.True(Math.Abs(value - truth) <= 1e-13 * truth, $"{value:R}");
        Assert.True(json.GetProperty("error").GetDouble() >= Math.Abs(value - truth));
        Assert.True(json.GetProperty("step").GetDouble() > 0);
        Assert.True(json.GetProperty("evaluations").GetInt32() >= 2);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("warning").ValueKind);
    }

    [Fact]
    public void Derive_with_method_central_is_one_stencil_with_the_checks_estimate()
    {
        var json = RunJson("derive", "--expr", "x^2 + sin(x)", "--at", "2", "--method", "central");
        Assert.Equal(4 + Math.Cos(2), json.GetProperty("value").GetDouble(), 1e-9);
        // The kink check's samples at h/2 give the h² error: it covers the true error, and is small.
        var error = json.GetProperty("error").GetDouble();
        var trueError = Math.Abs(json.GetProperty("value").GetDouble() - (4 + Math.Cos(2)));
        Assert.InRange(error, trueError, 1e-8);
        Assert.Equal(7, json.GetProperty("evaluations").GetInt32()); // f(x ± h), and f(x), f(x ± h/2), f(x ± h/4) for the kink check
    }

    /// <summary>The CLI docs' log example: steps that follow max(|x|, 1) are 1e-5 off at 1e-3 (the
    /// old default); the adaptive default is within 1e-12.</summary>
    [Theory]
    [InlineData("1", 1000.0)]
    [InlineData("2", -1e6)]
    public void Derive_log_near_zero_by_default(string order, double truth)
    {
        var json = RunJson("derive", "--expr", "log(x)", "--at", "1e-3", "--order", order);
        var value = json.GetProperty("value").GetDouble();
        Assert.True(Math.Abs(value - truth) <= 1e-9 * Math.Abs(truth), $"{value:R}");
        Assert.Equal(JsonValueKind.Null, json.GetProperty("warning").ValueKind);
    }

    [Fact]
    public void Derive_warns_when_the_step_is_below_the_resolution_of_x()
    {
        var json = RunJson("derive", "--expr", "sin(x)", "--at", "1", "--method", "central", "--step", "1e-17");
        Assert.Contains("rounding", json.GetProperty("warning").GetString());
    }

    [Theory]
    [InlineData("adaptive", 1e-13)]
    [InlineData("complex", 1e-15)]
    [InlineData("forward", 1e-8)]
    [InlineData("backward", 1e-8)]
    public void Derive_methods_meet_their_accuracy(string method, double tolerance)
    {
        var json = RunJson("derive", "--expr", "x^2 + sin(x)", "--at", "2", "--method", method);
        var truth = 4 + Math.Cos(2);
        Assert.True(Math.Abs(json.GetProperty("value").GetDouble() - truth) <= tolerance * truth, method);
        if (method == "adaptive") Assert.True(json.GetProperty("error").GetDouble() > 0);
    }

    [Theory]
    [InlineData("-700", "sin(x)")]
    [InlineData("1e-06", "exp(x)")]
    [InlineData("-1.5", "x^3")]
    public void Negative_and_exponent_values_parse(string at, string expr)
    {
        var x = double.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        var json = RunJson("derive", "--expr", expr, "--at", at, "--method", "adaptive");
        var truth = expr switch { "sin(x)" => Math.Cos(x), "exp(x)" => Math.Exp(x), _ => 3 * x * x };
        Assert.Equal(truth, json.GetProperty("value").GetDouble(), 1e-9);
    }

    [Fact]
    public void Derive_higher_orders()
    {
        var json = RunJson("derive", "--expr", "exp(x)", "--at", "0.5", "--order", "2");
        Assert.Equal(Math.Exp(0.5), json.GetProperty("value").GetDouble(), 1e-6);
    }

    [Fact]
    public void A_kink_is_reported_as_a_warning()
    {
        var json = RunJson("derive", "--expr", "relu(x)", "--at", "0");
        Assert.Contains("not differentiable", json.GetProperty("warning").GetString());
    }

    [Fact]
    public void Gradient_of_rosenbrock_at_the_standard_start()
    {
        var json = RunJson("gradient", "--expr", "(1-x)^2 + 100*(y-x^2)^2", "--vars", "x,y", "--at", "-1.2,1");
        var g = Numbers(json.GetProperty("gradient"));
        Assert.Equal(-215.6, g[0], 1e-6);
        Assert.Equal(-88.0, g[1], 1e-6);
        Assert.Equal(5, json.GetProperty("evaluations").GetInt32()); // f(x ± hᵢeᵢ) and f(x) for the step check
    }

    [Fact]
    public void Hessian_rows_and_adaptive_errors()
    {
        var json = RunJson("hessian", "--expr", "(1-x)^2 + 100*(y-x^2)^2", "--vars", "x,y", "--at", "-1.2,1", "--method", "adaptive");
        var rows = json.GetProperty("hessian").EnumerateArray().Select(Numbers).ToArray();
        // H = [[1200x^2 - 400y + 2, -400x], [-400x, 200]] at (-1.2, 1)
        Assert.Equal(1330, rows[0][0], 1e-7);
        Assert.Equal(480, rows[0][1], 1e-7);
        Assert.Equal(480, rows[1][0], 1e-7);
        Assert.Equal(200, rows[1][1], 1e-7);
        Assert.Equal(2, json.GetProperty("errors").GetArrayLength());
    }

    /// <summary>A matrix of one variable is still a matrix: its adaptive error estimates come as
    /// rows, like its values ("errors" has the shape of the result, as docs/cli.md says).</summary>
    [Theory]
    [InlineData("hessian", "x^3", 12.0)] // 6x at 2
    [InlineData("jacobian", "x^3", 12.0)] // 3x² at 2
    [InlineData("hessian", "x^3", 12.0, "--sparse")]
    public void A_one_by_one_matrix_has_its_errors_in_rows_like_its_values(string verb, string expression, double expected, params string[] extra)
    {
        var json = RunJson([verb, "--expr", expression, "--vars", "x", "--at", "2", "--method", "adaptive", .. extra]);
        Assert.Equal(expected, Numbers(json.GetProperty(verb)[0])[0], 1e-6);
        var errors = json.GetProperty("errors");
        Assert.Equal(1, errors.GetArrayLength());
        Assert.Equal(JsonValueKind.Array, errors[0].ValueKind);
        Assert.Equal(1, errors[0].GetArrayLength());
    }

    [Fact]
    public void Jacobian_of_two_expressions()
    {
        var json = RunJson("jacobian", "--expr", "x*y; x+sin(y)", "--vars", "x,y", "--at", "2,0.5");
        var rows = json.GetProperty("jacobian").EnumerateArray().Select(Numbers).ToArray();
        Assert.Equal(0.5, rows[0][0], 1e-9);
        Assert.Equal(2.0, rows[0][1], 1e-9);
        Assert.Equal(1.0, rows[1][0], 1e-9);
        Assert.Equal(Math.Cos(0.5), rows[1][1], 1e-9);
    }

    [Theory]
    [InlineData("derive --expr sinn(x) --at 1", "sinn")]
    [InlineData("derive --expr x+z --at 1", "'z'")]
    [InlineData("derive --expr x^2 --at 1,2", "--at")]
    [InlineData("gradient --expr x*y --vars x,y --at 1", "--at")]
    [InlineData("gradient --expr x*y --vars x,y --at 1,abc", "--at")]
    [InlineData("derive --expr x^2 --at 1 --method sideways", "--method")]
    [InlineData("derive --expr x^2 --at 1 --accuracy 3", "--accuracy")]
    [InlineData("derive --expr x^2 --at 1 --step -1", "--step")]
    [InlineData("derive --expr abs(x) --at 1 --method complex", "abs")]
    [InlineData("gradient --expr x*y --vars x,y --at 1,2 --method complex", "complex")]
    [InlineData("derive --expr x^2 --at 1 --order 5", "--order")]
    [InlineData("derive --at 1", "--expr")]
    [InlineData("jacobian --expr x*y;x+ --vars x,y --at 1,2 --sparse", "column 7")]
    [InlineData("jacobian --expr x*y;q --vars x,y --at 1,2 --sparse", "'q'")]
    [InlineData("jacobian --expr x*y --vars x,y --at 1,2 --sparse --backend gpu", "--backend")]
    [InlineData("jacobian --expr x*y --vars x,y --at 1,2 --sparse --method forward --accuracy 7", "--accuracy")]
    [InlineData("hessian --expr x*y --vars x,y --at 1,nan --sparse", "--at")]
    [InlineData("hessian --expr x*y --vars x,y --at 1,2 --sparse --step 0", "--step")]
    [InlineData("hessian --expr x*y --vars x,x --at 1,2 --sparse", "--vars")]
    [InlineData("gradient --expr x*y --vars x,y --at 1,2 --sparse", "--sparse")]
    [InlineData("demo --bogus", "--bogus")]
    public void Bad_input_exits_2_with_one_line_naming_the_problem(string commandLine, string mentioned)
    {
        var result = CliRunner.Run(null, commandLine.Split(' '));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(mentioned, lines[0]);
    }

    /// <summary>A variable name the expression language refuses names the option it came from.</summary>
    [Theory]
    [InlineData("derive --expr x^2 --var sin --at 1", "--var: variable name 'sin' would shadow the function sin")]
    [InlineData("gradient --expr x*y --vars x,pi --at 1,2", "--vars: variable name 'pi' would shadow the constant pi")]
    [InlineData("hessian --expr x*y --vars x,2y --at 1,2", "--vars: variable name '2y' is not an identifier")]
    [InlineData("jacobian --expr x*y --vars e,y --at 1,2 --sparse", "--vars: variable name 'e' would shadow the constant e")]
    public void A_refused_variable_name_names_its_option(string commandLine, string start)
    {
        var result = CliRunner.Run(null, commandLine.Split(' '));
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"diffnative: {start}", Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>A Hessian of 46,341 variables has more entries than the largest .NET array: the
    /// library refuses x, which --at fed. The response file carries what one argument cannot.</summary>
    [Fact]
    public void A_library_error_in_x_names_the_at_option()
    {
        const int n = 46_341;
        var file = Path.Combine(Path.GetTempPath(), $"diffnative-{Guid.NewGuid():N}.rsp");
        try
        {
            File.WriteAllLines(file, ["hessian", "--expr", "v0", "--vars", string.Join(',', Enumerable.Range(0, n).Select(i => $"v{i}")),
                "--at", string.Join(',', Enumerable.Repeat("0", n))]);
            var result = CliRunner.Run(null, "@" + file);
            Assert.Equal(2, result.ExitCode);
            var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("diffnative: --at: ", line);
            Assert.Contains($"{n}×{n}", line);
            Assert.DoesNotContain("Parameter", line);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void An_expression_nested_too_deeply_exits_2_without_a_crash()
    {
        var deep = new string('(', 30_000) + "x" + new string(')', 30_000); // one argument may hold 128 KiB
        var result = CliRunner.Run(null, "derive", "--expr", deep, "--at", "1");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nested too deeply", result.Stderr);
    }
}
