using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using DiffNative;
using DiffNative.Benchmarks;

// --counts prints the optimiser comparison's iterations and evaluations (deterministic, untimed).
if (args.Contains("--counts")) return OptimizerCounts.Print(Console.Out);
// --mgh: every solver, with numerical derivatives, on the whole Moré–Garbow–Hillstrom set.
if (args.Contains("--mgh")) return MghCounts.Print(Console.Out);
// --interleaved-gradient [n] [rounds]: the gradient's overhead with baseline and backends alternating.
if (args is ["--interleaved-gradient", .. var rest]) return InterleavedGradient.Run(rest, Console.Out);

// Paths the CPU cannot run are filtered out rather than failing the run.
var available = DiffNativeRuntime.AvailableIsas;
// Our default job (3 warm-ups, 10 iterations) unless the command line names one: `--job dry` must
// stay a smoke run, not add a full timing run beside it.
var config = (args.Any(a => a is "--job" or "-j") ? DefaultConfig.Instance
        : DefaultConfig.Instance.AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithLaunchCount(1)))
    .AddColumn(new ElementsPerNanosecondColumn())
    .AddFilter(new SimpleFilter(b => IsaOf(b.Descriptor.WorkloadMethod.Name) is not { } isa || available.Contains(isa)));
BenchmarkSwitcher.FromAssembly(typeof(SampledGradientBenchmarks).Assembly).Run(args, config);
return 0;

// Benchmarks of one native path are named Native<Isa>: NativeScalar, NativeAvx2, NativeAvx512.
static Isa? IsaOf(string method) => method.StartsWith("Native", StringComparison.Ordinal)
    && IsaNames.TryParse(method["Native".Length..].ToLowerInvariant(), out var isa) ? isa : null;
