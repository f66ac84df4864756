using BenchmarkDotNet.Attributes;
using DiffNative;
using DiffNative.MachineLearning;

namespace DiffNative.Benchmarks;

/// <summary>One mini-batch training step (forward, softmax cross-entropy, backward, global-norm
/// clip, Adam) of a 64-128-10 tanh network on 64 rows, in double and in float: what training in
/// float costs or saves with the shared code (dense sums in double, rounded once).</summary>
[MemoryDiagnoser]
public class TrainingStepBenchmarks
{
    private const int Rows = 64, Inputs = 64, Hidden = 128, Classes = 10;
    private readonly Step<double> doubleStep = new();
    private readonly Step<float> floatStep = new();

    [Benchmark(Baseline = true)] public double Double() => doubleStep.Run();
    [Benchmark] public double Float() => floatStep.Run();

    private sealed class Step<T> where T : struct, System.Numerics.IFloatingPointIeee754<T>
    {
        private readonly Sequential<T> network = new(
            new DenseLayer<T>(Inputs, Hidden), new ActivationLayer<T>(Activation.Tanh, Hidden), new DenseLayer<T>(Hidden, Classes));
        private readonly IParameterUpdater<T> updater;
        private readonly T[] x = new T[Rows * Inputs], y = new T[Rows * Classes], dz = new T[Rows * Classes];

        public Step()
        {
            network.Initialize(new Random(1));
            updater = ParameterUpdater.Adam<T>(network.ParameterCount, 1e-3);
            var random = new Random(2);
            for (var k = 0; k < x.Length; k++) x[k] = T.CreateTruncating(random.NextDouble() - 0.5);
            for (var r = 0; r < Rows; r++) y[r * Classes + r % Classes] = T.One;
        }

        public double Run()
        {
            var logits = network.Forward(x, Rows);
            var loss = typeof(T) == typeof(float)
                ? SoftmaxCrossEntropy.Loss(Cast<float>(logits), Cast<float>(y), Classes, CastSpan<float>(dz))
                : SoftmaxCrossEntropy.Loss(Cast<double>(logits), Cast<double>(y), Classes, CastSpan<double>(dz));
            network.Backward(dz);
            if (typeof(T) == typeof(float)) GradientClipping.ByGlobalNorm(CastSpan<float>(network.Gradient), 5.0);
            else GradientClipping.ByGlobalNorm(CastSpan<double>(network.Gradient), 5.0);
            updater.Step(network.Parameters, network.Gradient);
            return loss;
        }

        private static ReadOnlySpan<TTo> Cast<TTo>(ReadOnlySpan<T> values) where TTo : struct =>
            System.Runtime.InteropServices.MemoryMarshal.Cast<T, TTo>(values);

        private static Span<TTo> CastSpan<TTo>(Span<T> values) where TTo : struct =>
            System.Runtime.InteropServices.MemoryMarshal.Cast<T, TTo>(values);
    }
}
