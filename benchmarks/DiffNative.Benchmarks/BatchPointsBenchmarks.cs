using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace DiffNative.Benchmarks;

/// <summary>Batch gradients and Hessians of the extended Rosenbrock function, whose perturbed
/// points are built natively in one call per batch (dn_fd_points) or by the managed reference. The
/// batch function is a plain loop over rows, so building the points is a visible share of the
/// time; in each category the managed run is the baseline.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class BatchPointsBenchmarks
{
    private double[] x = [];
    private double[] gradient = [];
    private double[] hessian = [];
    private readonly BatchScalarFunction f = (points, n, values) =>
    {
        for (var r = 0; r < values.Length; r++) values[r] = ExtendedRosenbrock.Value(points.Slice(r * n, n));
    };
    private readonly DifferentiationOptions managed = new() { Backend = Backend.Managed };
    private readonly DifferentiationOptions native = new() { Backend = Backend.Native };

    [Params(10, 100)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        x = ExtendedRosenbrock.Start(N);
        gradient = new double[N];
        hessian = new double[N * N];
    }

    [BenchmarkCategory("gradient")]
    [Benchmark(Baseline = true, Description = "batch gradient, managed points")]
    public DifferentiationInfo GradientManaged() => Differentiate.Gradient(f, x, gradient, managed);

    [BenchmarkCategory("gradient")]
    [Benchmark(Description = "batch gradient, native points")]
    public DifferentiationInfo GradientNative() => Differentiate.Gradient(f, x, gradient, native);

    [BenchmarkCategory("Hessian")]
    [Benchmark(Baseline = true, Description = "batch Hessian, managed points")]
    public DifferentiationInfo HessianManaged() => Differentiate.Hessian(f, x, hessian, managed);

    [BenchmarkCategory("Hessian")]
    [Benchmark(Description = "batch Hessian, native points")]
    public DifferentiationInfo HessianNative() => Differentiate.Hessian(f, x, hessian, native);
}
