namespace DiffNative.Optimization;

/// <summary>BFGS on a dense inverse-Hessian approximation H: d = −H∇f, a strong Wolfe step, then
/// H ← (I − ρsyᵀ)H(I − ρysᵀ) + ρssᵀ, from H₀ = I as in SciPy, or, when
/// <paramref name="scaleInitialHessian"/> (null: when the gradient is numerical), from (sᵀy/yᵀy)I at
/// the first update (Shanno and Phua; Nocedal and Wright, eq. 6.20): that halves the iterations on
/// Wood and extended Rosenbrock but costs 25–30 % more on Rosenbrock and Powell singular, past
/// SciPy's counts there with analytic gradients; with numerical ones it costs 0–7 % there.</summary>
internal sealed class Bfgs(int n, LineSearch lineSearch, bool? scaleInitialHessian = null) : MinimizationMethod
{
    private readonly double[] inverse = new double[n * n];
    private readonly double[] direction = new double[n];
    private readonly double[] previousX = new double[n];
    private readonly double[] previousGradient = new double[n];
    private readonly double[] retaken = new double[n];
    private readonly double[] s = new double[n];
    private readonly double[] y = new double[n];
    private readonly double[] hy = new double[n];
    private bool updated;

    internal override StepOutcome Step(IterationState state, ObjectiveEvaluator evaluator)
    {
        if (!updated) ResetToIdentity();
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
        if (outcome == StepOutcome.LineSearchFailed && updated)
        {
            // The approximation may have gone bad (rounding, a poor numerical gradient): restart from −∇f once.
            updated = false;
            ResetToIdentity();
            Direction(state.Gradient);
            outcome = lineSearch.Search(state, direction, FirstStep(state), evaluator, out _);
        }
        if (outcome == StepOutcome.Moved) Update(state, scaleInitialHessian ?? !evaluator.HasAnalyticGradient);
        return outcome;
    }

    /// <summary>Before any curvature is known the step length is a guess: SciPy's, which expects
    /// the first step to lower f by ‖g‖/2. Afterwards the quasi-Newton step α = 1.</summary>
    private double FirstStep(IterationState state) =>
        updated ? 1.0 : Math.Min(1.0, 1.01 / Math.Sqrt(Vectors.Dot(state.Gradient, state.Gradient)));

    private void Direction(ReadOnlySpan<double> g)
    {
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++) sum -= inverse[i * n + j] * g[j];
            direction[i] = sum;
        }
        if (!(Vectors.Dot(direction, g) < 0))
        {
            ResetToIdentity();
            updated = false;
            for (var i = 0; i < n; i++) direction[i] = -g[i];
        }
    }

    private void Update(IterationState state, bool scale)
    {
        for (var i = 0; i < n; i++)
        {
            s[i] = state.X[i] - previousX[i];
            y[i] = state.Gradient[i] - previousGradient[i];
        }
        var sy = Vectors.Dot(s, y);
        // Without positive curvature along s the update would lose positive definiteness: skip it.
        if (!(sy > 1e-10 * Math.Sqrt(Vectors.Dot(s, s) * Vectors.Dot(y, y)))) return;
        // The first update starts from the inverse curvature along the first step instead of I.
        if (!updated && scale) ResetToIdentity(sy / Vectors.Dot(y, y));
        updated = true;
        var rho = 1 / sy;
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++) sum += inverse[i * n + j] * y[j];
            hy[i] = sum;
        }
        var yhy = Vectors.Dot(y, hy);
        var ss = rho * rho * yhy + rho;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                inverse[i * n + j] += ss * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
    }

    private void ResetToIdentity(double scale = 1.0)
    {
        Array.Clear(inverse);
        for (var i = 0; i < n; i++) inverse[i * n + i] = scale;
    }
}
