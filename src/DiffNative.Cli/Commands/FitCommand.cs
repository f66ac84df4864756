using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DiffNative.Cli.Expressions;
using DiffNative.Cli.Help;
using DiffNative.Cli.Output;
using DiffNative.Optimization;

namespace DiffNative.Cli.Commands;

/// <summary><c>diffnative fit --expr "E1; E2; …" --vars a,b --at A0,B0 [--lower L1,L2] [--upper U1,U2]
/// [--jacobian forward|central] [--max-iter N] [--ftol F] [--xtol X] [--gtol G] [--backend native|managed] [--json]</c>: nonlinear
/// least squares over the residual expressions. JSON: {"x": [...], "cost", "residualNorm",
/// "iterations", "evaluations", "converged", "reason"} plus "residuals"; the first seven names are a
/// contract.</summary>
internal static class FitCommand
{
    internal static Command Create()
    {
        var expression = new Option<string>("--expr") { Description = $"The residuals, separated by ';', such as \"a + b*0 - 1; a + b*1 - 3\" ({ExpressionHelp.Pointer}).", Required = true };
        var vars = new Option<string>("--vars") { Description = "The parameters, comma-separated, in the order of --at.", Required = true };
        var at = new Option<string>("--at") { Description = "The starting point: comma-separated values, one per parameter.", Required = true };
        var lower = new Option<string>("--lower") { Description = "Lower bounds: comma-separated values, one per parameter, -inf for none; --at must lie within the bounds, and every point tried does." };
        var upper = new Option<string>("--upper") { Description = "Upper bounds: comma-separated values, one per parameter, inf for none." };
        var jacobian = new Option<string>("--jacobian") { Description = "forward (default, as MINPACK's lmdif) or central differences.", DefaultValueFactory = _ => "forward" };
        var maxIter = new Option<int?>("--max-iter") { Description = "The most accepted steps (default 1000)." };
        var ftol = NumberOption.Create("--ftol", "Stop when the relative reduction of the sum of squares is at most this (default 1.49012e-8).");
        var xtol = NumberOption.Create("--xtol", "Stop when the trust region is at most this relative to the scaled x (default 1.49012e-8).");
        var gtol = NumberOption.Create("--gtol", "Stop when every |cosine| between the residuals and a Jacobian column is at most this (default 0).");
        var backend = new Option<string>("--backend") { Description = "native or managed: where the differencing arithmetic runs.", DefaultValueFactory = _ => "native" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("fit", "Least-squares fit: minimise the sum of squares of expressions from a starting point.");
        foreach (var option in new Option[] { expression, vars, at, lower, upper, jacobian, maxIter, ftol, xtol, gtol, backend, json })
            command.Options.Add(option);
        command.SetAction(result =>
        {
            var names = DifferentiationArguments.ParseVariables(result.GetValue(vars));
            var expressions = ExpressionCompiler.CompileList(result.GetValue(expression)!, names);
            var x0 = DifferentiationArguments.ParsePoint(result.GetValue(at)!, names.Count);
            var functions = expressions.Select(DifferentiationArguments.ToScalarFunction).ToArray();
            VectorFunction residuals = (p, r) =>
            {
                for (var k = 0; k < functions.Length; k++) r[k] = functions[k](p);
            };
            var defaults = LeastSquaresOptions.Default;
            var options = new LeastSquaresOptions
            {
                LowerBounds = ParseBounds(result.GetValue(lower), "--lower", names.Count),
                UpperBounds = ParseBounds(result.GetValue(upper), "--upper", names.Count),
                JacobianMethod = ParseJacobian(result.GetValue(jacobian)!),
                MaxIterations = result.GetValue(maxIter) ?? defaults.MaxIterations,
                FunctionTolerance = result.GetValue(ftol) ?? defaults.FunctionTolerance,
                StepTolerance = result.GetValue(xtol) ?? defaults.StepTolerance,
                GradientTolerance = result.GetValue(gtol) ?? defaults.GradientTolerance,
                Differentiation = new DifferentiationOptions { Backend = DifferentiationArguments.ParseBackend(result.GetValue(backend)!) },
            };
            var fit = Optimize.LeastSquares(residuals, functions.Length, x0, options);
            if (result.GetValue(json)) JsonOutput.Write(ToJson(fit));
            else Print(fit, names);
            return ExitCodes.Success;
        });
        return command;
    }

    private static double[] ParseBounds(string? text, string option, int count) =>
        text is null ? [] : DifferentiationArguments.ParseValues(text, option, count, "parameter", allowInfinite: true);

    private static JacobianMethod ParseJacobian(string text) => text switch
    {
        "forward" => JacobianMethod.Forward,
        "central" => JacobianMethod.Central,
        _ => throw new FormatException($"--jacobian: '{text}' is not one of forward, central."),
    };

    /// <summary>The reason as scripts see it: the enum name in camelCase ("zeroResidual").</summary>
    private static string ReasonName(LeastSquaresStopReason reason) => JsonNamingPolicy.CamelCase.ConvertName(reason.ToString());

    private static Dictionary<string, object?> ToJson(LeastSquaresResult r) => new()
    {
        ["x"] = r.X,
        ["cost"] = r.Cost,
        ["residualNorm"] = r.ResidualNorm,
        ["iterations"] = r.Iterations,
        ["evaluations"] = r.FunctionEvaluations,
        ["converged"] = r.Converged,
        ["reason"] = ReasonName(r.Reason),
        ["residuals"] = r.Residuals,
    };

    private static void Print(LeastSquaresResult r, IReadOnlyList<string> names)
    {
        var screen = Screen.Current;
        screen.Text("fit:");
        var table = new TextTable().AddColumn("parameter").AddColumn("value", rightAligned: true);
        for (var i = 0; i < names.Count; i++)
            table.AddRow(names[i], r.X[i].ToString("G15", CultureInfo.InvariantCulture));
        screen.Write(table);
        screen.Text($"cost = ½‖r‖² = {r.Cost.ToString("G15", CultureInfo.InvariantCulture)}, ‖r‖ = {r.ResidualNorm.ToString("G6", CultureInfo.InvariantCulture)}");
        screen.Markup($"{r.Iterations} iterations, {r.FunctionEvaluations} evaluations; stopped on {ReasonName(r.Reason)}" +
            (r.Converged ? " (converged)" : " [yellow](not converged)[/]"));
    }
}
