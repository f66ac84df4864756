using System.CommandLine;
using System.Globalization;
using DiffNative.Cli.Expressions;
using DiffNative.Cli.Output;

namespace DiffNative.Cli.Commands;

/// <summary><c>diffnative gradient|hessian|jacobian --expr E --vars x,y --at X,Y [options] [--json]</c>.
/// JSON: {"gradient": [...], "evaluations"}, {"hessian": [[...]], "evaluations"},
/// {"jacobian": [[...]], "evaluations"}; adaptive adds "errors" of the same shape, and a result
/// that should not be trusted adds "warning". With --sparse, hessian and jacobian derive the exact
/// structural pattern from the variables each expression (or additive term) uses, evaluate only
/// that, and add "colors" (jacobian) beside "evaluations"; the matrix keeps its dense layout.</summary>
internal static class MultivariateCommands
{
    internal static Command Gradient() => Create("gradient", "The gradient of an expression at a point.", sparse: false, (v, vars, _) =>
    {
        var expression = ExpressionCompiler.Compile(v.Expression, vars);
        var x = DifferentiationArguments.ParsePoint(v.At, vars.Count);
        var r = Differentiate.Gradient(DifferentiationArguments.ToScalarFunction(expression), x, DifferentiationArguments.ToMultivariate(v, x.Length));
        return (new Dictionary<string, object?> { ["gradient"] = r.Values, ["evaluations"] = r.Evaluations }, r);
    });

    internal static Command Hessian() => Create("hessian", "The Hessian of an expression at a point.", sparse: true, (v, vars, sparse) =>
    {
        var expression = ExpressionCompiler.Compile(v.Expression, vars);
        var x = DifferentiationArguments.ParsePoint(v.At, vars.Count);
        if (sparse)
        {
            var pattern = SparsePatterns.Hessian(expression, x.Length);
            var s = Differentiate.SparseHessian(DifferentiationArguments.ToScalarFunction(expression), pattern, x, DifferentiationArguments.ToMultivariate(v, x.Length));
            return SparseResult("hessian", s, colors: false);
        }
        var r = Differentiate.Hessian(DifferentiationArguments.ToScalarFunction(expression), x, DifferentiationArguments.ToMultivariate(v, x.Length));
        return (new Dictionary<string, object?> { ["hessian"] = Rows(r.Values, r.Columns), ["evaluations"] = r.Evaluations }, r);
    });

    internal static Command Jacobian() => Create("jacobian", "The Jacobian of expressions separated by ';' at a point.", sparse: true, (v, vars, sparse) =>
    {
        var expressions = ExpressionCompiler.CompileList(v.Expression, vars);
        var x = DifferentiationArguments.ParsePoint(v.At, vars.Count);
        var functions = expressions.Select(DifferentiationArguments.ToScalarFunction).ToArray();
        VectorFunction f = (p, y) =>
        {
            for (var k = 0; k < functions.Length; k++) y[k] = functions[k](p);
        };
        if (sparse)
        {
            var coloring = JacobianColoring.Compute(SparsePatterns.Jacobian(expressions, x.Length));
            return SparseResult("jacobian", Differentiate.SparseJacobian(f, coloring, x, DifferentiationArguments.ToMultivariate(v, x.Length)), colors: true);
        }
        var r = Differentiate.Jacobian(f, functions.Length, x, DifferentiationArguments.ToMultivariate(v, x.Length));
        return (new Dictionary<string, object?> { ["jacobian"] = Rows(r.Values, r.Columns), ["evaluations"] = r.Evaluations }, r);
    });

    /// <summary>A sparse result in the dense verbs' shape: the matrix (and an adaptive Hessian's
    /// error estimates) in dense layout, its cost.</summary>
    private static (Dictionary<string, object?> Json, DerivativeArray Result) SparseResult(string name, SparseDerivativeArray s, bool colors)
    {
        var dense = new DerivativeArray(s.Matrix.ToDense(), s.Errors?.ToDense(), s.Evaluations, s.Status) { Rows = s.Matrix.Pattern.Rows };
        var json = new Dictionary<string, object?> { [name] = Rows(dense.Values, dense.Columns), ["evaluations"] = s.Evaluations };
        if (colors) json["colors"] = s.Colors;
        return (json, dense);
    }

