using System.Text.Json;

namespace DiffNative.Tests.Cli;

public class InfoCommandTests
{
    [Fact]
    public void Json_output_has_the_documented_fields()
    {
        var result = CliRunner.Run(null, "info", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.False(string.IsNullOrEmpty(root.GetProperty("version").GetString()));
        Assert.EndsWith("libdiffnative.so", root.GetProperty("nativeLibrary").GetString());
        var isa = root.GetProperty("isa");
        var available = isa.GetProperty("available").EnumerateArray().Select(e => e.GetString()).ToArray();
        var compiled = isa.GetProperty("compiled").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Contains(isa.GetProperty("active").GetString(), available);
        Assert.Equal(DiffNativeRuntime.AvailableIsas.Select(i => i.ToName()), available);
        Assert.Equal(DiffNativeRuntime.CompiledIsas.Select(i => i.ToName()), compiled);
        Assert.Equal(DiffNativeRuntime.ScalarUsesHardwareFma, isa.GetProperty("scalarHardwareFma").GetBoolean());
        var cpu = root.GetProperty("cpu");
        foreach (var feature in new[] { "sse2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512bw", "avx512vl", "osSavesAvx", "osSavesAvx512" })
            Assert.True(cpu.GetProperty(feature).ValueKind is JsonValueKind.True or JsonValueKind.False, feature);
    }

    [Theory]
    [InlineData("scalar")]
    [InlineData("avx2")]
    [InlineData("avx512")]
    public void A_forced_isa_is_active_or_a_clear_error(string name)
    {
        var result = CliRunner.Run(new Dictionary<string, string?> { ["DIFFNATIVE_ISA"] = name }, "info", "--json");
        if (DiffNativeRuntime.AvailableIsas.Contains(IsaNames.Parse(name)))
        {
            Assert.Equal(0, result.ExitCode);
            using var json = JsonDocument.Parse(result.Stdout);
            Assert.Equal(name, json.RootElement.GetProperty("isa").GetProperty("active").GetString());
        }
        else
        {
            AssertOneLineError(result, $"DIFFNATIVE_ISA={name}");
        }
    }

    [Fact]
    public void An_unknown_forced_isa_is_a_clear_error()
    {
        var result = CliRunner.Run(new Dictionary<string, string?> { ["DIFFNATIVE_ISA"] = "sse9" }, "info");
        AssertOneLineError(result, "DIFFNATIVE_ISA=sse9");
    }

    [Fact]
    public void A_missing_library_lists_the_paths_tried()
    {
        var result = CliRunner.Run(new Dictionary<string, string?> { ["DIFFNATIVE_LIBRARY_PATH"] = "/nonexistent/libdiffnative.so" }, "info");
        AssertOneLineError(result, "/nonexistent/libdiffnative.so");
    }

    [Fact]
    public void An_unknown_option_is_bad_usage()
    {
        var result = CliRunner.Run(null, "info", "--frobnicate");
        AssertOneLineError(result, "--frobnicate");
    }

    private static void AssertOneLineError(CliRunner.Result result, string mentioned)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(mentioned, lines[0]);
        Assert.DoesNotContain("Exception", lines[0]);
    }
}
