using System.CommandLine;
using DiffNative.Cli.Output;

namespace DiffNative.Cli.Commands;

/// <summary><c>diffnative info [--json]</c>: version, native library, CPU features, ISAs.</summary>
internal static class InfoCommand
{
    internal static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var command = new Command("info", "Show the native library, the CPU's features and the active and available ISAs.") { json };
        command.SetAction(result => Run(result.GetValue(json)));
        return command;
    }

    private static int Run(bool json)
    {
        var info = DiffNativeRuntime.Describe();
        if (json)
            JsonOutput.Write(ToJson(info));
        else
            WriteTable(info);
        return ExitCodes.Success;
    }

    // Field names are a contract: {"version", "nativeLibrary", "isa": {"active", "available", "compiled",
    // "scalarHardwareFma"}, "cpu": {...}}.
    private static object ToJson(RuntimeInfo info) => new
    {
        version = info.Version,
        nativeLibrary = info.NativeLibraryPath,
        isa = new
        {
            active = info.ActiveIsa.ToName(),
            available = info.AvailableIsas.Select(i => i.ToName()).ToArray(),
            compiled = info.CompiledIsas.Select(i => i.ToName()).ToArray(),
            scalarHardwareFma = info.ScalarUsesHardwareFma,
        },
        cpu = new
        {
            sse2 = info.Cpu.Sse2,
            avx = info.Cpu.Avx,
            avx2 = info.Cpu.Avx2,
            fma = info.Cpu.Fma,
            avx512f = info.Cpu.Avx512F,
            avx512dq = info.Cpu.Avx512DQ,
            avx512bw = info.Cpu.Avx512BW,
            avx512vl = info.Cpu.Avx512VL,
            osSavesAvx = info.Cpu.OsSavesAvx,
            osSavesAvx512 = info.Cpu.OsSavesAvx512,
        },
    };

    private static void WriteTable(RuntimeInfo info)
    {
        var table = TextTable.Pairs();
        table.AddRow("version", info.Version);
        table.AddRow("native library", info.NativeLibraryPath);
        table.AddRow("active ISA", new TextTable.Cell(info.ActiveIsa.ToName(), "bold green"));
        table.AddRow("available ISAs", string.Join(", ", info.AvailableIsas.Select(i => i.ToName())));
        table.AddRow("compiled ISAs", string.Join(", ", info.CompiledIsas.Select(i => i.ToName())));
        table.AddRow("scalar FMA", info.ScalarUsesHardwareFma ? "FMA instructions" : "libm fma() calls");
        var cpu = info.Cpu;
        var features = new (string Name, bool Present)[]
        {
            ("sse2", cpu.Sse2), ("avx", cpu.Avx), ("avx2", cpu.Avx2), ("fma", cpu.Fma),
            ("avx512f", cpu.Avx512F), ("avx512dq", cpu.Avx512DQ), ("avx512bw", cpu.Avx512BW), ("avx512vl", cpu.Avx512VL),
            ("os-saves-ymm", cpu.OsSavesAvx), ("os-saves-zmm", cpu.OsSavesAvx512),
        };
        // An absent feature keeps its place, with a minus: the colour that said so is gone in a file.
        table.AddRow("cpu features", string.Join(" ", features.Select(f => f.Present ? f.Name : "-" + f.Name)));
        Screen.Current.Write(table);
    }
}
