namespace DiffNative.Optimization;

/// <summary>L-BFGS: the last m pairs (s, y) stand in for the inverse Hessian through the two-loop
/// recursion (Nocedal and Wright, algorithm 7.4), with H₀ = (sᵀy/yᵀy)I from the newest pair.
/// O(mn) memory and work per iteration.</summary>
internal sealed class Lbfgs(int n, int memory, LineSearch lineSearch) : MinimizationMethod
{
    private readonly double[][] s = NewRows(memory, n);
    private readonly double[][] y = NewRows(memory, n);
    private readonly double[] rho = new double[memory];
    private readonly double[] alpha = new double[memory];
    private readonly double[] direction = new double[n];
    private readonly double[] previousX = new double[n];
    private readonly double[] previousGradient = new double[n];
    private readonly double[] retaken = new double[n];
    private int count;
    private int newest = -1;

    internal override StepOutcome Step(IterationState state, ObjectiveEvaluator evaluator)
    {
        Direction(state.Gradient);
        state.X.CopyTo(previousX, 0);
        state.Gradient.CopyTo(previousGradient, 0);
        var outcome = lineSearch.Search(state, direction, FirstStep(state), evaluator, out _);
        if (outcome == StepOutcome.LineSearchFailed && evaluator.RetakeCentrally(state, retaken))
        {
            // A forward gradient too coarse to find a step: search again from the central one,
            // which is also the one the curvature pair starts from.
            state.Gradient.CopyTo(previousGradient, 0);
            Direction(state.Gradient);
            outcome = lineSearch.Search(state, direction, FirstStep(state), evaluator, out _);
        }
        if (outcome == StepOutcome.LineSearchFailed && count > 0)
        {
            count = 0;
            Direction(state.Gradient);
            outcome = lineSearch.Search(state, direction, FirstStep(state), evaluator, out _);
        }
        if (outcome == StepOutcome.Moved) Remember(state);
        return outcome;
    }

    /// <summary>As in BFGS: SciPy's guess before any curvature is known, then α = 1.</summary>
    private double FirstStep(IterationState state) =>
        count > 0 ? 1.0 : Math.Min(1.0, 1.01 / Math.Sqrt(Vectors.Dot(state.Gradient, state.Gradient)));

    private void Direction(ReadOnlySpan<double> g)
    {
        var q = direction;
        for (var i = 0; i < n; i++) q[i] = g[i];
        for (var k = 0; k < count; k++)
        {
            var j = Slot(k);
            alpha[j] = rho[j] * Vectors.Dot(s[j], q);
            for (var i = 0; i < n; i++) q[i] -= alpha[j] * y[j][i];
        }
        if (count > 0)
        {
            var gamma = 1 / (rho[newest] * Vectors.Dot(y[newest], y[newest]));
            for (var i = 0; i < n; i++) q[i] *= gamma;
        }
        for (var k = count - 1; k >= 0; k--)
        {
            var j = Slot(k);
            var beta = rho[j] * Vectors.Dot(y[j], q);
            for (var i = 0; i < n; i++) q[i] += s[j][i] * (alpha[j] - beta);
        }
        for (var i = 0; i < n; i++) q[i] = -q[i];
        if (!(Vectors.Dot(q, g) < 0))
        {
            count = 0;
            for (var i = 0; i < n; i++) q[i] = -g[i];
        }
    }

    /// <summary>The slot of the k-th newest pair (k = 0 is the newest).</summary>
    private int Slot(int k) => ((newest - k) % memory + memory) % memory;

    private void Remember(IterationState state)
    {
        var next = (newest + 1) % memory;
        var sNext = s[next];
        var yNext = y[next];
        for (var i = 0; i < n; i++)
        {
            sNext[i] = state.X[i] - previousX[i];
            yNext[i] = state.Gradient[i] - previousGradient[i];
        }
        var sy = Vectors.Dot(sNext, yNext);
        // A pair without positive curvature would make the implied matrix indefinite: drop it.
        if (!(sy > 1e-10 * Math.Sqrt(Vectors.Dot(sNext, sNext) * Vectors.Dot(yNext, yNext))))
        {
            // The slot held the oldest pair when the memory was full; it is gone now.
            if (count == memory) count--;
            return;
        }
        rho[next] = 1 / sy;
        newest = next;
        count = Math.Min(count + 1, memory);
    }

    private static double[][] NewRows(int rows, int columns)
    {
        var result = new double[rows][];
        for (var i = 0; i < rows; i++) result[i] = new double[columns];
        return result;
    }
}
