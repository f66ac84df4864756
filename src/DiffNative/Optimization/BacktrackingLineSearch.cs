namespace DiffNative.Optimization;

/// <summary>Backtracking until the Armijo condition f(x + αd) ≤ f(x) + c₁α∇f·d holds. Each cut
/// minimises the quadratic through f(x), ∇f·d and f(x + αd), kept within [0.1α, 0.5α] so that it
/// neither stalls nor collapses. A NaN or infinite trial value halves the step.</summary>
internal sealed class BacktrackingLineSearch(int n, double c1) : LineSearch(n)
{
    private const int MaxTrials = 60;

    internal override StepOutcome Search(IterationState state, ReadOnlySpan<double> direction, double initialStep,
        ObjectiveEvaluator evaluator, out double step)
    {
        step = 0;
        var f0 = state.Value;
        var slope = Vectors.Dot(state.Gradient, direction);
        if (!(slope < 0)) return StepOutcome.LineSearchFailed;
        var alpha = initialStep;
        var lastNonFinite = false;
        for (var k = 0; k < MaxTrials && !StepVanishes(state.X, alpha, direction); k++)
        {
            Vectors.MoveAlong(state.X, alpha, direction, Trial);
            var f = evaluator.Value(Trial);
            lastNonFinite = !double.IsFinite(f);
            if (f <= f0 + c1 * alpha * slope)
            {
                if (!evaluator.Gradient(Trial, TrialGradient)) return StepOutcome.NonFinite;
                state.Accept(Trial, f, TrialGradient);
                step = alpha;
                return StepOutcome.Moved;
            }
            if (lastNonFinite)
            {
                alpha *= 0.5;
                continue;
            }
            var quadratic = -slope * alpha * alpha / (2 * (f - f0 - slope * alpha));
            alpha = Math.Clamp(double.IsFinite(quadratic) ? quadratic : 0.5 * alpha, 0.1 * alpha, 0.5 * alpha);
        }
        return lastNonFinite ? StepOutcome.NonFinite : StepOutcome.LineSearchFailed;
    }
}
