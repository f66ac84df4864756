using System.CommandLine;
using System.Globalization;
using DiffNative.Cli.Files;

namespace DiffNative.Cli.Commands;

/// <summary><c>diffnative grid --input FILE.csv --y COLUMN [--x COLUMN | --spacing H] [--order N]
/// [--accuracy N] [--numpy-edge-order 1|2] [--output OUT.csv] [--json]</c>: the derivative of a
/// sampled column, written to OUT.csv (one column, "derivative"), or {"derivative": [...]}.</summary>
internal static class GridCommand
{
    internal static Command Create()
    {
        var input = new Option<string>("--input") { Description = "CSV file with a header row.", Required = true };
        var y = new Option<string>("--y") { Description = "The column to differentiate.", Required = true };
        var x = new Option<string?>("--x") { Description = "A column of strictly increasing coordinates." };
        var spacing = NumberOption.Create("--spacing", "Uniform spacing (default 1 when --x is not given).");
        var order = new Option<int>("--order") { Description = "Derivative order, 1 to 4.", DefaultValueFactory = _ => 1 };
        var accuracy = new Option<int>("--accuracy") { Description = "Order of accuracy: 2, 4, 6 or 8.", DefaultValueFactory = _ => 2 };
        var numpy = new Option<int?>("--numpy-edge-order") { Description = "numpy.gradient's numbers with edge_order 1 or 2 (first derivative only)." };
        var output = new Option<string?>("--output") { Description = "Write the derivative column to this CSV file." };
        var json = new Option<bool>("--json") { Description = "Print {\"derivative\": [...]}." };
        var command = new Command("grid", "Differentiate a column of sampled data from a CSV file.")
        {
            input, y, x, spacing, order, accuracy, numpy, output, json,
        };
        command.SetAction(r => Run(r.GetValue(input)!, r.GetValue(y)!, r.GetValue(x), r.GetValue(spacing), r.GetValue(order),
            r.GetValue(accuracy), r.GetValue(numpy), r.GetValue(output), r.GetValue(json)));
        return command;
    }

    private static int Run(string input, string yColumn, string? xColumn, double? spacing, int order, int accuracy, int? numpyEdgeOrder,
        string? output, bool json)
    {
        if (xColumn is not null && spacing is not null)
            throw new FormatException("--x and --spacing exclude each other: give coordinates or a spacing.");
        if (spacing is { } h && !(double.IsFinite(h) && h > 0))
            throw new FormatException($"--spacing: {h} must be finite and positive.");
        if (order is < 1 or > 4) throw new FormatException($"--order: {order} is not 1 to 4.");
        if (accuracy is not (2 or 4 or 6 or 8)) throw new FormatException($"--accuracy: {accuracy} is not 2, 4, 6 or 8.");
        if (numpyEdgeOrder is { } e && e is not (1 or 2)) throw new FormatException($"--numpy-edge-order: {e} is not 1 or 2.");
        if (numpyEdgeOrder is not null && order != 1) throw new FormatException("--numpy-edge-order gives first derivatives only (--order 1).");
        if (output is not null) OutputFile.Check(output, "--output");

        var (y, x) = SampleTable.Read(input, yColumn, xColumn);
        var needed = numpyEdgeOrder is { } edge ? edge + 1 : RequiredRows(order, accuracy, x is not null);
        if (y.Length < needed)
            throw new FormatException($"--input: '{input}' has {y.Length} data row{(y.Length == 1 ? "" : "s")} in column '{yColumn}'; this stencil needs at least {needed}.");

        var derivative = new double[y.Length];
        if (numpyEdgeOrder is { } numpyOrder)
        {
            if (x is not null) SampledDerivative.NumpyGradient(y, x, derivative, numpyOrder);
            else SampledDerivative.NumpyGradient(y, spacing ?? 1.0, derivative, numpyOrder);
        }
        else if (x is not null) SampledDerivative.Derivative(y, x, derivative, order, accuracy);
        else SampledDerivative.Derivative(y, spacing ?? 1.0, derivative, order, accuracy);

        if (output is not null) SampleTable.Write(output, "derivative", derivative);
        if (json) JsonOutput.Write(new { derivative });
        else if (output is null)
            foreach (var v in derivative) Console.Out.WriteLine(v.ToString("R", CultureInfo.InvariantCulture));
        return ExitCodes.Success;
    }

    private static int RequiredRows(int order, int accuracy, bool coordinates)
    {
        var central = 2 * ((order + 1) / 2) - 1 + accuracy + (coordinates && order % 2 == 0 ? 1 : 0);
        return Math.Max(central, order + accuracy);
    }
}
