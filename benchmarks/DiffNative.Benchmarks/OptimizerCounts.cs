using System.Globalization;
using System.Text.Json;

namespace DiffNative.Benchmarks;

/// <summary><c>--counts</c>: one run of every solver on every MGH problem, printed as the README's
/// markdown table (iterations, function and gradient evaluations, final f), with SciPy 1.10's BFGS
/// counts from tests/DiffNative.Tests/TestData/scipy_bfgs.json beside them. Deterministic, so it needs no quiet machine.</summary>
internal static class OptimizerCounts
{
    internal static int Print(TextWriter output)
    {
        var scipy = LoadScipy();
        output.WriteLine($"gradient tolerance {OptimizerRuns.GradientTolerance:G} (largest |∂f/∂xᵢ|; SciPy's norm=inf), standard starts of mgh.json");
        output.WriteLine();
        output.WriteLine("| problem | solver | iterations | f evals | ∇f evals | final f | ok |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---|");
        foreach (var problem in MghObjectives.All)
        {
            var f0 = problem.F(problem.X0);
            if (Math.Abs(f0 - problem.F0) > 1e-12 * problem.F0)
                throw new InvalidOperationException($"{problem.Id}: F(x0) = {f0}, mgh.json says {problem.F0}");
            foreach (var solver in OptimizerRuns.Solvers)
            {
                var r = OptimizerRuns.Run(solver, problem);
                output.WriteLine($"| {problem.Id} | {solver} | {(r.Iterations < 0 ? "–" : r.Iterations)} | {r.FunctionEvaluations} | {r.GradientEvaluations} | {r.Value.ToString("E1", CultureInfo.InvariantCulture)} | {(r.Success ? "yes" : "no: " + r.Note)} |");
            }
            if (scipy?.GetValueOrDefault(problem.Id) is { } s)
                output.WriteLine($"| {problem.Id} | SciPy 1.10.1 BFGS (committed data) | {s.Iterations} | {s.Functions} | {s.Gradients} | {s.Value.ToString("E1", CultureInfo.InvariantCulture)} | {(s.Success ? "yes" : "no")} |");
        }
        if (scipy is null) output.WriteLine("(tests/DiffNative.Tests/TestData/scipy_bfgs.json not found: run from the repository.)");
        return 0;
    }

    private sealed record ScipyRun(int Iterations, int Functions, int Gradients, double Value, bool Success);

    /// <summary>SciPy's runs with the analytic gradient at our tolerance, keyed by problem id.</summary>
    private static Dictionary<string, ScipyRun>? LoadScipy()
    {
        var path = FindUpwards(Path.Combine("tests", "DiffNative.Tests", "TestData", "scipy_bfgs.json"));
        if (path is null) return null;
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var result = new Dictionary<string, ScipyRun>();
        foreach (var p in doc.RootElement.GetProperty("problems").EnumerateArray())
            foreach (var run in p.GetProperty("runs").EnumerateArray())
                if (run.GetProperty("gtol").GetDouble() == OptimizerRuns.GradientTolerance && run.GetProperty("jac").GetString() == "analytic")
                    result[p.GetProperty("id").GetString()!] = new ScipyRun(run.GetProperty("nit").GetInt32(), run.GetProperty("nfev").GetInt32(),
                        run.GetProperty("njev").GetInt32(), run.GetProperty("fun").GetDouble(), run.GetProperty("success").GetBoolean());
        return result;
    }

    private static string? FindUpwards(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, relative))) return Path.Combine(dir.FullName, relative);
        return null;
    }
}
