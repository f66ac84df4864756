using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using DiffNative;
using DiffNative.MachineLearning;

namespace DiffNative.Benchmarks;

/// <summary>Issue 5's targets on 1 M doubles: sigmoid, tanh, GELU (tanh form and exact) and softmax on every
/// native ISA and the managed reference, against TensorPrimitives where it has the function; and
/// the fused value+derivative pass against the value alone (target: at most 1.3×).</summary>
public class ActivationBenchmarks
{
    private const int Size = 1 << 20;
    private double[] x = [];
    private double[] value = [];
    private double[] derivative = [];
    private float[] xf = [];
    private float[] valuef = [];
    private float[] derivativef = [];

    /// <summary>The managed reference and every ISA this CPU runs (an unavailable one would only fail).</summary>
    public static IEnumerable<string> Paths => ["managed", .. DiffNativeRuntime.AvailableIsas.Select(i => i.ToName())];

    [ParamsSource(nameof(Paths))]
    public string Path { get; set; } = "avx2";

    private Backend Backend => Path switch
    {
        "managed" => Backend.Managed,
        "scalar" => Backend.NativeOn(Isa.Scalar),
        "avx2" => Backend.NativeOn(Isa.Avx2),
        _ => Backend.NativeOn(Isa.Avx512),
    };

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        x = Enumerable.Range(0, Size).Select(_ => (random.NextDouble() - 0.5) * 20).ToArray();
        value = new double[Size];
        derivative = new double[Size];
        xf = x.Select(v => (float)v).ToArray();
        valuef = new float[Size];
        derivativef = new float[Size];
    }

    [Benchmark] public void Sigmoid() => Activation.Sigmoid.Apply(x, value, Backend);
    [Benchmark] public void SigmoidWithDerivative() => Activation.Sigmoid.ApplyWithDerivative(x, value, derivative, Backend);
    [Benchmark] public void Tanh() => Activation.Tanh.Apply(x, value, Backend);
    [Benchmark] public void TanhWithDerivative() => Activation.Tanh.ApplyWithDerivative(x, value, derivative, Backend);
    [Benchmark] public void GeluTanh() => Activation.GeluTanh.Apply(x, value, Backend);
    [Benchmark] public void GeluTanhWithDerivative() => Activation.GeluTanh.ApplyWithDerivative(x, value, derivative, Backend);
    [Benchmark] public void Gelu() => Activation.Gelu.Apply(x, value, Backend);
    [Benchmark] public void GeluWithDerivative() => Activation.Gelu.ApplyWithDerivative(x, value, derivative, Backend);
    [Benchmark] public void Softmax() => DiffNative.MachineLearning.Softmax.Apply(x, value, backend: Backend);

    // The float overloads on the same values rounded to float (widened, run in double, rounded once).
    [Benchmark] public void SigmoidFloat() => Activation.Sigmoid.Apply(xf, valuef, Backend);
    [Benchmark] public void SigmoidWithDerivativeFloat() => Activation.Sigmoid.ApplyWithDerivative(xf, valuef, derivativef, Backend);
    [Benchmark] public void TanhFloat() => Activation.Tanh.Apply(xf, valuef, Backend);
    [Benchmark] public void SoftmaxFloat() => DiffNative.MachineLearning.Softmax.Apply(xf, valuef, backend: Backend);
}

/// <summary>TensorPrimitives on the same 1 M doubles, and on them rounded to float (its SoftMax does not subtract the maximum,
/// so the inputs stay in [−10, 10] here).</summary>
public class TensorPrimitivesBenchmarks
{
    private const int Size = 1 << 20;
    private double[] x = [];
    private double[] value = [];
    private float[] xf = [];
    private float[] valuef = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        x = Enumerable.Range(0, Size).Select(_ => (random.NextDouble() - 0.5) * 20).ToArray();
        value = new double[Size];
        xf = x.Select(v => (float)v).ToArray();
        valuef = new float[Size];
    }

    [Benchmark] public void Sigmoid() => TensorPrimitives.Sigmoid<double>(x, value);
    [Benchmark] public void Tanh() => TensorPrimitives.Tanh<double>(x, value);
    [Benchmark] public void Softmax() => TensorPrimitives.SoftMax<double>(x, value);

    [Benchmark] public void SigmoidFloat() => TensorPrimitives.Sigmoid<float>(xf, valuef);
    [Benchmark] public void TanhFloat() => TensorPrimitives.Tanh<float>(xf, valuef);
    [Benchmark] public void SoftmaxFloat() => TensorPrimitives.SoftMax<float>(xf, valuef);
}
