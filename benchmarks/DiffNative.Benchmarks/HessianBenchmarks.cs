using BenchmarkDotNet.Attributes;
using MathNet.Numerics.Differentiation;

namespace DiffNative.Benchmarks;

/// <summary>Dense Hessians of the extended Rosenbrock function: DiffNative's 2n² + 1 evaluations on
/// each backend against Math.NET Numerics' NumericalHessian (the baseline), without the step check
/// (its 2n more evaluations are what an optimiser's Newton step skips too).</summary>
[MemoryDiagnoser]
public class HessianBenchmarks
{
    private double[] x = [];
    private double[] hessian = [];
    private readonly NumericalHessian mathNet = new();
    private readonly ScalarFunction f = ExtendedRosenbrock.Value;
    private readonly DifferentiationOptions managed = new() { Backend = Backend.Managed, CheckDifferentiability = false };
    private readonly DifferentiationOptions native = new() { Backend = Backend.Native, CheckDifferentiability = false };

    [Params(10, 100)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        x = ExtendedRosenbrock.Start(N);
        hessian = new double[N * N];
    }

    [Benchmark(Baseline = true, Description = "Math.NET NumericalHessian")]
    public double[,] MathNet() => mathNet.Evaluate(p => ExtendedRosenbrock.Value(p), x);

    [Benchmark(Description = "DiffNative managed")]
    public DifferentiationInfo Managed() => Differentiate.Hessian(f, x, hessian, managed);

    [Benchmark(Description = "DiffNative native")]
    public DifferentiationInfo Native() => Differentiate.Hessian(f, x, hessian, native);
}
