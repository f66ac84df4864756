using System.Text.Json;

namespace DiffNative.Tests.Cli;

public class CheckCommandTests
{
    [Fact]
    public void Check_json_lists_every_kernel_on_every_available_isa_and_passes()
    {
        var result = CliRunner.Run(null, "check", "--json", "--seed", "7");
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.True(root.GetProperty("passed").GetBoolean());
        var rows = root.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(KernelChecks.Kernels.Count * DiffNativeRuntime.AvailableIsas.Count, rows.Length);
        foreach (var row in rows)
        {
            Assert.Contains(row.GetProperty("kernel").GetString(), KernelChecks.Kernels);
            Assert.True(IsaNames.TryParse(row.GetProperty("isa").GetString(), out _));
            Assert.True(row.GetProperty("cases").GetInt32() > 70);
            Assert.Equal(0, row.GetProperty("maxUlp").GetInt64());
            Assert.True(row.GetProperty("bitIdentical").GetBoolean());
        }
    }

    [Fact]
    public void An_unknown_isa_is_bad_usage()
    {
        var result = CliRunner.Run(null, "check", "--isa", "sse");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--isa", result.Stderr);
    }

    [Theory]
    [InlineData(1.0, 1.0, 0L)]
    [InlineData(0.0, -0.0, 1L)]
    [InlineData(double.NaN, double.NaN, 0L)]
    [InlineData(1.0, 1.0000000000000002, 1L)]
    [InlineData(1.0, 0.9999999999999999, 1L)]
    [InlineData(double.Epsilon, -double.Epsilon, 2L)]
    [InlineData(2.0, 1.0, 4503599627370496L)]
    [InlineData(1.0, double.NaN, long.MaxValue)]
    public void Ulp_distance_counts_representable_doubles_between(double a, double b, long expected) =>
        Assert.Equal(expected, KernelChecks.UlpDistance(a, b));

    [Theory]
    [InlineData(1f, 1f, 0L)]
    [InlineData(0f, -0f, 1L)]
    [InlineData(float.NaN, float.NaN, 0L)]
    [InlineData(1f, 1.00000012f, 1L)]
    [InlineData(float.Epsilon, -float.Epsilon, 2L)]
    [InlineData(2f, 1f, 8388608L)]
    [InlineData(1f, float.NaN, long.MaxValue)]
    public void Float_ulp_distance_counts_representable_floats_between(float a, float b, long expected) =>
        Assert.Equal(expected, KernelChecks.FloatUlpDistance(a, b));

    [Fact]
    public void The_float_kernels_are_checked() =>
        Assert.Superset(new HashSet<string> { "dn_activate_f32", "dn_activate_backward_f32", "dn_softmax_f32", "dn_softmax_backward_f32" },
            KernelChecks.Kernels.ToHashSet());
}
