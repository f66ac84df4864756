namespace DiffNative.Optimization;

/// <summary>Gradient descent with a line search along −∇f. The first trial step is η; later ones
/// assume the first-order change of f repeats (Nocedal and Wright, eq. 3.60):
/// α₀ = αₖ₋₁‖gₖ₋₁‖²/‖gₖ‖².</summary>
internal sealed class SteepestDescent(int n, double rate, LineSearch lineSearch) : MinimizationMethod
{
    private readonly double[] direction = new double[n];
    private double previousStep;
    private double previousSquaredNorm = double.NaN;

    internal override StepOutcome Step(IterationState state, ObjectiveEvaluator evaluator)
    {
        for (var i = 0; i < n; i++) direction[i] = -state.Gradient[i];
        var squaredNorm = Vectors.Dot(direction, direction);
        var initial = double.IsNaN(previousSquaredNorm) ? rate : previousStep * previousSquaredNorm / squaredNorm;
        var outcome = lineSearch.Search(state, direction, initial, evaluator, out var step);
        if (outcome == StepOutcome.Moved)
        {
            previousStep = step;
            previousSquaredNorm = squaredNorm;
        }
        return outcome;
    }
}
