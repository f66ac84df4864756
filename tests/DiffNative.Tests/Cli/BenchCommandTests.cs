using System.Text.Json;

namespace DiffNative.Tests.Cli;

public class BenchCommandTests
{
    [Fact]
    public void Quick_json_has_copy_rows_and_a_row_per_kernel_path_and_size()
    {
        var chart = Path.Combine(Path.GetTempPath(), $"diffnative-bench-{Guid.NewGuid():N}.png");
        try
        {
            var result = CliRunner.Run(null, "bench", "--quick", "--json", "--chart", chart);
            Assert.Equal(0, result.ExitCode);
            var rows = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("results").EnumerateArray().ToArray();
            var copies = rows.Where(r => r.GetProperty("kernel").GetString() == "copy").ToArray();
            Assert.NotEmpty(copies);
            Assert.All(copies, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("isa").ValueKind));
            // Kernels carry their library name: SampledDerivative.Gradient is dn_sampled_gradient.
            Assert.Equal(["copy", "grid_derivative_acc8", "sampled_gradient"],
                rows.Select(r => r.GetProperty("kernel").GetString()).Distinct().Order(StringComparer.Ordinal));
            foreach (var isa in DiffNativeRuntime.AvailableIsas)
                Assert.Contains(rows, r => r.GetProperty("isa").ValueKind == JsonValueKind.String && r.GetProperty("isa").GetString() == isa.ToName());
            Assert.All(rows, r => Assert.True(r.GetProperty("nsPerElement").GetDouble() > 0 && r.GetProperty("size").GetInt32() > 0));
            // A PNG starts with its 8-byte signature.
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, File.ReadAllBytes(chart)[..8]);
        }
        finally
        {
            File.Delete(chart);
        }
    }

    [Fact]
    public void A_chart_that_is_not_a_png_is_bad_usage()
    {
        var result = CliRunner.Run(null, "bench", "--quick", "--chart", "out.svg");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--chart", result.Stderr);
    }
}
