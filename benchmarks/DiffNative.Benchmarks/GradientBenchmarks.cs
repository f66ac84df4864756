using BenchmarkDotNet.Attributes;
using MathNet.Numerics.Differentiation;

namespace DiffNative.Benchmarks;

/// <summary>Gradients of the extended Rosenbrock function. The baseline is the bare cost of the 2n
/// function evaluations a central gradient needs (the same perturbed points, no arithmetic), so the
/// ratio is the overhead; Math.NET Numerics' NumericalJacobian is the incumbent.</summary>
[MemoryDiagnoser]
public class GradientBenchmarks
{
    private double[] x = [];
    private double[] point = [];
    private double[] gradient = [];
    private readonly NumericalJacobian mathNet = new();
    private readonly ScalarFunction f = ExtendedRosenbrock.Value;
    private readonly DifferentiationOptions managed = new() { Backend = Backend.Managed };
    private readonly DifferentiationOptions native = new() { Backend = Backend.Native };
    private readonly DifferentiationOptions nativeUnchecked = new() { Backend = Backend.Native, CheckDifferentiability = false };

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    /// <summary>10, 100 and 1000; <c>DIFFNATIVE_GRADIENT_SIZES=10</c> (comma-separated) picks some,
    /// so that one size can get several launches (<c>--launchCount 5</c>) within a sitting.</summary>
    public static IEnumerable<int> Sizes =>
        Environment.GetEnvironmentVariable("DIFFNATIVE_GRADIENT_SIZES") is { Length: > 0 } sizes
            ? sizes.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            : [10, 100, 1000];

    [GlobalSetup]
    public void Setup()
    {
        x = ExtendedRosenbrock.Start(N);
        point = (double[])x.Clone();
        gradient = new double[N];
    }

    [Benchmark(Baseline = true, Description = "2n evaluations")]
    public double Evaluations()
    {
        var sum = 0.0;
        for (var i = 0; i < N; i++)
        {
            point[i] = x[i] + 1e-5;
            sum += f(point);
            point[i] = x[i] - 1e-5;
            sum += f(point);
            point[i] = x[i];
        }
        return sum;
    }

    [Benchmark(Description = "DiffNative managed")]
    public DifferentiationInfo Managed() => Differentiate.Gradient(f, x, gradient, managed);

    [Benchmark(Description = "DiffNative native")]
    public DifferentiationInfo Native() => Differentiate.Gradient(f, x, gradient, native);

    /// <summary>Without the step check (f(x) and the per-coordinate judgement): what the check costs.</summary>
    [Benchmark(Description = "DiffNative native, no step check")]
    public DifferentiationInfo NativeUnchecked() => Differentiate.Gradient(f, x, gradient, nativeUnchecked);

    [Benchmark(Description = "Math.NET NumericalJacobian")]
    public double[] MathNet() => mathNet.Evaluate(p => ExtendedRosenbrock.Value(p), x);
}
