using System.CommandLine;
using System.Globalization;
using DiffNative.Cli.Output;
using Spectre.Console;

namespace DiffNative.Cli.Commands;

/// <summary><c>diffnative check [--isa all|NAME] [--seed N] [--json]</c>: every native kernel on
/// every available ISA against the managed reference. Exits 1 when any result is outside its
/// kernel's stated bound. JSON: {"passed", "results": [{"kernel", "isa", "cases", "maxUlp",
/// "bitIdentical"}]}.</summary>
internal static class CheckCommand
{
    internal static Command Create()
    {
        var isa = new Option<string>("--isa") { Description = "all, or one of scalar, avx2, avx512.", DefaultValueFactory = _ => "all" };
        var seed = new Option<int>("--seed") { Description = "Seed of the random inputs.", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("check", "Cross-check every native kernel on every ISA against the managed reference.") { isa, seed, json };
        command.SetAction(r => Run(r.GetValue(isa)!, r.GetValue(seed), r.GetValue(json)));
        return command;
    }

    private static int Run(string isaName, int seed, bool json)
    {
        IReadOnlyList<Isa> isas;
        if (isaName == "all")
        {
            isas = DiffNativeRuntime.AvailableIsas;
        }
        else
        {
            if (!IsaNames.TryParse(isaName, out var one))
                throw new FormatException($"--isa: '{isaName}' is not all, scalar, avx2 or avx512.");
            if (!DiffNativeRuntime.AvailableIsas.Contains(one))
                throw new IsaNotAvailableException($"--isa: {isaName} cannot run here; available: {string.Join(", ", DiffNativeRuntime.AvailableIsas.Select(i => i.ToName()))}.");
            isas = [one];
        }

        IReadOnlyList<KernelCheckResult> results = [];
        if (json || Console.IsOutputRedirected)
        {
            results = KernelChecks.Run(seed, isas);
        }
        else
        {
            AnsiConsole.Progress().Start(context =>
            {
                var task = context.AddTask("checking kernels", maxValue: KernelChecks.Count(isas));
                results = KernelChecks.Run(seed, isas, new Progress<int>(done => task.Value = done));
                task.Value = task.MaxValue;
            });
        }
        var passed = results.All(r => r.Passed);
        if (json)
        {
            JsonOutput.Write(new
            {
                passed,
                results = results.Select(r => new { kernel = r.Kernel, isa = r.Isa.ToName(), cases = r.Cases, maxUlp = r.MaxUlp, bitIdentical = r.BitIdentical }),
            });
        }
        else
        {
            var table = new TextTable()
                .AddColumn("kernel").AddColumn("ISA").AddColumn("cases", rightAligned: true)
                .AddColumn("max ulp", rightAligned: true).AddColumn("bit-identical").AddColumn("result");
            foreach (var r in results)
                table.AddRow(r.Kernel, r.Isa.ToName(), r.Cases.ToString(CultureInfo.InvariantCulture),
                    r.MaxUlp == long.MaxValue ? "∞" : r.MaxUlp.ToString(CultureInfo.InvariantCulture),
                    r.BitIdentical ? "yes" : "no", r.Passed ? new TextTable.Cell("pass", "green") : new TextTable.Cell($"FAIL (bound {r.BoundUlp})", "red"));
            Screen.Current.Write(table);
            Screen.Current.Markup(passed ? "[green]every kernel agrees with the managed reference[/]" : "[red]some kernels are outside their bounds[/]");
        }
        return passed ? ExitCodes.Success : ExitCodes.CheckFailed;
    }
}