    private static Command Create(string name, string description, bool sparse,
        Func<DifferentiationArguments.ParseResultValues, IReadOnlyList<string>, bool, (Dictionary<string, object?> Json, DerivativeArray Result)> compute)
    {
        var shared = new DifferentiationArguments();
        var vars = new Option<string>("--vars") { Description = "The variables, comma-separated, in the order of --at.", Required = true };
        var sparseOption = new Option<bool>("--sparse")
        {
            Description = "Evaluate only the structural nonzeros, found from the variables each expression uses (central, forward or backward).",
        };
        var command = new Command(name, description);
        shared.AddTo(command);
        command.Options.Add(vars);
        if (sparse) command.Options.Add(sparseOption);
        command.SetAction(result =>
        {
            var v = shared.Read(result);
            var names = DifferentiationArguments.ParseVariables(result.GetValue(vars));
            var (json, r) = compute(v, names, sparse && result.GetValue(sparseOption));
            // Errors take the shape of the values: a list for a gradient, rows for a matrix even when it is 1×1.
            if (r.Errors is { } errors) json["errors"] = name == "gradient" ? errors : Rows(errors, r.Columns);
            var warning = DifferentiationArguments.Warning(r.Status);
            if (warning is not null) json["warning"] = warning;
            if (v.Json) JsonOutput.Write(json);
            else Print(name, v, names, r, warning);
            return ExitCodes.Success;
        });
        return command;
    }

    private static double[][] Rows(double[] values, int columns) =>
        Enumerable.Range(0, values.Length / columns).Select(r => values.AsSpan(r * columns, columns).ToArray()).ToArray();

    /// <summary>The result with every row and column named: gradients and Hessians by the
    /// variables, a Jacobian's rows by f0, f1, … in the order of the expressions.</summary>
    private static void Print(string name, DifferentiationArguments.ParseResultValues v, IReadOnlyList<string> vars, DerivativeArray r, string? warning)
    {
        var screen = Screen.Current;
        var point = DifferentiationArguments.ParsePoint(v.At, vars.Count);
        var at = string.Join(", ", vars.Select((x, i) => $"{x} = {Format(point[i])}"));
        string[] rowNames;
        if (name == "jacobian")
        {
            var expressions = v.Expression.Split(';').Select(e => e.Trim()).ToArray();
            rowNames = expressions.Select((_, i) => $"f{i}").ToArray();
            screen.Text($"Jacobian of {string.Join("; ", expressions.Select((e, i) => $"f{i} = {e}"))} at {at}:");
        }
        else
        {
            rowNames = [.. vars];
            screen.Text($"{(name == "gradient" ? "Gradient" : "Hessian")} of f = {v.Expression.Trim()} at {at}:");
        }

        if (name == "gradient")
        {
            var table = new TextTable().AddColumn("variable").AddColumn("∂f/∂variable", rightAligned: true);
            if (r.Errors is not null) table.AddColumn("error estimate", rightAligned: true);
            for (var i = 0; i < r.Values.Length; i++)
                table.AddRow([rowNames[i], Format(r.Values[i]), .. r.Errors is { } e ? [Format(e[i])] : Array.Empty<TextTable.Cell>()]);
            screen.Write(table);
        }
        else
        {
            screen.Write(Matrix(r.Values, rowNames, vars));
            if (r.Errors is { } errors)
            {
                screen.Text("error estimates:");
                screen.Write(Matrix(errors, rowNames, vars));
            }
        }
        screen.Text($"evaluations: {r.Evaluations}");
        if (warning is not null) screen.Markup($"[yellow]warning:[/] {Spectre.Console.Markup.Escape(warning)}");
    }

    private static TextTable Matrix(double[] values, IReadOnlyList<string> rows, IReadOnlyList<string> columns)
    {
        var table = new TextTable().AddColumn("");
        foreach (var c in columns) table.AddColumn(c, rightAligned: true);
        for (var row = 0; row < rows.Count; row++)
            table.AddRow([rows[row], .. Enumerable.Range(0, columns.Count).Select(c => (TextTable.Cell)Format(values[row * columns.Count + c]))]);
        return table;
    }

    private static string Format(double value) => value.ToString("G12", CultureInfo.InvariantCulture);
}
