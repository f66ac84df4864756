using System.CommandLine;
using System.Numerics;
using DiffNative.Cli.Expressions;
using DiffNative.Cli.Output;

namespace DiffNative.Cli.Commands;

/// <summary><c>diffnative derive --expr E --at X [--var x] [--order 1..4] [--method ...] [--accuracy N]
/// [--step H] [--backend native|managed] [--json]</c> → {"value", "error", "step", "evaluations"}
/// (+ "warning" when the result should not be trusted).</summary>
internal static class DeriveCommand
{
    internal static Command Create()
    {
        var shared = new DifferentiationArguments(defaultMethod: "adaptive");
        var variable = new Option<string>("--var") { Description = "The variable's name (default x).", DefaultValueFactory = _ => "x" };
        var order = new Option<int>("--order") { Description = "Derivative order, 1 to 4.", DefaultValueFactory = _ => 1 };
        var command = new Command("derive", "Differentiate an expression of one variable at a point.");
        shared.AddTo(command);
        command.Options.Add(variable);
        command.Options.Add(order);
        command.SetAction(result => Run(shared.Read(result), result.GetValue(variable)!, result.GetValue(order)));
        return command;
    }

    private static int Run(DifferentiationArguments.ParseResultValues v, string variable, int order)
    {
        var expression = ExpressionCompiler.Compile(v.Expression, DifferentiationArguments.CheckVariables([variable], "--var"));
        var x = DifferentiationArguments.ParsePoint(v.At, 1)[0];
        var method = DifferentiationArguments.ParseMethod(v.Method);
        DifferentiationArguments.ParseBackend(v.Backend); // validated; a scalar derivative's arithmetic is a few flops in either
        if (order is < 1 or > 4)
            throw new FormatException($"--order: {order} is not 1 to 4.");
        var options = new DerivativeOptions
        {
            Order = order,
            Method = method,
            Accuracy = v.Accuracy,
            Step = v.Step is { } h ? DifferentiationArguments.CheckStep(h) : null,
        };
        if (v.Accuracy is { } p && !Stencils.IsSupportedAccuracy(options.Method switch
            {
                DerivativeMethod.Forward => DifferenceScheme.Forward,
                DerivativeMethod.Backward => DifferenceScheme.Backward,
                _ => DifferenceScheme.Central,
            }, p))
            throw new FormatException($"--accuracy: {p} is not offered for {v.Method} (central 2, 4, 6, 8; forward and backward 1 to 6).");
        if (method == DerivativeMethod.Complex && order != 1)
            throw new FormatException("--method complex gives first derivatives only (--order 1).");

        DerivativeResult r;
        if (method == DerivativeMethod.Complex)
        {
            // The complex form continues functions past their real domain (log(-1) is iπ), so
            // the real value decides whether there is anything to differentiate.
            var complex = expression.CompileComplex();
            var realValue = expression.Real([x]);
            r = double.IsFinite(realValue)
                ? Differentiate.Derivative(z => complex([z]), x, options)
                : new DerivativeResult(double.NaN, null, 0, 1, DerivativeStatus.NonFinite);
        }
        else
        {
            var real = expression.Real;
            r = Differentiate.Derivative(t => real([t]), x, options);
        }

        var warning = DifferentiationArguments.Warning(r.Status);
        if (v.Json)
        {
            JsonOutput.Write(new { value = r.Value, error = r.Error, step = r.Step, evaluations = r.Evaluations, warning });
            return ExitCodes.Success;
        }
        var table = TextTable.Pairs();
        table.AddRow("derivative", r.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("error estimate", r.Error is { } e ? e.ToString("G3", System.Globalization.CultureInfo.InvariantCulture) : "none (this method has no estimate)");
        table.AddRow("step", r.Step.ToString("G6", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("evaluations", r.Evaluations.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (warning is not null) table.AddRow(new TextTable.Cell("warning", "yellow"), warning);
        Screen.Current.Write(table);
        return ExitCodes.Success;
    }
}
