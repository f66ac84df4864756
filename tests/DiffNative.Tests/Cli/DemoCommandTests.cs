namespace DiffNative.Tests.Cli;

public class DemoCommandTests
{
    [Fact]
    public void Demo_runs_every_section_and_exits_0()
    {
        var result = CliRunner.Run(null, "demo");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        foreach (var section in new[] { "x² + sin x", "Hessian of Rosenbrock", "Sampled data", "active ISA", "Minimising Rosenbrock", "gradient check" })
            Assert.Contains(section, result.Stdout);
        Assert.Contains("NotDifferentiable", result.Stdout);
    }
}
