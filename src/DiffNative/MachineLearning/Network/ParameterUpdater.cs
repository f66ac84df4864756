using DiffNative.Optimization;

namespace DiffNative.MachineLearning;

/// <summary>Per-step optimisers for mini-batch training. They run the update formulas of
/// <see cref="Optimize"/>'s first-order methods (the same internal classes, in place), so SGD with
/// momentum, Nesterov, AdaGrad, RMSProp, Adam and AdamW behave exactly as documented there.</summary>
public static partial class ParameterUpdater
{
    /// <summary>Plain SGD (θ ← θ − ηg), or heavy-ball momentum in PyTorch's form
    /// (v ← μv + g, θ ← θ − ηv) when <paramref name="momentum"/> is positive.</summary>
    /// <param name="count">Parameters.</param>
    /// <param name="learningRate">η, finite and positive.</param>
    /// <param name="momentum">μ in [0, 1).</param>
    public static IParameterUpdater Sgd(int count, double learningRate, double momentum = 0.0) =>
        Create(new OptimizerOptions
        {
            Method = momentum > 0 ? OptimizationMethod.Momentum : OptimizationMethod.GradientDescent,
            LineSearch = LineSearchMethod.None,
            LearningRate = learningRate,
            Momentum = momentum,
        }, count);

    /// <summary>Adam with bias-corrected moments (PyTorch's defaults β = (0.9, 0.999), ε = 1e-8).</summary>
    /// <param name="count">Parameters.</param>
    /// <param name="learningRate">η, finite and positive.</param>
    /// <param name="beta1">β₁ in [0, 1).</param>
    /// <param name="beta2">β₂ in [0, 1).</param>
    /// <param name="epsilon">ε, finite and positive.</param>
    public static IParameterUpdater Adam(int count, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8) =>
        Create(new OptimizerOptions
        {
            Method = OptimizationMethod.Adam,
            LearningRate = learningRate,
            Beta1 = beta1,
            Beta2 = beta2,
            Epsilon = epsilon,
        }, count);

    /// <summary>The updater of any first-order <see cref="OptimizationMethod"/> (gradient descent
    /// without a line search, momentum, Nesterov, AdaGrad, RMSProp, Adam, AdamW) with the
    /// options' rates and constants; the stopping options are ignored.</summary>
    /// <param name="options">The method and its constants; checked here.</param>
    /// <param name="count">Parameters, at least one.</param>
    /// <exception cref="ArgumentException">A method that needs a line search or second
    /// derivatives (BFGS, L-BFGS, Newton, gradient descent with a line search), or a bad constant.</exception>
    public static IParameterUpdater Create(OptimizerOptions options, int count)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        options.Validate(count);
        if (MinimizationMethod.Create(options, count) is not FixedStepMethod method)
            throw new ArgumentException(
                $"{options.Method} (line search {options.LineSearch}) does not take fixed per-batch steps; use a first-order method without a line search.",
                nameof(options));
        return new FixedStepUpdater(method, count);
    }

    private sealed class FixedStepUpdater(FixedStepMethod method, int count) : IParameterUpdater
    {
        public int Count => count;

        public void Step(Span<double> parameters, ReadOnlySpan<double> gradient)
        {
            if (parameters.Length != count)
                throw new ArgumentException($"The updater holds {count} parameters; got {parameters.Length}.", nameof(parameters));
            if (gradient.Length != count)
                throw new ArgumentException($"The updater holds {count} parameters; got {gradient.Length} gradient values.", nameof(gradient));
            method.UpdateInPlace(parameters, gradient);
        }
    }
}
