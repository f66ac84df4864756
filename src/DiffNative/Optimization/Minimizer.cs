namespace DiffNative.Optimization;

/// <summary>The iteration loop every method shares: evaluates the start, asks the method for steps,
/// records the trace, reports progress and applies the stopping rules in a fixed order.</summary>
internal sealed class Minimizer
{
    /// <summary>The default numerical derivatives of the optimisers (see <see cref="OptimizerOptions.Differentiation"/>).</summary>
    private static readonly DifferentiationOptions Unchecked = DifferentiationOptions.Default with { CheckDifferentiability = false };

    /// <summary>The user's options without the gradient's step check, which near a minimum would
    /// recheck every coordinate of every gradient.</summary>
    private static DifferentiationOptions WithoutStepCheck(DifferentiationOptions? options) =>
        options is null ? Unchecked : options.CheckDifferentiability ? options with { CheckDifferentiability = false } : options;

    /// <summary>BFGS and L-BFGS difference forward first when the user left the differentiation options null.</summary>
    private static SwitchingGradient? Switching(OptimizerOptions options, int n) =>
        options.Differentiation is null && options.Method is OptimizationMethod.Bfgs or OptimizationMethod.Lbfgs
            ? new SwitchingGradient(n, options)
            : null;

    private readonly OptimizerOptions options;
    private readonly ObjectiveEvaluator evaluator;
    private readonly MinimizationMethod method;
    private readonly IterationState state;
    private readonly double[] previousX;
    private readonly double[] retaken;
    private readonly List<IterationRecord>? trace;
    private readonly CancellationToken cancellation;
    private int iterations;

    internal Minimizer(Objective objective, ReadOnlySpan<double> x0, OptimizerOptions options, CancellationToken cancellation)
    {
        this.options = options;
        this.cancellation = cancellation;
        evaluator = new ObjectiveEvaluator(objective, WithoutStepCheck(options.Differentiation), cancellation,
            Switching(options, x0.Length), options.HessianSparsity, defaultDifferentiation: options.Differentiation is null);
        method = MinimizationMethod.Create(options, x0.Length);
        state = new IterationState(x0.Length);
        x0.CopyTo(state.X);
        previousX = new double[x0.Length];
        retaken = new double[x0.Length];
        trace = options.RecordTrace ? [] : null;
    }

    internal OptimizationResult Run()
    {
        try
        {
            return Iterate();
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The token fired inside a numerical derivative; the state still holds the last accepted iterate.
            return Result(StopReason.Cancelled);
        }
    }

    private OptimizationResult Iterate()
    {
        if (cancellation.IsCancellationRequested) return Result(StopReason.Cancelled);
        state.Value = evaluator.Value(state.X);
        if (!double.IsFinite(state.Value) || !evaluator.Gradient(state.X, state.Value, state.Gradient))
            return Result(StopReason.NonFiniteValue);
        Record(0);
        if (GradientIsSmall()) return Result(StopReason.GradientTolerance);
        while (true)
        {
            if (cancellation.IsCancellationRequested) return Result(StopReason.Cancelled);
            if (iterations >= options.MaxIterations) return Result(StopReason.MaxIterations);
            if (evaluator.FunctionEvaluations >= options.MaxEvaluations) return Result(StopReason.MaxEvaluations);
            state.X.CopyTo(previousX, 0);
            var previousValue = state.Value;
            switch (method.Step(state, evaluator))
            {
                case StepOutcome.NonFinite: return Result(StopReason.NonFiniteValue);
                case StepOutcome.LineSearchFailed or StepOutcome.RadiusCollapsed
                    when options.Method is OptimizationMethod.Newton or OptimizationMethod.TrustRegionNewton &&
                         !GradientIsNoise() && evaluator.CanTurnAdaptive:
                    if (!evaluator.TurnAdaptive(state, retaken)) return Result(StopReason.NonFiniteValue);
                    method.Restart();
                    if (GradientIsSmall()) return Result(StopReason.GradientTolerance);
                    continue;
                case StepOutcome.LineSearchFailed:
                    return Result(GradientIsNoise() ? StopReason.AttainableAccuracy : StopReason.LineSearchFailed);
                case StepOutcome.RadiusCollapsed:
                    return Result(GradientIsNoise() ? StopReason.AttainableAccuracy : StopReason.TrustRegionCollapsed);
            }
            iterations++;
            var stepNorm = Vectors.MaxAbsDifference(state.X, previousX);
            Record(stepNorm);
            if (GradientIsSmall()) return Result(StopReason.GradientTolerance);
            if (options.FunctionTolerance > 0 &&
                Math.Abs(previousValue - state.Value) <= options.FunctionTolerance * Math.Max(Math.Abs(previousValue), Math.Abs(state.Value)))
                return Result(StopReason.FunctionTolerance);
            if (options.StepTolerance > 0 && stepNorm <= options.StepTolerance * Math.Max(1.0, Vectors.MaxAbs(state.X)))
                return Result(StopReason.StepTolerance);
        }
    }

    /// <summary>The gradient scales with f, so its tolerance is relative to |f| once |f| exceeds 1.</summary>
    private bool GradientIsSmall() =>
        Vectors.MaxAbs(state.Gradient) <= options.GradientTolerance * options.ValueScale(state.Value);

    /// <summary>True when every |∂f/∂xᵢ| is within a small multiple of the rounding error of the
    /// gradient at this f: ε^(2/3)·|f|/max(1, |xᵢ|) for central differences on their optimal step,
    /// ε·|f|/max(1, |xᵢ|) for an analytic gradient. Such a gradient is zero to attainable accuracy.</summary>
    private bool GradientIsNoise()
    {
        var relative = evaluator.HasAnalyticGradient ? DoubleEpsilon : NumericalNoise;
        var scale = NoiseMultiple * relative * options.ValueScale(state.Value);
        for (var i = 0; i < state.N; i++)
            if (!(Math.Abs(state.Gradient[i]) <= scale / Math.Max(1.0, Math.Abs(state.X[i])))) return false;
        return true;
    }

    private const double DoubleEpsilon = 2.220446049250313e-16;

    /// <summary>ε^(2/3), the relative rounding error of a central difference on its optimal step.</summary>
    private static readonly double NumericalNoise = Math.Cbrt(DoubleEpsilon * DoubleEpsilon);

    /// <summary>How far above the rounding estimate a gradient may be and still count as noise: f's
    /// own rounding is several ε when it sums many terms.</summary>
    private const double NoiseMultiple = 100;

    private void Record(double stepNorm)
    {
        if (trace is null && options.Progress is null) return;
        var record = new IterationRecord(iterations, (double[])state.X.Clone(), state.Value, Vectors.MaxAbs(state.Gradient),
            stepNorm, evaluator.FunctionEvaluations);
        trace?.Add(record);
        options.Progress?.Invoke(record);
    }

    private OptimizationResult Result(StopReason reason)
    {
        // A start where f or ∇f is not finite has no finite gradient norm to report.
        var gradientNorm = Vectors.MaxAbs(state.Gradient);
        return new OptimizationResult((double[])state.X.Clone(), state.Value, gradientNorm, iterations,
            evaluator.FunctionEvaluations, evaluator.GradientEvaluations, evaluator.HessianEvaluations, reason, trace)
        {
            HessianColors = evaluator.HessianColors,
        };
    }
}
