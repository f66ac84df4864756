using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using DiffNative;
using DiffNative.Benchmarks;

// --counts prints the optimiser comparison's iterations and evaluations (deterministic, untimed).
if (args.Contains("--counts")) return OptimizerCounts.Print(Console.Out);

// Paths the CPU cannot run are filtered out rather than failing the run.
var available = DiffNativeRuntime.AvailableIsas;
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithLaunchCount(1))
    .AddColumn(new ElementsPerNanosecondColumn())
    .AddFilter(new SimpleFilter(b => IsaOf(b.Descriptor.WorkloadMethod.Name) is not { } isa || available.Contains(isa)));
BenchmarkSwitcher.FromAssembly(typeof(UniformGradientBenchmarks).Assembly).Run(args, config);
return 0;

static Isa? IsaOf(string method) => method switch
{
    nameof(UniformGradientBenchmarks.NativeScalar) => Isa.Scalar,
    nameof(UniformGradientBenchmarks.NativeAvx2) => Isa.Avx2,
    nameof(UniformGradientBenchmarks.NativeAvx512) => Isa.Avx512,
    _ => null,
};
