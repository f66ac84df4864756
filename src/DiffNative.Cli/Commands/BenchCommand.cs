using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DiffNative.Cli.Charts;
using DiffNative.Cli.Output;
using Spectre.Console;

namespace DiffNative.Cli.Commands;

/// <summary><c>diffnative bench [--quick] [--json] [--chart FILE.png]</c>: a quick throughput table
/// of the main kernels on every available ISA and the managed reference, across sizes, with a
/// plain copy as the bandwidth reference. Not a replacement for BenchmarkDotNet (benchmarks/):
/// each figure is the best of a few timed repetitions. JSON: {"results": [{"kernel", "isa",
/// "size", "nsPerElement", "backend"}]}; copy rows have "kernel": "copy" and "isa": null.</summary>
internal static class BenchCommand
{
    internal sealed record Row(string Kernel, string? Isa, string Backend, int Size, double NsPerElement);

    internal static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "Fewer sizes and shorter timings (a few seconds)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var chart = new Option<string?>("--chart") { Description = "Draw throughput by size, one line per path, as a PNG." };
        var command = new Command("bench", "Time the main kernels on every ISA against a plain copy.") { quick, json, chart };
        command.SetAction(r => Run(r.GetValue(quick), r.GetValue(json), r.GetValue(chart)));
        return command;
    }

    private static int Run(bool quick, bool json, string? chartPath)
    {
        if (chartPath is not null) ChartFile.Check(chartPath);
        int[] sizes = quick ? [4 * 1024, 256 * 1024] : [4 * 1024, 64 * 1024, 1024 * 1024, 16 * 1024 * 1024];
        var budget = TimeSpan.FromMilliseconds(quick ? 20 : 100);
        var paths = new List<(string Label, string? Isa, Backend Backend)> { ("managed", null, Backend.Managed) };
        paths.AddRange(DiffNativeRuntime.AvailableIsas.Select(i => (i.ToName(), (string?)i.ToName(), Backend.NativeOn(i))));

        var rows = new List<Row>();
        void Measure()
        {
            foreach (var size in sizes)
            {
                var y = Enumerable.Range(0, size).Select(i => Math.Sin(i * 1e-3)).ToArray();
                var d = new double[size];
                rows.Add(new Row("copy", null, "memory", size, Time(() => y.AsSpan().CopyTo(d), size, budget)));
                foreach (var (_, isa, backend) in paths)
                {
                    var name = backend.Kind == BackendKind.Managed ? "managed" : "native";
                    rows.Add(new Row("sampled_gradient", isa, name, size, Time(() => SampledDerivative.Gradient(y, 1e-3, d, backend), size, budget)));
                    rows.Add(new Row("grid_derivative_acc8", isa, name, size, Time(() => SampledDerivative.Derivative(y, 1e-3, d, 1, 8, backend), size, budget)));
                }
            }
        }
        if (json || Console.IsOutputRedirected) Measure();
        else AnsiConsole.Status().Start("timing kernels…", _ => Measure());

        if (chartPath is not null) ThroughputChart.Save(rows, chartPath, DateTime.Now);
        if (json)
        {
            JsonOutput.Write(new
            {
                results = rows.Select(r => new { kernel = r.Kernel, isa = r.Isa, size = r.Size, nsPerElement = r.NsPerElement, backend = r.Backend }),
            });
            return ExitCodes.Success;
        }
        var screen = Screen.Current;
        screen.Text("Nanoseconds per element (lower is better), by number of elements:");
        var table = new TextTable().AddColumn("kernel").AddColumn("path");
        foreach (var size in sizes) table.AddColumn(ThroughputChart.SizeName(size), rightAligned: true);
        foreach (var group in rows.GroupBy(r => (r.Kernel, r.Isa ?? r.Backend)))
            table.AddRow([group.Key.Kernel, group.Key.Item2, .. group.Select(r => (TextTable.Cell)r.NsPerElement.ToString("0.000", CultureInfo.InvariantCulture))]);
        screen.Write(table);
        if (chartPath is not null) screen.Text($"chart written to {chartPath}");
        return ExitCodes.Success;
    }

    /// <summary>Nanoseconds per element: the best of five timed batches after a warm-up.</summary>
    private static double Time(Action action, int size, TimeSpan budget)
    {
        action();
        var watch = Stopwatch.StartNew();
        var calls = 1;
        action();
        while (watch.Elapsed < budget / 5) { action(); calls++; }
        var best = double.MaxValue;
        for (var repeat = 0; repeat < 5; repeat++)
        {
            watch.Restart();
            for (var c = 0; c < calls; c++) action();
            best = Math.Min(best, watch.Elapsed.TotalNanoseconds / calls);
        }
        return best / size;
    }
}
