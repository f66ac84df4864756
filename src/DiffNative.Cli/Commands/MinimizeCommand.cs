using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DiffNative.Cli.Expressions;
using DiffNative.Cli.Help;
using DiffNative.Cli.Output;
using DiffNative.Optimization;

namespace DiffNative.Cli.Commands;

/// <summary><c>diffnative minimize --expr E --vars x,y --at X0 [--method bfgs|lbfgs|newton|trust-newton|gd|momentum|
/// nesterov|adagrad|rmsprop|adam|adamw] [--learning-rate R] [--max-iter N] [--gtol G] [--backend
/// native|managed] [--json]</c> with numerical derivatives of the expression. JSON: {"x": [...],
/// "value", "gradientNorm", "iterations", "evaluations", "converged", "reason"} plus
/// "gradientEvaluations", "hessianEvaluations" and "method"; the first seven names are a contract.</summary>
internal static class MinimizeCommand
{
    internal static Command Create()
    {
        var expression = new Option<string>("--expr") { Description = $"The expression to minimise, such as \"(1-x)^2 + 100*(y-x^2)^2\" ({ExpressionHelp.Pointer}).", Required = true };
        var vars = new Option<string>("--vars") { Description = "The variables, comma-separated, in the order of --at.", Required = true };
        var at = new Option<string>("--at") { Description = "The starting point: comma-separated values, one per variable.", Required = true };
        var method = new Option<string>("--method") { Description = "bfgs (default), lbfgs, newton, trust-newton, gd, momentum, nesterov, adagrad, rmsprop, adam or adamw.", DefaultValueFactory = _ => "bfgs" };
        var rate = NumberOption.Create("--learning-rate", "The first-order methods' learning rate (default: the method's own).");
        var maxIter = new Option<int?>("--max-iter") { Description = "The most iterations (default 1000)." };
        var gtol = NumberOption.Create("--gtol", "Stop when the largest |partial derivative| is at most this times max(T, |f|), T the typical value (default 1e-6).");
        var typical = NumberOption.Create("--typical-value", "T, a typical size of |f| near the minimum (default 1): set it to f's size when f is far below 1 there.");
        var backend = new Option<string>("--backend") { Description = "native or managed: where the differencing arithmetic runs; given, BFGS and L-BFGS difference centrally throughout.", DefaultValueFactory = _ => "native" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("minimize", "Minimise an expression from a starting point.");
        foreach (var option in new Option[] { expression, vars, at, method, rate, maxIter, gtol, typical, backend, json })
            command.Options.Add(option);
        command.SetAction(result =>
        {
            var names = DifferentiationArguments.ParseVariables(result.GetValue(vars));
            var compiled = ExpressionCompiler.Compile(result.GetValue(expression)!, names);
            var x0 = DifferentiationArguments.ParsePoint(result.GetValue(at)!, names.Count);
            var defaults = OptimizerOptions.Default;
            var options = new OptimizerOptions
            {
                Method = ParseMethod(result.GetValue(method)!),
                LearningRate = result.GetValue(rate),
                MaxIterations = result.GetValue(maxIter) ?? defaults.MaxIterations,
                GradientTolerance = result.GetValue(gtol) ?? defaults.GradientTolerance,
                TypicalValue = result.GetValue(typical) ?? defaults.TypicalValue,
                // Options only for an explicit --backend: left null, BFGS and L-BFGS difference forward while far from the minimum.
                Differentiation = result.GetResult(backend) is { Implicit: false }
                    ? new DifferentiationOptions { Backend = DifferentiationArguments.ParseBackend(result.GetValue(backend)!) }
                    : null,
            };
            var r = Optimize.Minimize(DifferentiationArguments.ToScalarFunction(compiled), x0, options);
            if (result.GetValue(json)) JsonOutput.Write(ToJson(r, result.GetValue(method)!));
            else Print(r, names);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static OptimizationMethod ParseMethod(string text) => text switch
    {
        "bfgs" => OptimizationMethod.Bfgs,
        "lbfgs" => OptimizationMethod.Lbfgs,
        "newton" => OptimizationMethod.Newton,
        "trust-newton" => OptimizationMethod.TrustRegionNewton,
        "gd" => OptimizationMethod.GradientDescent,
        "momentum" => OptimizationMethod.Momentum,
        "nesterov" => OptimizationMethod.Nesterov,
        "adagrad" => OptimizationMethod.AdaGrad,
        "rmsprop" => OptimizationMethod.RmsProp,
        "adam" => OptimizationMethod.Adam,
        "adamw" => OptimizationMethod.AdamW,
        _ => throw new FormatException($"--method: '{text}' is not one of bfgs, lbfgs, newton, trust-newton, gd, momentum, nesterov, adagrad, rmsprop, adam, adamw."),
    };

    /// <summary>The reason as scripts see it: the enum name in camelCase ("gradientTolerance").</summary>
    internal static string ReasonName(StopReason reason) => JsonNamingPolicy.CamelCase.ConvertName(reason.ToString());

    private static Dictionary<string, object?> ToJson(OptimizationResult r, string method) => new()
    {
        ["x"] = r.X,
        ["value"] = r.Value,
        ["gradientNorm"] = r.GradientNorm,
        ["iterations"] = r.Iterations,
        ["evaluations"] = r.FunctionEvaluations,
        ["converged"] = r.Converged,
        ["reason"] = ReasonName(r.Reason),
        ["gradientEvaluations"] = r.GradientEvaluations,
        ["hessianEvaluations"] = r.HessianEvaluations,
        ["method"] = method,
    };

    private static void Print(OptimizationResult r, IReadOnlyList<string> names)
    {
        var screen = Screen.Current;
        screen.Text("minimum:");
        var table = new TextTable().AddColumn("variable").AddColumn("value", rightAligned: true);
        for (var i = 0; i < names.Count; i++)
            table.AddRow(names[i], r.X[i].ToString("G15", CultureInfo.InvariantCulture));
        screen.Write(table);
        screen.Text($"f = {r.Value.ToString("G15", CultureInfo.InvariantCulture)}, largest |gradient| = {r.GradientNorm.ToString("G3", CultureInfo.InvariantCulture)}");
        screen.Markup($"{r.Iterations} iterations, {r.FunctionEvaluations} evaluations; stopped on {ReasonName(r.Reason)}" +
            (r.Converged ? " (converged)" : " [yellow](not converged)[/]"));
    }
}
