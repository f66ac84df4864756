using System.CommandLine;
using System.Globalization;
using DiffNative.Cli.Charts;
using DiffNative.Cli.Expressions;
using DiffNative.Cli.Help;
using DiffNative.Cli.Output;

namespace DiffNative.Cli.Commands;

/// <summary><c>diffnative plot --expr E --from A --to B [--at X] [--var x] --chart FILE.png [--json]</c>:
/// f and f′ over [A, B] (f′ from the adaptive engine, with its error estimate as a band where it
/// is visible) and the tangent at X (the middle of the range when --at is not given).
/// JSON: {"chart", "at", "value", "derivative", "error", "points", "evaluations", "warning"}.</summary>
internal static class PlotCommand
{
    /// <summary>Enough points that the curves look smooth at the chart's width.</summary>
    internal const int Points = 401;

    internal static Command Create()
    {
        var expression = new Option<string>("--expr") { Description = $"f, an expression of one variable, such as \"x^2 + sin(x)\" ({ExpressionHelp.Pointer}).", Required = true };
        var from = new Option<string>("--from") { Description = "The left end of the range.", Required = true };
        var to = new Option<string>("--to") { Description = "The right end of the range (greater than --from).", Required = true };
        var at = new Option<string?>("--at") { Description = "Where to draw the tangent, inside the range (default: the middle)." };
        var variable = new Option<string>("--var") { Description = "The variable's name (default x).", DefaultValueFactory = _ => "x" };
        var chart = new Option<string>("--chart") { Description = "The PNG to write.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("plot", "Draw f, f′ and the tangent at a point as a PNG.") { expression, from, to, at, variable, chart, json };
        command.SetAction(r => Run(r.GetValue(expression)!, r.GetValue(from)!, r.GetValue(to)!, r.GetValue(at),
            r.GetValue(variable)!, r.GetValue(chart)!, r.GetValue(json)));
        return command;
    }

    private static int Run(string text, string fromText, string toText, string? atText, string variable, string chartPath, bool json)
    {
        var a = Single(fromText, "--from");
        var b = Single(toText, "--to");
        if (a >= b)
            throw new FormatException($"--from {Format(a)} must be less than --to {Format(b)}.");
        if (!double.IsFinite(b - a))
            throw new FormatException($"--from {Format(a)} to --to {Format(b)}: the range's width is not a finite number.");
        var spacing = (b - a) / (Points - 1);
        if (!(a + spacing > a && b - spacing < b))
            throw new FormatException($"--from {Format(a)} to --to {Format(b)}: the range is too narrow for {Points} distinct points.");
        var x = atText is null ? a + (b - a) / 2 : Single(atText, "--at");
        if (x < a || x > b)
            throw new FormatException($"--at {Format(x)} is outside [{Format(a)}, {Format(b)}].");
        ChartFile.Check(chartPath);
        var f = ExpressionCompiler.Compile(text, DifferentiationArguments.CheckVariables([variable], "--var")).Real;

        var curve = DerivativeCurve.Sample(t => f([t]), a, b, Points, x);
        if (curve.FiniteValues == 0)
            throw new FormatException($"--expr: '{text}' is not finite anywhere on [{Format(a)}, {Format(b)}].");
        DerivativeChart.Save(curve, text.Trim(), variable, chartPath);

        var warning = curve.Tangent.Status == DerivativeStatus.Ok ? null : DifferentiationArguments.Warning(curve.Tangent.Status);
        if (json)
        {
            JsonOutput.Write(new
            {
                chart = Path.GetFullPath(chartPath),
                at = x,
                value = curve.ValueAtTangent,
                derivative = curve.Tangent.Value,
                error = curve.Tangent.Error,
                points = Points,
                evaluations = curve.Evaluations,
                warning,
            });
            return ExitCodes.Success;
        }
        var table = TextTable.Pairs();
        table.AddRow($"f({Format(x)})", Format(curve.ValueAtTangent));
        table.AddRow($"f′({Format(x)})", Format(curve.Tangent.Value));
        table.AddRow("error estimate", curve.Tangent.Error is { } e ? e.ToString("G3", CultureInfo.InvariantCulture) : "none");
        table.AddRow("evaluations", $"{curve.Evaluations.ToString(CultureInfo.InvariantCulture)} over {Points} points");
        if (warning is not null) table.AddRow(new TextTable.Cell("warning", "yellow"), warning);
        Screen.Current.Write(table);
        Screen.Current.Text($"chart written to {chartPath}");
        return ExitCodes.Success;
    }

    private static double Single(string text, string option)
    {
        var values = ValueList.ParseValues(text, option);
        return values.Length == 1 ? values[0] : throw new FormatException($"{option}: give one number, not {values.Length}.");
    }

    private static string Format(double v) => v.ToString("G10", CultureInfo.InvariantCulture);
}
