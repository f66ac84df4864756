namespace DiffNative.Optimization;

/// <summary>The first-order methods of machine learning: each iteration moves by a rule of the
/// gradient and the method's memory, with no line search. f is evaluated at every iterate anyway,
/// for the result and to stop on a NaN or infinite value rather than carry it on.</summary>
internal abstract class FixedStepMethod(int n) : MinimizationMethod
{
    private readonly double[] next = new double[n];
    private readonly double[] nextGradient = new double[n];

    /// <summary>Writes the next iterate from x and the gradient g there.</summary>
    protected abstract void Update(ReadOnlySpan<double> x, ReadOnlySpan<double> g, Span<double> next);

    /// <summary>One update of x in place, for mini-batch training (<see cref="MachineLearning.ParameterUpdater"/>).
    /// Safe because every rule here is elementwise: next[i] depends on x[i] and g[i] only.</summary>
    internal void UpdateInPlace(Span<double> x, ReadOnlySpan<double> g) => Update(x, g, x);

    internal sealed override StepOutcome Step(IterationState state, ObjectiveEvaluator evaluator)
    {
        Update(state.X, state.Gradient, next);
        if (!Vectors.AllFinite(next)) return StepOutcome.NonFinite;
        var f = evaluator.Value(next);
        if (!double.IsFinite(f) || !evaluator.Gradient(next, nextGradient)) return StepOutcome.NonFinite;
        state.Accept(next, f, nextGradient);
        return StepOutcome.Moved;
    }
}
