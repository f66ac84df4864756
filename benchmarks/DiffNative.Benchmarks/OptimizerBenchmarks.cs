using BenchmarkDotNet.Attributes;

namespace DiffNative.Benchmarks;

/// <summary>Time to minimise each MGH problem from its standard start to the same gradient tolerance:
/// DiffNative's BFGS, L-BFGS, Newton and trust-region Newton against Math.NET Numerics' BfgsMinimizer (the baseline),
/// LimitedMemoryBfgsMinimizer and NewtonMinimizer, all with the same analytic gradient. Iterations
/// and evaluation counts come from <c>--counts</c> (see <see cref="OptimizerCounts"/>).</summary>
[MemoryDiagnoser]
public class OptimizerBenchmarks
{
    private MghObjectives.Problem problem = MghObjectives.All[0];

    /// <summary>The problem ids of mgh.json.</summary>
    public static IEnumerable<string> Problems => MghObjectives.All.Select(p => p.Id);

    [ParamsSource(nameof(Problems))]
    public string Problem { get; set; } = "rosenbrock";

    [GlobalSetup]
    public void Setup() => problem = MghObjectives.Get(Problem);

    [Benchmark(Baseline = true, Description = "Math.NET BfgsMinimizer")]
    public object MathNetBfgs() => OptimizerRuns.Run("Math.NET BfgsMinimizer", problem);

    [Benchmark(Description = "Math.NET LimitedMemoryBfgsMinimizer")]
    public object MathNetLbfgs() => OptimizerRuns.Run("Math.NET LimitedMemoryBfgsMinimizer", problem);

    [Benchmark(Description = "Math.NET NewtonMinimizer")]
    public object MathNetNewton() => OptimizerRuns.Run("Math.NET NewtonMinimizer", problem);

    [Benchmark(Description = "DiffNative BFGS")]
    public object Bfgs() => OptimizerRuns.Run("DiffNative BFGS", problem);

    [Benchmark(Description = "DiffNative L-BFGS")]
    public object Lbfgs() => OptimizerRuns.Run("DiffNative L-BFGS", problem);

    [Benchmark(Description = "DiffNative Newton")]
    public object Newton() => OptimizerRuns.Run("DiffNative Newton", problem);

    [Benchmark(Description = "DiffNative trust-region Newton")]
    public object TrustRegionNewton() => OptimizerRuns.Run("DiffNative trust-region Newton", problem);

    [Benchmark(Description = "DiffNative BFGS, numerical gradient")]
    public object BfgsNumerical() => OptimizerRuns.Run("DiffNative BFGS (numerical gradient)", problem);
}
