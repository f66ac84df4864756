using BenchmarkDotNet.Attributes;
using MathNet.Numerics.Differentiation;

namespace DiffNative.Benchmarks;

/// <summary>Sparse Hessians of the extended Rosenbrock function (2×2 diagonal blocks): from
/// function values (1 + 2n + 4 per coupled pair evaluations) and from the closed-form gradient
/// (star colouring: 2 colours, 4 gradients), both with the pattern and colouring computed once,
/// and adaptively from values (6 levels, with error estimates), against Math.NET Numerics' dense
/// NumericalHessian (the baseline, about 3n² evaluations).</summary>
[MemoryDiagnoser]
public class SparseHessianBenchmarks
{
    private double[] x = [];
    private double[] values = [];
    private double[] errors = [];
    private double[] gradientValues = [];
    private SparsityPattern pattern = null!;
    private HessianColoring coloring = null!;
    private readonly NumericalHessian mathNet = new();
    private readonly ScalarFunction f = ExtendedRosenbrock.Value;
    private readonly VectorFunction gradient = ExtendedRosenbrock.Gradient;
    private readonly DifferentiationOptions native = new() { Backend = Backend.Native };
    private readonly DifferentiationOptions nativeAdaptive = new() { Backend = Backend.Native, Adaptive = true };

    [Params(100)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        x = ExtendedRosenbrock.Start(N);
        pattern = ExtendedRosenbrock.HessianPattern(N).Symmetrized();
        coloring = HessianColoring.Compute(pattern);
        values = new double[pattern.NonZeros];
        errors = new double[pattern.NonZeros];
        gradientValues = new double[coloring.Pattern.NonZeros];
    }

    [Benchmark(Baseline = true, Description = "Math.NET NumericalHessian (dense)")]
    public double[,] MathNet() => mathNet.Evaluate(p => ExtendedRosenbrock.Value(p), x);

    [Benchmark(Description = "DiffNative sparse from values")]
    public DifferentiationInfo SparseFromValues() => Differentiate.SparseHessian(f, pattern, x, values, native);

    [Benchmark(Description = "DiffNative sparse from values, adaptive with errors")]
    public DifferentiationInfo SparseFromValuesAdaptive() => Differentiate.SparseHessian(f, pattern, x, values, nativeAdaptive, errors: errors);

    [Benchmark(Description = "DiffNative sparse from gradient")]
    public DifferentiationInfo SparseFromGradient() => Differentiate.SparseHessianFromGradient(gradient, coloring, x, gradientValues, native);
}
