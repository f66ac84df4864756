using DiffNative.Tests.Cli;

namespace DiffNative.Tests.Runtime;

/// <summary>A DIFFNATIVE_ISA that cannot be honoured is one error, naming the variable, its value
/// and the accepted names, whichever call meets it first: kernels with ISA paths and those
/// without (irregular grids, numpy's coordinate gradient, which used to compute as if the
/// variable were unset). Each case runs the CLI in a child process, where the variable is read
/// fresh.</summary>
public class IsaVariableTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("diffnative-isa").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string[][] Commands()
    {
        var csv = Path.Combine(folder, "squares.csv");
        File.WriteAllText(csv, "t,v\n0,0\n1,1\n2,4\n3,9\n4,16\n");
        return
        [
            ["info"],
            ["grid", "--input", csv, "--y", "v", "--spacing", "1"],
            ["grid", "--input", csv, "--y", "v", "--x", "t"],
            ["grid", "--input", csv, "--y", "v", "--x", "t", "--numpy-edge-order", "1"],
            ["gradient", "--expr", "x*y", "--vars", "x,y", "--at", "1,2", "--method", "adaptive"],
        ];
    }

    [Theory]
    [InlineData("sse9")]
    [InlineData("AVX2")]
    [InlineData(" scalar")]
    public void A_name_that_is_not_an_isa_is_the_same_one_line_error_on_every_path(string value)
    {
        var expected = $"diffnative: DIFFNATIVE_ISA={value} is not an ISA name; the accepted names are scalar, avx2 and avx512.";
        foreach (var command in Commands())
        {
            var result = CliRunner.Run(new Dictionary<string, string?> { ["DIFFNATIVE_ISA"] = value }, command);
            Assert.True(result.ExitCode == 2, $"{string.Join(' ', command)}: exit {result.ExitCode}, stdout {result.Stdout}");
            Assert.Equal(expected, result.Stderr.TrimEnd('\n'));
            Assert.Equal("", result.Stdout);
        }
    }

    [Fact]
    public void An_isa_this_machine_cannot_run_is_the_same_one_line_error_on_every_path()
    {
        var missing = IsaNames.All.Where(i => !DiffNativeRuntime.AvailableIsas.Contains(i)).ToArray();
        if (missing.Length == 0) return; // every ISA runs here: nothing to refuse
        var name = missing[0].ToName();
        var available = string.Join(", ", DiffNativeRuntime.AvailableIsas.Select(i => i.ToName()));
        foreach (var command in Commands())
        {
            var result = CliRunner.Run(new Dictionary<string, string?> { ["DIFFNATIVE_ISA"] = name }, command);
            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith($"diffnative: DIFFNATIVE_ISA={name} names an ISA that", result.Stderr);
            Assert.Contains($"available here: {available}", result.Stderr);
            Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }
}
