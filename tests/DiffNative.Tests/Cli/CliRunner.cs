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
            WorkingDirectory = workingDirectory ?? "",
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DiffNative.Cli.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        return Start(start, environment, args);
    }

    /// <summary>As <see cref="Run"/>, with standard output or standard error sent to a file (such
    /// as /dev/full) instead of a pipe; the stream sent there comes back empty.</summary>
    public static Result RunRedirected(string? stdoutFile, string? stderrFile, IDictionary<string, string?>? environment, params string[] args)
    {
        // The shell opens the files, as it does for `diffnative … > file`, then becomes the CLI.
        var start = new ProcessStartInfo("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("""[ -n "$CLI_STDOUT" ] && exec 1>"$CLI_STDOUT"; [ -n "$CLI_STDERR" ] && exec 2>"$CLI_STDERR"; exec "$@" """);
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DiffNative.Cli.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["CLI_STDOUT"] = stdoutFile ?? "";
        start.Environment["CLI_STDERR"] = stderrFile ?? "";
        return Start(start, environment, args);
    }

    private static Result Start(ProcessStartInfo start, IDictionary<string, string?>? environment, string[] args)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
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
