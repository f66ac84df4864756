using System.CommandLine;
using System.Globalization;
using DiffNative.Cli.Expressions;
using Spectre.Console;

namespace DiffNative.Cli.Commands;

/// <summary><c>diffnative gradient|hessian|jacobian --expr E --vars x,y --at X,Y [options] [--json]</c>.
/// JSON: {"gradient": [...], "evaluations"}, {"hessian": [[...]], "evaluations"},
/// {"jacobian": [[...]], "evaluations"}; adaptive adds "errors" of the same shape, and a result
/// that should not be trusted adds "warning".</summary>
internal static class MultivariateCommands
{
    internal static Command Gradient() => Create("gradient", "The gradient of an expression at a point.", (v, vars) =>
    {
        var expression = ExpressionCompiler.Compile(v.Expression, vars);
        var x = DifferentiationArguments.ParsePoint(v.At, vars.Count);
        var r = Differentiate.Gradient(DifferentiationArguments.ToScalarFunction(expression), x, DifferentiationArguments.ToMultivariate(v, x.Length));
        return (new Dictionary<string, object?> { ["gradient"] = r.Values, ["evaluations"] = r.Evaluations }, r, 1);
    });

    internal static Command Hessian() => Create("hessian", "The Hessian of an expression at a point.", (v, vars) =>
    {
        var expression = ExpressionCompiler.Compile(v.Expression, vars);
        var x = DifferentiationArguments.ParsePoint(v.At, vars.Count);
        var r = Differentiate.Hessian(DifferentiationArguments.ToScalarFunction(expression), x, DifferentiationArguments.ToMultivariate(v, x.Length));
        return (new Dictionary<string, object?> { ["hessian"] = Rows(r.Values, x.Length), ["evaluations"] = r.Evaluations }, r, x.Length);
    });

    internal static Command Jacobian() => Create("jacobian", "The Jacobian of expressions separated by ';' at a point.", (v, vars) =>
    {
        var expressions = ExpressionCompiler.CompileList(v.Expression, vars);
        var x = DifferentiationArguments.ParsePoint(v.At, vars.Count);
        var functions = expressions.Select(DifferentiationArguments.ToScalarFunction).ToArray();
        VectorFunction f = (p, y) =>
        {
            for (var k = 0; k < functions.Length; k++) y[k] = functions[k](p);
        };
        var r = Differentiate.Jacobian(f, functions.Length, x, DifferentiationArguments.ToMultivariate(v, x.Length));
        return (new Dictionary<string, object?> { ["jacobian"] = Rows(r.Values, x.Length), ["evaluations"] = r.Evaluations }, r, x.Length);
    });

    private static Command Create(string name, string description,
        Func<DifferentiationArguments.ParseResultValues, IReadOnlyList<string>, (Dictionary<string, object?> Json, DerivativeArray Result, int Columns)> compute)
    {
        var shared = new DifferentiationArguments();
        var vars = new Option<string>("--vars") { Description = "The variables, comma-separated, in the order of --at.", Required = true };
        var command = new Command(name, description);
        shared.AddTo(command);
        command.Options.Add(vars);
        command.SetAction(result =>
        {
            var v = shared.Read(result);
            var (json, r, columns) = compute(v, DifferentiationArguments.ParseVariables(result.GetValue(vars)));
            if (r.Errors is { } errors) json["errors"] = columns == 1 ? errors : Rows(errors, columns);
            var warning = DifferentiationArguments.Warning(r.Status);
            if (warning is not null) json["warning"] = warning;
            if (v.Json) JsonOutput.Write(json);
            else Print(name, r, columns, warning);
            return ExitCodes.Success;
        });
        return command;
    }

    private static double[][] Rows(double[] values, int columns) =>
        Enumerable.Range(0, values.Length / columns).Select(r => values.AsSpan(r * columns, columns).ToArray()).ToArray();

    private static void Print(string name, DerivativeArray r, int columns, string? warning)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(name);
        for (var c = 0; c < columns; c++) table.AddColumn(new TableColumn("").RightAligned());
        table.HideHeaders();
        for (var row = 0; row < r.Values.Length / columns; row++)
            table.AddRow(Enumerable.Range(0, columns).Select(c => r.Values[row * columns + c].ToString("G12", CultureInfo.InvariantCulture)).ToArray());
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"evaluations: {r.Evaluations}");
        if (warning is not null) AnsiConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
    }
}
