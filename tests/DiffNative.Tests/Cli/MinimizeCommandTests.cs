using System.Text.Json;

namespace DiffNative.Tests.Cli;

/// <summary>The minimize verb: its JSON field names are a contract, the minimum comes from a closed
/// form, and bad input exits 2 with one line.</summary>
public class MinimizeCommandTests
{
    private const string Rosenbrock = "(1-x)^2 + 100*(y-x^2)^2";

    private static JsonElement RunJson(params string[] args)
    {
        var result = CliRunner.Run(null, ["minimize", .. args, "--json"]);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    [Fact]
    public void Prints_the_contract_fields_for_rosenbrock_with_the_default_bfgs()
    {
        var json = RunJson("--expr", Rosenbrock, "--vars", "x,y", "--at", "-1.2,1");
        var x = json.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(1.0, x[0], 6);
        Assert.Equal(1.0, x[1], 6);
        Assert.True(json.GetProperty("value").GetDouble() <= 1e-10);
        Assert.True(json.GetProperty("gradientNorm").GetDouble() <= 1e-6);
        Assert.InRange(json.GetProperty("iterations").GetInt32(), 1, 1000);
        Assert.True(json.GetProperty("evaluations").GetInt32() > json.GetProperty("iterations").GetInt32());
        Assert.True(json.GetProperty("converged").GetBoolean());
        Assert.Equal("gradientTolerance", json.GetProperty("reason").GetString());
        Assert.Equal("bfgs", json.GetProperty("method").GetString());
    }

    [Fact]
    public void Bfgs_differences_forward_unless_a_backend_is_given()
    {
        // x² + y² from (1, 1): ‖g‖ = 2√2, the first trial α = 1.01/‖g‖ is accepted (φ′(α)/φ′(0) =
        // 1 − 2α = 0.29). f(x0), the gradient there, the trial and the gradient there: forward
        // differences 1 + 2 + 1 + 2 evaluations, central ones 1 + 4 + 1 + 4.
        string[] args = ["--expr", "x^2 + y^2", "--vars", "x,y", "--at", "1,1", "--max-iter", "1"];
        Assert.Equal(6, RunJson(args).GetProperty("evaluations").GetInt32());
        Assert.Equal(10, RunJson([.. args, "--backend", "native"]).GetProperty("evaluations").GetInt32());
    }

    [Theory]
    [InlineData("lbfgs")]
    [InlineData("newton")]
    [InlineData("trust-newton")]
    public void Second_order_and_limited_memory_methods_reach_a_quadratics_minimum(string method)
    {
        // (x − 2)² + 3(y + 1)² + xy: minimum where 2(x − 2) + y = 0 and 6(y + 1) + x = 0, i.e. (30/11, −16/11).
        // The Hessian's smallest eigenvalue is 4 − √5, so |g| ≤ 1e-9·|f*| puts x within 2e-9 of it.
        var json = RunJson("--expr", "(x-2)^2 + 3*(y+1)^2 + x*y", "--vars", "x,y", "--at", "0,0", "--method", method, "--gtol", "1e-9");
        var x = json.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(30.0 / 11, x[0], 6);
        Assert.Equal(-16.0 / 11, x[1], 6);
    }

    [Theory]
    [InlineData("gd", "0.1")]
    [InlineData("momentum", "0.05")]
    [InlineData("nesterov", "0.05")]
    [InlineData("adagrad", "0.5")]
    [InlineData("rmsprop", "0.001")]
    [InlineData("adam", "0.05")]
    public void First_order_methods_take_a_learning_rate(string method, string rate)
    {
        var json = RunJson("--expr", "x^2 + 2*y^2", "--vars", "x,y", "--at", "1,-1", "--method", method, "--learning-rate", rate, "--max-iter", "5000", "--gtol", "1e-4");
        Assert.True(json.GetProperty("value").GetDouble() <= 1e-4, json.ToString());
    }

    [Fact]
    public void Max_iter_stops_the_run_unconverged()
    {
        var json = RunJson("--expr", Rosenbrock, "--vars", "x,y", "--at", "-1.2,1", "--max-iter", "3");
        Assert.Equal(3, json.GetProperty("iterations").GetInt32());
        Assert.False(json.GetProperty("converged").GetBoolean());
        Assert.Equal("maxIterations", json.GetProperty("reason").GetString());
    }

    [Fact]
    public void A_typical_value_of_f_s_size_lets_a_tiny_function_reach_its_minimum()
    {
        // 1e-8 times Rosenbrock: its gradient at the start is below the default absolute 1e-6, so
        // without --typical-value the run stops there; minimum (1, 1).
        const string tiny = "1e-8*((1-x)^2 + 100*(y-x^2)^2)";
        var stopped = RunJson("--expr", tiny, "--vars", "x,y", "--at", "-1.2,1");
        var reached = RunJson("--expr", tiny, "--vars", "x,y", "--at", "-1.2,1", "--typical-value", "1e-8");
        Assert.True(Math.Abs(stopped.GetProperty("x")[0].GetDouble() - 1) > 0.1);
        Assert.True(reached.GetProperty("converged").GetBoolean());
        Assert.True(Math.Abs(reached.GetProperty("x")[0].GetDouble() - 1) <= 1e-4, reached.ToString());
        Assert.True(Math.Abs(reached.GetProperty("x")[1].GetDouble() - 1) <= 1e-4, reached.ToString());
    }

    [Fact]
    public void Without_json_it_prints_a_table_and_the_reason()
    {
        var result = CliRunner.Run(null, "minimize", "--expr", "(x-3)^2", "--vars", "x", "--at", "0");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("gradientTolerance", result.Stdout);
    }

    [Theory]
    [InlineData("--method", "simplex")]
    [InlineData("--learning-rate", "-1")]
    [InlineData("--learning-rate", "0")]
    [InlineData("--max-iter", "0")]
    [InlineData("--gtol", "-1")]
    [InlineData("--at", "1")]
    [InlineData("--at", "1,nan")]
    [InlineData("--vars", "x,x")]
    [InlineData("--expr", "x +* y")]
    [InlineData("--backend", "gpu")]
    public void Bad_input_exits_2_with_one_line(string option, string value)
    {
        var args = new Dictionary<string, string> { ["--expr"] = Rosenbrock, ["--vars"] = "x,y", ["--at"] = "-1.2,1" };
        args[option] = value;
        var result = CliRunner.Run(null, ["minimize", .. args.SelectMany(kv => new[] { kv.Key, kv.Value }), "--json"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("diffnative: ", result.Stderr);
    }

    /// <summary>The optimiser's own checks name the option the user typed and its value, not the
    /// library's property ("(Parameter 'MaxIterations')").</summary>
    [Theory]
    [InlineData("--max-iter", "0", "--max-iter 0: At least one iteration.")]
    [InlineData("--max-iter", "-5", "--max-iter -5: At least one iteration.")]
    [InlineData("--learning-rate", "0", "--learning-rate 0: The learning rate must be finite and positive.")]
    [InlineData("--learning-rate", "NaN", "--learning-rate NaN: The learning rate must be finite and positive.")]
    [InlineData("--gtol", "-1", "--gtol -1: Must be finite and not negative.")]
    [InlineData("--typical-value", "0", "--typical-value 0: Must be finite and positive.")]
    [InlineData("--vars", "x,pi", "--vars: variable name 'pi' would shadow the constant pi; choose another name")]
    public void Library_errors_name_the_option_and_the_value(string option, string value, string message)
    {
        var args = new Dictionary<string, string> { ["--expr"] = Rosenbrock, ["--vars"] = "x,y", ["--at"] = "-1.2,1" };
        args[option] = value;
        var result = CliRunner.Run(null, ["minimize", .. args.SelectMany(kv => new[] { kv.Key, kv.Value })]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"diffnative: {message}", result.Stderr.TrimEnd());
    }

    [Fact]
    public void A_missing_required_option_exits_2()
    {
        var result = CliRunner.Run(null, "minimize", "--expr", "x^2", "--at", "1");
        Assert.Equal(2, result.ExitCode);
    }
}
