using BenchmarkDotNet.Attributes;
using DiffNative;

namespace DiffNative.Benchmarks;

/// <summary>The sampled gradient (<c>SampledDerivative.Gradient</c>, uniform spacing) on every
/// path, against a plain C# span loop (the baseline) and a plain array copy (what memory bandwidth
/// allows: one read, one write).</summary>
public class SampledGradientBenchmarks
{
    private const double Spacing = 0.01;
    private double[] samples = [];
    private double[] destination = [];

    [Params(4 * 1024, 256 * 1024, 32 * 1024 * 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        samples = new double[Size];
        destination = new double[Size];
        for (var i = 0; i < Size; i++) samples[i] = Math.Sin(i * Spacing);
    }

    [Benchmark(Baseline = true, Description = "C# span loop")]
    public void SpanLoop()
    {
        ReadOnlySpan<double> y = samples;
        Span<double> d = destination;
        var twoH = 2.0 * Spacing;
        for (var i = 1; i < y.Length - 1; i++)
            d[i] = (y[i + 1] - y[i - 1]) / twoH;
        d[0] = (-1.5 / Spacing) * y[0] + (2.0 / Spacing) * y[1] + (-0.5 / Spacing) * y[2];
        d[^1] = (0.5 / Spacing) * y[^3] + (-2.0 / Spacing) * y[^2] + (1.5 / Spacing) * y[^1];
    }

    [Benchmark(Description = "copy")]
    public void Copy() => samples.AsSpan().CopyTo(destination);

    [Benchmark(Description = "managed")]
    public void ManagedReference() => SampledDerivative.Gradient(samples, Spacing, destination, Backend.Managed);

    [Benchmark(Description = "native scalar")]
    public void NativeScalar() => SampledDerivative.Gradient(samples, Spacing, destination, Backend.NativeOn(Isa.Scalar));

    [Benchmark(Description = "native avx2")]
    public void NativeAvx2() => SampledDerivative.Gradient(samples, Spacing, destination, Backend.NativeOn(Isa.Avx2));

    [Benchmark(Description = "native avx512")]
    public void NativeAvx512() => SampledDerivative.Gradient(samples, Spacing, destination, Backend.NativeOn(Isa.Avx512));
}
