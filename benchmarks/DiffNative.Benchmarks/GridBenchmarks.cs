using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;

namespace DiffNative.Benchmarks;

/// <summary>The 1-D grid derivative (first order, accuracy 2 and 8) on every path, against a plain
/// C# span loop (the baseline), a hand-written C# Vector256 loop, and a copy of the array (what
/// memory bandwidth allows).</summary>
public class GridBenchmarks
{
    private double[] samples = [];
    private double[] destination = [];
    private double[] weights = [];
    private int[] offsets = [];
    private const double Spacing = 0.01;

    [Params(4 * 1024, 256 * 1024, 32 * 1024 * 1024)]
    public int Size { get; set; }

    [Params(2, 8)]
    public int Accuracy { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        samples = new double[Size];
        destination = new double[Size];
        for (var i = 0; i < Size; i++) samples[i] = Math.Sin(i * Spacing);
        var stencil = Stencils.Get(DifferenceScheme.Central, 1, Accuracy);
        var active = Enumerable.Range(0, stencil.Weights.Length).Where(j => stencil.Weights[j] != 0).ToArray();
        weights = active.Select(j => stencil.Weights[j] / Spacing).ToArray();
        offsets = active.Select(j => (int)stencil.Offsets[j]).ToArray();
    }

    [Benchmark(Baseline = true, Description = "C# span loop")]
    public void SpanLoop()
    {
        ReadOnlySpan<double> y = samples;
        Span<double> d = destination;
        var m = -offsets[0];
        for (var i = m; i < y.Length - m; i++)
        {
            var sum = weights[0] * y[i + offsets[0]];
            for (var j = 1; j < weights.Length; j++) sum += weights[j] * y[i + offsets[j]];
            d[i] = sum;
        }
    }

    [Benchmark(Description = "C# Vector256 loop")]
    public void Vector256Loop()
    {
        ReadOnlySpan<double> y = samples;
        Span<double> d = destination;
        var m = -offsets[0];
        var i = m;
        for (; i + Vector256<double>.Count + m <= y.Length; i += Vector256<double>.Count)
        {
            var sum = Vector256.Create(weights[0]) * Vector256.Create(y.Slice(i + offsets[0], 4));
            for (var j = 1; j < weights.Length; j++)
                sum += Vector256.Create(weights[j]) * Vector256.Create(y.Slice(i + offsets[j], 4));
            sum.CopyTo(d.Slice(i, 4));
        }
        for (; i < y.Length - m; i++)
        {
            var sum = weights[0] * y[i + offsets[0]];
            for (var j = 1; j < weights.Length; j++) sum += weights[j] * y[i + offsets[j]];
            d[i] = sum;
        }
    }

    [Benchmark(Description = "copy")]
    public void Copy() => samples.AsSpan().CopyTo(destination);

    [Benchmark(Description = "managed")]
    public void Managed() => SampledDerivative.Derivative(samples, Spacing, destination, 1, Accuracy, Backend.Managed);

    [Benchmark(Description = "native scalar")]
    public void NativeScalar() => SampledDerivative.Derivative(samples, Spacing, destination, 1, Accuracy, Backend.NativeOn(Isa.Scalar));

    [Benchmark(Description = "native avx2")]
    public void NativeAvx2() => SampledDerivative.Derivative(samples, Spacing, destination, 1, Accuracy, Backend.NativeOn(Isa.Avx2));

    [Benchmark(Description = "native avx512")]
    public void NativeAvx512() => SampledDerivative.Derivative(samples, Spacing, destination, 1, Accuracy, Backend.NativeOn(Isa.Avx512));
}

/// <summary>The 2-D Laplacian of a 4096×4096 field (128 MB) on every path, against a copy.</summary>
public class LaplacianBenchmarks
{
    private const int N = 4096;
    private double[] field = [];
    private double[] destination = [];
    private readonly int[] shape = [N, N];
    private readonly double[] spacing = [0.01, 0.01];

    [Params(2)]
    public int Accuracy { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        field = new double[N * N];
        destination = new double[N * N];
        for (var i = 0; i < field.Length; i++) field[i] = Math.Sin(i * 1e-3);
    }

    [Benchmark(Baseline = true, Description = "copy")]
    public void Copy() => field.AsSpan().CopyTo(destination);

    [Benchmark(Description = "managed")]
    public void Managed() => SampledDerivative.Laplacian(field, shape, spacing, destination, Accuracy, Backend.Managed);

    [Benchmark(Description = "native scalar")]
    public void NativeScalar() => SampledDerivative.Laplacian(field, shape, spacing, destination, Accuracy, Backend.NativeOn(Isa.Scalar));

    [Benchmark(Description = "native avx2")]
    public void NativeAvx2() => SampledDerivative.Laplacian(field, shape, spacing, destination, Accuracy, Backend.NativeOn(Isa.Avx2));

    [Benchmark(Description = "native avx512")]
    public void NativeAvx512() => SampledDerivative.Laplacian(field, shape, spacing, destination, Accuracy, Backend.NativeOn(Isa.Avx512));
}
