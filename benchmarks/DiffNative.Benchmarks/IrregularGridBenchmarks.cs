using BenchmarkDotNet.Attributes;

namespace DiffNative.Benchmarks;

/// <summary>The 1-D derivative on an irregular grid, where every point gets its own Fornberg
/// weights (computed in double-double and rounded once), against the same samples on a uniform
/// grid (one cached stencil): the ratio is what per-point weights cost.</summary>
public class IrregularGridBenchmarks
{
    private double[] samples = [];
    private double[] coordinates = [];
    private double[] destination = [];
    private const double Spacing = 0.01;

    [Params(64 * 1024)]
    public int Size { get; set; }

    [Params(2, 8)]
    public int Accuracy { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        samples = new double[Size];
        coordinates = new double[Size];
        destination = new double[Size];
        var random = new Random(7);
        var t = 0.0;
        for (var i = 0; i < Size; i++)
        {
            coordinates[i] = t;
            samples[i] = Math.Sin(t);
            t += Spacing * (0.5 + random.NextDouble()); // spacings from half to one and a half times the mean
        }
    }

    [Benchmark(Baseline = true, Description = "uniform, native")]
    public void Uniform() => SampledDerivative.Derivative(samples, Spacing, destination, 1, Accuracy);

    [Benchmark(Description = "irregular, native")]
    public void IrregularNative() => SampledDerivative.Derivative(samples, coordinates, destination, 1, Accuracy, Backend.Native);

    [Benchmark(Description = "irregular, managed")]
    public void IrregularManaged() => SampledDerivative.Derivative(samples, coordinates, destination, 1, Accuracy, Backend.Managed);
}
