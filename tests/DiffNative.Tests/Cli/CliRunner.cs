using System.Diagnostics;

namespace DiffNative.Tests.Cli;

/// <summary>Runs the diffnative CLI the way users do, in its own process, so process-wide state
/// (DIFFNATIVE_ISA read at first use, the library path) starts fresh.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(IDictionary<string, string?>? environment, params string[] args) =>
        RunIn(null, environment, args);

    /// <summary>As <see cref="Run"/>, in the given working directory (for verbs that write files
    /// named by relative paths).</summary>
    public static Result RunIn(string? workingDirectory, IDictionary<string, string?>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DiffNative.Cli.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("DIFFNATIVE_ISA");
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"diffnative {string.Join(' ', args)} did not finish in 60 s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
