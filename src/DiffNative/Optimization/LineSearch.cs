namespace DiffNative.Optimization;

/// <summary>Chooses how far to go along a descent direction. One instance per minimisation; it
/// owns its trial buffers, so a search allocates nothing.</summary>
internal abstract class LineSearch(int n)
{
    protected double[] Trial { get; } = new double[n];
    protected double[] TrialGradient { get; } = new double[n];

    /// <summary>Searches along <paramref name="direction"/> starting with <paramref name="initialStep"/>;
    /// on success the state holds the new point and <paramref name="step"/> the accepted α.</summary>
    internal abstract StepOutcome Search(IterationState state, ReadOnlySpan<double> direction, double initialStep,
        ObjectiveEvaluator evaluator, out double step);

    internal static LineSearch Create(LineSearchMethod method, int n, OptimizerOptions options) => method switch
    {
        LineSearchMethod.Backtracking => new BacktrackingLineSearch(n, options.ArmijoParameter),
        LineSearchMethod.StrongWolfe => new StrongWolfeLineSearch(n, options.ArmijoParameter, options.CurvatureParameter),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a line search."),
    };

    /// <summary>True when x + α·d rounds to x in every coordinate: smaller steps cannot help.</summary>
    protected static bool StepVanishes(ReadOnlySpan<double> x, double alpha, ReadOnlySpan<double> d)
    {
        for (var i = 0; i < x.Length; i++)
            if (x[i] + alpha * d[i] != x[i]) return false;
        return true;
    }
}
