namespace DiffNative.Optimization;

/// <summary>Newton's method: d solves (H + τI)d = −∇f with the smallest shift τ ≥ 0 that makes the
/// matrix positive definite, so d always points downhill, then a line search from α = 1 (the full
/// Newton step, taken whenever it decreases f enough, which gives quadratic convergence).</summary>
internal sealed class Newton(int n, LineSearch lineSearch) : MinimizationMethod
{
    private readonly double[] hessian = new double[n * n];
    private readonly double[] direction = new double[n];
    private readonly ModifiedCholesky cholesky = new(n);

    internal override StepOutcome Step(IterationState state, ObjectiveEvaluator evaluator)
    {
        if (!evaluator.Hessian(state.X, hessian)) return StepOutcome.NonFinite;
        if (!cholesky.SolveNewton(hessian, state.Gradient, direction)) return StepOutcome.NonFinite;
        return lineSearch.Search(state, direction, 1.0, evaluator, out _);
    }
}
