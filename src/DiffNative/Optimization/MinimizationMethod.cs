namespace DiffNative.Optimization;

/// <summary>One method's iteration: from the state's iterate to the next. One instance per
/// minimisation, owning the method's memory (velocities, moment estimates, the inverse-Hessian
/// approximation) and its buffers.</summary>
internal abstract class MinimizationMethod
{
    /// <summary>Moves the state to the next iterate, or leaves it unchanged and says why not.</summary>
    internal abstract StepOutcome Step(IterationState state, ObjectiveEvaluator evaluator);

    /// <summary>The derivatives changed (they turned adaptive): forget what was learnt from the old ones.</summary>
    internal virtual void Restart() { }

    internal static MinimizationMethod Create(OptimizerOptions options, int n)
    {
        var rate = options.EffectiveLearningRate;
        return options.Method switch
        {
            OptimizationMethod.Bfgs => new Bfgs(n, LineSearch.Create(LineSearchMethod.StrongWolfe, n, options), options.ScaleInitialHessian),
            OptimizationMethod.Lbfgs => new Lbfgs(n, options.Memory, LineSearch.Create(LineSearchMethod.StrongWolfe, n, options)),
            OptimizationMethod.Newton => new Newton(n, LineSearch.Create(
                options.LineSearch == LineSearchMethod.StrongWolfe ? LineSearchMethod.StrongWolfe : LineSearchMethod.Backtracking, n, options)),
            OptimizationMethod.TrustRegionNewton => new TrustRegionNewton(n),
            OptimizationMethod.GradientDescent when options.LineSearch is LineSearchMethod.Backtracking or LineSearchMethod.StrongWolfe =>
                new SteepestDescent(n, rate, LineSearch.Create(options.LineSearch, n, options)),
            OptimizationMethod.GradientDescent => new GradientDescent(n, rate),
            OptimizationMethod.Momentum => new MomentumDescent(n, rate, options.Momentum),
            OptimizationMethod.Nesterov => new NesterovDescent(n, rate, options.Momentum),
            OptimizationMethod.AdaGrad => new AdaGrad(n, rate, options.Epsilon),
            OptimizationMethod.RmsProp => new RmsProp(n, rate, options.DecayRate, options.Epsilon),
            OptimizationMethod.Adam => new Adam(n, rate, options.Beta1, options.Beta2, options.Epsilon, 0),
            OptimizationMethod.AdamW => new Adam(n, rate, options.Beta1, options.Beta2, options.Epsilon, options.WeightDecay),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Method, "Not an optimisation method."),
        };
    }
}
