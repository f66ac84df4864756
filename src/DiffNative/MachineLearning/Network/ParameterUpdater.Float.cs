using System.Numerics;
using DiffNative.Optimization;

namespace DiffNative.MachineLearning;

// Updaters for float parameters (or either type, chosen by T). A float updater runs the double
// rule on widened copies and rounds each parameter once per step: the update formulas stay in one
// place, and the moment estimates and velocities keep double precision, as mixed-precision
// training keeps its optimiser state wider than its weights.
public static partial class ParameterUpdater
{
    /// <summary><see cref="Sgd(int, double, double)"/> for parameters of <typeparamref name="T"/>
    /// (double or float).</summary>
    /// <param name="count">Parameters.</param>
    /// <param name="learningRate">η, finite and positive.</param>
    /// <param name="momentum">μ in [0, 1).</param>
    public static IParameterUpdater<T> Sgd<T>(int count, double learningRate, double momentum = 0.0)
        where T : struct, IFloatingPointIeee754<T> =>
        For<T>(Sgd(count, learningRate, momentum));

    /// <summary><see cref="Adam(int, double, double, double, double)"/> for parameters of
    /// <typeparamref name="T"/> (double or float).</summary>
    /// <param name="count">Parameters.</param>
    /// <param name="learningRate">η, finite and positive.</param>
    /// <param name="beta1">β₁ in [0, 1).</param>
    /// <param name="beta2">β₂ in [0, 1).</param>
    /// <param name="epsilon">ε, finite and positive.</param>
    public static IParameterUpdater<T> Adam<T>(int count, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8) where T : struct, IFloatingPointIeee754<T> =>
        For<T>(Adam(count, learningRate, beta1, beta2, epsilon));

    /// <summary><see cref="Create(OptimizerOptions, int)"/> for parameters of <typeparamref name="T"/>
    /// (double or float).</summary>
    /// <param name="options">The method and its constants; checked here.</param>
    /// <param name="count">Parameters, at least one.</param>
    public static IParameterUpdater<T> Create<T>(OptimizerOptions options, int count) where T : struct, IFloatingPointIeee754<T> =>
        For<T>(Create(options, count));

    /// <summary>The double updater itself for double parameters, the widening adapter for float ones.</summary>
    private static IParameterUpdater<T> For<T>(IParameterUpdater updater) where T : struct, IFloatingPointIeee754<T>
    {
        NetworkPrecision<T>.RequireSupported();
        return NetworkPrecision<T>.IsDouble ? (IParameterUpdater<T>)updater : (IParameterUpdater<T>)(object)new FloatUpdater(updater);
    }

    private sealed class FloatUpdater(IParameterUpdater inner) : IParameterUpdater<float>
    {
        private readonly double[] parameters = new double[inner.Count];
        private readonly double[] gradient = new double[inner.Count];

        public int Count => inner.Count;

        public void Step(Span<float> parameters, ReadOnlySpan<float> gradient)
        {
            if (parameters.Length != Count)
                throw new ArgumentException($"The updater holds {Count} parameters; got {parameters.Length}.", nameof(parameters));
            if (gradient.Length != Count)
                throw new ArgumentException($"The updater holds {Count} parameters; got {gradient.Length} gradient values.", nameof(gradient));
            for (var i = 0; i < Count; i++)
            {
                this.parameters[i] = parameters[i];
                this.gradient[i] = gradient[i];
            }
            inner.Step(this.parameters, this.gradient);
            for (var i = 0; i < Count; i++) parameters[i] = (float)this.parameters[i];
        }
    }
}
